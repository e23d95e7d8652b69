package certifications

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// maxEarlyRefresh is how long before its expiry a token is renewed at most;
// short-lived tokens are renewed after four fifths of their lifetime.
const maxEarlyRefresh = 60 * time.Second

// tokenSourceURL stands for the token URL in a *TokenError from a
// Configuration.TokenSource.
const tokenSourceURL = "token source"

// tokenCache hands out one token to all concurrent callers and renews it
// shortly before it expires. Renewals are serialised: 50 goroutines that
// need a token at once cause one token request.
type tokenCache struct {
	lock   chan struct{} // a mutex that a waiting caller can abandon when its context ends
	fetch  func(ctx context.Context) (*oauth2.Token, error)
	kind   string // where tokens come from, for printing
	static bool   // a fixed AccessToken: never renewed or invalidated
	retry  retryPolicy

	// Guarded by lock.
	tok       *oauth2.Token
	refreshAt time.Time
	flight    *tokenFlight // a TokenSource call still running, or nil
}

// tokenFlight is one call of a TokenSource, which takes no context: it runs
// in its own goroutine so that a caller can leave when its context ends.
// Its result serves the next caller; a new call starts only after it ends,
// so a hanging TokenSource holds one goroutine, not one per caller.
type tokenFlight struct {
	done chan struct{}
	tok  *oauth2.Token
	err  error
}

// newTokenCache picks the token source the configuration asks for. Token
// requests go through a copy of base (see tokenHTTPClient).
func newTokenCache(cfg *Configuration, base *http.Client) (*tokenCache, error) {
	tc := &tokenCache{lock: make(chan struct{}, 1), retry: retryPolicyOf(cfg)}
	switch {
	case cfg.TokenSource != nil:
		src := cfg.TokenSource
		tc.kind = "token source"
		tc.fetch = func(ctx context.Context) (*oauth2.Token, error) { return tc.fromSource(ctx, src) }
	case cfg.AccessToken != "":
		tc.kind = "access token"
		tc.static = true
		tc.tok = &oauth2.Token{AccessToken: cfg.AccessToken, TokenType: "Bearer"}
	default:
		tokenURL, err := cfg.tokenURL()
		if err != nil {
			return nil, err
		}
		hc, err := tokenHTTPClient(base, tokenURL)
		if err != nil {
			return nil, err
		}
		tc.kind = "client credentials"
		cc := &clientcredentials.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			TokenURL:     tokenURL,
			// In the form body, so the secret never sits in a URL or log.
			AuthStyle: oauth2.AuthStyleInParams,
		}
		shown, secret := redactURL(tokenURL), cfg.ClientSecret
		tc.fetch = func(ctx context.Context) (*oauth2.Token, error) {
			tok, err := cc.Token(context.WithValue(ctx, oauth2.HTTPClient, hc))
			if err != nil {
				return nil, tokenError(shown, err, secret)
			}
			return tok, nil
		}
	}
	return tc, nil
}

// tokenHTTPClient returns a copy of base for token requests to tokenURL.
// It follows no redirect to another origin (scheme, host and port): a 307
// or 308 would send the form, client secret included, to wherever the
// endpoint points.
func tokenHTTPClient(base *http.Client, tokenURL string) (*http.Client, error) {
	u, err := url.Parse(tokenURL)
	if err != nil {
		return nil, &ValidationError{Parameter: "TokenURL", Problem: "is not a valid URL", Allowed: "a URL such as https://acme.api.identitynow.com/oauth/token"}
	}
	origin := &url.URL{Scheme: u.Scheme, Host: u.Host}
	hc := *base
	hc.CheckRedirect = redirectPolicy(base, origin, func(*http.Request) error { return errTokenRedirect })
	return &hc, nil
}

// errTokenRedirect stops a token request that is redirected elsewhere.
var errTokenRedirect = errors.New("the token endpoint redirects to another host or to http; set TokenURL to the final endpoint")

// sameOrigin reports whether u has the scheme, host and port of home.
func sameOrigin(u, home *url.URL) bool {
	return strings.EqualFold(u.Scheme, home.Scheme) && strings.EqualFold(u.Hostname(), home.Hostname()) && portOf(u) == portOf(home)
}

// portOf returns u's port, or the default port of its scheme.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "http") {
		return "80"
	}
	return "443"
}

// token returns a valid token, fetching one if needed.
func (tc *tokenCache) token(ctx context.Context) (*oauth2.Token, error) {
	if tc.static {
		return tc.tok, nil
	}
	select {
	case tc.lock <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-tc.lock }()
	if tc.tok != nil && (tc.refreshAt.IsZero() || time.Now().Before(tc.refreshAt)) {
		return tc.tok, nil
	}
	tok, err := tc.fetchWithRetries(ctx)
	if err != nil {
		return nil, err
	}
	tc.tok = tok
	tc.refreshAt = time.Time{}
	if !tok.Expiry.IsZero() {
		early := min(time.Until(tok.Expiry)/5, maxEarlyRefresh)
		tc.refreshAt = tok.Expiry.Add(-early)
	}
	return tok, nil
}

// fetchWithRetries asks for a new token, retrying what failed on the way
// under the configuration's retry policy. The caller holds the lock.
func (tc *tokenCache) fetchWithRetries(ctx context.Context) (*oauth2.Token, error) {
	for attempt := 1; ; attempt++ {
		tok, err := tc.fetch(ctx)
		if err == nil && (tok == nil || tok.AccessToken == "") {
			err = &TokenError{TokenURL: tokenSourceURL, Err: errors.New("no access token was returned")}
		}
		if err == nil {
			return tok, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var te *TokenError
		var retryAfter time.Duration
		if errors.As(err, &te) {
			te.Attempts = attempt
			retryAfter = te.RetryAfter
		}
		if attempt > tc.retry.maxRetries || !retryableTokenError(err) {
			return nil, err
		}
		if err := sleep(ctx, tc.retry.wait(attempt, retryAfter)); err != nil {
			return nil, err
		}
	}
}

// fromSource calls src in a tokenFlight and waits for it or for ctx. The
// caller holds the lock.
func (tc *tokenCache) fromSource(ctx context.Context, src oauth2.TokenSource) (*oauth2.Token, error) {
	if f := tc.flight; f != nil {
		// A call that a caller left is still running or has ended: its
		// token is fresh, its error is not this caller's.
		select {
		case <-f.done:
			tc.flight = nil
			if f.err == nil {
				return f.tok, nil
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &tokenFlight{done: make(chan struct{})}
	tc.flight = f
	go func() {
		defer close(f.done)
		defer func() {
			if r := recover(); r != nil {
				f.tok, f.err = nil, fmt.Errorf("the TokenSource panicked: %v", r)
			}
		}()
		f.tok, f.err = src.Token()
	}()
	select {
	case <-f.done:
		tc.flight = nil
		if f.err != nil {
			return nil, tokenError(tokenSourceURL, f.err, "")
		}
		return f.tok, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// invalidate drops tok so that the next call fetches a new one; it reports
// whether a new token can be had at all.
func (tc *tokenCache) invalidate(ctx context.Context, tok *oauth2.Token) bool {
	if tc.static {
		return false
	}
	select {
	case tc.lock <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	defer func() { <-tc.lock }()
	if tc.tok == tok {
		tc.tok = nil
	}
	return true
}

// tokenError turns an oauth2 or transport error into a *TokenError that
// holds neither the secret nor the token endpoint's raw answer. Context
// errors pass through unchanged.
func tokenError(tokenURL string, err error, secret string) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	te := &TokenError{TokenURL: tokenURL}
	var re *oauth2.RetrieveError
	var ue *url.Error
	var ne net.Error
	switch {
	case errors.As(err, &re):
		te.ErrorCode, te.Description = re.ErrorCode, re.ErrorDescription
		if te.ErrorCode == "" {
			te.ErrorCode = errorField(re.Body)
		}
		if re.Response != nil {
			te.StatusCode = re.Response.StatusCode
			te.RetryAfter = parseRetryAfter(re.Response.Header.Get("Retry-After"), time.Now())
		}
	case errors.As(err, &ue):
		// The URL is TokenURL already; keep the cause.
		te.Err, te.transport = ue.Err, !permanentTransportError(ue.Err)
	default:
		te.Err, te.transport = err, errors.As(err, &ne) && !permanentTransportError(err)
	}
	te.ErrorCode = redactString(te.ErrorCode, secret)
	te.Description = redactString(te.Description, secret)
	return te
}

// errorField reads the "error" text of a JSON error body, as ISC sends it.
func errorField(body []byte) string {
	var shape struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &shape) != nil || len(shape.Error) == 0 {
		return ""
	}
	msg := rawText(shape.Error)
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}
