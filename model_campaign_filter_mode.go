package certifications

// CampaignFilterMode says whether a campaign filter includes or excludes
// what it matches. Unknown values are kept as sent.
type CampaignFilterMode string

// CampaignFilterMode values defined by the API.
const (
	// CampaignFilterModeInclusion means reviews only what matches.
	CampaignFilterModeInclusion CampaignFilterMode = "INCLUSION"
	// CampaignFilterModeExclusion means leaves out what matches.
	CampaignFilterModeExclusion CampaignFilterMode = "EXCLUSION"
)
