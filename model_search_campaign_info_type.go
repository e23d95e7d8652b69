package certifications

// SearchCampaignInfoType says what a SEARCH campaign reviews. Unknown values
// are kept as sent.
type SearchCampaignInfoType string

// SearchCampaignInfoType values defined by the API.
const (
	// SearchCampaignInfoTypeIdentity means the campaign reviews the access of the identities found.
	SearchCampaignInfoTypeIdentity SearchCampaignInfoType = "IDENTITY"
	// SearchCampaignInfoTypeAccess means the campaign reviews the access found.
	SearchCampaignInfoTypeAccess SearchCampaignInfoType = "ACCESS"
)
