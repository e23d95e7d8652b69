package certifications

import "time"

// Schedule says when a campaign template generates campaigns: a WEEKLY,
// MONTHLY, ANNUALLY or CALENDAR cadence, narrowed by months, days and
// hours.
type Schedule struct {
	// Type is the schedule's cadence.
	Type ScheduleType `json:"type"`
	// Months selects the months; only ANNUALLY schedules take it.
	Months *ScheduleSelector `json:"months,omitempty"`
	// Days selects the days of the week (WEEKLY), of the month (MONTHLY, ANNUALLY with Months), dates without a year such as --12-31 (ANNUALLY without Months) or dates (CALENDAR).
	Days *ScheduleSelector `json:"days,omitempty"`
	// Hours selects the hours of the day.
	Hours ScheduleSelector `json:"hours"`
	// Expiration is when the schedule stops, or nil for never.
	Expiration *time.Time `json:"expiration,omitempty"`
	// TimeZoneID is the IANA time zone the schedule runs in, UTC when unset.
	TimeZoneID *string `json:"timeZoneId,omitempty"`
}
