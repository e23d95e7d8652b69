package certifications

import "time"

// CampaignReport is one report of a campaign and the state of its last
// run. Its ID is the task result ID that ReportsApi.GetReport downloads.
type CampaignReport struct {
	// Type is always REPORT_RESULT.
	Type *CampaignReportType `json:"type,omitempty"`
	// ID identifies the report result (the taskResultId of GetReport).
	ID *string `json:"id,omitempty"`
	// Name is the report's name.
	Name *string `json:"name,omitempty"`
	// Status is the state of the report's last run.
	Status *CampaignReportStatus `json:"status,omitempty"`
	// ReportType is what the report shows.
	ReportType *ReportType `json:"reportType,omitempty"`
	// LastRunAt is when the report last ran.
	LastRunAt *time.Time `json:"lastRunAt,omitempty"`
}
