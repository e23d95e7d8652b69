// Package test holds the operation tests of the Certifications client, run
// against each API version of suiteVersions.
// Every test builds its client with newTestClient, which sends all HTTP to
// a per-test httpmock transport; serve scripts the answers and records the
// requests, assertRequest checks what was sent.
package test

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/spectest"
)

const (
	// baseURL is the tenant every test client talks to.
	baseURL = "https://acme.api.identitynow.com"
	// accessToken is the bearer token every test client sends.
	accessToken = "test-access-token-0123456789"
	// maxRetries is the MaxRetries of every test client.
	maxRetries = 2
	// userAgentPrefix starts the User-Agent of every request.
	userAgentPrefix = "isc-certifications-go/"
)

// newTestClient returns a client of this process's API version (see
// suiteVersion) that sends all HTTP to a new mock transport (never
// httpmock's global one), with a static access token, no client-side
// pacing, maxRetries retries and millisecond waits between them. opts adjust the configuration before the client is built. Until a
// test scripts answers with serve, any request fails the test.
func newTestClient(t *testing.T, opts ...func(*certifications.Configuration)) (*certifications.APIClient, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request: %s %s", req.Method, req.URL)
		return nil, errors.New("test: no answer scripted for this request")
	})
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = baseURL
	cfg.AccessToken = accessToken
	cfg.APIVersion = suiteVersion(t)
	// Every request any test sends is checked against the published API
	// definitions of the client's version before the mock answers it.
	cfg.HTTPClient = &http.Client{Transport: spectest.NewValidatingTransport(t, mt, string(cfg.APIVersion))}
	cfg.DisableRateLimit = true
	cfg.MaxRetries = maxRetries
	cfg.RetryWaitMin = time.Millisecond
	cfg.RetryWaitMax = 5 * time.Millisecond
	for _, opt := range opts {
		opt(cfg)
	}
	c := certifications.NewAPIClient(cfg)
	require.NoError(t, c.Err())
	return c, mt
}

// reply is one scripted answer.
type reply struct {
	status int
	body   string
	header map[string]string
}

// ok answers 200 with body.
func ok(body string) reply { return reply{status: http.StatusOK, body: body} }

// withHeader returns r with one more response header.
func (r reply) withHeader(name, value string) reply {
	h := make(map[string]string, len(r.header)+1)
	for k, v := range r.header {
		h[k] = v
	}
	h[name] = value
	r.header = h
	return r
}

// recorded is one request as the transport received it.
type recorded struct {
	Method string
	URL    *url.URL
	Header http.Header
	Body   []byte
}

// server answers the requests of one mock transport and records them.
type server struct {
	mu   sync.Mutex
	reqs []recorded
}

// serve answers every request sent to mt with replies in order, repeating
// the last one, and records each request.
func serve(t *testing.T, mt *httpmock.MockTransport, replies ...reply) *server {
	t.Helper()
	require.NotEmpty(t, replies, "serve needs at least one reply")
	return serveFunc(t, mt, func(n int, _ recorded) reply {
		return replies[min(n, len(replies)-1)]
	})
}

// serveFunc answers the n-th request (from 0) sent to mt with answer's
// reply and records each request.
func serveFunc(t *testing.T, mt *httpmock.MockTransport, answer func(n int, req recorded) reply) *server {
	t.Helper()
	s := &server{}
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		var body []byte
		if req.Body != nil {
			var err error
			body, err = io.ReadAll(req.Body)
			if err != nil {
				return nil, err
			}
		}
		u := *req.URL
		rec := recorded{Method: req.Method, URL: &u, Header: req.Header.Clone(), Body: body}
		s.mu.Lock()
		n := len(s.reqs)
		s.reqs = append(s.reqs, rec)
		s.mu.Unlock()

		r := answer(n, rec)
		resp := httpmock.NewStringResponse(r.status, r.body)
		resp.Header.Set("Content-Type", "application/json")
		for k, v := range r.header {
			resp.Header.Set(k, v)
		}
		resp.Request = req
		return resp, nil
	})
	return s
}

// requests returns the recorded requests in order.
func (s *server) requests() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.reqs...)
}

// only returns the single recorded request, failing the test if there was
// not exactly one.
func (s *server) only(t *testing.T) recorded {
	t.Helper()
	reqs := s.requests()
	require.Len(t, reqs, 1, "requests sent")
	return reqs[0]
}

// want describes a request: assertRequest checks a recorded one against it.
type want struct {
	// Method is the HTTP method.
	Method string
	// Path is the v3 path as sent on the wire, path parameters escaped;
	// a client of another API version must send its wirePath.
	Path string
	// Query is the exact set of query parameters: none may be missing and
	// none may be extra. Nil means no query string at all.
	Query url.Values
	// RawQuery, if set, is the exact encoded query string.
	RawQuery string
	// Body is the JSON the body must equal; "" means no body.
	Body string
}

// assertRequest checks method, escaped path, query and JSON body of got,
// and the headers every request carries: Accept, Authorization, the SDK's
// User-Agent, and Content-Type exactly when there is a body.
func assertRequest(t *testing.T, got recorded, w want) {
	t.Helper()
	assert.Equal(t, w.Method, got.Method, "method")
	assert.Equal(t, wirePath(w.Path), got.URL.EscapedPath(), "escaped path")
	if w.Query == nil {
		assert.Empty(t, got.URL.RawQuery, "query string")
	} else {
		assert.Equal(t, w.Query, got.URL.Query(), "query parameters")
	}
	if w.RawQuery != "" {
		assert.Equal(t, w.RawQuery, got.URL.RawQuery, "encoded query string")
	}
	if w.Body == "" {
		assert.Empty(t, got.Body, "request body")
		assert.Empty(t, got.Header.Get("Content-Type"), "Content-Type without a body")
	} else {
		assert.JSONEq(t, w.Body, string(got.Body), "request body")
		assert.Equal(t, "application/json", got.Header.Get("Content-Type"), "Content-Type")
	}
	assert.Equal(t, "application/json", got.Header.Get("Accept"), "Accept")
	assert.Equal(t, "Bearer "+accessToken, got.Header.Get("Authorization"), "Authorization")
	assert.True(t, strings.HasPrefix(got.Header.Get("User-Agent"), userAgentPrefix),
		"User-Agent %q should start with %q", got.Header.Get("User-Agent"), userAgentPrefix)
}

// example returns a spec example body from testdata/examples.
func example(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "examples", name+".json"))
	require.NoError(t, err)
	return string(b)
}

// readBody reads a returned response body, which must still be readable.
func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	require.NotNil(t, resp, "the *http.Response is returned")
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

// requireValidation asserts that err is a *certifications.ValidationError
// for param and that nothing was sent.
func requireValidation(t *testing.T, mt *httpmock.MockTransport, err error, param string) *certifications.ValidationError {
	t.Helper()
	var ve *certifications.ValidationError
	require.True(t, errors.As(err, &ve), "want a *ValidationError, got %T: %v", err, err)
	assert.Equal(t, param, ve.Parameter, "ValidationError.Parameter")
	assert.NotEmpty(t, ve.Problem, "ValidationError.Problem")
	assert.Equal(t, 0, mt.GetTotalCallCount(), "nothing may be sent")
	return ve
}

// mustTime parses an RFC 3339 time.
func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v
}
