package certifications

import "time"

// ReportResults describes a finished report task and the files it made.
type ReportResults struct {
	// ReportType is the kind of report.
	ReportType *ReportResultsReportType `json:"reportType,omitempty"`
	// TaskDefName is the name of the task definition that ran.
	TaskDefName *string `json:"taskDefName,omitempty"`
	// ID identifies the task result.
	ID *string `json:"id,omitempty"`
	// Created is when the report ran.
	Created *time.Time `json:"created,omitempty"`
	// Status is how the report task ended.
	Status *ReportResultsStatus `json:"status,omitempty"`
	// Duration is how long the report took, in milliseconds.
	Duration *int64 `json:"duration,omitempty"`
	// Rows is the number of rows of the report.
	Rows *int64 `json:"rows,omitempty"`
	// AvailableFormats lists the formats the file can be downloaded in.
	AvailableFormats []ReportResultsFormat `json:"availableFormats,omitempty"`
}
