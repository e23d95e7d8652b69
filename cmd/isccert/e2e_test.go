package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fillCSV plays the reviewer with a spreadsheet: every row gets a
// decision (REVOKE for access from Oracle ERP, APPROVE otherwise) and a
// comment.
func fillCSV(t *testing.T, export string) (string, map[string]certifications.CertificationDecision) {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(export)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"id", "identityId", "identityName", "accessType", "accessId", "accessName", "source", "currentDecision", "recommendation", "decision", "comments"}, rows[0])
	want := map[string]certifications.CertificationDecision{}
	for _, row := range rows[1:] {
		require.Equal(t, "", row[9], "the decision column starts empty")
		require.Equal(t, "", row[10], "the comments column starts empty")
		row[9], row[10] = "APPROVE", "still needed"
		if strings.Contains(row[6], "Oracle ERP") {
			row[9], row[10] = "revoke", "unused" // any case is accepted
		}
		want[row[0]] = certifications.CertificationDecision(strings.ToUpper(row[9]))
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	require.NoError(t, w.WriteAll(rows))
	return b.String(), want
}

func TestReviewEndToEnd(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	cert := myCert(t, srv)

	certs := decodeJSON[[]certifications.IdentityCertificationDto](t, r.ok("certs", "list", "--reviewer", "me", "-o", "json").stdout)
	require.Len(t, certs, 2)
	assert.Contains(t, []string{certs[0].GetID(), certs[1].GetID()}, cert)

	refused := r.run("signoff", cert)
	assert.Equal(t, 1, refused.code)
	assert.Contains(t, refused.stderr, "is not complete (0 of 32 decisions made)")
	assert.Zero(t, requestsTo(srv, "POST", "/sign-off"), "no sign-off is sent before every decision is made")

	export := r.ok("items", "export", cert)
	assert.Empty(t, export.stderr, "no progress on a pipe")
	filled, want := fillCSV(t, export.stdout)
	require.Len(t, want, 32)
	r.file("items.csv", filled)

	dry := r.ok("decide", cert, "--file", "items.csv", "--dry-run", "-o", "jsonl")
	assert.Equal(t, 32, strings.Count(dry.stdout, "\n"), "the decisions that would be sent, one per line")
	firstDry := decodeJSON[dryRunRow](t, strings.SplitN(dry.stdout, "\n", 2)[0])
	it, ok := srv.Item(cert, firstDry.ID)
	require.True(t, ok)
	assert.Equal(t, it.GetIdentitySummary().GetName(), firstDry.IdentityName, "a dry run shows whose access")
	assert.Equal(t, it.GetAccessSummary().GetAccess().GetName(), firstDry.AccessName, "and which")
	assert.Contains(t, dry.stderr, "would send 32 decisions in 1 call")
	assert.Zero(t, requestsTo(srv, "POST", "/decide"), "a dry run sends no decision")

	first := decodeJSON[decideOutcome](t, r.ok("decide", cert, "--file", "items.csv", "-o", "json").stdout)
	assert.Equal(t, decideOutcome{Certification: cert, Decided: 32, DecisionsMade: 32, DecisionsTotal: 32}, first)
	for id, d := range want {
		it, ok := srv.Item(cert, id)
		require.True(t, ok)
		assert.Equal(t, d, it.GetDecision(), id)
	}

	calls := requestsTo(srv, "POST", "/decide")
	again := decodeJSON[decideOutcome](t, r.ok("decide", cert, "--file", "items.csv", "-o", "json").stdout)
	assert.Equal(t, 0, again.Decided)
	assert.Equal(t, 32, again.Skipped)
	assert.Equal(t, calls, requestsTo(srv, "POST", "/decide"), "a rerun decides nothing")
	for id := range want {
		assert.Equal(t, 1, srv.DecisionCount(id), "item %s decided once", id)
	}

	signed := decodeJSON[certifications.IdentityCertificationDto](t, r.ok("signoff", cert, "-o", "json").stdout)
	assert.Equal(t, certifications.CertificationPhaseSigned, signed.GetPhase())
	got, _ := srv.Certification(cert)
	assert.Equal(t, certifications.CertificationPhaseSigned, got.GetPhase())
}

// A JSON Lines export is a decision file as it is: its id, decision and
// comments are those of a ReviewDecision.
func TestJSONLinesExportIsADecisionFile(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	cert := myCert(t, srv)

	var lines []string
	sc := bufio.NewScanner(strings.NewReader(r.ok("items", "export", cert, "-o", "jsonl").stdout))
	for sc.Scan() {
		var row map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &row))
		if row["accessType"] == "ROLE" {
			row["decision"], row["comments"] = "APPROVE", "role kept"
		}
		b, err := json.Marshal(row)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	require.Len(t, lines, 32)
	r.stdin = strings.Join(lines, "\n") + "\n"
	out := decodeJSON[decideOutcome](t, r.ok("decide", cert, "-f", "-", "-o", "json").stdout)
	assert.Equal(t, 8, out.Decided, "one role per identity")
	assert.Equal(t, 24, out.Undecided, "lines without a decision are left alone")
}

// A run that fails part-way reports what failed and exits 1; the same
// command again decides only what is left.
func TestRerunFinishesAPartialRun(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t,
		certtest.WithSeed(4), // its draws fail two of the four decide calls
		certtest.WithLargeCertification("big", 40),
		certtest.WithErrorRate(0.5, 500),
		certtest.WithFaultPaths("/v3/certifications/*/decide"),
	)
	r := newRunner(t).tenant(srv)
	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	var ids []string
	for _, it := range srv.Items("big") {
		ids = append(ids, it.GetID())
		b.WriteString(it.GetID() + ",APPROVE,ok\n")
	}
	require.Len(t, ids, 40)
	r.file("all.csv", b.String())

	first := r.run("decide", "big", "-f", "all.csv", "--chunk-size", "10", "-o", "json")
	require.Equal(t, 1, first.code, first.stderr)
	out1 := decodeJSON[decideOutcome](t, first.stdout)
	require.Positive(t, out1.Failed, "the seed makes some calls fail")
	require.Positive(t, out1.Decided, "the seed lets some calls through")
	assert.Equal(t, 40, out1.Decided+out1.Failed)
	assert.Contains(t, first.stderr, "20 of 40 decisions failed (20 decided, 0 already decided): 20 items: POST /v3/certifications/big/decide: 500 Internal Server Error: An internal fault occurred. (tracking ids ")
	assert.Contains(t, first.stderr, "run the same command again")
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(first.stderr), "\n")+1, "one line: %s", first.stderr)

	srv.SetFaultsEnabled(false)
	out2 := decodeJSON[decideOutcome](t, r.ok("decide", "big", "-f", "all.csv", "--chunk-size", "10", "-o", "json").stdout)
	assert.Equal(t, out1.Failed, out2.Decided)
	assert.Equal(t, out1.Decided, out2.Skipped)
	for _, id := range ids {
		require.Equal(t, 1, srv.DecisionCount(id), "item %s decided exactly once", id)
	}
}
