package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// summaryTenant answers the two summary endpoints of certification C the
// way the API documents them.
func summaryTenant(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/v3/certifications/C/decision-summary":
			_, _ = w.Write([]byte(`{"entitlementDecisionsMade":3,"entitlementDecisionsTotal":4,"entitlementsApproved":2,"entitlementsRevoked":1,` +
				`"accessProfileDecisionsMade":1,"accessProfileDecisionsTotal":2,"accessProfilesApproved":1,"accessProfilesRevoked":0,` +
				`"roleDecisionsMade":0,"roleDecisionsTotal":2,"rolesApproved":0,"rolesRevoked":0,` +
				`"accountDecisionsMade":0,"accountDecisionsTotal":0,"accountsApproved":0,"accountsRevoked":0}`))
		case "/v3/certifications/C/identity-summaries":
			w.Header().Set("X-Total-Count", "2")
			_, _ = w.Write([]byte(`[{"id":"s1","name":"Ben Patel","identityId":"i1","completed":true},{"id":"s2","name":"Ann Lee","identityId":"i2","completed":false}]`))
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSummary(t *testing.T) {
	t.Parallel()
	srv := summaryTenant(t)
	r := newRunner(t)
	r.env[certifications.EnvBaseURL] = srv.URL
	r.env[certifications.EnvAccessToken] = "tok"

	table := r.ok("summary", "C").stdout
	assert.Contains(t, table, "DECISIONS        MADE  TOTAL  APPROVED  REVOKED\nentitlements     3     4      2         1\naccess profiles  1     2      1         0\n")
	assert.Contains(t, table, "\n\nIDENTITY   IDENTITYID  COMPLETED  SUMMARYID\nBen Patel  i1          true       s1\nAnn Lee    i2          false      s2\n")

	out := decodeJSON[summaryOutput](t, r.ok("summary", "C", "-o", "json").stdout)
	assert.Equal(t, "C", out.Certification)
	assert.Equal(t, int32(3), out.DecisionSummary.GetEntitlementDecisionsMade())
	require.Len(t, out.Identities, 2)
	assert.Equal(t, "Ann Lee", out.Identities[1].GetName())
	assert.Equal(t, 1, strings.Count(r.ok("summary", "C", "-o", "jsonl").stdout, "\n"), "one object on one line")

	csvOut := r.ok("summary", "C", "-o", "csv").stdout
	assert.Equal(t, "section,name,identityId,summaryId,completed,made,total,approved,revoked\n"+
		"decisions,entitlements,,,,3,4,2,1\n"+
		"decisions,access profiles,,,,1,2,1,0\n", csvOut[:strings.Index(csvOut, "decisions,roles")], "-o csv: both tables in one")
	assert.Contains(t, csvOut, "identity,Ben Patel,i1,s1,true,,,,\nidentity,Ann Lee,i2,s2,false,,,,\n")

	res := r.run("summary", "C", "-o", "CSV")
	assert.Equal(t, 0, res.code, "-o takes any case")
	assert.Equal(t, csvOut, res.stdout)

	res = r.run("summary", "nope")
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "404")
}
