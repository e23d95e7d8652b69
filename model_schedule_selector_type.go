package certifications

// ScheduleSelectorType says how a ScheduleSelector's values are read.
// Unknown values are kept as sent.
type ScheduleSelectorType string

// ScheduleSelectorType values defined by the API.
const (
	// ScheduleSelectorTypeList means each value is selected.
	ScheduleSelectorTypeList ScheduleSelectorType = "LIST"
	// ScheduleSelectorTypeRange means the values are the two ends of a range.
	ScheduleSelectorTypeRange ScheduleSelectorType = "RANGE"
)
