package certifications

import "slices"

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

// activityInsightsUsageDaysStateValues lists the ActivityInsightsUsageDaysState values the API defines, in its order.
var activityInsightsUsageDaysStateValues = []ActivityInsightsUsageDaysState{
	ActivityInsightsUsageDaysStateComplete,
	ActivityInsightsUsageDaysStateUnknown,
}

// ActivityInsightsUsageDaysStateValues returns the values of
// ActivityInsightsUsageDaysState defined by the API, in the order the API lists
// them. Each call returns a new slice.
func ActivityInsightsUsageDaysStateValues() []ActivityInsightsUsageDaysState {
	return slices.Clone(activityInsightsUsageDaysStateValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ActivityInsightsUsageDaysState) IsKnown() bool {
	return slices.Contains(activityInsightsUsageDaysStateValues, v)
}
