package certifications

// ReportResultsStatus is how a report task ended. Unknown values are kept
// as sent.
type ReportResultsStatus string

// ReportResultsStatus values defined by the API.
const (
	// ReportResultsStatusSuccess means it ran.
	ReportResultsStatusSuccess ReportResultsStatus = "SUCCESS"
	// ReportResultsStatusFailure means it failed.
	ReportResultsStatusFailure ReportResultsStatus = "FAILURE"
	// ReportResultsStatusWarning means it ran with warnings.
	ReportResultsStatusWarning ReportResultsStatus = "WARNING"
	// ReportResultsStatusTerminated means it was stopped.
	ReportResultsStatusTerminated ReportResultsStatus = "TERMINATED"
)
