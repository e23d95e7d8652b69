package certtest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/apigen"
)

// Server is an in-process fake ISC tenant serving the Certifications API.
// Create it with NewServer or NewTestServer. All methods are safe for
// concurrent use, also while requests are being served.
type Server struct {
	cfg    *config
	ts     *httptest.Server
	t      *tenant
	faults *faultState
	client *certifications.APIClient
	done   chan struct{} // closed by Close: ends injected latencies early

	authMu sync.Mutex
	tokens map[string]time.Time // access token -> expiry
	issued int

	logMu    sync.Mutex
	requests []RecordedRequest

	tracking  atomic.Uint64
	inflight  atomic.Int64 // requests being served
	closeOnce sync.Once
}

// NewServer starts a sandbox tenant on a loopback address (HTTPS with
// WithTLS; in memory with WithInMemoryNetwork) and returns it. Call Close
// when done, or use NewTestServer. It panics on an invalid option.
func NewServer(opts ...Option) *Server {
	cfg := newConfig(opts)
	s := &Server{
		cfg:    cfg,
		t:      newTenant(cfg),
		faults: newFaultState(cfg.seed, cfg.faults),
		done:   make(chan struct{}),
		tokens: map[string]time.Time{},
	}
	var pipe *pipeListener
	if cfg.inMemory {
		pipe = newPipeListener()
		s.ts = &httptest.Server{Listener: pipe, Config: &http.Server{Handler: s.handler()}}
	} else {
		s.ts = httptest.NewUnstartedServer(s.handler())
	}
	// Clients that distrust the certificate (on purpose, in tests) and
	// connections cut at Close make the server log handshake errors:
	// noise, not news. Everything else is still logged.
	s.ts.Config.ErrorLog = log.New(quietWriter{os.Stderr}, "", log.LstdFlags)
	if cfg.tls {
		s.ts.StartTLS()
	} else {
		s.ts.Start()
	}
	if pipe != nil {
		// The server's own client is the one Configuration copies and
		// whose idle connections Close closes: it dials the pipe.
		pipe.connect(s.ts.Client())
	}
	s.client = certifications.NewAPIClient(s.Configuration())
	return s
}

// NewTestServer is NewServer for tests and benchmarks: the server is closed
// when t finishes.
func NewTestServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// Close shuts the server down, ending injected latencies at once, and
// waits for requests in flight. It may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.ts.Close()
	})
}

// URL returns the tenant's API root, e.g. http://127.0.0.1:41234
// (http://127.0.0.1:0 with WithInMemoryNetwork, reachable only through
// Configuration's HTTPClient). The API lives under /v3 and /beta, the
// token endpoint at /oauth/token.
func (s *Server) URL() string { return s.ts.URL }

// ClientID returns the client id the token endpoint accepts.
func (s *Server) ClientID() string { return s.cfg.clientID }

// ClientSecret returns the client secret the token endpoint accepts.
func (s *Server) ClientSecret() string { return s.cfg.clientSecret }

// MeID returns the identity id of the client credentials: the reviewer
// "me" stands for in reviewer-identity. It is the same for every seed
// (7e3a0c5d9b2f4e18a6c1d4f0b8e25a93, Robin Okafor).
func (s *Server) MeID() string { return meID }

// Seed returns the seed the tenant was generated from.
func (s *Server) Seed() int64 { return s.cfg.seed }

// Configuration returns certifications.NewConfiguration() pointed at the
// server with working client credentials. Its HTTPClient is the server's
// (trusting the certificate under WithTLS, dialling the in-memory network
// under WithInMemoryNetwork), with no per-attempt timeout: the server runs
// in the process, so a slow answer means a busy machine, not a lost
// connection, and the caller's context (or go test's -timeout) bounds a
// call. Retries and client-side pacing keep the SDK's defaults, so adjust
// them for fast tests (for example DisableRateLimit).
func (s *Server) Configuration() *certifications.Configuration {
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = s.ts.URL
	cfg.ClientID = s.cfg.clientID
	cfg.ClientSecret = s.cfg.clientSecret
	hc := *s.ts.Client()
	hc.Timeout = 0
	cfg.HTTPClient = &hc
	return cfg
}

// Client returns an API client built from Configuration. It is created
// once; every call returns the same client.
func (s *Server) Client() *certifications.APIClient { return s.client }

// SetFaults replaces the fault configuration at run time. It panics on an
// invalid configuration, like the options.
func (s *Server) SetFaults(f Faults) {
	if err := f.validate(); err != nil {
		fail("SetFaults", "%v", err)
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.cfg = f.clone()
}

// Faults returns the current fault configuration.
func (s *Server) Faults() Faults {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return s.faults.cfg.clone()
}

// SetFaultsEnabled switches fault injection off (false) and back on
// (true) without changing the configuration: switch it off to set up
// data through the API, then on for the code under test. It starts on.
func (s *Server) SetFaultsEnabled(on bool) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.enabled = on
}

// RecordedRequest is one request the server received.
type RecordedRequest struct {
	// Method, Path and RawQuery are those of the request URL.
	Method   string
	Path     string
	RawQuery string
	// Status is the status the server answered (for a dropped connection,
	// the status it started to send), or 0 when the client went away
	// before an answer.
	Status int
	// Time is when the request arrived, Duration how long it took until
	// the answer's status was sent (injected latency included).
	Time     time.Time
	Duration time.Duration
	// Fault is the fault injected into the answer, FaultNone if none.
	Fault Fault
	// Delay is the injected latency.
	Delay time.Duration
}

// Injected reports whether a fault changed the answer to the request.
func (r RecordedRequest) Injected() bool { return r.Fault != FaultNone }

// Requests returns the requests received so far, oldest first, including
// token requests and refused ones.
func (s *Server) Requests() []RecordedRequest {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return append([]RecordedRequest(nil), s.requests...)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	s.requests = nil
}

func (s *Server) record(r RecordedRequest) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	s.requests = append(s.requests, r)
}

// handler is the whole HTTP surface: authentication and fault injection
// around the routes.
func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /oauth/token", s.handleToken)
	s.routes(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeErr(w, r, errNotFound(fmt.Sprintf("No resource at %s %s.", r.Method, r.URL.Path)))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serve(mux, w, r)
	})
}

// bucket returns the rate-limit bucket of a path: "oauth" for the token
// endpoint, else its API generation by the SDK's rule (apigen.Bucket), ""
// for a path of none.
func bucket(p string) string {
	if p == "/oauth/token" {
		return "oauth"
	}
	return apigen.Bucket(p)
}

func (s *Server) serve(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) {
	s.inflight.Add(1)
	defer s.inflight.Add(-1)
	start := time.Now()
	rec := RecordedRequest{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Time: start}
	// The request is logged when its status is sent, so that a client
	// that has its answer always finds the request in the log.
	logged := false
	logNow := func(status int) {
		if !logged {
			logged = true
			rec.Status, rec.Duration = status, time.Since(start)
			s.record(rec)
		}
	}
	sw := &statusWriter{ResponseWriter: w, onHeader: logNow}
	defer logNow(0) // no answer: the client went away

	b := bucket(r.URL.Path)
	f, faulty := s.faults.applies(r, b)
	if faulty && f.Latency > 0 {
		rec.Delay = f.Latency
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-s.done:
			t.Stop()
		}
	}
	if b == "v3" || b == "beta" || b == "v1" {
		if msg := s.checkToken(r); msg != "" {
			sw.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			writeJSON(sw, http.StatusUnauthorized, map[string]string{"error": msg})
			return
		}
	}
	if faulty {
		if wait := s.faults.admit(b, f, time.Now()); wait > 0 {
			rec.Fault = FaultRateLimited
			sw.Header().Set("Retry-After", retryAfter(wait, f.DecimalRetryAfter))
			writeJSON(sw, http.StatusTooManyRequests, map[string]string{"message": " Rate Limit Exceeded "})
			return
		}
		if s.faults.draw(f.ErrorRate) {
			rec.Fault = FaultServerError
			status := s.faults.errorStatus(f)
			if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
				ra := f.UnavailableRetryAfter
				if ra == 0 {
					ra = time.Second
				}
				sw.Header().Set("Retry-After", retryAfter(ra, f.DecimalRetryAfter))
			}
			if status == http.StatusTooManyRequests {
				rec.Fault = FaultRateLimited
				writeJSON(sw, status, map[string]string{"message": " Rate Limit Exceeded "})
				return
			}
			s.writeErr(sw, r, &apiError{status: status, text: "An internal fault occurred."})
			return
		}
		if s.faults.draw(f.DropRate) {
			rec.Fault = FaultDroppedConnection
			buf := httptest.NewRecorder()
			mux.ServeHTTP(buf, r)
			logNow(buf.Code)
			dropConnection(w, buf)
			return
		}
	}
	mux.ServeHTTP(sw, r)
}

// dropConnection sends the status line, the headers and about half of the
// recorded body, then closes the connection. Where the connection cannot be
// taken over (HTTP/2), it aborts the response the way net/http does.
func dropConnection(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	body := rec.Body.Bytes()
	hj, ok := w.(http.Hijacker)
	if !ok {
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.WriteHeader(rec.Code)
		_, _ = w.Write(body[:len(body)/2])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		panic(http.ErrAbortHandler)
	}
	conn, bw, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	defer conn.Close()
	writeRawResponse(bw.Writer, rec.Code, rec.Header(), body, len(body)/2)
	_ = bw.Flush()
}

func writeRawResponse(bw *bufio.Writer, code int, h http.Header, body []byte, n int) {
	fmt.Fprintf(bw, "HTTP/1.1 %d %s\r\n", code, http.StatusText(code))
	h = h.Clone()
	h.Set("Content-Length", fmt.Sprint(len(body)))
	h.Set("Connection", "close")
	_ = h.Write(bw)
	_, _ = bw.WriteString("\r\n")
	_, _ = bw.Write(body[:n])
}

// statusWriter calls onHeader with the status before it is sent.
type statusWriter struct {
	http.ResponseWriter
	onHeader func(code int)
	wrote    bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		w.onHeader(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// quietWriter drops TLS handshake errors from the server's error log.
type quietWriter struct{ w io.Writer }

func (q quietWriter) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("TLS handshake error")) {
		return len(p), nil
	}
	return q.w.Write(p)
}

// ---- responses

func writeJSON(w http.ResponseWriter, status int, v any) {
	buf, err := encodeJSON(v)
	if err != nil {
		// Only the server's own values are encoded: a failure is a bug.
		panic(fmt.Sprintf("certtest: encoding response: %v", err))
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.Header().Set("Content-Length", fmt.Sprint(len(buf)))
	w.WriteHeader(status)
	_, _ = w.Write(buf)
}

// apiError is an error answer: an ErrorResponseDto unless raw is set.
type apiError struct {
	status int
	text   string
	raw    any // a body of another shape, sent as is
}

func errBadRequest(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, text: fmt.Sprintf(format, args...)}
}

func errNotFound(text string) *apiError {
	return &apiError{status: http.StatusNotFound, text: text}
}

// errOffset is the answer tenants give for an offset past the end.
var errOffset = &apiError{status: http.StatusBadRequest, raw: map[string]any{
	"detailMessage":        "Specified offset is invalid.",
	"stackTrace":           []any{},
	"suppressedExceptions": []any{},
}}

func detailCode(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "400.1 Bad Request Content"
	case http.StatusForbidden:
		return "403 Forbidden"
	case http.StatusNotFound:
		return "404 Not found"
	case http.StatusInternalServerError:
		return "500.0 Internal Fault"
	case http.StatusServiceUnavailable:
		return "503 Service Unavailable"
	}
	return fmt.Sprintf("%d %s", status, http.StatusText(status))
}

func errorMessage(text, acceptLanguage string) certifications.ErrorMessageDto {
	origin := certifications.LocaleOriginDefault
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(acceptLanguage)), "en") {
		origin = certifications.LocaleOriginRequest
	}
	return certifications.ErrorMessageDto{
		Locale:       certifications.Ptr("en-US"),
		LocaleOrigin: certifications.Ptr(origin),
		Text:         certifications.Ptr(text),
	}
}

// writeErr writes e as the API does: an ErrorResponseDto with a fresh
// tracking id.
func (s *Server) writeErr(w http.ResponseWriter, r *http.Request, e *apiError) {
	if e.raw != nil {
		writeJSON(w, e.status, e.raw)
		return
	}
	n := s.tracking.Add(1)
	writeJSON(w, e.status, certifications.ErrorResponseDto{
		DetailCode: certifications.Ptr(detailCode(e.status)),
		TrackingID: certifications.Ptr(hexID(s.cfg.seed, "tracking", n)),
		Messages:   []certifications.ErrorMessageDto{errorMessage(e.text, r.Header.Get("Accept-Language"))},
	})
}
