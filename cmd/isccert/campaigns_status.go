package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// statusView is what campaigns status shows: the campaign, its overall
// progress, one row per reviewer and the certifications past due. It is
// the tool's own shape, so that the table, the JSON and the HTML page are
// written from one value whatever the SDK's types look like.
type statusView struct {
	CampaignID string    `json:"campaignId"`
	Name       string    `json:"name"`
	Status     string    `json:"status"`
	Deadline   time.Time `json:"deadline,omitzero"`
	// AsOf is when the progress was read.
	AsOf time.Time `json:"asOf,omitzero"`
	counters
	Reviewers []reviewerRow `json:"reviewers"`
	PastDue   []pastDueRow  `json:"pastDue"`
}

// counters is progress over a set of certifications.
type counters struct {
	Certifications int `json:"certifications"`
	Signed         int `json:"signed"`
	DecisionsMade  int `json:"decisionsMade"`
	DecisionsTotal int `json:"decisionsTotal"`
}

// Percent is the share of decisions made, rounded down, so that 100 means
// every decision is made. Nothing to decide counts as done.
func (c counters) Percent() int {
	if c.DecisionsTotal <= 0 {
		return 100
	}
	made := min(max(c.DecisionsMade, 0), c.DecisionsTotal)
	return int(int64(made) * 100 / int64(c.DecisionsTotal))
}

// AllSigned tells whether every certification is signed.
func (c counters) AllSigned() bool { return c.Signed >= c.Certifications }

// reviewerRow is the progress of one reviewer's certifications.
type reviewerRow struct {
	ReviewerID   string `json:"reviewerId"`
	ReviewerName string `json:"reviewerName"`
	counters
}

// pastDueRow is a certification past its due date.
type pastDueRow struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	ReviewerName   string    `json:"reviewerName"`
	Due            time.Time `json:"due,omitzero"`
	Signed         bool      `json:"signed"`
	DecisionsMade  int       `json:"decisionsMade"`
	DecisionsTotal int       `json:"decisionsTotal"`
}

// sortBehindFirst orders reviewers with the furthest behind first: the
// smallest share of decisions made, then the most decisions left, then the
// most certifications left to sign, then by name and id so that the order
// never depends on the server's.
func sortBehindFirst(rows []reviewerRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].counters, rows[j].counters
		// made/total compared without division: a total of 0 is done.
		ra, rb := share(a), share(b)
		if c := ra[0]*rb[1] - rb[0]*ra[1]; c != 0 {
			return c < 0
		}
		if la, lb := a.DecisionsTotal-a.DecisionsMade, b.DecisionsTotal-b.DecisionsMade; la != lb {
			return la > lb
		}
		if ua, ub := a.Certifications-a.Signed, b.Certifications-b.Signed; ua != ub {
			return ua > ub
		}
		if rows[i].ReviewerName != rows[j].ReviewerName {
			return rows[i].ReviewerName < rows[j].ReviewerName
		}
		return rows[i].ReviewerID < rows[j].ReviewerID
	})
}

// share is made/total as a fraction with a positive denominator.
func share(c counters) [2]int64 {
	if c.DecisionsTotal <= 0 {
		return [2]int64{1, 1}
	}
	return [2]int64{int64(min(max(c.DecisionsMade, 0), c.DecisionsTotal)), int64(c.DecisionsTotal)}
}

// statusBarWidth is the number of cells of a reviewer's bar in the table.
const statusBarWidth = 20

// textBar draws made of total as a bar of width cells and the percentage,
// e.g. "[#####---------------]  25%".
func textBar(c counters, width int) string {
	p := c.Percent()
	full := p * width / 100
	return fmt.Sprintf("[%s%s] %3d%%", strings.Repeat("#", full), strings.Repeat("-", width-full), p)
}

// signedText is "1 of 3" certifications signed.
func signedText(c counters) string {
	return fmt.Sprintf("%d of %d", c.Signed, c.Certifications)
}

var statusColumns = []column[statusView]{
	{name: "campaign", get: func(v *statusView) string { return v.Name + " (" + v.CampaignID + ")" }},
	{name: "status", get: func(v *statusView) string { return v.Status }},
	{name: "deadline", get: func(v *statusView) string { return timeText(v.Deadline) }},
	{name: "decisions", get: func(v *statusView) string {
		return fmt.Sprintf("%d of %d made %s", v.DecisionsMade, v.DecisionsTotal, textBar(v.counters, statusBarWidth))
	}},
	{name: "signed", get: func(v *statusView) string { return signedText(v.counters) + " certifications" }},
	{name: "past due", get: func(v *statusView) string { return fmt.Sprint(len(v.PastDue)) }},
}

var reviewerTableColumns = []column[reviewerRow]{
	{name: "reviewer", get: func(r *reviewerRow) string { return r.ReviewerName }},
	{name: "decisions", get: func(r *reviewerRow) string { return textBar(r.counters, statusBarWidth) }},
	{name: "made", get: func(r *reviewerRow) string { return fmt.Sprintf("%d/%d", r.DecisionsMade, r.DecisionsTotal) }},
	{name: "signed", get: func(r *reviewerRow) string { return fmt.Sprintf("%d/%d", r.Signed, r.Certifications) }},
}

// reviewerCSVColumns are the columns of -o csv: plain numbers for a
// spreadsheet, one row per reviewer.
var reviewerCSVColumns = []column[reviewerRow]{
	{name: "reviewerId", get: func(r *reviewerRow) string { return r.ReviewerID }},
	{name: "reviewerName", get: func(r *reviewerRow) string { return r.ReviewerName }},
	{name: "certifications", get: func(r *reviewerRow) string { return fmt.Sprint(r.Certifications) }},
	{name: "signed", get: func(r *reviewerRow) string { return fmt.Sprint(r.Signed) }},
	{name: "decisionsMade", get: func(r *reviewerRow) string { return fmt.Sprint(r.DecisionsMade) }},
	{name: "decisionsTotal", get: func(r *reviewerRow) string { return fmt.Sprint(r.DecisionsTotal) }},
	{name: "percentMade", get: func(r *reviewerRow) string { return fmt.Sprint(r.Percent()) }},
}

var pastDueColumns = []column[pastDueRow]{
	{name: "past due", get: func(r *pastDueRow) string { return r.Name }},
	{name: "id", get: func(r *pastDueRow) string { return r.ID }},
	{name: "reviewer", get: func(r *pastDueRow) string { return r.ReviewerName }},
	{name: "due", get: func(r *pastDueRow) string { return timeText(r.Due) }},
	{name: "made", get: func(r *pastDueRow) string { return fmt.Sprintf("%d/%d", r.DecisionsMade, r.DecisionsTotal) }},
}

// writeStatus writes a status view in an output format: table (the
// campaign, a bar per reviewer, the certifications past due), json or
// jsonl (the whole view as one object) or csv (one row per reviewer).
// The reviewers are written furthest behind first.
func writeStatus(w io.Writer, format string, v *statusView) error {
	sortBehindFirst(v.Reviewers)
	if v.Reviewers == nil {
		v.Reviewers = []reviewerRow{}
	}
	if v.PastDue == nil {
		v.PastDue = []pastDueRow{}
	}
	switch format {
	case formatJSON, formatJSONL:
		return printOne(w, format, nil, v)
	case formatCSV:
		return writeRows(w, formatCSV, reviewerCSVColumns, v.Reviewers)
	}
	if err := printOne(w, formatTable, statusColumns, v); err != nil {
		return err
	}
	if len(v.Reviewers) > 0 {
		fmt.Fprintln(w)
		if err := writeRows(w, formatTable, reviewerTableColumns, v.Reviewers); err != nil {
			return err
		}
	}
	if len(v.PastDue) > 0 {
		fmt.Fprintln(w)
		return writeRows(w, formatTable, pastDueColumns, v.PastDue)
	}
	return nil
}

// writeRows writes a slice as one list.
func writeRows[T any](w io.Writer, format string, cols []column[T], rows []T) error {
	l := newList(w, format, cols)
	for i := range rows {
		if err := l.add(&rows[i]); err != nil {
			return err
		}
	}
	return l.close()
}
