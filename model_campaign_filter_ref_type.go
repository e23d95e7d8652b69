package certifications

// CampaignFilterRefType is the kind of object a CampaignFilterRef names.
// Unknown values are kept as sent.
type CampaignFilterRefType string

// CampaignFilterRefType values defined by the API.
const (
	// CampaignFilterRefTypeCampaignFilter means a campaign filter.
	CampaignFilterRefTypeCampaignFilter CampaignFilterRefType = "CAMPAIGN_FILTER"
)
