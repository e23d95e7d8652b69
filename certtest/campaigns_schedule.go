package certtest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/iscgo/certifications"
)

// Template schedules. A schedule is checked and expanded into sets of
// hours, days and months when it is set; the server then knows the next
// time it runs. Schedules are evaluated when a campaign or template
// request comes in (fireSchedules): each run time the sandbox clock has
// passed generates a campaign from the template, dated at its run time,
// as StartGenerateCampaignTemplate does. Nothing ticks in the background.

// maxScheduleCatchUp caps the campaigns one evaluation generates from a
// template whose run times the clock jumped over: the first ones run, the
// runs after them up to now are skipped.
const maxScheduleCatchUp = 100

// scheduleHorizon is how far ahead the next run is looked for; a schedule
// with no run time in it never runs again.
const scheduleHorizon = 5 * 366

// runPlan is a schedule expanded for matching, in its time zone.
type runPlan struct {
	typ       certifications.ScheduleType
	loc       *time.Location
	hours     [24]bool
	months    [13]bool // 1 to 12
	weekdays  [8]bool  // 1 (Sunday) to 7 (Saturday)
	monthDays [32]bool // 1 to 31
	fromEnd   [31]bool // L-n days: fromEnd[n], L is fromEnd[0]
	dates     map[string]bool
	expires   *time.Time
}

var weekdayNames = map[string]int{"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}

// planSchedule checks a schedule and expands it. The error says what is
// wrong, in the API's terms.
func planSchedule(s certifications.Schedule) (*runPlan, error) {
	p := &runPlan{typ: s.Type, loc: time.UTC, expires: s.Expiration}
	if !s.Type.IsKnown() {
		return nil, fmt.Errorf("type %q is not WEEKLY, MONTHLY, ANNUALLY or CALENDAR", s.Type)
	}
	if id := s.GetTimeZoneID(); id != "" {
		loc, err := time.LoadLocation(id)
		if err != nil {
			return nil, fmt.Errorf("timeZoneId %q is not a time zone the sandbox knows; use an IANA name such as America/Chicago", id)
		}
		p.loc = loc
	}
	hours, err := expand("hours", s.Hours, 0, 23, plainNumber)
	if err != nil {
		return nil, err
	}
	for _, h := range hours {
		p.hours[h] = true
	}
	if s.Days == nil || len(s.Days.Values) == 0 {
		return nil, fmt.Errorf("days is required for every schedule type")
	}
	if s.Months != nil && s.Type != certifications.ScheduleTypeAnnually {
		return nil, fmt.Errorf("months is only valid for ANNUALLY schedules")
	}
	for m := 1; m <= 12; m++ {
		p.months[m] = s.Months == nil
	}
	if s.Months != nil {
		months, err := expand("months", *s.Months, 1, 12, plainNumber)
		if err != nil {
			return nil, err
		}
		for _, m := range months {
			p.months[m] = true
		}
	}
	switch {
	case s.Type == certifications.ScheduleTypeWeekly:
		days, err := expand("days", *s.Days, 1, 7, func(v string) (int, error) {
			if n, ok := weekdayNames[strings.ToUpper(v)]; ok {
				return n, nil
			}
			return plainNumber(v)
		})
		if err != nil {
			return nil, err
		}
		for _, d := range days {
			p.weekdays[d] = true
		}
	case s.Type == certifications.ScheduleTypeCalendar || (s.Type == certifications.ScheduleTypeAnnually && s.Months == nil):
		layout, example := "2006-01-02", "2020-12-31"
		if s.Type == certifications.ScheduleTypeAnnually {
			layout, example = "--01-02", "--12-31"
		}
		if s.Days.Type != certifications.ScheduleSelectorTypeList {
			return nil, fmt.Errorf("days of a %s schedule without months must be a LIST of dates such as %q", s.Type, example)
		}
		p.dates = map[string]bool{}
		for _, v := range s.Days.Values {
			if _, err := time.Parse(layout, v); err != nil {
				return nil, fmt.Errorf("days value %q is not a date such as %q", v, example)
			}
			p.dates[v] = true
		}
	default: // MONTHLY, or ANNUALLY with months: days of the month
		if err := p.planMonthDays(*s.Days); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// planMonthDays reads days of the month: 1 to 31, L (the last day) and
// L-n (n days before it); a RANGE may end with L.
func (p *runPlan) planMonthDays(sel certifications.ScheduleSelector) error {
	if sel.Type == certifications.ScheduleSelectorTypeList && sel.Interval == nil {
		for _, v := range sel.Values {
			if n, ok := lastDayOffset(v); ok {
				p.fromEnd[n] = true
				continue
			}
			d, err := plainNumber(v)
			if err != nil || d < 1 || d > 31 {
				return fmt.Errorf("days value %q is not a day of the month (1 to 31, L or L-n)", v)
			}
			p.monthDays[d] = true
		}
		return nil
	}
	if sel.Type == certifications.ScheduleSelectorTypeRange && len(sel.Values) == 2 && strings.EqualFold(sel.Values[1], "L") {
		sel = certifications.ScheduleSelector{Type: sel.Type, Values: []string{sel.Values[0], "31"}, Interval: sel.Interval}
	}
	days, err := expand("days", sel, 1, 31, plainNumber)
	if err != nil {
		return err
	}
	for _, d := range days {
		p.monthDays[d] = true
	}
	return nil
}

// lastDayOffset reads L (0) and L-n (n, 1 to 30).
func lastDayOffset(v string) (int, bool) {
	v = strings.ToUpper(v)
	if v == "L" {
		return 0, true
	}
	if !strings.HasPrefix(v, "L-") {
		return 0, false
	}
	n, err := strconv.Atoi(v[2:])
	return n, err == nil && n >= 1 && n <= 30
}

func plainNumber(v string) (int, error) { return strconv.Atoi(strings.TrimSpace(v)) }

// expand lists the values a selector picks from lo to hi: a LIST of
// values, each repeated every interval when one is set, or a RANGE of two
// values, every interval (default 1) from the first to the second; a
// range whose end is before its start wraps around (hours 22 to 2).
func expand(name string, sel certifications.ScheduleSelector, lo, hi int, parse func(string) (int, error)) ([]int, error) {
	step := 0
	if sel.Interval != nil {
		if *sel.Interval < 1 || *sel.Interval > int64(hi-lo+1) {
			return nil, fmt.Errorf("%s interval %d is not from 1 to %d", name, *sel.Interval, hi-lo+1)
		}
		step = int(*sel.Interval)
	}
	var vals []int
	for _, v := range sel.Values {
		n, err := parse(v)
		if err != nil || n < lo || n > hi {
			return nil, fmt.Errorf("%s value %q is not from %d to %d", name, v, lo, hi)
		}
		vals = append(vals, n)
	}
	if len(vals) == 0 {
		return nil, fmt.Errorf("%s needs at least one value", name)
	}
	var out []int
	switch sel.Type {
	case certifications.ScheduleSelectorTypeList:
		for _, v := range vals {
			out = append(out, v)
			for n := v + step; step > 0 && n <= hi; n += step {
				out = append(out, n)
			}
		}
	case certifications.ScheduleSelectorTypeRange:
		if len(vals) != 2 {
			return nil, fmt.Errorf("%s RANGE takes two values, a start and an end; got %d", name, len(vals))
		}
		size := hi - lo + 1
		span := ((vals[1]-vals[0])%size + size) % size
		for k := 0; k <= span; k += max(step, 1) {
			out = append(out, lo+(vals[0]-lo+k)%size)
		}
	default:
		return nil, fmt.Errorf("%s type %q is not LIST or RANGE", name, sel.Type)
	}
	return out, nil
}

// dayMatches reports whether the schedule runs on a day (in its zone).
func (p *runPlan) dayMatches(day time.Time) bool {
	if !p.months[int(day.Month())] {
		return false
	}
	switch {
	case p.typ == certifications.ScheduleTypeWeekly:
		return p.weekdays[int(day.Weekday())+1]
	case p.dates != nil && p.typ == certifications.ScheduleTypeCalendar:
		return p.dates[day.Format("2006-01-02")]
	case p.dates != nil:
		return p.dates[day.Format("--01-02")]
	}
	last := time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, p.loc).Day()
	if n := last - day.Day(); n < len(p.fromEnd) && p.fromEnd[n] {
		return true
	}
	return p.monthDays[day.Day()]
}

// next returns the first run time after a given time, and false when
// there is none before the schedule expires or within scheduleHorizon.
func (p *runPlan) next(after time.Time) (time.Time, bool) {
	local := after.In(p.loc)
	for d := range scheduleHorizon {
		day := time.Date(local.Year(), local.Month(), local.Day()+d, 0, 0, 0, 0, p.loc)
		if !p.dayMatches(day) {
			continue
		}
		for h := range 24 {
			if !p.hours[h] {
				continue
			}
			at := time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, p.loc)
			if !at.After(after) {
				continue
			}
			if p.expires != nil && at.After(*p.expires) {
				return time.Time{}, false
			}
			return at.UTC(), true
		}
	}
	return time.Time{}, false
}

// fireSchedules generates the campaigns of every template whose next run
// time the sandbox clock has passed.
func (t *tenant) fireSchedules() {
	now := t.now()
	for _, ts := range t.admin.templates {
		if ts.plan == nil || ts.nextRun.IsZero() || ts.nextRun.After(now) {
			continue
		}
		at, ok := ts.nextRun, true
		for n := 0; ok && !at.After(now) && n < maxScheduleCatchUp; n++ {
			t.generate(ts, at)
			at, ok = ts.plan.next(at)
		}
		ts.nextRun, _ = ts.plan.next(now)
	}
}

// schedule sets (or, with nil, removes) a template's schedule and its next
// run time after now.
func (t *tenant) schedule(ts *templateState, s *certifications.Schedule, p *runPlan) {
	ts.schedule, ts.plan, ts.nextRun = s, p, time.Time{}
	ts.t.Scheduled = certifications.Ptr(s != nil)
	if p != nil {
		ts.nextRun, _ = p.next(t.now())
	}
}
