package certifications

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

// A failing token endpoint, per kind of failure: how many token requests
// the client makes with MaxRetries 2, and whether the message ends with
// the advice to check the credentials.
func TestTokenRetryPolicy(t *testing.T) {
	cases := []struct {
		name     string
		respond  httpmock.Responder
		requests int
		check    bool
	}{
		{"400 invalid_client", httpmock.NewStringResponder(400, `{"error":"invalid_client"}`), 1, true},
		{"401", httpmock.NewStringResponder(401, `{"error":"invalid_client"}`), 1, true},
		{"403", httpmock.NewStringResponder(403, `{"error":"access_denied"}`), 1, false},
		{"429", httpmock.NewStringResponder(429, `{"message":"Rate Limit Exceeded"}`), 3, false},
		{"500", httpmock.NewStringResponder(500, `{}`), 3, false},
		{"502", httpmock.NewStringResponder(502, `bad gateway`), 3, false},
		{"503", httpmock.NewStringResponder(503, `{}`), 3, false},
		{"connection error", httpmock.NewErrorResponder(&netError{}), 3, false},
		{"redirect elsewhere", func(*http.Request) (*http.Response, error) {
			r := httpmock.NewStringResponse(http.StatusTemporaryRedirect, "")
			r.Header.Set("Location", "https://collector.example.net/token")
			return r, nil
		}, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, mt := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 2 })
				mt.RegisterResponder("POST", testTokenURL, tc.respond)
				mt.RegisterResponder("POST", "https://collector.example.net/token", httpmock.NewStringResponder(200, `{}`))
				mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewStringResponder(200, `{}`))
				_, err := get(c, context.Background(), "v3/x", nil)
				var te *TokenError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, tc.requests, mt.GetCallCountInfo()["POST "+testTokenURL])
				assert.Equal(t, tc.requests, te.Attempts)
				assert.Zero(t, mt.GetCallCountInfo()["GET "+testBase+"/v3/x"], "no API call without a token")
				assert.Zero(t, mt.GetCallCountInfo()["POST https://collector.example.net/token"], "the form with the secret goes nowhere else")
				msg := err.Error()
				assert.Equal(t, 1, strings.Count(msg, "certifications:"), msg)
				assert.Equal(t, tc.check, strings.HasSuffix(msg, "; check the client id and secret"), msg)
				if tc.requests > 1 {
					assert.Contains(t, msg, fmt.Sprintf("after %d attempts", tc.requests))
				}
				assert.NotContains(t, msg, testSecret)
			})
		})
	}
}

type netError struct{}

func (*netError) Error() string   { return "read tcp 10.0.0.1:443: connection reset by peer" }
func (*netError) Timeout() bool   { return false }
func (*netError) Temporary() bool { return false }

// A transient failure is retried and the call goes on with the token; the
// wait is the token endpoint's Retry-After, capped by RetryWaitMax.
func TestTokenRetriedHonouringRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		retryAfter string
		waitMax    time.Duration
		want       time.Duration
	}{
		{"3", time.Minute, 3 * time.Second},
		{"120", 5 * time.Second, 5 * time.Second},
	} {
		t.Run(tc.retryAfter, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, mt := newMockClient(t, func(cfg *Configuration) { cfg.RetryWaitMax = tc.waitMax })
				var tokens atomic.Int32
				ok := tokenResponder(t, time.Hour, &tokens)
				var times []time.Time
				mt.RegisterResponder("POST", testTokenURL, func(req *http.Request) (*http.Response, error) {
					times = append(times, time.Now())
					if len(times) == 1 {
						r := httpmock.NewStringResponse(503, `{"error":"temporarily_unavailable"}`)
						r.Header.Set("Retry-After", tc.retryAfter)
						return r, nil
					}
					return ok(req)
				})
				mt.RegisterResponder("GET", testBase+"/v3/x", func(req *http.Request) (*http.Response, error) {
					assert.Equal(t, "Bearer token-1", req.Header.Get("Authorization"))
					return httpmock.NewStringResponse(200, `{}`), nil
				})
				_, err := get(c, context.Background(), "v3/x", nil)
				require.NoError(t, err)
				require.Len(t, times, 2)
				assert.Equal(t, tc.want, times[1].Sub(times[0]))
			})
		})
	}
}

// Waiting to retry a token request ends with the caller's context.
func TestTokenRetryWaitEndsWithContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t, func(cfg *Configuration) { cfg.RetryWaitMax = time.Hour })
		mt.RegisterResponder("POST", testTokenURL, func(*http.Request) (*http.Response, error) {
			r := httpmock.NewStringResponse(503, `{}`)
			r.Header.Set("Retry-After", "600")
			return r, nil
		})
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		_, err := get(c, ctx, "v3/x", nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, time.Second, time.Since(start))
		assert.Equal(t, 1, mt.GetTotalCallCount())
	})
}

// A TokenSource whose Token() hangs lets every caller go when its context
// ends; the hanging call is the only one in flight, and its token, when it
// finally comes, serves the next caller.
func TestHangingTokenSource(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		var calls atomic.Int32
		src := tokenSourceFunc(func() (*oauth2.Token, error) {
			calls.Add(1)
			<-release
			return &oauth2.Token{AccessToken: testToken, Expiry: time.Now().Add(time.Hour)}, nil
		})
		c, mt := newMockClient(t, func(cfg *Configuration) {
			cfg.ClientID, cfg.ClientSecret, cfg.TokenSource = "", "", src
		})
		mt.RegisterResponder("GET", testBase+"/v3/x", func(req *http.Request) (*http.Response, error) {
			assert.Equal(t, "Bearer "+testToken, req.Header.Get("Authorization"))
			return httpmock.NewStringResponse(200, `{}`), nil
		})
		for range 3 {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			start := time.Now()
			_, err := get(c, ctx, "v3/x", nil)
			cancel()
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Equal(t, time.Second, time.Since(start), "the caller leaves at its deadline")
		}
		assert.EqualValues(t, 1, calls.Load(), "one call of the source in flight, not one per caller")
		assert.Zero(t, mt.GetTotalCallCount())

		close(release)
		synctest.Wait()
		_, err := get(c, context.Background(), "v3/x", nil)
		require.NoError(t, err)
		assert.EqualValues(t, 1, calls.Load(), "the late token is used")
		assert.Equal(t, 1, mt.GetTotalCallCount())
	})
}

// A TokenSource's transient failures are retried too; its other errors
// come back inside a *TokenError, found with errors.Is.
func TestTokenSourceErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var calls atomic.Int32
		src := tokenSourceFunc(func() (*oauth2.Token, error) {
			if calls.Add(1) < 3 {
				return nil, &netError{}
			}
			return &oauth2.Token{AccessToken: testToken}, nil
		})
		c, mt := newMockClient(t, func(cfg *Configuration) { cfg.ClientID, cfg.ClientSecret, cfg.TokenSource = "", "", src })
		mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewStringResponder(200, `{}`))
		_, err := get(c, context.Background(), "v3/x", nil)
		require.NoError(t, err)
		assert.EqualValues(t, 3, calls.Load())

		errNoCreds := errors.New("no credentials file")
		bad := tokenSourceFunc(func() (*oauth2.Token, error) { return nil, errNoCreds })
		c2, _ := newMockClient(t, func(cfg *Configuration) { cfg.ClientID, cfg.ClientSecret, cfg.TokenSource = "", "", bad })
		_, err = get(c2, context.Background(), "v3/x", nil)
		var te *TokenError
		require.ErrorAs(t, err, &te)
		assert.ErrorIs(t, err, errNoCreds)
		assert.Equal(t, 1, te.Attempts, "not a transient failure")
		assert.Equal(t, "certifications: token request to token source failed: no credentials file", err.Error())

		boom := tokenSourceFunc(func() (*oauth2.Token, error) { panic("nil map") })
		c3, _ := newMockClient(t, func(cfg *Configuration) { cfg.ClientID, cfg.ClientSecret, cfg.TokenSource = "", "", boom })
		_, err = get(c3, context.Background(), "v3/x", nil)
		require.ErrorAs(t, err, &te)
		assert.Contains(t, err.Error(), "panicked: nil map")
	})
}

type tokenSourceFunc func() (*oauth2.Token, error)

func (f tokenSourceFunc) Token() (*oauth2.Token, error) { return f() }

// The transport's message follows the token URL once, with one prefix; a
// token endpoint that echoes the secret does not get it into the error.
func TestTokenErrorMessages(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 0 })
	mt.RegisterResponder("POST", testTokenURL, httpmock.NewErrorResponder(&net404{}))
	_, err := get(c, context.Background(), "v3/x", nil)
	require.Error(t, err)
	assert.Equal(t, "certifications: token request to "+testTokenURL+" failed: dial tcp: lookup acme.api.identitynow.com: no such host", err.Error())

	echo, mt2 := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 0 })
	mt2.RegisterResponder("POST", testTokenURL, httpmock.NewStringResponder(401,
		`{"error":"invalid_client `+testSecret+`","error_description":"secret `+testSecret+` is not valid"}`))
	_, err = get(echo, context.Background(), "v3/x", nil)
	var te *TokenError
	require.ErrorAs(t, err, &te)
	assert.NotContains(t, err.Error(), testSecret)
	assert.NotContains(t, te.Description+te.ErrorCode, testSecret)
	assert.Contains(t, te.Description, "secret [REDACTED] is not valid")
}

type net404 struct{}

func (*net404) Error() string { return "dial tcp: lookup acme.api.identitynow.com: no such host" }

// The retry rules of token errors, as a function.
func TestRetryableTokenError(t *testing.T) {
	assert.True(t, retryableTokenError(&TokenError{StatusCode: 503}))
	assert.True(t, retryableTokenError(&TokenError{StatusCode: 429}))
	assert.True(t, retryableTokenError(fmt.Errorf("wrapped: %w", &TokenError{StatusCode: 500})))
	assert.False(t, retryableTokenError(&TokenError{StatusCode: 400}))
	assert.False(t, retryableTokenError(&TokenError{StatusCode: 401}))
	assert.False(t, retryableTokenError(&TokenError{Err: errors.New("server response missing access_token")}))
	assert.True(t, retryableTokenError(tokenError("u", &netError{}, "")))
	assert.True(t, retryableTokenError(tokenError("u", syscall.ECONNREFUSED, "")), "a syscall.Errno is a net.Error")
	assert.False(t, retryableTokenError(context.Canceled))
	assert.ErrorIs(t, tokenError("u", context.DeadlineExceeded, ""), context.DeadlineExceeded)
}
