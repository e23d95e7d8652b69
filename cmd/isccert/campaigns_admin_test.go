package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The template, schedule and filter commands against the sandbox.
func TestTemplatesSchedulesAndFilters(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)

	r.file("template.json", templateJSON)
	tmpl := decodeJSON[certifications.CampaignTemplate](t, r.ok("templates", "create", "--file", "template.json", "-o", "json").stdout)
	id := tmpl.GetID()
	require.NotEmpty(t, id)
	listed := r.ok("templates", "list", "--filters", `name sw "Quarterly"`).stdout
	assert.Contains(t, listed, id)
	assert.Contains(t, listed, "Quarterly manager review")
	assert.Contains(t, r.ok("templates", "get", id).stdout, "deadline   P14D")

	none := r.run("templates", "schedule", "get", id)
	assert.Equal(t, 1, none.code)
	assert.Equal(t, "isccert: campaign template "+id+" has no schedule, or does not exist: isccert templates get "+id+" tells which\n", none.stderr)
	r.stdin = `{"type":"MONTHLY","days":{"type":"LIST","values":["1"]},"hours":{"type":"LIST","values":["9"]},"timeZoneId":"Europe/Paris"}`
	r.ok("templates", "schedule", "set", id, "--file", "-")
	r.stdin = ""
	sched := r.ok("templates", "schedule", "get", id).stdout
	assert.Contains(t, sched, "type        MONTHLY")
	assert.Contains(t, sched, "days        LIST: 1")
	assert.Contains(t, sched, "timeZone    Europe/Paris")
	assert.Contains(t, r.ok("templates", "get", id).stdout, "scheduled  true")
	r.ok("templates", "schedule", "delete", id)
	assert.Equal(t, 1, r.run("templates", "schedule", "get", id).code)

	gen := decodeJSON[certifications.Campaign](t, r.ok("templates", "generate", id, "--wait", "--poll", "1ms", "-o", "json").stdout)
	assert.Equal(t, certifications.CampaignStatusStaged, gen.GetStatus())
	staged := r.ok("campaigns", "list", "--status", "staged", "--name", "Manager review", "-o", "csv").stdout
	assert.Equal(t, 2, strings.Count(staged, "\n"), "a header and the generated campaign: %s", staged)
	assert.Contains(t, staged, gen.GetID())
	assert.Contains(t, r.ok("campaigns", "get", gen.GetID(), "--detail", "full").stdout, "status    STAGED")

	act := r.ok("campaigns", "activate", gen.GetID())
	assert.Equal(t, "isccert: campaign "+gen.GetID()+" is activating; isccert campaigns get "+gen.GetID()+" shows when it is ACTIVE\n", act.stderr)
	assert.Empty(t, act.stdout)

	r.ok("templates", "delete", id)
	gone := r.run("campaigns", "create", "--template", id)
	assert.Equal(t, 1, gone.code)
	assert.Equal(t, "isccert: campaign template "+id+" does not exist: isccert templates list shows the templates\n", gone.stderr)

	r.file("filter.json", `{"name":"Engineering only","description":"People of engineering","owner":null,"mode":"INCLUSION",
		"criteriaList":[{"type":"IDENTITY_ATTRIBUTE","property":"department","value":"Engineering","operation":"EQUALS"}]}`)
	f := decodeJSON[certifications.CampaignFilterDetails](t, r.ok("filters", "create", "--file", "filter.json", "-o", "json").stdout)
	require.NotEmpty(t, f.ID)
	assert.Contains(t, r.ok("filters", "list").stdout, "Engineering only")
	assert.Contains(t, r.ok("filters", "get", f.ID).stdout, "mode         INCLUSION")
	r.ok("filters", "delete", f.ID)
	assert.NotContains(t, r.ok("filters", "list").stdout, f.ID)
}

// A template that does not exist is named as such, and no campaign is
// created.
func TestCampaignFromAMissingTemplate(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	before := r.ok("campaigns", "list", "-o", "csv").stdout
	res := r.run("campaigns", "create", "--template", "no-such-template", "--wait")
	assert.Equal(t, 1, res.code)
	assert.Empty(t, res.stdout)
	assert.Equal(t, "isccert: campaign template no-such-template does not exist: isccert templates list shows the templates\n", res.stderr)
	assert.Equal(t, before, r.ok("campaigns", "list", "-o", "csv").stdout, "no campaign was created")
}

// Long campaign work shows progress on a terminal and nothing on a pipe;
// stdout holds only the data either way.
func TestCampaignProgressOnATerminal(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	camps := decodeJSON[[]certifications.Campaign](t, r.ok("campaigns", "list", "--status", "ACTIVE", "-o", "json").stdout)
	require.NotEmpty(t, camps, "the sandbox has active campaigns")
	id := camps[0].GetID()

	stdout, terminal, code := r.runWithTerminal("campaigns", "export", id)
	require.Equal(t, 0, code, terminal)
	assert.Contains(t, terminal, "exporting "+camps[0].GetName())
	assert.Contains(t, terminal, "items/s")
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err, "stdout holds only the CSV")
	assert.Greater(t, len(rows), 1)
	assert.NotContains(t, stdout, "exporting")

	piped := r.ok("campaigns", "export", id, "-o", "jsonl")
	assert.Empty(t, piped.stderr, "no progress on a pipe")
	assert.Equal(t, len(rows)-1, strings.Count(piped.stdout, "\n"), "the same items as JSON Lines")

	stdout, terminal, code = r.runWithTerminal("campaigns", "status", id, "-o", "csv")
	require.Equal(t, 0, code, terminal)
	assert.Contains(t, terminal, "reading the certifications of "+camps[0].GetName())
	assert.True(t, strings.HasPrefix(stdout, "reviewerId,reviewerName,certifications,signed,decisionsMade,decisionsTotal,percentMade\n"), stdout)
}
