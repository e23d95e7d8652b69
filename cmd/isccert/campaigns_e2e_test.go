package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// templateJSON is a campaign template in the API's shape, as an admin
// writes it.
const templateJSON = `{
  "name": "Quarterly manager review",
  "description": "Every manager reviews the access of their reports.",
  "deadlineDuration": "P14D",
  "campaign": {
    "name": "Manager review",
    "description": "Review the access of your reports.",
    "type": "MANAGER",
    "emailNotificationEnabled": false
  }
}`

// The life of a campaign from the shell, on both API generations: create
// from a template, activate, decide some items, status, move, complete
// past the deadline, report, export, delete.
func TestCampaignEndToEnd(t *testing.T) {
	t.Parallel()
	for _, api := range []certifications.APIVersion{certifications.APIVersionV3, certifications.APIVersionV1} {
		t.Run(string(api), func(t *testing.T) {
			t.Parallel()
			campaignEndToEnd(t, api)
		})
	}
}

func campaignEndToEnd(t *testing.T, api certifications.APIVersion) {
	clock := certtest.NewManualClock(time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now))
	r := newRunner(t).tenant(srv)
	r.env[certifications.EnvAPIVersion] = string(api)

	// 1. Create from a template.
	r.file("template.json", templateJSON)
	tmpl := decodeJSON[certifications.CampaignTemplate](t, r.ok("templates", "create", "--file", "template.json", "-o", "json").stdout)
	require.NotEmpty(t, tmpl.GetID())
	camp := decodeJSON[certifications.Campaign](t, r.ok("campaigns", "create", "--template", tmpl.GetID(), "--wait", "-o", "json").stdout)
	id := camp.GetID()
	require.NotEmpty(t, id)
	assert.Equal(t, certifications.CampaignStatusStaged, camp.GetStatus())

	// 2. Activate and wait.
	camp = decodeJSON[certifications.Campaign](t, r.ok("campaigns", "activate", id, "--time-zone", "Europe/Paris", "--wait", "--poll", "1ms", "-o", "json").stdout)
	assert.Equal(t, certifications.CampaignStatusActive, camp.GetStatus())

	certs := decodeJSON[[]certifications.IdentityCertificationDto](t,
		r.ok("certs", "list", "--filters", `campaign.id eq "`+id+`"`, "-o", "json").stdout)
	require.GreaterOrEqual(t, len(certs), 2, "the campaign has certifications of several reviewers")

	// 3. Decide part of the certifications with decide: every item of
	// the first certification.
	first := certs[0].GetID()
	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	items := srv.Items(first)
	for _, it := range items {
		b.WriteString(it.GetID() + ",APPROVE,still needed\n")
	}
	r.file("decisions.csv", b.String())
	r.ok("decide", first, "--file", "decisions.csv")

	// 4. Status.
	st := decodeJSON[statusView](t, r.ok("campaigns", "status", id, "-o", "json", "--html", "status.html").stdout)
	assert.Equal(t, id, st.CampaignID)
	assert.Equal(t, len(certs), st.Certifications)
	assert.Equal(t, len(items), st.DecisionsMade)
	assert.Positive(t, st.DecisionsTotal)
	require.NotEmpty(t, st.Reviewers)
	assert.Less(t, st.Reviewers[0].Percent(), st.Reviewers[len(st.Reviewers)-1].Percent()+1, "furthest behind first")
	page, err := os.ReadFile(filepath.Join(r.dir, "status.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "<h1>"+camp.GetName()+"</h1>")
	table := r.ok("campaigns", "status", id).stdout
	assert.Contains(t, table, "REVIEWER")
	assert.Contains(t, table, "[####################] 100%", "the reviewer who decided everything")

	// 5. Move the second certification to the first one's reviewer.
	second := certs[1]
	to := certs[0].GetReviewer().GetID()
	require.NotEqual(t, to, second.GetReviewer().GetID(), "one certification per reviewer")
	moved := r.ok("campaigns", "move", id, "--from", second.GetReviewer().GetID(), "--to", to,
		"--reason", "on leave", "--cert", second.GetID(), "--poll", "1ms", "-o", "json")
	rows := decodeJSON[[]moveRow](t, moved.stdout)
	require.Len(t, rows, 1)
	assert.Equal(t, second.GetID(), rows[0].CertificationID)
	assert.Equal(t, "SUCCESS", rows[0].TaskStatus)
	got, ok := srv.Certification(second.GetID())
	require.True(t, ok)
	assert.Equal(t, to, got.GetReviewer().GetID(), "the certification has its new reviewer")

	// A remediation scan of the active campaign.
	scan := r.ok("campaigns", "remediation-scan", id)
	assert.Equal(t, "isccert: remediation scan of campaign "+id+" started\n", scan.stderr)
	assert.Equal(t, 1, requestsTo(srv, "POST", "/"+id+"/run-remediation-scan"))

	// Completing before the deadline is refused by the server, in one line.
	early := r.run("campaigns", "complete", id, "--auto", "REVOKE")
	assert.Equal(t, 1, early.code)
	assert.Equal(t, 1, strings.Count(early.stderr, "\n"), early.stderr)
	assert.Contains(t, early.stderr, "400 Bad Request")

	// 6. Past the deadline.
	clock.Add(60 * 24 * time.Hour)

	// 7. Complete, revoking what is left.
	camp = decodeJSON[certifications.Campaign](t, r.ok("campaigns", "complete", id, "--auto", "REVOKE", "--wait", "--poll", "1ms", "-o", "json").stdout)
	assert.Equal(t, certifications.CampaignStatusCompleted, camp.GetStatus())

	// 8. Report into a file.
	r.ok("campaigns", "report", id, "--type", "status", "--out", "status.csv", "--poll", "1ms")
	report, err := os.ReadFile(filepath.Join(r.dir, "status.csv"))
	require.NoError(t, err)
	reportRows, err := csv.NewReader(strings.NewReader(string(report))).ReadAll()
	require.NoError(t, err)
	assert.Len(t, reportRows, len(certs)+1, "a header and one row per certification")

	// 9. Export the evidence.
	export := r.ok("campaigns", "export", id)
	evidence, err := csv.NewReader(strings.NewReader(export.stdout)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, st.DecisionsTotal+1, len(evidence), "a header and one row per item")
	decisions := map[string]int{}
	for _, row := range evidence[1:] {
		assert.Equal(t, id, row[0])
		decisions[row[16]]++
	}
	assert.Equal(t, len(items), decisions["APPROVE"], "the decisions made in the shell")
	assert.Equal(t, st.DecisionsTotal-len(items), decisions["REVOKE"], "the rest, revoked on completion")

	// 10. Delete.
	r.ok("campaigns", "delete", id)
	gone := r.run("campaigns", "get", id)
	assert.Equal(t, 1, gone.code)
	assert.Contains(t, gone.stderr, "404")
}
