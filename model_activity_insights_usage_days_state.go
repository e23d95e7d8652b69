package certifications

// ActivityInsightsUsageDaysState says whether ActivityInsights.UsageDays is
// based on complete data. Unknown values are kept as sent.
type ActivityInsightsUsageDaysState string

// ActivityInsightsUsageDaysState values defined by the API.
const (
	// ActivityInsightsUsageDaysStateComplete means the usage data is
	// complete.
	ActivityInsightsUsageDaysStateComplete ActivityInsightsUsageDaysState = "COMPLETE"
	// ActivityInsightsUsageDaysStateUnknown means the usage is not known.
	// It is a defined value, so IsKnown reports true for it.
	ActivityInsightsUsageDaysStateUnknown ActivityInsightsUsageDaysState = "UNKNOWN"
)
