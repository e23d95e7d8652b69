// Package beta_test tests the beta Certifications operations against a mock
// transport, one per test.
package beta_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
	"github.com/iscgo/certifications/internal/spectest"
)

const (
	baseURL   = "https://acme.api.identitynow.com"
	testToken = "beta-test-token"
)

// buildClient is the one place the tests construct an APIClient: a fresh
// mock transport (never httpmock's global one), a static access token, no
// pacing and millisecond retry waits. mutate adjusts the configuration
// before the client is built. The client may carry a configuration error;
// most tests want newTestClient.
func buildClient(t testing.TB, mutate ...func(*certifications.Configuration)) (*certifications.APIClient, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = baseURL
	cfg.AccessToken = testToken
	// Every request any test sends is checked against the published API
	// definition before the mock answers it.
	cfg.HTTPClient = &http.Client{Transport: spectest.NewValidatingTransport(t, mt)}
	cfg.DisableRateLimit = true
	cfg.RetryWaitMin = time.Millisecond
	cfg.RetryWaitMax = 20 * time.Millisecond
	for _, m := range mutate {
		m(cfg)
	}
	return certifications.NewAPIClient(cfg), mt
}

// newTestClient is buildClient for a configuration that must be valid.
func newTestClient(t testing.TB, mutate ...func(*certifications.Configuration)) (*certifications.APIClient, *httpmock.MockTransport) {
	t.Helper()
	c, mt := buildClient(t, mutate...)
	require.NoError(t, c.Err())
	return c, mt
}

// newAPI returns the beta operations on a newTestClient.
func newAPI(t testing.TB, mutate ...func(*certifications.Configuration)) (*beta.CertificationsApiService, *httpmock.MockTransport) {
	t.Helper()
	c, mt := newTestClient(t, mutate...)
	return beta.NewCertificationsApi(c), mt
}

// noRetries turns retries off, so that an error status comes back at once.
func noRetries(cfg *certifications.Configuration) { cfg.MaxRetries = 0 }

// recorded is what the mock saw of one request.
type recorded struct {
	Method      string
	EscapedPath string
	RawQuery    string
	Query       url.Values
	Header      http.Header
	Body        []byte
}

// recorder keeps the requests a mock transport answered.
type recorder struct {
	mu   sync.Mutex
	reqs []recorded
}

func (r *recorder) all() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.reqs...)
}

// only returns the single recorded request, failing the test if there was
// not exactly one.
func (r *recorder) only(t testing.TB) recorded {
	t.Helper()
	all := r.all()
	require.Len(t, all, 1, "requests sent")
	return all[0]
}

// answer makes mt record every request and answer it with fn's status,
// headers and body.
func answer(t testing.TB, mt *httpmock.MockTransport, fn func(req recorded) (int, http.Header, string)) *recorder {
	rec := &recorder{}
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		var body []byte
		if req.Body != nil {
			var err error
			body, err = io.ReadAll(req.Body)
			if err != nil {
				return nil, err
			}
		}
		r := recorded{
			Method:      req.Method,
			EscapedPath: req.URL.EscapedPath(),
			RawQuery:    req.URL.RawQuery,
			Query:       req.URL.Query(),
			Header:      req.Header.Clone(),
			Body:        body,
		}
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, r)
		rec.mu.Unlock()
		status, header, out := fn(r)
		resp := httpmock.NewStringResponse(status, out)
		for k, vs := range header {
			resp.Header[k] = vs
		}
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
	return rec
}

// answerWith answers every request with status and body.
func answerWith(t testing.TB, mt *httpmock.MockTransport, status int, body string) *recorder {
	return answer(t, mt, func(recorded) (int, http.Header, string) { return status, nil, body })
}

// fixture reads a file of testdata (see testdata/gen_fixtures.py).
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(b)
}

// example is the 200 body the spec's examples give for an operation.
func example(t testing.TB, operationID string) string {
	return fixture(t, filepath.Join("examples", operationID+".json"))
}

// isNil reports whether an operation's result is a nil pointer or slice.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// validReassign is a ReviewReassign that passes validation.
func validReassign() beta.ReviewReassign {
	return beta.ReviewReassign{
		Reassign:   []beta.ReassignReference{{ID: "ef38f94347e94562b5bb8424a56397d8", Type: certifications.ReassignReferenceTypeItem}},
		ReassignTo: "ef38f94347e94562b5bb8424a56397d8",
		Reason:     "reassigned for some reason",
	}
}

// operation describes one beta operation for the tests that run over all
// six: how to call it with given ids, the path those ids give, and the
// error statuses its spec lists.
type operation struct {
	id     string // operationId in the beta spec
	method string
	// path returns the escaped request path for the ids passed to call.
	path     func(id, second string) string
	statuses []int
	// call invokes the operation with id (and second, for the operations
	// with two path parameters) and no optional parameters.
	call func(ctx context.Context, api *beta.CertificationsApiService, id, second string) (any, *http.Response, error)
}

// Every operation's spec lists these error responses; listCertifications
// lists no 404.
var (
	statusesWith404    = []int{400, 401, 403, 404, 429, 500}
	statusesWithout404 = []int{400, 401, 403, 429, 500}
)

func operations() []operation {
	esc := url.PathEscape
	return []operation{
		{
			id: "getIdentityCertificationItemPermissions", method: http.MethodGet, statuses: statusesWith404,
			path: func(id, item string) string {
				return "/beta/certifications/" + esc(id) + "/access-review-items/" + esc(item) + "/permissions"
			},
			call: func(ctx context.Context, api *beta.CertificationsApiService, id, item string) (any, *http.Response, error) {
				return api.GetIdentityCertificationItemPermissions(ctx, id, item).Execute()
			},
		},
		{
			id: "getIdentityCertificationPendingTasks", method: http.MethodGet, statuses: statusesWith404,
			path: func(id, _ string) string { return "/beta/certifications/" + esc(id) + "/tasks-pending" },
			call: func(ctx context.Context, api *beta.CertificationsApiService, id, _ string) (any, *http.Response, error) {
				return api.GetIdentityCertificationPendingTasks(ctx, id).Execute()
			},
		},
		{
			id: "getIdentityCertificationTaskStatus", method: http.MethodGet, statuses: statusesWith404,
			path: func(id, task string) string { return "/beta/certifications/" + esc(id) + "/tasks/" + esc(task) },
			call: func(ctx context.Context, api *beta.CertificationsApiService, id, task string) (any, *http.Response, error) {
				return api.GetIdentityCertificationTaskStatus(ctx, id, task).Execute()
			},
		},
		{
			id: "listCertificationReviewers", method: http.MethodGet, statuses: statusesWith404,
			path: func(id, _ string) string { return "/beta/certifications/" + esc(id) + "/reviewers" },
			call: func(ctx context.Context, api *beta.CertificationsApiService, id, _ string) (any, *http.Response, error) {
				return api.ListCertificationReviewers(ctx, id).Execute()
			},
		},
		{
			id: "listCertifications", method: http.MethodGet, statuses: statusesWithout404,
			path: func(string, string) string { return "/beta/certifications" },
			call: func(ctx context.Context, api *beta.CertificationsApiService, _, _ string) (any, *http.Response, error) {
				return api.ListCertifications(ctx).Execute()
			},
		},
		{
			id: "submitReassignCertsAsync", method: http.MethodPost, statuses: statusesWith404,
			path: func(id, _ string) string { return "/beta/certifications/" + esc(id) + "/reassign-async" },
			call: func(ctx context.Context, api *beta.CertificationsApiService, id, _ string) (any, *http.Response, error) {
				return api.SubmitReassignCertsAsync(ctx, id).ReviewReassign(validReassign()).Execute()
			},
		},
	}
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return tm
}
