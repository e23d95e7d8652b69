package certifications

// ReportType is the kind of a campaign report; StartCampaignReport and
// RunReport take it. Unknown values are kept as sent.
type ReportType string

// ReportType values defined by the API.
const (
	// ReportTypeCampaignCompositionReport means what the campaign reviews.
	ReportTypeCampaignCompositionReport ReportType = "CAMPAIGN_COMPOSITION_REPORT"
	// ReportTypeCampaignRemediationStatusReport means where the revocations stand.
	ReportTypeCampaignRemediationStatusReport ReportType = "CAMPAIGN_REMEDIATION_STATUS_REPORT"
	// ReportTypeCampaignStatusReport means where each certification stands.
	ReportTypeCampaignStatusReport ReportType = "CAMPAIGN_STATUS_REPORT"
	// ReportTypeCertificationSignoffReport means who signed what, when.
	ReportTypeCertificationSignoffReport ReportType = "CERTIFICATION_SIGNOFF_REPORT"
)
