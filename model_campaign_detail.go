package certifications

// CampaignDetail is the shape GetActiveCampaigns and GetCampaign return.
type CampaignDetail string

// CampaignDetail values defined by the API.
const (
	// CampaignDetailSlim means the common fields only (the default).
	CampaignDetailSlim CampaignDetail = "SLIM"
	// CampaignDetailFull means every field, the type-specific parts included.
	CampaignDetailFull CampaignDetail = "FULL"
)
