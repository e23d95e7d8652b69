package certifications

// ReportFileFormat is the format ReportsApi.GetReport downloads a report
// file in.
type ReportFileFormat string

// ReportFileFormat values defined by the API.
const (
	// ReportFileFormatCSV means comma-separated values.
	ReportFileFormatCSV ReportFileFormat = "csv"
	// ReportFileFormatPDF means a PDF document.
	ReportFileFormatPDF ReportFileFormat = "pdf"
)
