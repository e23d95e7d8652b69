package certifications

// CampaignTemplateOwnerRefType is the kind of object a
// CampaignTemplateOwnerRef names. Unknown values are kept as sent.
type CampaignTemplateOwnerRefType string

// CampaignTemplateOwnerRefType values defined by the API.
const (
	// CampaignTemplateOwnerRefTypeIdentity means an identity.
	CampaignTemplateOwnerRefTypeIdentity CampaignTemplateOwnerRefType = "IDENTITY"
)
