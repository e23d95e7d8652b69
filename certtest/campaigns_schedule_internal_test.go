package certtest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

func list(v ...string) certifications.ScheduleSelector {
	return certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: v}
}

func span(from, to string, interval int64) certifications.ScheduleSelector {
	s := certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeRange, Values: []string{from, to}}
	if interval > 0 {
		s.Interval = &interval
	}
	return s
}

func every(s certifications.ScheduleSelector, interval int64) *certifications.ScheduleSelector {
	s.Interval = &interval
	return &s
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The run times of schedules of every type, after 2025-03-03T09:00Z (a
// Monday).
func TestScheduleRunTimes(t *testing.T) {
	const (
		weekly   = certifications.ScheduleTypeWeekly
		monthly  = certifications.ScheduleTypeMonthly
		annually = certifications.ScheduleTypeAnnually
		calendar = certifications.ScheduleTypeCalendar
	)
	start := utc("2025-03-03T09:00:00Z")
	for name, tc := range map[string]struct {
		s    certifications.Schedule
		want []string
	}{
		"weekly on Sunday and Monday at 9": {
			certifications.Schedule{Type: weekly, Days: ptr(list("1", "MON")), Hours: list("9")},
			[]string{"2025-03-09T09:00:00Z", "2025-03-10T09:00:00Z", "2025-03-16T09:00:00Z"},
		},
		"every 3 hours from 8": {
			certifications.Schedule{Type: weekly, Days: ptr(list("2")), Hours: *every(list("8"), 3)},
			[]string{"2025-03-03T11:00:00Z", "2025-03-03T14:00:00Z", "2025-03-03T17:00:00Z", "2025-03-03T20:00:00Z", "2025-03-03T23:00:00Z", "2025-03-10T08:00:00Z"},
		},
		"hours range over midnight": {
			certifications.Schedule{Type: weekly, Days: ptr(span("2", "3", 0)), Hours: span("22", "1", 0)},
			[]string{"2025-03-03T22:00:00Z", "2025-03-03T23:00:00Z", "2025-03-04T00:00:00Z", "2025-03-04T01:00:00Z", "2025-03-04T22:00:00Z"},
		},
		"monthly on the last day and the day before": {
			certifications.Schedule{Type: monthly, Days: ptr(list("L", "L-1")), Hours: list("0")},
			[]string{"2025-03-30T00:00:00Z", "2025-03-31T00:00:00Z", "2025-04-29T00:00:00Z", "2025-04-30T00:00:00Z"},
		},
		"monthly from the 29th to the last day, every other day": {
			certifications.Schedule{Type: monthly, Days: ptr(span("28", "L", 2)), Hours: list("12")},
			[]string{"2025-03-28T12:00:00Z", "2025-03-30T12:00:00Z", "2025-04-28T12:00:00Z", "2025-04-30T12:00:00Z", "2025-05-28T12:00:00Z"},
		},
		"quarterly on the first": {
			certifications.Schedule{Type: annually, Months: every(list("1"), 3), Days: ptr(list("1")), Hours: list("6")},
			[]string{"2025-04-01T06:00:00Z", "2025-07-01T06:00:00Z", "2025-10-01T06:00:00Z", "2026-01-01T06:00:00Z"},
		},
		"every year on 31 December": {
			certifications.Schedule{Type: annually, Days: ptr(list("--12-31")), Hours: list("17")},
			[]string{"2025-12-31T17:00:00Z", "2026-12-31T17:00:00Z"},
		},
		"on two dates": {
			certifications.Schedule{Type: calendar, Days: ptr(list("2025-03-03", "2025-05-01")), Hours: list("9", "10")},
			[]string{"2025-03-03T10:00:00Z", "2025-05-01T09:00:00Z", "2025-05-01T10:00:00Z"},
		},
		"until it expires": {
			certifications.Schedule{Type: weekly, Days: ptr(list("2")), Hours: list("9"), Expiration: ptr(utc("2025-03-20T00:00:00Z"))},
			[]string{"2025-03-10T09:00:00Z", "2025-03-17T09:00:00Z"},
		},
		"in a time zone": {
			certifications.Schedule{Type: weekly, Days: ptr(list("2")), Hours: list("9"), TimeZoneID: ptr("America/New_York")},
			[]string{"2025-03-03T14:00:00Z", "2025-03-10T13:00:00Z"}, // daylight saving time starts on 9 March
		},
	} {
		t.Run(name, func(t *testing.T) {
			p, err := planSchedule(tc.s)
			require.NoError(t, err)
			var got []string
			at := start
			for range len(tc.want) + 1 {
				next, ok := p.next(at)
				if !ok {
					break
				}
				got = append(got, next.Format(time.RFC3339))
				at = next
			}
			assert.Equal(t, tc.want, got[:min(len(got), len(tc.want))])
			if tc.s.Expiration != nil || tc.s.Type == calendar {
				assert.Len(t, got, len(tc.want), "no run after the last")
			}
		})
	}
}

func TestScheduleRefusesWhatItCannotRun(t *testing.T) {
	weekly := certifications.ScheduleTypeWeekly
	for name, tc := range map[string]struct {
		s    certifications.Schedule
		want string
	}{
		"unknown type":      {certifications.Schedule{Type: "DAILY", Days: ptr(list("1")), Hours: list("9")}, `type "DAILY" is not WEEKLY`},
		"no days":           {certifications.Schedule{Type: weekly, Hours: list("9")}, "days is required"},
		"no hours":          {certifications.Schedule{Type: weekly, Days: ptr(list("1"))}, "hours needs at least one value"},
		"hour 24":           {certifications.Schedule{Type: weekly, Days: ptr(list("1")), Hours: list("24")}, `hours value "24" is not from 0 to 23`},
		"weekday 8":         {certifications.Schedule{Type: weekly, Days: ptr(list("8")), Hours: list("9")}, `days value "8" is not from 1 to 7`},
		"months on weekly":  {certifications.Schedule{Type: weekly, Months: ptr(list("1")), Days: ptr(list("1")), Hours: list("9")}, "months is only valid for ANNUALLY"},
		"day 32":            {certifications.Schedule{Type: certifications.ScheduleTypeMonthly, Days: ptr(list("32")), Hours: list("9")}, `days value "32" is not a day of the month`},
		"bad date":          {certifications.Schedule{Type: certifications.ScheduleTypeCalendar, Days: ptr(list("31/12/2025")), Hours: list("9")}, `days value "31/12/2025" is not a date such as "2020-12-31"`},
		"range of three":    {certifications.Schedule{Type: weekly, Days: ptr(list("1")), Hours: certifications.ScheduleSelector{Type: "RANGE", Values: []string{"1", "2", "3"}}}, "hours RANGE takes two values"},
		"zero interval":     {certifications.Schedule{Type: weekly, Days: ptr(list("1")), Hours: *every(list("1"), 0)}, "hours interval 0 is not from 1 to 24"},
		"unknown time zone": {certifications.Schedule{Type: weekly, Days: ptr(list("1")), Hours: list("9"), TimeZoneID: ptr("Mars/Olympus")}, `timeZoneId "Mars/Olympus" is not a time zone`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := planSchedule(tc.s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestDatePlaceholders(t *testing.T) {
	at := utc("2025-03-03T14:05:09Z").Add(42 * time.Millisecond)
	for in, want := range map[string]string{
		"Q1 %Y review":             "Q1 2025 review",
		"%F %T":                    "2025-03-03 14:05:09",
		"%a %A %b %B %h %d %e %j":  "Mon Monday Mar March Mar 03 3 062",
		"%D %R %r %p":              "03/03/25 14:05 02:05:09 PM pm",
		"%H %I %k %l %M %S %L %y":  "14 02 14 2 05 09 042 25",
		"%C %s %Q %Z %z":           "20 1741010709 1741010709042 UTC +0000",
		"%c":                       "Mon Mar 03 14:05:09 UTC 2025",
		"100%% sure, %q stays, 5%": "100% sure, %q stays, 5%",
		"no placeholders":          "no placeholders",
	} {
		assert.Equal(t, want, datePlaceholders(in, at), in)
	}
}
