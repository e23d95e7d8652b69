package certifications

// ScheduleType is the cadence of a Schedule. Unknown values are kept as
// sent.
type ScheduleType string

// ScheduleType values defined by the API.
const (
	// ScheduleTypeWeekly means every week, on the selected days.
	ScheduleTypeWeekly ScheduleType = "WEEKLY"
	// ScheduleTypeMonthly means every month, on the selected days.
	ScheduleTypeMonthly ScheduleType = "MONTHLY"
	// ScheduleTypeAnnually means every year, in the selected months and days.
	ScheduleTypeAnnually ScheduleType = "ANNUALLY"
	// ScheduleTypeCalendar means on the selected dates.
	ScheduleTypeCalendar ScheduleType = "CALENDAR"
)
