package certifications

// ScheduleSelector picks the months, days or hours of a Schedule: a list
// of values, or a range of two.
type ScheduleSelector struct {
	// Type says whether Values is a list or a range.
	Type ScheduleSelectorType `json:"type"`
	// Values are the selected values, as strings ("1", "MON", "L" for the last day).
	Values []string `json:"values"`
	// Interval repeats a RANGE every Interval units.
	Interval *int64 `json:"interval,omitempty"`
}
