package certifications

import "slices"

// CampaignReferenceType is the kind of object a CampaignReference points at.
// Unknown values are kept as sent.
type CampaignReferenceType string

// CampaignReferenceType values defined by the API.
const (
	// CampaignReferenceTypeCampaign is the only value the API defines.
	CampaignReferenceTypeCampaign CampaignReferenceType = "CAMPAIGN"
)

// campaignReferenceTypeValues lists the CampaignReferenceType values the API defines, in its order.
var campaignReferenceTypeValues = []CampaignReferenceType{
	CampaignReferenceTypeCampaign,
}

// CampaignReferenceTypeValues returns the values of CampaignReferenceType
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func CampaignReferenceTypeValues() []CampaignReferenceType {
	return slices.Clone(campaignReferenceTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReferenceType) IsKnown() bool {
	return slices.Contains(campaignReferenceTypeValues, v)
}
