package certtest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// generation holds the resource roots of one API generation.
type generation struct {
	name, certs, tasks string
}

// generations are the two path sets the sandbox serves from one state.
var generations = []generation{
	{"v3", "/v3/certifications", "/v3/certification-tasks"},
	{"v1", "/certifications/v1", "/certification-tasks/v1"},
}

var v3, v1 = generations[0], generations[1]

// withoutTrackingID decodes a JSON body and drops the trackingId every
// error answer has afresh, so that two error answers can be compared.
func withoutTrackingID(t *testing.T, body []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(body, &v), "body: %s", body)
	if m, ok := v.(map[string]any); ok {
		delete(m, "trackingId")
	}
	return v
}

// TestV1AnswersLikeV3 sends every read operation, successful or not, to
// both generations and expects the same answer, then makes every change
// through v1 and finds it through v3: one state, two path sets.
func TestV1AnswersLikeV3(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	items := allItems(t, c, cert.GetID())
	_, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items[:3], "APPROVE", "")).Execute()
	require.NoError(t, err)
	_, _, err = c.CertificationsApi.SubmitReassignCertsAsync(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{{ID: items[9].GetID(), Type: "ITEM"}}, ReassignTo: srv.Reviewers()[1].GetID(), Reason: "r",
	}).Execute()
	require.NoError(t, err)
	var permCert, permItem string
	for _, cc := range srv.Certifications() {
		for _, it := range srv.Items(cc.GetID()) {
			if permItem == "" && it.GetAccessSummary().GetEntitlement().GetHasPermissions() {
				permCert, permItem = cc.GetID(), it.GetID()
			}
		}
	}
	require.NotEmpty(t, permItem)
	id := cert.GetID()
	ident := items[0].GetIdentitySummary().GetID()

	for _, tc := range []struct {
		name string
		path func(g generation) string
		q    url.Values
		want int
	}{
		{"list certifications", func(g generation) string { return g.certs }, url.Values{"reviewer-identity": {"me"}, "sorters": {"-name"}, "count": {"true"}}, 200},
		{"get certification", func(g generation) string { return g.certs + "/" + id }, nil, 200},
		{"access review items", func(g generation) string { return g.certs + "/" + id + "/access-review-items" },
			url.Values{"limit": {"5"}, "offset": {"2"}, "count": {"true"}, "filters": {`completed eq false`}, "sorters": {"access.name"}}, 200},
		{"item permissions", func(g generation) string {
			return g.certs + "/" + permCert + "/access-review-items/" + permItem + "/permissions"
		}, url.Values{"count": {"true"}}, 200},
		{"reviewers", func(g generation) string { return g.certs + "/" + id + "/reviewers" }, url.Values{"sorters": {"name"}}, 200},
		{"pending tasks", func(g generation) string { return g.tasks }, url.Values{"reviewer-identity": {"me"}, "count": {"true"}}, 200},
		{"decision summary", func(g generation) string { return g.certs + "/" + id + "/decision-summary" }, nil, 200},
		{"decision summary of an identity", func(g generation) string { return g.certs + "/" + id + "/decision-summary" },
			url.Values{"filters": {`identitySummary.id eq "` + ident + `"`}}, 200},
		{"identity summaries", func(g generation) string { return g.certs + "/" + id + "/identity-summaries" },
			url.Values{"limit": {"3"}, "offset": {"1"}, "count": {"true"}, "sorters": {"-name"}}, 200},
		{"identity summary", func(g generation) string { return g.certs + "/" + id + "/identity-summaries/" + ident }, nil, 200},
		{"access summaries", func(g generation) string { return g.certs + "/" + id + "/access-summaries/ENTITLEMENT" },
			url.Values{"count": {"true"}, "sorters": {"access.name"}}, 200},
		{"unknown certification", func(g generation) string { return g.certs + "/nope" }, nil, 404},
		{"unknown task", func(g generation) string { return g.tasks + "/nope" }, nil, 404},
		{"unknown identity summary", func(g generation) string { return g.certs + "/" + id + "/identity-summaries/nope" }, nil, 404},
		{"summary of an unknown certification", func(g generation) string { return g.certs + "/nope/decision-summary" }, nil, 404},
		{"unknown access type", func(g generation) string { return g.certs + "/" + id + "/access-summaries/ACCOUNT" }, nil, 400},
		{"unsupported filter", func(g generation) string { return g.certs + "/" + id + "/identity-summaries" }, url.Values{"filters": {`name co "a"`}}, 400},
		{"offset past the end", func(g generation) string { return g.certs + "/" + id + "/identity-summaries" }, url.Values{"offset": {"8"}}, 400},
		{"limit out of range", func(g generation) string { return g.certs }, url.Values{"limit": {"251"}}, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r3, b3 := raw(t, srv, http.MethodGet, tc.path(v3), tc.q, "")
			r1, b1 := raw(t, srv, http.MethodGet, tc.path(v1), tc.q, "")
			require.Equal(t, tc.want, r3.StatusCode, "v3: %s", b3)
			assert.Equal(t, r3.StatusCode, r1.StatusCode, "v1: %s", b1)
			assert.Equal(t, r3.Header.Get("X-Total-Count"), r1.Header.Get("X-Total-Count"))
			assert.Equal(t, withoutTrackingID(t, b3), withoutTrackingID(t, b1))
		})
	}

	// Changes through v1 show through v3, and v1 answers what v3 shows.
	getV3 := func(path string) []byte {
		resp, b := raw(t, srv, http.MethodGet, path, nil, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
		return b
	}
	post := func(path, body string) []byte {
		resp, b := raw(t, srv, http.MethodPost, path, nil, body)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
		return b
	}
	decided := post(v1.certs+"/"+id+"/decide", `[{"id":"`+items[4].GetID()+`","decision":"REVOKE","bulk":false}]`)
	assert.JSONEq(t, string(getV3(v3.certs+"/"+id)), string(decided))
	it, _ := srv.Item(id, items[4].GetID())
	assert.Equal(t, certifications.CertificationDecisionRevoke, it.GetDecision())

	reassigned := post(v1.certs+"/"+id+"/reassign", `{"reassign":[{"id":"`+items[5].GetID()+`","type":"ITEM"}],"reassignTo":"`+srv.Reviewers()[2].GetID()+`","reason":"r"}`)
	assert.JSONEq(t, string(getV3(v3.certs+"/"+id)), string(reassigned))
	_, still := srv.Item(id, items[5].GetID())
	assert.False(t, still, "moved by the v1 reassign")

	task := decode[certifications.CertificationTask](t, post(v1.certs+"/"+id+"/reassign-async",
		`{"reassign":[{"id":"`+items[6].GetID()+`","type":"ITEM"}],"reassignTo":"`+srv.Reviewers()[2].GetID()+`","reason":"r"}`))
	assert.Equal(t, certifications.CertificationTaskStatusQueued, task.GetStatus())
	polled := decode[certifications.CertificationTask](t, getV3(v1.tasks+"/"+task.GetID()))
	assert.Equal(t, certifications.CertificationTaskStatusInProgress, polled.GetStatus())
	polled = decode[certifications.CertificationTask](t, getV3(v3.tasks+"/"+task.GetID()))
	assert.Equal(t, certifications.CertificationTaskStatusSuccess, polled.GetStatus(), "the v1 poll moved the same task on")

	rest := allItems(t, c, id)
	post(v1.certs+"/"+id+"/decide", string(mustJSON(t, decisions(rest, "APPROVE", ""))))
	signed := post(v1.certs+"/"+id+"/sign-off", "")
	assert.JSONEq(t, string(getV3(v3.certs+"/"+id)), string(signed))
	now, _ := srv.Certification(id)
	assert.Equal(t, certifications.CertificationPhaseSigned, now.GetPhase())
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// TestV1ThroughTheSDKRequestPath sends v1 requests through the SDK
// client's NewRequest and Do, which add the token and decode the answer.
func TestV1ThroughTheSDKRequestPath(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	var certs []certifications.IdentityCertificationDto
	_, err := sdkDo(t, c, http.MethodGet, "certifications/v1", url.Values{"reviewer-identity": {"me"}}, nil, &certs)
	require.NoError(t, err)
	require.Len(t, certs, certtest.DefaultSizes().CertificationsPerReviewer)
	var sum certifications.IdentityCertDecisionSummary
	_, err = sdkDo(t, c, http.MethodGet, "certifications/v1/"+certs[0].GetID()+"/decision-summary", nil, nil, &sum)
	require.NoError(t, err)
	assert.EqualValues(t, certs[0].GetDecisionsTotal(), sum.GetEntitlementDecisionsTotal()+sum.GetAccessProfileDecisionsTotal()+sum.GetRoleDecisionsTotal())
	_, err = sdkDo(t, c, http.MethodGet, "certifications/v1/nope", nil, nil, nil)
	ae := apiError(t, err, http.StatusNotFound)
	errorDto(t, ae.Body, "404 Not found")
}

func TestV1NeedsATokenAndIsLogged(t *testing.T) {
	srv := certtest.NewTestServer(t)
	for _, p := range []string{"/certifications/v1", "/certification-tasks/v1", "/certifications/v1/x/decision-summary", "/certifications/v1/x/unknown"} {
		resp, body := rawWithToken(t, srv, "", http.MethodGet, p, nil, "")
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "%s: %s", p, body)
	}
	token := srv.IssueToken()
	srv.ExpireTokens()
	resp, _ := rawWithToken(t, srv, token, http.MethodGet, "/certifications/v1", nil, "")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "an expired token")

	srv.ResetRequests()
	cert := srv.Certifications()[0]
	q := url.Values{"filters": {`completed eq false`}, "limit": {"2"}}
	resp, _ = raw(t, srv, http.MethodGet, "/certifications/v1/"+cert.GetID()+"/identity-summaries", q, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	resp, _ = raw(t, srv, http.MethodGet, "/certification-tasks/v1/nope", nil, "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/certifications/v1/"+cert.GetID()+"/identity-summaries", reqs[0].Path)
	got, err := url.ParseQuery(reqs[0].RawQuery)
	require.NoError(t, err)
	assert.Equal(t, q, got)
	assert.Equal(t, http.StatusOK, reqs[0].Status)
	assert.Equal(t, "/certification-tasks/v1/nope", reqs[1].Path)
	assert.Equal(t, http.StatusNotFound, reqs[1].Status)
	for _, r := range reqs {
		assert.Equal(t, certtest.FaultNone, r.Fault)
	}
}

// newRoutes lists a request for every route added next to the v3 ones:
// each v1 operation and the v3 summaries.
func newRoutes(certID, identID, itemID string) [][2]string {
	var out [][2]string
	for _, p := range []string{"", "/" + certID, "/" + certID + "/access-review-items", "/" + certID + "/access-review-items/" + itemID + "/permissions",
		"/" + certID + "/reviewers"} {
		out = append(out, [2]string{http.MethodGet, v1.certs + p})
	}
	for _, p := range []string{"/decide", "/reassign", "/reassign-async", "/sign-off"} {
		out = append(out, [2]string{http.MethodPost, v1.certs + "/" + certID + p})
	}
	out = append(out, [2]string{http.MethodGet, v1.tasks}, [2]string{http.MethodGet, v1.tasks + "/x"})
	for _, g := range generations {
		for _, p := range []string{"/decision-summary", "/identity-summaries", "/identity-summaries/" + identID, "/access-summaries/ROLE"} {
			out = append(out, [2]string{http.MethodGet, g.certs + "/" + certID + p})
		}
	}
	return out
}

func TestFaultsApplyToTheNewRoutes(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithErrorRate(1, http.StatusServiceUnavailable))
	cert := srv.Certifications()[0]
	item := srv.Items(cert.GetID())[0]
	routes := newRoutes(cert.GetID(), item.GetIdentitySummary().GetID(), item.GetID())
	require.Len(t, routes, 19)

	t.Run("errors", func(t *testing.T) {
		srv.ResetRequests()
		for _, rt := range routes {
			resp, _ := raw(t, srv, rt[0], rt[1], nil, "")
			assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "%s %s", rt[0], rt[1])
			assert.NotEmpty(t, resp.Header.Get("Retry-After"))
		}
		reqs := srv.Requests()
		require.Len(t, reqs, len(routes))
		for i, r := range reqs {
			assert.Equal(t, routes[i][1], r.Path)
			assert.Equal(t, certtest.FaultServerError, r.Fault, r.Path)
		}
	})

	t.Run("dropped connections", func(t *testing.T) {
		srv.SetFaults(certtest.Faults{DropRate: 1, Methods: []string{http.MethodGet}})
		srv.ResetRequests()
		c := newClient(t, srv, noRetries)
		var sum certifications.IdentityCertDecisionSummary
		_, err := sdkDo(t, c, http.MethodGet, "certifications/v1/"+cert.GetID()+"/decision-summary", nil, nil, &sum)
		require.Error(t, err)
		reqs := srv.Requests()
		require.NotEmpty(t, reqs)
		last := reqs[len(reqs)-1]
		assert.Equal(t, certtest.FaultDroppedConnection, last.Fault)
		assert.Equal(t, http.StatusOK, last.Status, "handled, then cut")
	})

	t.Run("latency and path scoping", func(t *testing.T) {
		srv.SetFaults(certtest.Faults{Latency: time.Nanosecond, ErrorRate: 1, Paths: []string{"/certifications/v1/*/access-summaries/*"}})
		srv.ResetRequests()
		resp, _ := raw(t, srv, http.MethodGet, v1.certs+"/"+cert.GetID()+"/access-summaries/ROLE", nil, "")
		assert.Equal(t, http.StatusInternalServerError/100, resp.StatusCode/100)
		resp, _ = raw(t, srv, http.MethodGet, v3.certs+"/"+cert.GetID()+"/access-summaries/ROLE", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode, "the v3 path is outside the pattern")
		reqs := srv.Requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, time.Nanosecond, reqs[0].Delay)
		assert.Zero(t, reqs[1].Delay)
	})
}

// TestRateLimitCountsV1Apart: v1 has its own bucket, like v3 and beta.
func TestRateLimitCountsV1Apart(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithRateLimit(2, time.Minute))
	cert := srv.Certifications()[0].GetID()
	for i, p := range []string{v1.certs, v1.tasks} {
		resp, _ := raw(t, srv, http.MethodGet, p, nil, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, "request %d", i)
	}
	resp, body := raw(t, srv, http.MethodGet, v1.certs+"/"+cert+"/identity-summaries", nil, "")
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	assert.JSONEq(t, `{"message":" Rate Limit Exceeded "}`, string(body))
	ra, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	require.NoError(t, err)
	assert.Positive(t, ra)
	for _, p := range []string{v3.certs + "/" + cert + "/decision-summary", "/beta/certifications"} {
		resp, _ := raw(t, srv, http.MethodGet, p, nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode, "%s is counted apart", p)
	}
	reqs := srv.Requests()
	assert.Equal(t, certtest.FaultRateLimited, reqs[len(reqs)-3].Fault)
	assert.True(t, strings.HasPrefix(reqs[len(reqs)-3].Path, v1.certs))
}
