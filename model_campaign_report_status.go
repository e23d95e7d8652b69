package certifications

// CampaignReportStatus is the state of a campaign report's last run.
// Unknown values are kept as sent.
type CampaignReportStatus string

// CampaignReportStatus values defined by the API.
const (
	// CampaignReportStatusSuccess means the report ran.
	CampaignReportStatusSuccess CampaignReportStatus = "SUCCESS"
	// CampaignReportStatusWarning means the report ran with warnings.
	CampaignReportStatusWarning CampaignReportStatus = "WARNING"
	// CampaignReportStatusError means the report failed.
	CampaignReportStatusError CampaignReportStatus = "ERROR"
	// CampaignReportStatusTerminated means the report was stopped.
	CampaignReportStatusTerminated CampaignReportStatus = "TERMINATED"
	// CampaignReportStatusTempError means the report failed for now and may be run again.
	CampaignReportStatusTempError CampaignReportStatus = "TEMP_ERROR"
	// CampaignReportStatusPending means the report is running.
	CampaignReportStatusPending CampaignReportStatus = "PENDING"
)
