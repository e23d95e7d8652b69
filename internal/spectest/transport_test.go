package spectest_test

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/spectest"
)

// recorder is a testing.TB that records Errorf and Fatalf calls instead of
// failing the test. Fatalf ends the calling goroutine, like the real one.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func newRecorder(t *testing.T) *recorder { return &recorder{TB: t} }

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	r.mu.Lock()
	r.fatal = true
	r.mu.Unlock()
	runtime.Goexit()
}

func (r *recorder) recorded() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// inGoroutine runs f where a Fatalf may end it.
func inGoroutine(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	<-done
}

const (
	cloudBase = "https://acme.api.identitynow.com"
	localBase = "http://127.0.0.1:8123"
)

// forwarded records what reaches the next transport.
type forwarded struct {
	mu     sync.Mutex
	urls   []string
	bodies []string
}

func (f *forwarded) responder(req *http.Request) (*http.Response, error) {
	body := ""
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		body = string(b)
	}
	f.mu.Lock()
	f.urls = append(f.urls, req.Method+" "+req.URL.String())
	f.bodies = append(f.bodies, body)
	f.mu.Unlock()
	return httpmock.NewStringResponse(200, `{}`), nil
}

// newTransport returns a validating transport reporting to a recorder,
// in front of a mock transport that answers everything with 200 {}.
func newTransport(t *testing.T) (http.RoundTripper, *recorder, *forwarded) {
	rec := newRecorder(t)
	fw := &forwarded{}
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(fw.responder)
	return spectest.NewValidatingTransport(rec, mt), rec, fw
}

func send(t *testing.T, rt http.RoundTripper, method, url, body string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := rt.RoundTrip(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
}

const validDecide = `[{"id":"item-1","decision":"APPROVE","bulk":false,"comments":"ok"}]`

func TestValidRequestsPassAndAreForwardedUnchanged(t *testing.T) {
	rt, rec, fw := newTransport(t)
	requests := []struct{ method, url, body string }{
		{"GET", localBase + "/v3/certifications?reviewer-identity=me&limit=10&offset=0&count=true&filters=phase%20eq%20%22ACTIVE%22&sorters=-due", ""},
		{"GET", cloudBase + "/v3/certification-tasks/task-1", ""},
		{"POST", cloudBase + "/v3/certifications/cert%2F1/decide", validDecide},
		{"POST", localBase + "/v3/certifications/c1/reassign-async", `{"reassign":[{"id":"i1","type":"ITEM"}],"reassignTo":"id-2","reason":"holiday"}`},
		{"GET", cloudBase + "/beta/certifications/c1/tasks/t1", ""},
		{"GET", localBase + "/beta/certifications?limit=250", ""},
		{"GET", cloudBase + "/v3/certifications/c1/decision-summary?filters=identitySummary.id%20eq%20%22s1%22", ""},
		{"GET", cloudBase + "/v3/certifications/c1/access-summaries/ACCESS_PROFILE?limit=5&offset=5&count=true", ""},
		{"GET", localBase + "/certifications/v1?reviewer-identity=me&limit=250", ""},
		{"GET", cloudBase + "/certification-tasks/v1", ""},
		{"GET", cloudBase + "/certification-tasks/v1/task-1", ""},
		{"POST", cloudBase + "/certifications/v1/c1/decide", validDecide},
		{"GET", cloudBase + "/certifications/v1/c1/identity-summaries?sorters=name&limit=0", ""},
		{"GET", cloudBase + "/certifications/v1/c1/identity-summaries/s%2F1", ""},
		{"GET", cloudBase + "/certifications/v1/c1/access-summaries/ROLE", ""},
	}
	for _, r := range requests {
		send(t, rt, r.method, r.url, r.body)
	}
	assert.Empty(t, rec.recorded(), "valid requests must not be reported")
	require.Len(t, fw.urls, len(requests))
	for i, r := range requests {
		assert.Equal(t, r.method+" "+r.url, fw.urls[i], "the URL is forwarded unchanged (no defaults filled in)")
		assert.Equal(t, r.body, fw.bodies[i], "the body is forwarded unchanged")
	}
}

func TestTokenRequestsPassThroughUnvalidated(t *testing.T) {
	rt, rec, fw := newTransport(t)
	send(t, rt, "POST", cloudBase+"/oauth/token", "grant_type=client_credentials")
	assert.Empty(t, rec.recorded())
	assert.Equal(t, []string{"POST " + cloudBase + "/oauth/token"}, fw.urls)
}

func TestInvalidRequestsAreReported(t *testing.T) {
	tests := []struct {
		name, method, url, body string
		want                    []string // substrings of the one reported message
	}{
		{"unknown path", "GET", cloudBase + "/v3/certifications/c1/nothing-here", "",
			[]string{"v3 (no operation)", "GET " + cloudBase + "/v3/certifications/c1/nothing-here", "no matching operation"}},
		{"unknown method", "DELETE", cloudBase + "/v3/certifications/c1", "",
			[]string{"DELETE " + cloudBase + "/v3/certifications/c1", "method not allowed"}},
		{"no version prefix", "GET", cloudBase + "/v2/certifications", "",
			[]string{"(no version)", "no API definition for path"}},
		{"limit above 250", "GET", localBase + "/v3/certifications?limit=999", "",
			[]string{"v3 listIdentityCertifications", "GET " + localBase + "/v3/certifications?limit=999", `parameter "limit" in query`, "at most 250"}},
		{"negative offset", "GET", cloudBase + "/beta/certifications/c1/reviewers?offset=-1", "",
			[]string{"beta listCertificationReviewers", `parameter "offset" in query`, "at least 0"}},
		{"query of the wrong type", "GET", cloudBase + "/v3/certification-tasks?count=maybe", "",
			[]string{"v3 getPendingCertificationTasks", `parameter "count" in query`}},
		{"body without a required field", "POST", cloudBase + "/v3/certifications/c1/decide", `[{"id":"item-1","decision":"APPROVE"}]`,
			[]string{"v3 makeIdentityDecision", "POST " + cloudBase + "/v3/certifications/c1/decide", `at "/0/bulk"`, `property "bulk" is missing`}},
		{"body field of the wrong type", "POST", cloudBase + "/v3/certifications/c1/reassign", `{"reassign":[{"id":"i1","type":"ITEM"}],"reassignTo":7,"reason":"r"}`,
			[]string{"v3 reassignIdentityCertifications", `at "/reassignTo"`, "must be a string"}},
		{"enum value not defined", "POST", cloudBase + "/v3/certifications/c1/decide", `[{"id":"item-1","decision":"MAYBE","bulk":true}]`,
			[]string{`at "/0/decision"`, "allowed values"}},
		{"too many items", "POST", cloudBase + "/v3/certifications/c1/decide", "[" + strings.TrimSuffix(strings.Repeat(strings.Trim(validDecide, "[]")+",", 251), ",") + "]",
			[]string{"v3 makeIdentityDecision", "maximum number of items is 250"}},
		{"missing body", "POST", cloudBase + "/v3/certifications/c1/decide", "",
			[]string{"v3 makeIdentityDecision", "request body has an error"}},
		{"v1 limit above 250", "GET", cloudBase + "/certifications/v1?limit=251", "",
			[]string{"v1 listIdentityCertificationsV1", `parameter "limit" in query`, "at most 250"}},
		{"v1 body without a required field", "POST", cloudBase + "/certifications/v1/c1/reassign", `{"reassign":[],"reason":"r"}`,
			[]string{"v1 reassignIdentityCertificationsV1", `property "reassignTo" is missing`}},
		{"v1 path of a beta operation", "GET", cloudBase + "/certifications/v1/c1/tasks-pending", "",
			[]string{"v1 (no operation)", "GET " + cloudBase + "/certifications/v1/c1/tasks-pending", "no matching operation"}},
		{"v1 unknown method", "DELETE", cloudBase + "/certification-tasks/v1/t1", "",
			[]string{"v1 (no operation)", "method not allowed"}},
		{"v3 summaries path with another method", "POST", cloudBase + "/v3/certifications/c1/decision-summary", "",
			[]string{"v3 (no operation)", "method not allowed"}},
		{"summaries enum path parameter", "GET", cloudBase + "/v3/certifications/c1/access-summaries/ACCOUNT", "",
			[]string{"summaries-v3 getIdentityAccessSummaries", `parameter "type" in path`, "allowed values"}},
		{"v1 summaries query of the wrong type", "GET", cloudBase + "/certifications/v1/c1/identity-summaries?offset=first", "",
			[]string{"summaries-v1 getIdentitySummariesV1", `parameter "offset" in query`}},
		{"v1 summaries path in v3", "GET", cloudBase + "/v3/certifications/v1/c1/decision-summary", "",
			[]string{"v3 (no operation)", "no matching operation"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt, rec, fw := newTransport(t)
			send(t, rt, tc.method, tc.url, tc.body)
			got := rec.recorded()
			require.Len(t, got, 1, "one report per invalid request")
			for _, w := range tc.want {
				assert.Contains(t, got[0], w)
			}
			assert.Len(t, fw.urls, 1, "an invalid request is still forwarded")
		})
	}
}

func TestValidatingTransportIsSafeForConcurrentUse(t *testing.T) {
	rt, rec, fw := newTransport(t)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			limit := 10
			if i%4 == 0 {
				limit = 1000 + i
			}
			req, err := http.NewRequest("POST", fmt.Sprintf("%s/v3/certifications/c%d/decide?limit=%d", cloudBase, i, limit), strings.NewReader(validDecide))
			if !assert.NoError(t, err) {
				return
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := rt.RoundTrip(req)
			if assert.NoError(t, err) {
				_ = resp.Body.Close()
			}
			req, _ = http.NewRequest("GET", fmt.Sprintf("%s/v3/certifications/c%d/reviewers?limit=%d", localBase, i, limit), nil)
			if resp, err := rt.RoundTrip(req); assert.NoError(t, err) {
				_ = resp.Body.Close()
			}
		}(i)
	}
	wg.Wait()
	// decide takes no limit, so only the four reviewer calls with a limit
	// above 250 violate the definition.
	assert.Len(t, rec.recorded(), 4)
	assert.Len(t, fw.urls, 32)
	for _, b := range fw.bodies {
		if b != "" {
			assert.Equal(t, validDecide, b)
		}
	}
}

func TestNilNextUsesTheDefaultTransport(t *testing.T) {
	rt := spectest.NewCheckingTransport(nil, func(*spectest.Violation) {})
	req, err := http.NewRequest("GET", "http://127.0.0.1:1/v3/certifications?limit=1", nil)
	require.NoError(t, err)
	_, err = rt.RoundTrip(req)
	assert.Error(t, err, "nothing listens on port 1; the default transport says so")
}

func TestCheckRequestLeavesTheBodyReadable(t *testing.T) {
	req, err := http.NewRequest("POST", cloudBase+"/v3/certifications/c1/decide", strings.NewReader(validDecide))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	assert.Nil(t, spectest.CheckRequest(req))
	b, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	assert.Equal(t, validDecide, string(b))
}

// TestJSONPatchRequestsNeedTheirContentType checks that the campaign and
// template patches validate only as application/json-patch+json, and that
// the v3 update-filter operation, whose path parameter the definition
// misnames, routes and validates on both generations.
func TestJSONPatchRequestsNeedTheirContentType(t *testing.T) {
	const patch = `[{"op":"replace","path":"/name","value":"Renamed"}]`
	for _, path := range []string{"/v3/campaigns/c1", "/campaigns/v1/c1", "/v3/campaign-templates/t1", "/campaign-templates/v1/t1"} {
		send := func(contentType string) *spectest.Violation {
			req, err := http.NewRequest(http.MethodPatch, cloudBase+path, strings.NewReader(patch))
			require.NoError(t, err)
			req.Header.Set("Content-Type", contentType)
			return spectest.CheckRequest(req)
		}
		assert.Nil(t, send("application/json-patch+json"), path)
		v := send("application/json")
		require.NotNil(t, v, "%s as application/json", path)
		assert.Equal(t, []string{"body"}, v.Parts(), path)
	}

	filter := `{"id":"f1","name":"n","owner":null,"mode":"INCLUSION","isSystemFilter":false}`
	for _, path := range []string{"/v3/campaign-filters/f1", "/campaign-filters/v1/f1"} {
		req, err := http.NewRequest(http.MethodPost, cloudBase+path, strings.NewReader(filter))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		assert.Nil(t, spectest.CheckRequest(req), path)
	}
}

func TestViolationNamesOperationAndUnwraps(t *testing.T) {
	req, err := http.NewRequest("GET", cloudBase+"/v3/certifications?limit=300", nil)
	require.NoError(t, err)
	v := spectest.CheckRequest(req)
	require.NotNil(t, v)
	assert.Equal(t, "v3", v.Version)
	assert.Equal(t, "v3", v.Definition)
	assert.Equal(t, "listIdentityCertifications", v.OperationID)
	assert.Equal(t, "GET", v.Method)
	assert.Equal(t, cloudBase+"/v3/certifications?limit=300", v.URL)
	require.Error(t, v.Unwrap())
	assert.NotContains(t, v.Error(), "\n", "one line")
}

func TestCheckResponse(t *testing.T) {
	ok := `[{"id":"t1","type":"REASSIGN","status":"QUEUED","reassignmentTrailDTOs":[{"previousOwner":"a"}],"created":"2020-09-24T18:10:47.693Z"}]`
	assert.NoError(t, spectest.CheckResponse(t, "v3", "getPendingCertificationTasks", 200, []byte(ok)))

	bad := `[{"id":7,"status":"DONE","reassignmentTrailDTOs":{"previousOwner":"a"}}]`
	err := spectest.CheckResponse(t, "v3", "getPendingCertificationTasks", 200, []byte(bad))
	require.Error(t, err)
	var pointers []string
	for _, m := range spectest.Mismatches(err) {
		pointers = append(pointers, m.Pointer)
	}
	assert.ElementsMatch(t, []string{"/0/id", "/0/status", "/0/reassignmentTrailDTOs"}, pointers)

	assert.Error(t, spectest.CheckResponse(t, "v3", "getPendingCertificationTasks", 418, []byte(`{}`)), "an undocumented status is refused")
	assert.NoError(t, spectest.CheckResponse(t, "beta", "listCertifications", 429, []byte(`{"message":"slow down"}`)))

	summary := `{"entitlementDecisionsMade":3,"entitlementDecisionsTotal":5}`
	assert.NoError(t, spectest.CheckResponse(t, "summaries-v3", "getIdentityDecisionSummary", 200, []byte(summary)))
	assert.NoError(t, spectest.CheckResponse(t, "summaries-v1", "getIdentityDecisionSummaryV1", 200, []byte(summary)))
	err = spectest.CheckResponse(t, "summaries-v1", "getIdentityDecisionSummaryV1", 200, []byte(`{"rolesRevoked":"two"}`))
	require.Error(t, err)
	assert.Equal(t, "/rolesRevoked", spectest.Mismatches(err)[0].Pointer)

	// v1 reviewers may have a null e-mail address; v3 ones may not.
	reviewers := []byte(`[{"id":"r1","name":"Ada","email":null,"type":"IDENTITY"}]`)
	assert.NoError(t, spectest.CheckResponse(t, "v1", "listCertificationReviewersV1", 200, reviewers))
	assert.Error(t, spectest.CheckResponse(t, "v3", "listCertificationReviewers", 200, reviewers))
}

// TestCheckResponseBody checks the media type of responses that are not
// JSON, and responses without content.
func TestCheckResponseBody(t *testing.T) {
	csv := []byte("id,name\n1,a\n")
	assert.NoError(t, spectest.CheckResponseBody(t, "reports-v3", "getReport", 200, "application/csv", csv))
	assert.NoError(t, spectest.CheckResponseBody(t, "reports-v1", "getReportV1", 200, "application/pdf", []byte("%PDF-1.4")))
	assert.Error(t, spectest.CheckResponseBody(t, "reports-v3", "getReport", 200, "text/html", csv), "an undocumented media type")
	assert.Error(t, spectest.CheckResponseBody(t, "reports-v3", "getReport", 200, "", nil), "no body where one is documented")
	assert.Error(t, spectest.CheckResponseBody(t, "reports-v3", "getReport", 418, "application/csv", csv), "an undocumented status")

	assert.NoError(t, spectest.CheckResponseBody(t, "campaigns-v3", "deleteCampaignTemplate", 204, "", nil))
	assert.NoError(t, spectest.CheckResponseBody(t, "campaigns-v3", "startCampaign", 202, "application/json; charset=utf-8", []byte(`{}`)))
	err := spectest.CheckResponseBody(t, "campaigns-v3", "getCampaignReportsConfig", 200, "application/json", []byte(`{"identityAttributeColumns":"department"}`))
	require.Error(t, err)
	assert.Equal(t, "/identityAttributeColumns", spectest.Mismatches(err)[0].Pointer)
}

func TestViolationParts(t *testing.T) {
	parts := func(method, url, body string) []string {
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, err := http.NewRequest(method, url, rd)
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		v := spectest.CheckRequest(req)
		require.NotNil(t, v)
		return v.Parts()
	}
	assert.Equal(t, []string{"route"}, parts("GET", cloudBase+"/v3/unknown", ""))
	assert.Equal(t, []string{"query limit", "query count"}, parts("GET", cloudBase+"/v3/certifications?limit=251&count=yes", ""))
	assert.Equal(t, []string{"body /0/bulk", "body /1/decision"}, parts("POST", cloudBase+"/v3/certifications/c1/decide", `[{"id":"a","decision":"APPROVE"},{"id":"b","decision":"NO","bulk":true}]`))
	assert.Equal(t, []string{"body"}, parts("POST", cloudBase+"/v3/certifications/c1/decide", ""))
	assert.Equal(t, []string{"request"}, parts("GET", cloudBase+"/v2/x", ""))
}

func TestOperationOf(t *testing.T) {
	req, err := http.NewRequest("GET", localBase+"/beta/certifications/c1/tasks-pending", nil)
	require.NoError(t, err)
	definition, id, err := spectest.OperationOf(req)
	require.NoError(t, err)
	assert.Equal(t, "beta", definition)
	assert.Equal(t, "getIdentityCertificationPendingTasks", id)

	req, err = http.NewRequest("GET", localBase+"/certifications/v1/c1/identity-summaries/s1", nil)
	require.NoError(t, err)
	definition, id, err = spectest.OperationOf(req)
	require.NoError(t, err)
	assert.Equal(t, "summaries-v1", definition)
	assert.Equal(t, "getIdentitySummaryV1", id)

	req, err = http.NewRequest("PUT", localBase+"/v3/certifications/c1", nil)
	require.NoError(t, err)
	_, _, err = spectest.OperationOf(req)
	assert.Error(t, err)
}

// TestEveryOperationRoutesToItsDefinition sends a request to the path of
// every operation of every definition and checks that it routes to that
// operation: each API version's definitions share its prefixes without
// taking each other's paths.
func TestEveryOperationRoutesToItsDefinition(t *testing.T) {
	n := 0
	for _, name := range spectest.Definitions {
		for _, op := range spectest.Operations(t, name) {
			path := op.Path
			for _, p := range op.Operation.Parameters {
				if p.Value.In != "path" {
					continue
				}
				value := "p-" + p.Value.Name
				if enum := p.Value.Schema.Value.Enum; len(enum) > 0 {
					value = enum[len(enum)-1].(string)
				}
				path = strings.ReplaceAll(path, "{"+p.Value.Name+"}", value)
			}
			req, err := http.NewRequest(op.Method, cloudBase+op.Base+path, nil)
			require.NoError(t, err)
			definition, id, err := spectest.OperationOf(req)
			if assert.NoError(t, err, "%s %s", op.Method, req.URL) {
				assert.Equal(t, op.Definition+" "+op.ID, definition+" "+id, "%s %s", op.Method, req.URL)
			}
			n++
		}
	}
	assert.Equal(t, 11+4+22+5+2+6+11+4+22+5+2, n, "operations routed")
}

// TestTransportLimitedToVersions checks that a transport given API versions
// reports a request to any other version, valid there or not, once, as a
// route violation, and lets its own versions and the token endpoint pass.
func TestTransportLimitedToVersions(t *testing.T) {
	rec := newRecorder(t)
	fw := &forwarded{}
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(fw.responder)
	rt := spectest.NewValidatingTransport(rec, mt, "v1")

	send(t, rt, "GET", cloudBase+"/certifications/v1/c1", "")
	send(t, rt, "GET", cloudBase+"/certifications/v1/c1/decision-summary", "")
	send(t, rt, "POST", cloudBase+spectest.TokenPath, "grant_type=client_credentials")
	assert.Empty(t, rec.recorded())

	send(t, rt, "GET", cloudBase+"/v3/certifications/c1", "")
	got := rec.recorded()
	require.Len(t, got, 1)
	assert.Contains(t, got[0], "spectest: v3 (no operation): GET "+cloudBase+"/v3/certifications/c1")
	assert.Contains(t, got[0], "the path is one of API version v3; this client may only call v1")
	assert.Len(t, fw.urls, 4, "every request is forwarded")

	req, err := http.NewRequest("GET", cloudBase+"/beta/certifications", nil)
	require.NoError(t, err)
	v := spectest.CheckRequest(req, "v3", "v1")
	require.NotNil(t, v)
	assert.Equal(t, []string{"route"}, v.Parts())
	assert.Nil(t, spectest.CheckRequest(req, "beta", "v3"))
	assert.Nil(t, spectest.CheckRequest(req), "no versions: any")
}
