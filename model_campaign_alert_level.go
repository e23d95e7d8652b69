package certifications

// CampaignAlertLevel says how serious a CampaignAlert is. Unknown values are
// kept as sent.
type CampaignAlertLevel string

// CampaignAlertLevel values defined by the API.
const (
	// CampaignAlertLevelError means the alert stopped the campaign.
	CampaignAlertLevelError CampaignAlertLevel = "ERROR"
	// CampaignAlertLevelWarn means the alert is a warning.
	CampaignAlertLevelWarn CampaignAlertLevel = "WARN"
	// CampaignAlertLevelInfo means the alert is informational.
	CampaignAlertLevelInfo CampaignAlertLevel = "INFO"
)
