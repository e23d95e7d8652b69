// Package certifications is a Go client for the SailPoint Identity Security
// Cloud (ISC) Certifications API, v3. The deprecated beta operations live in
// the beta subpackage, an in-process sandbox tenant in certtest.
//
// Create a client from a Configuration and call the operations through
// fluent request builders:
//
//	cfg, err := certifications.NewConfigurationFromEnv()
//	if err != nil { ... }
//	client := certifications.NewAPIClient(cfg)
//	cert, resp, err := client.CertificationsApi.GetIdentityCertification(ctx, id).Execute()
//
// Every call takes a context, retries what is safe to retry, paces itself
// under the tenant's rate limit and returns *APIError for non-2xx answers
// and *ValidationError for input refused before sending.
package certifications

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"
)

// MaxResponseBody bounds the size of a successful response body the client
// reads. A 250-item page of fully populated review items is a few MB.
const MaxResponseBody = 256 << 20

// APIClient talks to one tenant. It is safe for concurrent use; share one
// per tenant and credentials so that the token and rate limit are shared.
type APIClient struct {
	cfg       Configuration
	err       error // a configuration problem, returned by every call
	root      *url.URL
	hc        *http.Client
	auth      *tokenCache
	userAgent string

	pacersMu sync.Mutex
	pacers   map[string]*pacer

	// CertificationsApi holds the Certifications operations.
	CertificationsApi *CertificationsApiService
	// CertificationSummariesApi holds the Certification Summaries operations.
	CertificationSummariesApi *CertificationSummariesApiService
}

// NewAPIClient returns a client for cfg. It never panics: if cfg is nil or
// invalid, every call returns the error Validate reports. The configuration
// is copied; later changes to cfg do not affect the client.
func NewAPIClient(cfg *Configuration) *APIClient {
	c := &APIClient{pacers: map[string]*pacer{}}
	c.CertificationsApi = &CertificationsApiService{client: c}
	c.CertificationSummariesApi = &CertificationSummariesApiService{client: c}
	if err := cfg.Validate(); err != nil {
		c.err = err
		return c
	}
	c.cfg = *cfg
	c.cfg.DefaultHeader = make(map[string]string, len(cfg.DefaultHeader))
	for k, v := range cfg.DefaultHeader {
		c.cfg.DefaultHeader[k] = v
	}
	c.root, _ = cfg.apiRoot()

	base := cfg.HTTPClient
	if base == nil {
		// net/http keeps 2 idle connections per host; concurrent callers
		// and read-ahead paging would open and close connections all day.
		base = &http.Client{Timeout: DefaultTimeout}
		if dt, ok := http.DefaultTransport.(*http.Transport); ok {
			tr := dt.Clone()
			tr.MaxIdleConnsPerHost = DefaultMaxIdleConnsPerHost
			base.Transport = tr
		}
	}
	hc := *base
	userCheck := base.CheckRedirect
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		// The token must not follow a redirect to another host, nor travel
		// over clear text.
		if req.URL.Host != via[0].URL.Host || (req.URL.Scheme == "http" && !isLoopback(req.URL.Hostname())) {
			req.Header.Del("Authorization")
		}
		if userCheck != nil {
			return userCheck(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	c.hc = &hc

	auth, err := newTokenCache(&c.cfg, base)
	if err != nil {
		c.err = err
		return c
	}
	c.auth = auth
	c.userAgent = fmt.Sprintf("isc-certifications-go/%s (%s/%s; go%s)", Version, runtime.GOOS, runtime.GOARCH, strings.TrimPrefix(runtime.Version(), "go"))
	if s := strings.TrimSpace(cfg.UserAgent); s != "" {
		c.userAgent += " " + s
	}
	return c
}

// Configuration returns a copy of the client's configuration.
func (c *APIClient) Configuration() Configuration { return c.cfg }

// Err returns the configuration error that every call of this client
// returns, or nil when the client is usable.
func (c *APIClient) Err() error { return c.err }

// NewRequest builds a request for path, relative to the tenant's API root
// and starting with the API version ("v3/certifications", "beta/..."). Path
// parameters must already be escaped (see PathEscape). query is encoded
// with %20 for spaces, as the API documents; body, if not nil, is sent as
// JSON. Use it with Do to call an endpoint this SDK does not wrap.
func (c *APIClient) NewRequest(ctx context.Context, method, path string, query url.Values, body any) (*http.Request, error) {
	if c.err != nil {
		return nil, c.err
	}
	if ctx == nil {
		return nil, &ValidationError{Parameter: "ctx", Problem: "is nil", Allowed: "a context.Context, e.g. context.Background()"}
	}
	u, err := url.Parse(c.root.String() + "/" + strings.TrimLeft(path, "/"))
	if err != nil {
		return nil, &ValidationError{Parameter: "path", Problem: fmt.Sprintf("%q is not a valid URL path: %v", path, err), Allowed: "an escaped path such as v3/certifications/{id}"}
	}
	u.RawQuery = encodeQuery(query)

	var rd io.Reader
	if body != nil {
		buf, err := json.Marshal(body)
		if err != nil {
			return nil, &ValidationError{Parameter: "body", Problem: "cannot be encoded as JSON: " + err.Error()}
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, &ValidationError{Parameter: "request", Problem: err.Error()}
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", c.userAgent)
	for k, v := range c.cfg.DefaultHeader {
		req.Header.Set(k, v)
	}
	return req, nil
}

// PathEscape escapes one path parameter so that it stays one path segment.
func PathEscape(s string) string { return url.PathEscape(s) }

// encodeQuery encodes q like url.Values.Encode but with %20 for spaces: the
// API documents %20, and a literal '+' is already %2B.
func encodeQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return strings.ReplaceAll(q.Encode(), "+", "%20")
}

// Do sends req with authentication, pacing and retries, and decodes a 2xx
// JSON body into v (unless v is nil). It returns the last *http.Response,
// whose body stays readable, and for a non-2xx status an *APIError.
func (c *APIClient) Do(req *http.Request, v any) (*http.Response, error) {
	if c.err != nil {
		return nil, c.err
	}
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		// Keep the body so that every attempt sends the same bytes.
		buf, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("certifications: reading request body: %w", err)
		}
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(buf)), nil }
	}
	ctx := req.Context()
	p := c.pacer(req.URL.Path)
	reauthed := false
	for attempt := 1; ; attempt++ {
		// The token comes first: a slow token request must not delay a
		// request the pacer already released into a later window.
		tok, err := c.auth.token(ctx)
		if err != nil {
			return nil, err
		}
		if err := p.wait(ctx); err != nil {
			return nil, err
		}
		start := time.Now()
		resp, body, sent, err := c.send(ctx, req, tok)
		c.logAttempt(ctx, req, resp, attempt, time.Since(start), err)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if attempt > c.cfg.MaxRetries || !retryableTransportError(req.Method, err, sent) {
				return nil, err
			}
			if err := sleep(ctx, retryWait(attempt, 0, c.cfg.RetryWaitMin, c.cfg.RetryWaitMax)); err != nil {
				return nil, err
			}
			continue
		}
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			if v != nil && len(bytes.TrimSpace(body)) > 0 {
				if err := json.Unmarshal(body, v); err != nil {
					return resp, newDecodeErrorIn(req, resp.StatusCode, err, body)
				}
			}
			return resp, nil
		}
		apiErr := newAPIError(req, resp, body)
		apiErr.Attempts = attempt
		if resp.StatusCode == http.StatusTooManyRequests {
			p.pause(min(apiErr.RetryAfter, c.retryWaitMax()))
		}
		if resp.StatusCode == http.StatusUnauthorized && !reauthed && c.auth.invalidate(ctx, tok) {
			// The token expired or was revoked early: fetch a new one once.
			reauthed = true
			attempt--
			continue
		}
		if attempt > c.cfg.MaxRetries || !retryableStatus(req.Method, resp.StatusCode) {
			return resp, apiErr
		}
		if err := sleep(ctx, retryWait(attempt, apiErr.RetryAfter, c.cfg.RetryWaitMin, c.cfg.RetryWaitMax)); err != nil {
			return resp, err
		}
	}
}

// retryWaitMax is the configured cap on waits, or its default.
func (c *APIClient) retryWaitMax() time.Duration {
	if c.cfg.RetryWaitMax > 0 {
		return c.cfg.RetryWaitMax
	}
	return DefaultRetryWaitMax
}

// send makes one attempt. It returns the response with its body read into
// body (and resp.Body replaced by a reader over it), and whether the request
// was written to the connection before any error.
func (c *APIClient) send(ctx context.Context, req *http.Request, t *oauth2.Token) (resp *http.Response, body []byte, sent bool, err error) {
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { wrote.Store(true) }}
	r := req.Clone(httptrace.WithClientTrace(ctx, trace))
	if req.GetBody != nil {
		if r.Body, err = req.GetBody(); err != nil {
			return nil, nil, false, err
		}
	}
	r.Header.Set("Authorization", "Bearer "+t.AccessToken)
	resp, err = c.hc.Do(r)
	if err != nil {
		return nil, nil, wrote.Load(), unwrapURLError(err)
	}
	limit := int64(MaxResponseBody)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		limit = MaxErrorBody
	}
	body, err = readBody(resp, limit)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		// A body cut short (a dropped connection) cannot be decoded; a GET
		// is retried like any connection error.
		return nil, nil, true, newDecodeError(req, resp.StatusCode, err)
	}
	return resp, body, true, nil
}

// readBody reads up to limit bytes, sized by Content-Length when known. A
// success body longer than limit is an error; an error body is truncated.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if n := resp.ContentLength; n > 0 && n <= limit {
		buf.Grow(int(n) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return buf.Bytes(), fmt.Errorf("reading the body: %w", err)
	}
	if n > limit {
		if limit == MaxErrorBody {
			return buf.Bytes()[:limit], nil
		}
		return nil, fmt.Errorf("certifications: response body exceeds %d bytes", limit)
	}
	return buf.Bytes(), nil
}

// unwrapURLError drops the *url.Error wrapper, whose message repeats the
// full URL, keeping the cause.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("certifications: %s %s: %w", ue.Op, redactURL(ue.URL), ue.Err)
	}
	return err
}

// redactURL keeps scheme, host and path of a URL: a query may carry
// credentials when a caller put them there.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "request"
	}
	return u.Scheme + "://" + u.Host + u.Path
}

func (c *APIClient) logAttempt(ctx context.Context, req *http.Request, resp *http.Response, attempt int, d time.Duration, err error) {
	if c.cfg.Logger == nil || !c.cfg.Logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("path", req.URL.Path),
		slog.Int("attempt", attempt),
		slog.Duration("duration", d),
	}
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.cfg.Logger.LogAttrs(ctx, slog.LevelDebug, "certifications: http attempt", attrs...)
}
