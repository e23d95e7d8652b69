package certifications

// CampaignReferenceType is the kind of object a CampaignReference points at.
// Unknown values are kept as sent.
type CampaignReferenceType string

// CampaignReferenceType values defined by the API.
const (
	// CampaignReferenceTypeCampaign is the only value the API defines.
	CampaignReferenceTypeCampaign CampaignReferenceType = "CAMPAIGN"
)
