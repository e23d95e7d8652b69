package certifications

// ReportResultsReportType is the kind of report a ReportResults describes.
// Unknown values are kept as sent.
type ReportResultsReportType string

// ReportResultsReportType values defined by the API.
const (
	// ReportResultsReportTypeAccounts means accounts.
	ReportResultsReportTypeAccounts ReportResultsReportType = "ACCOUNTS"
	// ReportResultsReportTypeIdentitiesDetails means identity details.
	ReportResultsReportTypeIdentitiesDetails ReportResultsReportType = "IDENTITIES_DETAILS"
	// ReportResultsReportTypeIdentities means identities.
	ReportResultsReportTypeIdentities ReportResultsReportType = "IDENTITIES"
	// ReportResultsReportTypeIdentityProfileIdentityError means identity profile errors.
	ReportResultsReportTypeIdentityProfileIdentityError ReportResultsReportType = "IDENTITY_PROFILE_IDENTITY_ERROR"
	// ReportResultsReportTypeOrphanIdentities means orphan identities.
	ReportResultsReportTypeOrphanIdentities ReportResultsReportType = "ORPHAN_IDENTITIES"
	// ReportResultsReportTypeSearchExport means a search export.
	ReportResultsReportTypeSearchExport ReportResultsReportType = "SEARCH_EXPORT"
	// ReportResultsReportTypeUncorrelatedAccounts means uncorrelated accounts.
	ReportResultsReportTypeUncorrelatedAccounts ReportResultsReportType = "UNCORRELATED_ACCOUNTS"
)
