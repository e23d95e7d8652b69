package certifications

// ReportResultsFormat is a format a report file is available in. Unknown
// values are kept as sent.
type ReportResultsFormat string

// ReportResultsFormat values defined by the API.
const (
	// ReportResultsFormatCSV means comma-separated values.
	ReportResultsFormatCSV ReportResultsFormat = "CSV"
	// ReportResultsFormatPDF means a PDF document.
	ReportResultsFormatPDF ReportResultsFormat = "PDF"
)
