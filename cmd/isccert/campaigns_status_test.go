package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleStatus is a campaign half way through: four reviewers at
// different stages and two certifications past due.
func sampleStatus() *statusView {
	due := time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
	return &statusView{
		CampaignID: "2c9180835d2e5168015d32f890ca1581",
		Name:       "Q4 2026 access review",
		Status:     "ACTIVE",
		Deadline:   due,
		AsOf:       time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC),
		counters:   counters{Certifications: 7, Signed: 3, DecisionsMade: 283, DecisionsTotal: 416},
		Reviewers: []reviewerRow{
			{"r-ada", "Ada Lindqvist", counters{Certifications: 2, Signed: 2, DecisionsMade: 128, DecisionsTotal: 128}},
			{"r-bo", "Bo Harrington", counters{Certifications: 2, Signed: 0, DecisionsMade: 12, DecisionsTotal: 96}},
			{"r-cy", "Cyrus Mbeki", counters{Certifications: 2, Signed: 1, DecisionsMade: 111, DecisionsTotal: 128}},
			{"r-di", "Dina Okafor", counters{Certifications: 1, Signed: 0, DecisionsMade: 32, DecisionsTotal: 64}},
		},
		PastDue: []pastDueRow{
			{ID: "c-bo-1", Name: "Bo Harrington: access review", ReviewerName: "Bo Harrington", Due: due, DecisionsMade: 12, DecisionsTotal: 48},
			{ID: "c-di-1", Name: "Dina Okafor: access review", ReviewerName: "Dina Okafor", Due: due, DecisionsMade: 32, DecisionsTotal: 64},
		},
	}
}

func reviewerNames(rows []reviewerRow) []string {
	var names []string
	for _, r := range rows {
		names = append(names, r.ReviewerName)
	}
	return names
}

func TestReviewersSortFurthestBehindFirst(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rows []reviewerRow
		want []string
	}{
		{"smallest share of decisions made first", sampleStatus().Reviewers,
			[]string{"Bo Harrington", "Dina Okafor", "Cyrus Mbeki", "Ada Lindqvist"}},
		{"same share: more decisions left first", []reviewerRow{
			{"a", "A", counters{DecisionsMade: 1, DecisionsTotal: 2}},
			{"b", "B", counters{DecisionsMade: 50, DecisionsTotal: 100}},
		}, []string{"B", "A"}},
		{"all made: unsigned certifications first", []reviewerRow{
			{"a", "A", counters{Certifications: 2, Signed: 2, DecisionsMade: 5, DecisionsTotal: 5}},
			{"b", "B", counters{Certifications: 2, Signed: 1, DecisionsMade: 5, DecisionsTotal: 5}},
		}, []string{"B", "A"}},
		{"nothing to decide counts as done", []reviewerRow{
			{"a", "A", counters{Certifications: 1, DecisionsTotal: 0}},
			{"b", "B", counters{Certifications: 1, DecisionsMade: 9, DecisionsTotal: 10}},
		}, []string{"B", "A"}},
		{"ties by name, then id", []reviewerRow{
			{"2", "Sam", counters{DecisionsTotal: 4}},
			{"1", "Sam", counters{DecisionsTotal: 4}},
			{"0", "Ann", counters{DecisionsTotal: 4}},
		}, []string{"Ann", "Sam", "Sam"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append([]reviewerRow(nil), tt.rows...)
			sortBehindFirst(rows)
			assert.Equal(t, tt.want, reviewerNames(rows))
		})
	}
	rows := []reviewerRow{{"2", "Sam", counters{}}, {"1", "Sam", counters{}}}
	sortBehindFirst(rows)
	assert.Equal(t, "1", rows[0].ReviewerID)
}

func TestTextBar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		c    counters
		want string
	}{
		{counters{DecisionsMade: 0, DecisionsTotal: 10}, "[----------]   0%"},
		{counters{DecisionsMade: 5, DecisionsTotal: 10}, "[#####-----]  50%"},
		{counters{DecisionsMade: 999, DecisionsTotal: 1000}, "[#########-]  99%"},
		{counters{DecisionsMade: 10, DecisionsTotal: 10}, "[##########] 100%"},
		{counters{DecisionsMade: 0, DecisionsTotal: 0}, "[##########] 100%"},
		{counters{DecisionsMade: 12, DecisionsTotal: 10}, "[##########] 100%"}, // bad data: capped
		{counters{DecisionsMade: -3, DecisionsTotal: 10}, "[----------]   0%"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, textBar(tt.c, 10), "%+v", tt.c)
	}
}

func TestStatusTable(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, writeStatus(&b, formatTable, sampleStatus()))
	out := b.String()
	assert.Contains(t, out, "campaign   Q4 2026 access review (2c9180835d2e5168015d32f890ca1581)\n")
	assert.Contains(t, out, "status     ACTIVE\n")
	assert.Contains(t, out, "deadline   2026-12-01T17:00:00Z\n")
	assert.Contains(t, out, "decisions  283 of 416 made [#############-------]  68%\n")
	assert.Contains(t, out, "signed     3 of 7 certifications\n")
	assert.Contains(t, out, "past due   2\n")
	assert.Contains(t, out, "REVIEWER       DECISIONS                    MADE     SIGNED\n"+
		"Bo Harrington  [##------------------]  12%  12/96    0/2\n"+
		"Dina Okafor    [##########----------]  50%  32/64    0/1\n"+
		"Cyrus Mbeki    [#################---]  86%  111/128  1/2\n"+
		"Ada Lindqvist  [####################] 100%  128/128  2/2\n")
	assert.Contains(t, out, "PAST DUE                      ID      REVIEWER       DUE                   MADE\n"+
		"Bo Harrington: access review  c-bo-1  Bo Harrington  2026-12-01T17:00:00Z  12/48\n")
}

func TestStatusTableOfAnEmptyCampaign(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, writeStatus(&b, formatTable, &statusView{CampaignID: "c", Name: "New", Status: "STAGED"}))
	assert.Contains(t, b.String(), "decisions  0 of 0 made")
	assert.NotContains(t, b.String(), "REVIEWER", "no empty reviewer table")
	assert.NotContains(t, b.String(), "PAST DUE")
}

func TestStatusJSONAndCSV(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, writeStatus(&b, formatJSON, sampleStatus()))
	var got map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &got), b.String())
	assert.Equal(t, "Q4 2026 access review", got["name"])
	assert.Equal(t, "2026-12-01T17:00:00Z", got["deadline"])
	assert.EqualValues(t, 283, got["decisionsMade"], "the overall counters sit at the top level")
	assert.EqualValues(t, 416, got["decisionsTotal"])
	reviewers := got["reviewers"].([]any)
	require.Len(t, reviewers, 4)
	assert.Equal(t, "Bo Harrington", reviewers[0].(map[string]any)["reviewerName"], "furthest behind first")
	assert.EqualValues(t, 96, reviewers[0].(map[string]any)["decisionsTotal"])
	assert.Len(t, got["pastDue"], 2)

	b.Reset()
	require.NoError(t, writeStatus(&b, formatJSONL, sampleStatus()))
	assert.Equal(t, 1, strings.Count(b.String(), "\n"), "one line")

	b.Reset()
	require.NoError(t, writeStatus(&b, formatJSON, &statusView{CampaignID: "c"}))
	assert.Contains(t, b.String(), `"reviewers": []`, "empty lists, not null")
	assert.Contains(t, b.String(), `"pastDue": []`)
	assert.NotContains(t, b.String(), `"deadline"`, "no deadline, no field")

	b.Reset()
	v := sampleStatus()
	v.Reviewers[1].ReviewerName = "=HYPERLINK(\"x\")"
	require.NoError(t, writeStatus(&b, formatCSV, v))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"reviewerId", "reviewerName", "certifications", "signed", "decisionsMade", "decisionsTotal", "percentMade"}, rows[0])
	assert.Equal(t, []string{"r-bo", `'=HYPERLINK("x")`, "2", "0", "12", "96", "12"}, rows[1], "a formula is written as text")
	assert.Len(t, rows, 5)
}
