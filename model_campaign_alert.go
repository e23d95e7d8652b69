package certifications

// CampaignAlert is a problem the server found with a campaign.
type CampaignAlert struct {
	// Level says how serious the alert is.
	Level *CampaignAlertLevel `json:"level,omitempty"`
	// Localizations holds the alert's message, in one or more languages.
	Localizations []ErrorMessageDto `json:"localizations,omitempty"`
}
