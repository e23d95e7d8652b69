package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCampaignFilter(t *testing.T) {
	t.Parallel()
	tests := []struct{ status, name, filters, want string }{
		{"", "", "", ""},
		{"active", "", "", `status eq "ACTIVE"`},
		{"ACTIVE, staged", "", "", `status in ("ACTIVE","STAGED")`},
		{"", `Q4 "big"`, "", `name sw "Q4 \"big\""`},
		{"ACTIVE", "Q4", `id in ("a","b")`, `status eq "ACTIVE" and name sw "Q4" and id in ("a","b")`},
	}
	for _, tt := range tests {
		got, err := campaignFilter(tt.status, tt.name, tt.filters)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
	}
	_, err := campaignFilter(" , ", "", "")
	assert.EqualError(t, err, "--status is empty: give one or more statuses, e.g. ACTIVE,STAGED")
}

// The report types the tool knows are the API's, as the SDK lists them.
func TestReportTypesAreTheSDKs(t *testing.T) {
	t.Parallel()
	var wire []string
	for _, rt := range reportTypes {
		wire = append(wire, rt.wire)
	}
	sdk := joinValuesOf(certifications.ReportTypeValues())
	slices.Sort(sdk)
	assert.Equal(t, sdk, wire)
}

func TestStatusViewOf(t *testing.T) {
	t.Parallel()
	due := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	camp := &certifications.Campaign{ID: certifications.Ptr("c1"), Name: "Q4", Deadline: &due,
		Status: certifications.Ptr(certifications.CampaignStatusActive)}
	p := &certifications.CampaignProgress{
		Certifications: 3, Signed: 1, DecisionsMade: 10, DecisionsTotal: 30,
		ByReviewer: []certifications.ReviewerProgress{
			{ReviewerID: "r1", ReviewerName: "Ann", Certifications: 1, Signed: 1, DecisionsMade: 10, DecisionsTotal: 10},
			{ReviewerID: "r2", ReviewerName: "Bo", Certifications: 2, DecisionsTotal: 20},
		},
	}
	p.PastDue = []certifications.IdentityCertificationDto{{
		ID: certifications.Ptr("cert-9"), Name: certifications.Ptr("Bo's review"), Due: &due,
		Reviewer:      &certifications.Reviewer{Name: certifications.Ptr("Bo")},
		DecisionsMade: certifications.Ptr[int32](0), DecisionsTotal: certifications.Ptr[int32](12),
	}}
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	v := statusViewOf(camp, p, now)
	assert.Equal(t, &statusView{
		CampaignID: "c1", Name: "Q4", Status: "ACTIVE", Deadline: due, AsOf: now,
		counters: counters{Certifications: 3, Signed: 1, DecisionsMade: 10, DecisionsTotal: 30},
		Reviewers: []reviewerRow{
			{"r1", "Ann", counters{Certifications: 1, Signed: 1, DecisionsMade: 10, DecisionsTotal: 10}},
			{"r2", "Bo", counters{Certifications: 2, DecisionsTotal: 20}},
		},
		PastDue: []pastDueRow{{ID: "cert-9", Name: "Bo's review", ReviewerName: "Bo", Due: due, DecisionsTotal: 12}},
	}, v)
}

func TestWriteFileAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	name := filepath.Join(dir, "report.csv")
	require.NoError(t, os.WriteFile(name, []byte("old"), 0o600))

	boom := errors.New("download failed")
	err := writeFileAtomic(name, func(f *os.File) error {
		_, _ = f.WriteString("half")
		return boom
	})
	assert.Same(t, boom, err, "the writer's error as it is")
	got, _ := os.ReadFile(name)
	assert.Equal(t, "old", string(got), "a failed write leaves the file as it was")
	left, _ := os.ReadDir(dir)
	assert.Len(t, left, 1, "and no temporary file")

	require.NoError(t, writeFileAtomic(name, func(f *os.File) error {
		_, err := f.WriteString("new")
		return err
	}))
	got, _ = os.ReadFile(name)
	assert.Equal(t, "new", string(got))

	err = writeFileAtomic(filepath.Join(dir, "missing", "x.csv"), func(*os.File) error { return nil })
	assert.ErrorContains(t, err, "cannot write "+filepath.Join(dir, "missing", "x.csv")+": no such file or directory")
}

func TestTemplateError(t *testing.T) {
	t.Parallel()
	nf := &certifications.APIError{StatusCode: 404}
	assert.EqualError(t, templateError("T1", nf), "isccert: campaign template T1 does not exist: isccert templates list shows the templates")
	other := &certifications.APIError{StatusCode: 500}
	assert.Same(t, error(other), templateError("T1", other))
}
