package certifications

// CampaignReferenceType is the kind of object a CampaignReference points at.
// Unknown values are kept as sent.
type CampaignReferenceType string

// CampaignReferenceType values defined by the API.
const (
	// CampaignReferenceTypeCampaign is the only value the API defines.
	CampaignReferenceTypeCampaign CampaignReferenceType = "CAMPAIGN"
)

// CampaignReferenceTypeValues returns the values of CampaignReferenceType
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func CampaignReferenceTypeValues() []CampaignReferenceType {
	return []CampaignReferenceType{
		CampaignReferenceTypeCampaign,
	}
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReferenceType) IsKnown() bool {
	switch v {
	case CampaignReferenceTypeCampaign:
		return true
	}
	return false
}
