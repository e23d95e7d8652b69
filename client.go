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
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"github.com/iscgo/certifications/internal/apigen"
)

// APIClient talks to one tenant. It is safe for concurrent use; share one
// per tenant and credentials so that the token and rate limit are shared.
type APIClient struct {
	// cfg is held by pointer so that printing an APIClient value (fmt
	// prints unexported fields without calling their String) shows an
	// address, never the client secret or the access token.
	cfg       *Configuration
	err       error // a configuration problem, returned by every call
	root      *url.URL
	hc        *http.Client
	auth      *tokenCache
	userAgent string

	// local is the in-process pacing, limiter the Limiter every request
	// waits on: Configuration.Limiter, or local.
	local     *localLimiter
	limiter   Limiter
	bucketKey string // see bucketKey

	// bucketsMu is a pointer so that an APIClient holds no lock by value
	// and can print itself from a value receiver (see Format).
	bucketsMu *sync.Mutex
	buckets   map[string]string // bucket names by API version, made once

	// CertificationsApi holds the Certifications operations.
	CertificationsApi *CertificationsApiService
	// CertificationSummariesApi holds the Certification Summaries operations.
	CertificationSummariesApi *CertificationSummariesApiService
	// CertificationCampaignsApi holds the Certification Campaigns operations
	// and the campaign workflows.
	CertificationCampaignsApi *CertificationCampaignsApiService
	// CertificationCampaignFiltersApi holds the Certification Campaign
	// Filters operations.
	CertificationCampaignFiltersApi *CertificationCampaignFiltersApiService
	// ReportsApi holds the report file operations.
	ReportsApi *ReportsApiService
}

// NewAPIClient returns a client for cfg. It never panics: if cfg is nil or
// invalid, every call returns the error Validate reports. The configuration
// is copied, its DefaultHeader, RateLimit and HTTPClient included; later
// changes to cfg do not affect the client.
func NewAPIClient(cfg *Configuration) *APIClient {
	c := &APIClient{cfg: &Configuration{}, bucketsMu: &sync.Mutex{}, buckets: map[string]string{}}
	c.CertificationsApi = &CertificationsApiService{client: c}
	c.CertificationSummariesApi = &CertificationSummariesApiService{client: c}
	c.CertificationCampaignsApi = &CertificationCampaignsApiService{client: c}
	c.CertificationCampaignFiltersApi = &CertificationCampaignFiltersApiService{client: c}
	c.ReportsApi = &ReportsApiService{client: c}
	if cfg == nil {
		c.err = cfg.Validate()
		return c
	}
	// Validate the copy, so that what is checked is what is used.
	cp := cfg.clone()
	c.cfg = &cp
	if c.cfg.DefaultHeader == nil {
		c.cfg.DefaultHeader = map[string]string{}
	}
	if err := c.cfg.Validate(); err != nil {
		c.err = err
		return c
	}
	c.root, _ = c.cfg.apiRoot()
	rl := DefaultRateLimit()
	if c.cfg.RateLimit != nil {
		rl = *c.cfg.RateLimit
	}
	c.local = newLocalLimiter(rl, c.cfg.DisableRateLimit)
	c.limiter = c.cfg.Limiter
	if c.limiter == nil {
		c.limiter = c.local
	}
	c.bucketKey = bucketKey(c.root.Host, c.cfg.ClientID)

	base := c.cfg.HTTPClient
	if base == nil {
		// net/http keeps 2 idle connections per host; concurrent callers
		// and read-ahead paging would open and close connections all day.
		base = &http.Client{Timeout: DefaultTimeout}
		if dt, ok := http.DefaultTransport.(*http.Transport); ok {
			tr := dt.Clone()
			tr.MaxIdleConnsPerHost = defaultMaxIdleConnsPerHost
			base.Transport = tr
		}
	}
	hc := *base
	// The token follows a redirect only where Do would send it itself.
	hc.CheckRedirect = redirectPolicy(base, c.root, func(req *http.Request) error {
		req.Header.Del("Authorization")
		return nil
	})
	c.hc = &hc

	auth, err := newTokenCache(c.cfg, base)
	if err != nil {
		c.err = err
		return c
	}
	c.auth = auth
	c.userAgent = fmt.Sprintf("isc-certifications-go/%s (%s/%s; go%s)", Version, runtime.GOOS, runtime.GOARCH, strings.TrimPrefix(runtime.Version(), "go"))
	if s := strings.TrimSpace(c.cfg.UserAgent); s != "" {
		c.userAgent += " " + s
	}
	return c
}

// conf returns the client's configuration; a zero APIClient, not made by
// NewAPIClient, has an empty one.
func (c *APIClient) conf() *Configuration {
	if c.cfg == nil {
		return &Configuration{}
	}
	return c.cfg
}

// Configuration returns a copy of the client's configuration that shares
// nothing the client uses: changing its DefaultHeader, RateLimit or
// HTTPClient struct does not affect the client.
func (c *APIClient) Configuration() Configuration {
	if c == nil {
		return Configuration{}
	}
	return c.conf().clone()
}

// Err returns the configuration error that every call of this client
// returns, or nil when the client is usable. A client not made by
// NewAPIClient (nil, or a zero APIClient) is not usable.
func (c *APIClient) Err() error {
	if c == nil || (c.err == nil && c.root == nil) {
		return notFromNewAPIClient()
	}
	return c.err
}

// notFromNewAPIClient is the error of a nil or zero APIClient, which has no
// tenant, credentials or transport.
func notFromNewAPIClient() error {
	return &ValidationError{Parameter: "client", Problem: "was not made by NewAPIClient (it is nil or a zero APIClient)", Allowed: "a client from NewAPIClient(cfg)"}
}

// NewRequest builds a request for path, relative to the tenant's API root
// and naming the API version ("v3/certifications", "beta/...",
// "certifications/v1/..."). Path
// parameters must already be escaped (url.PathEscape). query is encoded
// with %20 for spaces, as the API documents; body, if not nil, is sent as
// JSON. Use it with Do to call an endpoint this SDK does not wrap.
func (c *APIClient) NewRequest(ctx context.Context, method, path string, query url.Values, body any) (*http.Request, error) {
	if err := c.Err(); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, &ValidationError{Parameter: "ctx", Problem: "is nil", Allowed: "a context.Context, e.g. context.Background()"}
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		// url.Parse would take it as a query or fragment, and encodeQuery
		// would then replace it.
		return nil, &ValidationError{Parameter: "path", Problem: fmt.Sprintf("%q holds a %q, which would start a query or fragment", path, path[i]),
			Allowed: "a path without ? or # (escape them in path parameters with url.PathEscape); pass the query as url.Values"}
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
	for k, v := range c.conf().DefaultHeader {
		req.Header.Set(k, v)
	}
	return req, nil
}

// versionedPath turns an operation's path, with its parameters filled in
// ("/certifications/abc/decide"), into the path of the configured API
// generation, relative to the API root: "v3/certifications/abc/decide", or
// "certifications/v1/abc/decide" for APIVersionV1, whose paths put the
// version after the resource.
func (c *APIClient) versionedPath(p string) string {
	return apigen.Path(p, string(c.conf().APIVersion))
}

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
// whose body stays readable and whose Request carries no Authorization
// header, and for a non-2xx status an *APIError. A request whose URL is
// not under the tenant's API root (scheme, host, port and path) is refused
// with a *ValidationError and nothing is sent, and a redirect to anywhere
// outside the root is followed without the Authorization header: the token
// goes nowhere else.
func (c *APIClient) Do(req *http.Request, v any) (*http.Response, error) {
	return c.do(req, v, 0)
}

// do is Do; with stream > 0 a 2xx body is not read but handed back open in
// the response, cut off with an error after stream bytes (see doStream).
func (c *APIClient) do(req *http.Request, v any, stream int64) (*http.Response, error) {
	if err := c.Err(); err != nil {
		return nil, err
	}
	if err := c.checkRequest(req); err != nil {
		return nil, err
	}
	if err := c.checkQuery(req); err != nil {
		return nil, err
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
	bucket := c.bucket(req.URL.Path)
	policy := retryPolicyOf(c.conf())
	reauthed := false
	for attempt := 1; ; attempt++ {
		// The token comes first: a slow token request must not delay a
		// request the pacer already released into a later window.
		tok, err := c.auth.token(ctx)
		if err != nil {
			return nil, err
		}
		if err := c.limiter.Wait(ctx, bucket); err != nil {
			return nil, err
		}
		start := time.Now()
		resp, body, sent, err := c.send(ctx, req, tok, stream)
		c.logAttempt(ctx, req, resp, attempt, time.Since(start), err)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if attempt > policy.maxRetries || !retryableTransportError(req.Method, err, sent) {
				return resp, err
			}
			if err := sleep(ctx, policy.wait(attempt, 0)); err != nil {
				return nil, err
			}
			continue
		}
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			if stream > 0 {
				return resp, nil
			}
			if v != nil && len(bytes.TrimSpace(body)) > 0 {
				if err := decodeJSON(body, v); err != nil {
					return resp, newDecodeErrorIn(req, resp.StatusCode, err, body)
				}
			}
			return resp, nil
		}
		// A server may echo the token it was sent; the error never holds it.
		apiErr := newAPIError(req, resp, redactBytes(body, tok.AccessToken))
		apiErr.Attempts = attempt
		if resp.StatusCode == http.StatusTooManyRequests {
			c.limiter.Backoff(bucket, min(apiErr.RetryAfter, policy.capWait()))
		}
		if resp.StatusCode == http.StatusUnauthorized && !reauthed && c.auth.invalidate(ctx, tok) {
			// The token expired or was revoked early: fetch a new one once.
			reauthed = true
			attempt--
			continue
		}
		if attempt > policy.maxRetries || !retryableStatus(req.Method, resp.StatusCode) {
			return resp, apiErr
		}
		if err := sleep(ctx, policy.wait(attempt, apiErr.RetryAfter)); err != nil {
			return resp, err
		}
	}
}

// checkRequest refuses a request Do must not send: none at all, or one
// whose URL leaves the tenant's API root, where the token would go along.
// The path is compared once cleaned, so "/v3/../elsewhere" does not pass
// for a root of "/v3".
func (c *APIClient) checkRequest(req *http.Request) error {
	if req == nil || req.URL == nil {
		return &ValidationError{Parameter: "req", Problem: "is nil or has no URL", Allowed: "a request from NewRequest"}
	}
	if !underRoot(req.URL, c.root) {
		return &ValidationError{
			Parameter: "req.URL",
			Problem:   fmt.Sprintf("%s is outside the tenant's API root %s, and the request would carry the tenant's token there", redactURL(req.URL.String()), c.root),
			Allowed:   "a URL under " + c.root.String() + " (build requests with NewRequest)",
		}
	}
	return nil
}

// underRoot reports whether u lies under root: the same scheme, host and
// port, and a path that, once cleaned, is root's or below it. It is where
// the tenant's token may go: Do refuses any other URL, and a redirect
// anywhere else loses the Authorization header.
func underRoot(u, root *url.URL) bool {
	if !sameOrigin(u, root) {
		return false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = path.Clean(p) // no allocation for a clean path
	r := root.Path
	return r == "" || p == r || strings.HasPrefix(p, r+"/")
}

// redirectPolicy returns the CheckRedirect of a client made from base whose
// credentials belong under home (see underRoot). A redirect to anywhere
// else goes to outside first, which drops the credentials from the request
// or stops it with an error; then base's own CheckRedirect applies, or the
// default limit of 10 redirects.
func redirectPolicy(base *http.Client, home *url.URL, outside func(*http.Request) error) func(*http.Request, []*http.Request) error {
	userCheck := base.CheckRedirect
	return func(req *http.Request, via []*http.Request) error {
		if !underRoot(req.URL, home) {
			if err := outside(req); err != nil {
				return err
			}
		}
		if userCheck != nil {
			return userCheck(req, via)
		}
		if len(via) >= 10 {
			return errRedirectLimit
		}
		return nil
	}
}

// errRedirectLimit stops a request after 10 redirects, as net/http does.
var errRedirectLimit = errors.New("stopped after 10 redirects")

// send makes one attempt. It returns the response with its body read into
// body (and resp.Body replaced by a reader over it), and whether the request
// was written to the connection before any error. A success body over the
// limit is a *ResponseTooLargeError, with the response (its body empty).
//
// With stream > 0, a 2xx body is left unread, behind a reader that fails
// after stream bytes, and body is nil.
func (c *APIClient) send(ctx context.Context, req *http.Request, t *oauth2.Token, stream int64) (resp *http.Response, body []byte, sent bool, err error) {
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { wrote.Store(true) }}
	r := req.Clone(httptrace.WithClientTrace(ctx, trace))
	if req.GetBody != nil {
		if r.Body, err = req.GetBody(); err != nil {
			return nil, nil, false, fmt.Errorf("certifications: replaying the request body: %w", err)
		}
	}
	r.Header.Set("Authorization", "Bearer "+t.AccessToken)
	resp, err = c.hc.Do(r)
	if err != nil {
		return nil, nil, wrote.Load(), unwrapURLError(err)
	}
	// The caller gets its own request back, not the clone with the token.
	resp.Request = withoutAuth(resp.Request, r, req)
	success := resp.StatusCode >= 200 && resp.StatusCode <= 299
	limit := c.conf().maxResponseBytes()
	if !success {
		limit = maxErrorBody
	}
	if success && stream > 0 {
		limit = stream
	}
	if success && resp.ContentLength > limit {
		// Announced too large: not a byte is read.
		_ = resp.Body.Close()
		resp.Body = http.NoBody
		return resp, nil, true, newTooLarge(req, resp, limit)
	}
	if success && stream > 0 {
		resp.Body = &cappedBody{rc: resp.Body, left: limit, tooLarge: newTooLarge(req, resp, limit)}
		return resp, nil, true, nil
	}
	pieces, n, over, err := readPieces(resp.Body, resp.ContentLength, limit)
	_ = resp.Body.Close()
	if err != nil {
		// A body cut short (a dropped connection) cannot be decoded; a GET
		// is retried like any connection error.
		return nil, nil, true, newDecodeError(req, resp.StatusCode, fmt.Errorf("reading the body: %w", err))
	}
	if over && success {
		resp.Body = http.NoBody
		return resp, nil, true, newTooLarge(req, resp, limit)
	}
	// An error body over its limit is cut at the limit.
	body = joinPieces(pieces, n, limit)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, body, true, nil
}

// withoutAuth returns the request to hand back in a response: the caller's
// own request orig when got is the attempt's clone sent, else (after a
// redirect) a copy of got without the Authorization header, and so on
// along the chain of redirect responses.
func withoutAuth(got, sent, orig *http.Request) *http.Request {
	if got == nil || got == sent {
		return orig
	}
	cp := got.Clone(got.Context())
	cp.Header.Del("Authorization")
	if got.Response != nil {
		prev := *got.Response
		prev.Request = withoutAuth(prev.Request, sent, orig)
		cp.Response = &prev
	}
	return cp
}

func (c *APIClient) logAttempt(ctx context.Context, req *http.Request, resp *http.Response, attempt int, d time.Duration, err error) {
	if c.conf().Logger == nil || !c.conf().Logger.Enabled(ctx, slog.LevelDebug) {
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
	c.conf().Logger.LogAttrs(ctx, slog.LevelDebug, "certifications: http attempt", attrs...)
}

// bucket returns the pacing bucket of a request path: the client's key
// and the API version the path belongs to (see apigen.Bucket).
func (c *APIClient) bucket(path string) string {
	version := apigen.Bucket(strings.TrimPrefix(strings.TrimPrefix(path, c.root.Path), "/"))
	c.bucketsMu.Lock()
	defer c.bucketsMu.Unlock()
	name, ok := c.buckets[version]
	if !ok {
		// version is a slice of the request's path: the map keeps a copy.
		name = bucketName(c.bucketKey, version)
		c.buckets[strings.Clone(version)] = name
	}
	return name
}

// pacer returns the in-process pacer of the bucket that path belongs to.
func (c *APIClient) pacer(path string) *pacer {
	return c.local.pacer(c.bucket(path))
}
