package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bodyShape stands for a model of the API in the decoding tests.
type bodyShape struct {
	Name     string     `json:"name"`
	Count    *int32     `json:"count,omitempty"`
	Enabled  *bool      `json:"enabled,omitempty"`
	Deadline *time.Time `json:"deadline,omitempty"`
	Tags     []string   `json:"tags,omitempty"`
	Owner    *struct {
		ID string `json:"id"`
	} `json:"owner,omitempty"`
}

func TestDecodeStrict(t *testing.T) {
	t.Parallel()
	v, err := decodeStrict[bodyShape]([]byte("\xef\xbb\xbf {\"name\":\"Q4\",\"count\":3,\"tags\":[\"a\"],\"owner\":{\"id\":\"o\"}}\n"))
	require.NoError(t, err)
	assert.Equal(t, "Q4", v.Name)
	assert.EqualValues(t, 3, *v.Count)
	assert.Equal(t, "o", v.Owner.ID)

	tests := []struct{ in, want string }{
		{``, "the file is empty"},
		{"  \n", "the file is empty"},
		{`{"name":"Q4","campaignName":"x"}`, `unknown field "campaignName"`},
		{`{"name":"Q4","owner":{"id":"o","email":"x"}}`, `unknown field "email"`},
		{`{"name":3}`, "name is a JSON number, not a string"},
		{`{"name":"Q4","count":"3"}`, "count is a JSON string, not a whole number"},
		{`{"name":"Q4","enabled":"yes"}`, "enabled is a JSON string, not true or false"},
		{`{"name":"Q4","tags":"a"}`, "tags is a JSON string, not a list"},
		{`{"name":"Q4","owner":"o"}`, "owner is a JSON string, not an object"},
		{`{"name":"Q4","deadline":"next week"}`, `a date-time is not an RFC 3339 string such as 2026-12-31T17:00:00Z (parsing time "next week"`},
		{`{"name":"Q4","deadline":31}`, "a date-time is not an RFC 3339 string such as 2026-12-31T17:00:00Z (Time.UnmarshalJSON: input is not a JSON string)"},
		{`[{"name":"Q4"}]`, "the file holds a JSON array, not an object"},
		{`{"name":"Q4"`, "unexpected EOF"},
		{`{"name":"Q4",}`, "not valid JSON at byte 14"},
		{`{"name":"a"} {"name":"b"}`, "more than one JSON value"},
		{`{"name":"a"} x`, "more than one JSON value"},
	}
	for _, tt := range tests {
		_, err := decodeStrict[bodyShape]([]byte(tt.in))
		require.Error(t, err, "%q", tt.in)
		assert.Contains(t, err.Error(), tt.want, "%q", tt.in)
	}
}

func TestParseReportType(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"CAMPAIGN_STATUS_REPORT":             "CAMPAIGN_STATUS_REPORT",
		"campaign_status_report":             "CAMPAIGN_STATUS_REPORT",
		"status":                             "CAMPAIGN_STATUS_REPORT",
		" Composition ":                      "CAMPAIGN_COMPOSITION_REPORT",
		"remediation":                        "CAMPAIGN_REMEDIATION_STATUS_REPORT",
		"remediation-status":                 "CAMPAIGN_REMEDIATION_STATUS_REPORT",
		"CAMPAIGN_REMEDIATION_STATUS_REPORT": "CAMPAIGN_REMEDIATION_STATUS_REPORT",
		"signoff":                            "CERTIFICATION_SIGNOFF_REPORT",
		"sign-off":                           "CERTIFICATION_SIGNOFF_REPORT",
	} {
		got, err := parseReportType(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := parseReportType("SUMMARY")
	var ue *usageError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, `--type "SUMMARY" is not a campaign report type: choose CAMPAIGN_COMPOSITION_REPORT (composition), `+
		`CAMPAIGN_REMEDIATION_STATUS_REPORT (remediation, remediation-status), CAMPAIGN_STATUS_REPORT (status), `+
		`CERTIFICATION_SIGNOFF_REPORT (signoff, sign-off)`, err.Error())
}

func TestParseChoice(t *testing.T) {
	t.Parallel()
	got, err := parseChoice("--auto", "revoke", "APPROVE", "REVOKE")
	require.NoError(t, err)
	assert.Equal(t, "REVOKE", got)
	_, err = parseChoice("--auto", "DENY", "APPROVE", "REVOKE")
	var ue *usageError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, `--auto "DENY": choose APPROVE or REVOKE`, err.Error())
}

func TestReadBodyFile(t *testing.T) {
	t.Parallel()
	a := &app{env: env{stdin: strings.NewReader(`{"name":"from stdin"}`)}}
	v, err := readBodyFile[bodyShape](a, "-", "a campaign")
	require.NoError(t, err)
	assert.Equal(t, "from stdin", v.Name)

	bad := filepath.Join(t.TempDir(), "campaign.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"campaign":{"name":"nested"}}`), 0o600))
	_, err = readBodyFile[bodyShape](a, bad, "a campaign")
	require.Error(t, err)
	assert.Equal(t, "isccert: "+bad+` is not a campaign in the API's shape: unknown field "campaign"; nothing was sent`, err.Error())

	_, err = readBodyFile[bodyShape](a, filepath.Join(t.TempDir(), "missing.json"), "a campaign")
	assert.ErrorContains(t, err, "cannot open")
	assert.ErrorContains(t, err, "no such file or directory")
}
