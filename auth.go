package certifications

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// maxEarlyRefresh is how long before its expiry a token is renewed at most;
// short-lived tokens are renewed after four fifths of their lifetime.
const maxEarlyRefresh = 60 * time.Second

// tokenCache hands out one token to all concurrent callers and renews it
// shortly before it expires. Renewals are serialised: 50 goroutines that
// need a token at once cause one token request.
type tokenCache struct {
	lock      chan struct{} // a mutex that a waiting caller can abandon when its context ends
	fetch     func(ctx context.Context) (*oauth2.Token, error)
	static    bool // a fixed AccessToken: never renewed or invalidated
	tok       *oauth2.Token
	refreshAt time.Time
}

// newTokenCache picks the token source the configuration asks for.
func newTokenCache(cfg *Configuration, hc *http.Client) (*tokenCache, error) {
	tc := &tokenCache{lock: make(chan struct{}, 1)}
	switch {
	case cfg.TokenSource != nil:
		src := cfg.TokenSource
		tc.fetch = func(context.Context) (*oauth2.Token, error) { return src.Token() }
	case cfg.AccessToken != "":
		tc.static = true
		tc.tok = &oauth2.Token{AccessToken: cfg.AccessToken, TokenType: "Bearer"}
	default:
		tokenURL, err := cfg.tokenURL()
		if err != nil {
			return nil, err
		}
		cc := &clientcredentials.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			TokenURL:     tokenURL,
			// In the form body, so the secret never sits in a URL or log.
			AuthStyle: oauth2.AuthStyleInParams,
		}
		tc.fetch = func(ctx context.Context) (*oauth2.Token, error) {
			tok, err := cc.Token(context.WithValue(ctx, oauth2.HTTPClient, hc))
			if err != nil {
				return nil, tokenError(tokenURL, err)
			}
			return tok, nil
		}
	}
	return tc, nil
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
	now := time.Now()
	if tc.tok != nil && (tc.refreshAt.IsZero() || now.Before(tc.refreshAt)) {
		return tc.tok, nil
	}
	tok, err := tc.fetch(ctx)
	if err != nil {
		return nil, err
	}
	if tok == nil || tok.AccessToken == "" {
		return nil, &TokenError{TokenURL: "token source", Err: errors.New("no access token was returned")}
	}
	tc.tok = tok
	tc.refreshAt = time.Time{}
	if !tok.Expiry.IsZero() {
		early := tok.Expiry.Sub(now) / 5
		if early > maxEarlyRefresh {
			early = maxEarlyRefresh
		}
		tc.refreshAt = tok.Expiry.Add(-early)
	}
	return tok, nil
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

// tokenError turns an oauth2 error into a *TokenError without the secret.
func tokenError(tokenURL string, err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		te := &TokenError{TokenURL: tokenURL, ErrorCode: re.ErrorCode, Description: re.ErrorDescription}
		if re.Response != nil {
			te.StatusCode = re.Response.StatusCode
		}
		if te.ErrorCode == "" {
			te.ErrorCode = errorField(re.Body)
		}
		return te
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &TokenError{TokenURL: tokenURL, Err: unwrapURLError(err)}
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
