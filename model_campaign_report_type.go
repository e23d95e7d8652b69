package certifications

// CampaignReportType is the kind of object a CampaignReport is. Unknown
// values are kept as sent.
type CampaignReportType string

// CampaignReportType values defined by the API.
const (
	// CampaignReportTypeReportResult means a report result.
	CampaignReportTypeReportResult CampaignReportType = "REPORT_RESULT"
)
