package certifications

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/apigen"
)

const (
	testBase     = "https://acme.api.identitynow.com"
	testTokenURL = testBase + "/oauth/token"
	testSecret   = "pat-secret-0123456789"
	testToken    = "eyJ0ZXN0LXRva2VuIn0.payload.signature"
)

// newMockClient returns a client whose HTTP goes to a fresh mock transport
// (never the global one), with fast retries and no pacing.
func newMockClient(t *testing.T, mutate ...func(*Configuration)) (*APIClient, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	cfg := NewConfiguration()
	cfg.BaseURL = testBase
	cfg.ClientID = "client-1"
	cfg.ClientSecret = testSecret
	cfg.HTTPClient = &http.Client{Transport: mt}
	cfg.RetryWaitMin = time.Millisecond
	cfg.RetryWaitMax = 50 * time.Millisecond
	cfg.DisableRateLimit = true
	for _, m := range mutate {
		m(cfg)
	}
	c := NewAPIClient(cfg)
	require.NoError(t, c.Err())
	return c, mt
}

// tokenResponder answers client-credentials requests with tokens named
// token-1, token-2, ... valid for lifetime, and counts them.
func tokenResponder(t *testing.T, lifetime time.Duration, count *atomic.Int32) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		require.NoError(t, req.ParseForm())
		assert.Equal(t, "client_credentials", req.PostForm.Get("grant_type"))
		assert.Equal(t, "client-1", req.PostForm.Get("client_id"))
		assert.Equal(t, testSecret, req.PostForm.Get("client_secret"))
		assert.Empty(t, req.URL.RawQuery, "the secret must not be sent in the URL")
		n := count.Add(1)
		return httpmock.NewJsonResponse(200, map[string]any{
			"access_token": fmt.Sprintf("token-%d", n), "token_type": "bearer", "expires_in": lifetime.Seconds(),
		})
	}
}

func get(c *APIClient, ctx context.Context, path string, out any) (*http.Response, error) {
	return c.call(ctx, http.MethodGet, path, nil, nil, out)
}

func TestTokenFetchedOnceForConcurrentCalls(t *testing.T) {
	c, mt := newMockClient(t)
	var tokens atomic.Int32
	mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
	var seen sync.Map
	mt.RegisterResponder("GET", testBase+"/v3/certifications", func(req *http.Request) (*http.Response, error) {
		seen.Store(req.Header.Get("Authorization"), true)
		return httpmock.NewStringResponse(200, `[]`), nil
	})
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := get(c, context.Background(), "v3/certifications", nil)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, tokens.Load())
	seen.Range(func(k, _ any) bool {
		assert.Equal(t, "Bearer token-1", k)
		return true
	})
}

// In a synctest bubble time moves only when every goroutine waits, so the
// renewal point is checked to the millisecond without waiting for it.
func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t)
		var tokens atomic.Int32
		// A 2 s token is renewed after four fifths of its life: at 1.6 s.
		mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, 2*time.Second, &tokens))
		var auth []string
		mt.RegisterResponder("GET", testBase+"/v3/certifications", func(req *http.Request) (*http.Response, error) {
			auth = append(auth, req.Header.Get("Authorization"))
			return httpmock.NewStringResponse(200, `[]`), nil
		})
		_, err := get(c, context.Background(), "v3/certifications", nil)
		require.NoError(t, err)
		_, err = get(c, context.Background(), "v3/certifications", nil)
		require.NoError(t, err)
		time.Sleep(1599 * time.Millisecond)
		_, err = get(c, context.Background(), "v3/certifications", nil)
		require.NoError(t, err)
		time.Sleep(101 * time.Millisecond) // 1.7 s
		_, err = get(c, context.Background(), "v3/certifications", nil)
		require.NoError(t, err)
		assert.Equal(t, []string{"Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"}, auth)
		assert.EqualValues(t, 2, tokens.Load())
	})
}

func TestTokenRenewedOnceAfter401(t *testing.T) {
	c, mt := newMockClient(t)
	var tokens atomic.Int32
	mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
	mt.RegisterResponder("GET", testBase+"/v3/certifications", func(req *http.Request) (*http.Response, error) {
		if req.Header.Get("Authorization") == "Bearer token-1" {
			return httpmock.NewStringResponse(401, `{"error":"JWT expired"}`), nil
		}
		return httpmock.NewStringResponse(200, `[]`), nil
	})
	_, err := get(c, context.Background(), "v3/certifications", nil)
	require.NoError(t, err)
	assert.EqualValues(t, 2, tokens.Load())
}

func TestTokenEndpointFailure(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("POST", testTokenURL, httpmock.NewStringResponder(401, `{"error":"invalid_client","error_description":"Bad credentials"}`))
	mt.RegisterResponder("GET", testBase+"/v3/certifications", httpmock.NewStringResponder(200, `[]`))
	resp, err := get(c, context.Background(), "v3/certifications", nil)
	assert.Nil(t, resp)
	var te *TokenError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, testTokenURL, te.TokenURL)
	assert.Equal(t, 401, te.StatusCode)
	assert.Equal(t, "invalid_client", te.ErrorCode)
	assert.Contains(t, err.Error(), testTokenURL)
	assert.Contains(t, err.Error(), "401")
	assert.NotContains(t, err.Error(), testSecret)
	assert.Equal(t, 0, mt.GetCallCountInfo()["GET "+testBase+"/v3/certifications"], "no API call without a token")
}

func TestTokenEndpointEmptyToken(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("POST", testTokenURL, httpmock.NewStringResponder(200, `{"access_token":"","token_type":"bearer","expires_in":600}`))
	mt.RegisterResponder("GET", testBase+"/v3/certifications", httpmock.NewStringResponder(200, `[]`))
	_, err := get(c, context.Background(), "v3/certifications", nil)
	require.Error(t, err)
	assert.Equal(t, 0, mt.GetCallCountInfo()["GET "+testBase+"/v3/certifications"], "never an empty Bearer header")
}

func TestAccessTokenUsedAsIs(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.ClientID, cfg.ClientSecret, cfg.AccessToken = "", "", testToken })
	mt.RegisterResponder("GET", testBase+"/v3/certifications", func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, "Bearer "+testToken, req.Header.Get("Authorization"))
		return httpmock.NewStringResponse(200, `[]`), nil
	})
	_, err := get(c, context.Background(), "v3/certifications", nil)
	require.NoError(t, err)
}

func TestRequestHeadersAndQueryEncoding(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
		cfg.UserAgent = "my-tool/1.2"
		cfg.DefaultHeader = map[string]string{"X-Team": "governance"}
	})
	// A path of no declared operation: its filters are checked for syntax
	// only, and the test is about how they are encoded.
	mt.RegisterResponder("POST", `=~^`+testBase+`/v3/custom/a%2Fb%20c/decide`, func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, "application/json", req.Header.Get("Accept"))
		assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
		assert.Equal(t, "governance", req.Header.Get("X-Team"))
		want := fmt.Sprintf("isc-certifications-go/%s (%s/%s; go%s) my-tool/1.2", Version, runtime.GOOS, runtime.GOARCH, strings.TrimPrefix(runtime.Version(), "go"))
		assert.Equal(t, want, req.Header.Get("User-Agent"))
		assert.Equal(t, `filters=name%20eq%20%22%23Ops%20%5C%22EU%5C%22%22&limit=5`, req.URL.RawQuery)
		body, _ := io.ReadAll(req.Body)
		assert.JSONEq(t, `{"a":1}`, string(body))
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	q := url.Values{"filters": {`name eq "#Ops \"EU\""`}, "limit": {"5"}}
	_, err := c.call(context.Background(), http.MethodPost, "v3/custom/"+url.PathEscape("a/b c")+"/decide", q, map[string]int{"a": 1}, nil)
	require.NoError(t, err)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestRetry429HonoursRetryAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t, func(cfg *Configuration) { cfg.RetryWaitMax = 5 * time.Second })
		var tokens atomic.Int32
		mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
		var calls atomic.Int32
		var times []time.Time
		mt.RegisterResponder("GET", testBase+"/v3/certifications", func(req *http.Request) (*http.Response, error) {
			times = append(times, time.Now())
			if calls.Add(1) == 1 {
				r := httpmock.NewStringResponse(429, `{"message":" Rate Limit Exceeded "}`)
				r.Header.Set("Retry-After", "1")
				return r, nil
			}
			return httpmock.NewStringResponse(200, `[{"id":"c1"}]`), nil
		})
		var out []map[string]any
		_, err := get(c, context.Background(), "v3/certifications", &out)
		require.NoError(t, err)
		require.Len(t, times, 2)
		assert.GreaterOrEqual(t, times[1].Sub(times[0]), time.Second)
		assert.Equal(t, "c1", out[0]["id"])
	})
}

func TestRetriesExhaustedReturnLastAPIErrorAndResponse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 2 })
		var tokens atomic.Int32
		mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
		mt.RegisterResponder("GET", testBase+"/v3/certifications", func(*http.Request) (*http.Response, error) {
			r := httpmock.NewStringResponse(429, `{"message":" Rate Limit Exceeded "}`)
			r.Header.Set("Retry-After", "0.01")
			return r, nil
		})
		resp, err := get(c, context.Background(), "v3/certifications", nil)
		require.NotNil(t, resp, "the last response is returned")
		assert.Equal(t, 429, resp.StatusCode)
		body, _ := io.ReadAll(resp.Body)
		assert.Contains(t, string(body), "Rate Limit Exceeded", "its body is still readable")
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, 429, ae.StatusCode)
		assert.Equal(t, 10*time.Millisecond, ae.RetryAfter)
		assert.Equal(t, "Rate Limit Exceeded", strings.TrimSpace(ae.Message))
		assert.Equal(t, 3, ae.Attempts)
		assert.Equal(t, 3, mt.GetCallCountInfo()["GET "+testBase+"/v3/certifications"])
		assert.True(t, IsRateLimited(err))
	})
}

func TestRetryRulesByMethodAndStatus(t *testing.T) {
	cases := []struct {
		method string
		status int
		calls  int
	}{
		{"GET", 500, 1}, {"GET", 502, 3}, {"GET", 503, 3}, {"GET", 504, 3}, {"GET", 429, 3}, {"GET", 400, 1}, {"GET", 404, 1},
		{"POST", 500, 1}, {"POST", 502, 1}, {"POST", 504, 1}, {"POST", 503, 3}, {"POST", 429, 3}, {"POST", 400, 1},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %d", tc.method, tc.status), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, mt := newMockClient(t, func(cfg *Configuration) {
					cfg.MaxRetries = 2
					cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
				})
				var bodies []string
				mt.RegisterResponder(tc.method, testBase+"/v3/x", func(req *http.Request) (*http.Response, error) {
					if req.Body != nil {
						b, _ := io.ReadAll(req.Body)
						bodies = append(bodies, string(b))
					}
					return httpmock.NewStringResponse(tc.status, `{}`), nil
				})
				var body any
				if tc.method == "POST" {
					body = []map[string]string{{"id": "i1", "decision": "APPROVE"}}
				}
				resp, err := c.call(context.Background(), tc.method, "v3/x", nil, body, nil)
				require.Error(t, err)
				require.NotNil(t, resp)
				assert.Equal(t, tc.calls, mt.GetTotalCallCount())
				if tc.method == "POST" {
					for _, b := range bodies {
						assert.Equal(t, bodies[0], b, "a replayed body is byte-identical")
					}
				}
			})
		})
	}
}

func TestRetryConnectionErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t, func(cfg *Configuration) {
			cfg.MaxRetries = 3
			cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
		})
		var calls atomic.Int32
		mt.RegisterResponder("GET", testBase+"/v3/x", func(*http.Request) (*http.Response, error) {
			if calls.Add(1) < 3 {
				return nil, errors.New("connection reset by peer")
			}
			return httpmock.NewStringResponse(200, `{}`), nil
		})
		_, err := get(c, context.Background(), "v3/x", nil)
		require.NoError(t, err)
		assert.EqualValues(t, 3, calls.Load())
	})
}

// A POST whose request reached the server before the connection dropped is
// not retried: the server may have processed it.
func TestPostNotRetriedAfterRequestWasSent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var hits atomic.Int32
		hc := pipeHTTPClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			_, _ = io.ReadAll(r.Body)
			conn, _, err := w.(http.Hijacker).Hijack()
			require.NoError(t, err)
			_ = conn.Close()
		}))
		cfg := NewConfiguration()
		cfg.BaseURL, cfg.AccessToken, cfg.HTTPClient = "http://localhost", testToken, hc
		cfg.RetryWaitMin, cfg.DisableRateLimit = time.Millisecond, true
		c := NewAPIClient(cfg)
		_, err := c.call(context.Background(), http.MethodPost, "v3/x", nil, map[string]int{"a": 1}, nil)
		require.Error(t, err)
		assert.EqualValues(t, 1, hits.Load())
		_, err = c.call(context.Background(), http.MethodGet, "v3/x", nil, nil, nil)
		require.Error(t, err)
		assert.EqualValues(t, 1+1+DefaultMaxRetries, hits.Load(), "a GET is retried")
	})
}

// A POST that never reached the server (connection refused) is retried.
func TestPostRetriedWhenNeverSent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var dials atomic.Int32
		refuse := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
			dials.Add(1)
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
		}}
		cfg := NewConfiguration()
		cfg.BaseURL, cfg.AccessToken, cfg.HTTPClient = "http://localhost", testToken, &http.Client{Transport: refuse}
		cfg.RetryWaitMin, cfg.RetryWaitMax, cfg.MaxRetries, cfg.DisableRateLimit = time.Millisecond, 5*time.Millisecond, 2, true
		var attempts atomic.Int32
		cfg.Logger = slog.New(slog.NewTextHandler(countingWriter{&attempts}, &slog.HandlerOptions{Level: slog.LevelDebug}))
		c := NewAPIClient(cfg)
		_, err := c.call(context.Background(), http.MethodPost, "v3/x", nil, map[string]int{"a": 1}, nil)
		require.Error(t, err)
		assert.ErrorIs(t, err, syscall.ECONNREFUSED)
		assert.EqualValues(t, 3, attempts.Load())
		assert.EqualValues(t, 3, dials.Load())
	})
}

type countingWriter struct{ n *atomic.Int32 }

func (w countingWriter) Write(p []byte) (int, error) { w.n.Add(1); return len(p), nil }

func TestContextCancelledWhileWaitingToRetry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t, func(cfg *Configuration) {
			cfg.RetryWaitMax = time.Minute
			cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
		})
		mt.RegisterResponder("GET", testBase+"/v3/x", func(*http.Request) (*http.Response, error) {
			r := httpmock.NewStringResponse(503, `{}`)
			r.Header.Set("Retry-After", "30")
			return r, nil
		})
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := get(c, ctx, "v3/x", nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), 5*time.Second)
		assert.Equal(t, 1, mt.GetTotalCallCount())
	})
}

func TestErrorBodyShapes(t *testing.T) {
	cases := []struct {
		name, body        string
		status            int
		message, tracking string
		detail            string
		hasErrorResponse  bool
		retryAfterHeader  string
		retryAfter        time.Duration
	}{
		{name: "ErrorResponseDto", status: 404, body: `{"detailCode":"404 Not found","trackingId":"b21b1f7ce4da4d639f2c62a57171b427","messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The server did not find a current representation for the target resource."}],"causes":[]}`,
			message: "The server did not find a current representation for the target resource.", tracking: "b21b1f7ce4da4d639f2c62a57171b427", detail: "404 Not found", hasErrorResponse: true},
		{name: "causes only", status: 400, body: `{"detailCode":"400.1 Bad Request Content","causes":[{"text":"limit is too big"}]}`, message: "limit is too big", detail: "400.1 Bad Request Content", hasErrorResponse: true},
		{name: "401 error", status: 401, body: `{"error":"JWT validation failed: JWT is expired"}`, message: "JWT validation failed: JWT is expired"},
		{name: "401 error of another type", status: 401, body: `{"error":{"code":7}}`, message: `{"code":7}`},
		{name: "429 message", status: 429, body: `{"message":" Rate Limit Exceeded "}`, message: " Rate Limit Exceeded ", retryAfterHeader: "2", retryAfter: 2 * time.Second},
		{name: "offset detailMessage", status: 400, body: `{"detailMessage":"Specified offset is invalid.","stackTrace":[],"suppressedExceptions":[]}`, message: "Specified offset is invalid."},
		{name: "plain text", status: 503, body: `upstream unavailable`, message: "upstream unavailable"},
		{name: "html", status: 502, body: `<html><body>Bad gateway</body></html>`},
		{name: "empty", status: 500, body: ``},
		{name: "malformed json", status: 500, body: `{"detailCode": `},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) {
				cfg.MaxRetries = 0
				cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
			})
			mt.RegisterResponder("GET", testBase+"/v3/x", func(*http.Request) (*http.Response, error) {
				r := httpmock.NewStringResponse(tc.status, tc.body)
				if tc.retryAfterHeader != "" {
					r.Header.Set("Retry-After", tc.retryAfterHeader)
				}
				return r, nil
			})
			resp, err := get(c, context.Background(), "v3/x", nil)
			require.NotNil(t, resp)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.status, ae.StatusCode)
			assert.Equal(t, tc.body, string(ae.Body))
			assert.Equal(t, tc.message, ae.Message)
			assert.Equal(t, tc.tracking, ae.TrackingID)
			assert.Equal(t, tc.hasErrorResponse, ae.ErrorResponse != nil)
			assert.Equal(t, tc.retryAfter, ae.RetryAfter)
			assert.Contains(t, err.Error(), fmt.Sprint(tc.status))
			if tc.detail != "" {
				assert.Contains(t, err.Error(), tc.detail)
			}
			if tc.tracking != "" {
				assert.Contains(t, err.Error(), tc.tracking)
			}
			if tc.message != "" {
				assert.Contains(t, err.Error(), strings.TrimSpace(tc.message))
			}
			b, _ := io.ReadAll(resp.Body)
			assert.Equal(t, tc.body, string(b))
		})
	}
}

func TestErrorBodyCapped(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.MaxRetries = 0
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
	})
	big := bytes.Repeat([]byte("x"), maxErrorBody+100)
	mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewBytesResponder(500, big))
	_, err := get(c, context.Background(), "v3/x", nil)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Len(t, ae.Body, maxErrorBody)
}

func TestDecodeErrorNamesFieldPath(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewStringResponder(200, `{"inner":{"count":"seven"}}`))
	var out struct {
		Inner struct {
			Count int `json:"count"`
		} `json:"inner"`
	}
	resp, err := get(c, context.Background(), "v3/x", &out)
	require.NotNil(t, resp)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "inner.count", de.Path)
	assert.Contains(t, err.Error(), "inner.count")
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	assert.Equal(t, 3*time.Second, parseRetryAfter("3", now))
	assert.Equal(t, 1500*time.Millisecond, parseRetryAfter("1.5", now))
	assert.Equal(t, 10*time.Second, parseRetryAfter(now.Add(10*time.Second).Format(http.TimeFormat), now))
	assert.Zero(t, parseRetryAfter("", now))
	assert.Zero(t, parseRetryAfter("soon", now))
	assert.Zero(t, parseRetryAfter("-4", now))
	assert.Zero(t, parseRetryAfter(now.Add(-time.Minute).Format(http.TimeFormat), now))
}

func TestRetryWaitAndBackoff(t *testing.T) {
	assert.Equal(t, 2*time.Second, retryWait(1, 2*time.Second, time.Millisecond, time.Minute))
	assert.Equal(t, 5*time.Second, retryWait(1, time.Hour, time.Millisecond, 5*time.Second), "Retry-After is capped by RetryWaitMax")
	for attempt := 1; attempt <= 10; attempt++ {
		d := backoff(attempt, 100*time.Millisecond, 2*time.Second)
		step := min(100*time.Millisecond<<(attempt-1), 2*time.Second)
		assert.GreaterOrEqual(t, d, step/2)
		assert.LessOrEqual(t, d, step)
	}
}

func TestSecretsNeverLoggedOrInErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var logs bytes.Buffer
		c, mt := newMockClient(t, func(cfg *Configuration) {
			cfg.MaxRetries = 1
			cfg.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		})
		var tokens atomic.Int32
		mt.RegisterResponder("POST", testTokenURL, func(req *http.Request) (*http.Response, error) {
			tokens.Add(1)
			return httpmock.NewJsonResponse(200, map[string]any{"access_token": testToken, "token_type": "bearer", "expires_in": 600})
		})
		mt.RegisterResponder("GET", testBase+"/v3/a", httpmock.NewStringResponder(503, `{"message":"down"}`))
		mt.RegisterResponder("GET", testBase+"/v3/b", httpmock.NewErrorResponder(errors.New("dial tcp: connection refused")))
		_, err1 := get(c, context.Background(), "v3/a", nil)
		_, err2 := get(c, context.Background(), "v3/b", nil)
		require.Error(t, err1)
		require.Error(t, err2)

		bad, mt2 := newMockClient(t, func(cfg *Configuration) {
			cfg.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		})
		mt2.RegisterResponder("POST", testTokenURL, httpmock.NewStringResponder(400, `{"error":"invalid_client"}`))
		_, err3 := get(bad, context.Background(), "v3/a", nil)
		require.Error(t, err3)

		require.NotEmpty(t, logs.String())
		assert.Contains(t, logs.String(), `"attempt":2`)
		assert.Contains(t, logs.String(), `"status":503`)
		for _, s := range []string{logs.String(), err1.Error(), err2.Error(), err3.Error(), fmt.Sprintf("%+v %#v", err1, err3)} {
			assert.NotContains(t, s, testSecret)
			assert.NotContains(t, s, testToken)
			assert.NotContains(t, s, "Bearer")
			assert.NotContains(t, s, "Authorization")
		}
	})
}

func TestRedirectToOtherHostDropsToken(t *testing.T) {
	var leaked atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Store(r.Header.Get("Authorization"))
		_, _ = w.Write([]byte(`[]`))
	}))
	defer other.Close()
	// 127.0.0.1 and localhost are different hosts to the client.
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"))
		http.Redirect(w, r, otherURL+"/elsewhere", http.StatusFound)
	}))
	defer srv.Close()
	cfg := NewConfiguration()
	cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit = srv.URL, testToken, true
	c := NewAPIClient(cfg)
	_, err := get(c, context.Background(), "v3/certifications", nil)
	require.NoError(t, err)
	assert.Equal(t, "", leaked.Load())
}

// A body cut short by the server is a *DecodeError after the retries; a
// complete but malformed or truncated JSON body is one at once.
func TestTruncatedAndMalformedBodies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var hits atomic.Int32
		hc := pipeHTTPClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			switch r.URL.Path {
			case "/v3/cut":
				w.Header().Set("Content-Length", "100")
				w.WriteHeader(200)
				_, _ = w.Write([]byte(`[{"id":"a"},{"i`))
				conn, _, _ := w.(http.Hijacker).Hijack()
				_ = conn.Close()
			case "/v3/truncated-json":
				_, _ = w.Write([]byte(`[{"id":"a"},{"i`))
			case "/v3/not-json":
				_, _ = w.Write([]byte(`<html>oops</html>`))
			}
		}))
		cfg := NewConfiguration()
		cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit, cfg.HTTPClient = "http://localhost", testToken, true, hc
		cfg.RetryWaitMin, cfg.RetryWaitMax, cfg.MaxRetries = time.Millisecond, 5*time.Millisecond, 2
		c := NewAPIClient(cfg)
		for _, path := range []string{"v3/cut", "v3/truncated-json", "v3/not-json"} {
			hits.Store(0)
			var out []map[string]any
			_, err := get(c, context.Background(), path, &out)
			var de *DecodeError
			require.ErrorAs(t, err, &de, path)
			assert.Equal(t, 200, de.StatusCode)
			if path == "v3/cut" {
				assert.EqualValues(t, 3, hits.Load(), "a GET cut short is retried")
			} else {
				assert.EqualValues(t, 1, hits.Load(), "a complete body is not fetched again")
			}
		}
		hits.Store(0)
		_, err := c.call(context.Background(), http.MethodPost, "v3/cut", nil, map[string]int{"a": 1}, nil)
		var de *DecodeError
		require.ErrorAs(t, err, &de)
		assert.EqualValues(t, 1, hits.Load(), "a POST whose answer was cut is not sent again")
	})
}

// net/http itself keeps the Authorization header on a redirect to a
// subdomain; the client drops it on any change of host.
func TestRedirectToSubdomainDropsToken(t *testing.T) {
	var seen sync.Map
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Store(r.Host, r.Header.Get("Authorization"))
		if r.Host == "example.com" {
			http.Redirect(w, r, "https://api.example.com/elsewhere", http.StatusFound)
			return
		}
		_, _ = w.Write([]byte(`[]`))
	}))
	defer srv.Close()
	hc := srv.Client()
	tr := hc.Transport.(*http.Transport).Clone()
	addr := srv.Listener.Addr().String()
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr) // every host is the test server
	}
	hc.Transport = tr
	cfg := NewConfiguration()
	cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit, cfg.HTTPClient = "https://example.com", testToken, true, hc
	c := NewAPIClient(cfg)
	_, err := get(c, context.Background(), "v3/certifications", nil)
	require.NoError(t, err)
	first, _ := seen.Load("example.com")
	assert.Equal(t, "Bearer "+testToken, first)
	second, ok := seen.Load("api.example.com")
	require.True(t, ok, "the redirect was followed")
	assert.Equal(t, "", second)
}

// encoding/json reports a bad date without its field; the client finds it.
func TestDecodeErrorLocatesBadDate(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	mt.RegisterResponder("GET", testBase+"/v3/certifications", httpmock.NewStringResponder(200,
		`[{"id":"a","due":"2025-03-17T00:00:00Z"},{"id":"b","campaign":{"id":"c","created":"yesterday"},"due":"yesterday"}]`))
	certs, resp, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).Execute()
	require.NotNil(t, resp)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "[1].campaign.created", de.Path, "the first bad value in the body")
	assert.Contains(t, err.Error(), "[1].campaign.created")
	require.NotEmpty(t, certs)
	assert.Equal(t, "a", certs[0].GetID(), "what decoded before the bad value is kept")
}

func TestPathOfString(t *testing.T) {
	body := []byte(`{"a":[1,{"b":"x"},["y",{"c":{"d":"z"}}]],"e":"z"}`)
	assert.Equal(t, "a[1].b", pathOfString(body, "x"))
	assert.Equal(t, "a[2][0]", pathOfString(body, "y"))
	assert.Equal(t, "a[2][1].c.d", pathOfString(body, "z"))
	assert.Equal(t, "", pathOfString(body, "b"), "keys are not values")
	assert.Equal(t, "", pathOfString(body, "missing"))
	assert.Equal(t, "", pathOfString([]byte(`{"a":`), "x"))
}

// Do sends nothing, and fetches no token, for a URL outside the tenant's
// API root: another host, port or scheme, or a path that leaves the root.
func TestDoRefusesURLOutsideAPIRoot(t *testing.T) {
	var hits atomic.Int32
	counting := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{}`))
	})
	tenant := httptest.NewServer(counting)
	defer tenant.Close()
	other := httptest.NewServer(counting) // same host, another port
	defer other.Close()
	elsewhere := strings.Replace(tenant.URL, "127.0.0.1", "localhost", 1)

	for _, base := range []string{tenant.URL, tenant.URL + "/isc"} {
		cfg := NewConfiguration()
		cfg.BaseURL, cfg.ClientID, cfg.ClientSecret, cfg.DisableRateLimit = base, "client-1", testSecret, true
		c := NewAPIClient(cfg)
		require.NoError(t, c.Err())
		targets := []string{
			other.URL + "/v3/certifications",
			elsewhere + "/v3/certifications",
			strings.Replace(tenant.URL, "http://", "https://", 1) + "/v3/certifications",
		}
		if base != tenant.URL {
			// Only a root with a path has an outside on the same host.
			targets = append(targets, tenant.URL+"/oauth/token", base+"/../oauth/token", base+"/v3/../../x", base+"x/v3")
		}
		for _, target := range targets {
			req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, target, nil)
			require.NoError(t, err)
			resp, err := c.Do(req, nil)
			assert.Nil(t, resp, target)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, target)
			assert.Equal(t, "req.URL", ve.Parameter)
			assert.Contains(t, err.Error(), "outside the tenant's API root")
			assert.Contains(t, ve.Allowed, "NewRequest")
		}
		assert.Zero(t, hits.Load(), "nothing was sent, not even a token request")
	}

	// Under the root, default ports and letter case do not matter.
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
	targets := []string{testBase + "/v3/x", "https://ACME.api.identitynow.com:443/v3/x", "HTTPS://acme.api.identitynow.com/v3/x"}
	for _, target := range targets {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, target, nil)
		require.NoError(t, err)
		_, err = c.Do(req, nil)
		assert.NoError(t, err, target)
	}
	assert.Equal(t, len(targets), mt.GetTotalCallCount())
	_, err := c.Do(nil, nil)
	var ve *ValidationError
	assert.ErrorAs(t, err, &ve)
}

func TestVersionedPath(t *testing.T) {
	v3 := NewAPIClient(&Configuration{BaseURL: testBase, AccessToken: testToken})
	v3explicit := NewAPIClient(&Configuration{BaseURL: testBase, AccessToken: testToken, APIVersion: APIVersionV3})
	v1 := NewAPIClient(&Configuration{BaseURL: testBase, AccessToken: testToken, APIVersion: APIVersionV1})
	for _, tc := range []struct{ path, v3, v1 string }{
		{"/certifications/abc/decide", "v3/certifications/abc/decide", "certifications/v1/abc/decide"},
		{"/certifications", "v3/certifications", "certifications/v1"},
		{"/certification-tasks", "v3/certification-tasks", "certification-tasks/v1"},
		{"/certification-tasks/t%2F1", "v3/certification-tasks/t%2F1", "certification-tasks/v1/t%2F1"},
		{"certifications/abc/access-review-items", "v3/certifications/abc/access-review-items", "certifications/v1/abc/access-review-items"},
	} {
		assert.Equal(t, tc.v3, v3.versionedPath(tc.path), tc.path)
		assert.Equal(t, tc.v3, v3explicit.versionedPath(tc.path), tc.path)
		assert.Equal(t, tc.v1, v1.versionedPath(tc.path), tc.path)
		// The versioned path is paced in its generation's bucket.
		assert.Equal(t, string(APIVersionV1), apigen.Bucket(v1.versionedPath(tc.path)))
		assert.Equal(t, string(APIVersionV3), apigen.Bucket(v3.versionedPath(tc.path)))
	}
}

// call sends one request through the pipeline and decodes into out.
func (c *APIClient) call(ctx context.Context, method, path string, q url.Values, body, out any) (*http.Response, error) {
	req, err := c.NewRequest(ctx, method, path, q, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req, out)
}

// A query or fragment written into the path would be dropped or taken
// apart silently; NewRequest refuses it and sends nothing.
func TestNewRequestRefusesQueryInPath(t *testing.T) {
	c, mt := newMockClient(t)
	for _, p := range []string{"v3/campaigns?limit=5", "v3/certifications#top", "v3/a?"} {
		req, err := c.NewRequest(context.Background(), http.MethodGet, p, nil, nil)
		assert.Nil(t, req, p)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, p)
		assert.Equal(t, "path", ve.Parameter)
		assert.Contains(t, ve.Allowed, "url.Values")
	}
	req, err := c.NewRequest(context.Background(), http.MethodGet, "v3/certifications/"+url.PathEscape("a?b#c"), url.Values{"limit": {"5"}}, nil)
	require.NoError(t, err, "an escaped ? or # in a path parameter is fine")
	assert.Equal(t, "/v3/certifications/a?b#c", req.URL.Path)
	assert.Equal(t, "limit=5", req.URL.RawQuery)
	assert.Zero(t, mt.GetTotalCallCount())
}

// A redirect keeps the token only under the tenant's API root, the rule Do
// applies to the requests it is given: on the same host, a path outside
// the root (another tenant's) gets no Authorization header.
func TestRedirectOutsideAPIRootDropsToken(t *testing.T) {
	const root = testBase + "/tenantA"
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.BaseURL, cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = root, testToken, "", ""
	})
	got := map[string]string{}
	redirect := func(to string) httpmock.Responder {
		return func(req *http.Request) (*http.Response, error) {
			got[req.URL.Path] = req.Header.Get("Authorization")
			r := httpmock.NewStringResponse(http.StatusFound, "")
			r.Header.Set("Location", to)
			return r, nil
		}
	}
	answer := func(req *http.Request) (*http.Response, error) {
		got[req.URL.Path] = req.Header.Get("Authorization")
		return httpmock.NewStringResponse(200, `{}`), nil
	}
	mt.RegisterResponder("GET", root+"/v3/leave", redirect("/tenantB/steal"))
	mt.RegisterResponder("GET", root+"/v3/dots", redirect("/tenantA/../tenantB/dots"))
	mt.RegisterResponder("GET", root+"/v3/stay", redirect("/tenantA/v3/here"))
	mt.RegisterResponder("GET", testBase+"/tenantB/steal", answer)
	mt.RegisterResponder("GET", testBase+"/tenantB/dots", answer)
	mt.RegisterResponder("GET", root+"/v3/here", answer)

	for _, path := range []string{"v3/leave", "v3/dots", "v3/stay"} {
		_, err := get(c, context.Background(), path, nil)
		require.NoError(t, err, path)
	}
	assert.Equal(t, "Bearer "+testToken, got["/tenantA/v3/leave"], "the request itself carries the token")
	assert.Empty(t, got["/tenantB/steal"], "another tenant's path on the same host gets no token")
	assert.Empty(t, got["/tenantB/dots"], "nor does a path that leaves the root through ..")
	assert.Equal(t, "Bearer "+testToken, got["/tenantA/v3/here"], "a redirect under the root keeps it")
}

// The token client follows the same rule through the same function: a
// redirect to another origin stops the token request (its form holds the
// client secret), one on the token endpoint's origin is followed.
func TestTokenRedirectRule(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 0 })
	mt.RegisterResponder("POST", testTokenURL, func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(http.StatusPermanentRedirect, "")
		r.Header.Set("Location", testBase+"/oauth/v2/token")
		return r, nil
	})
	var secretSeen string
	mt.RegisterResponder("POST", testBase+"/oauth/v2/token", func(req *http.Request) (*http.Response, error) {
		require.NoError(t, req.ParseForm())
		secretSeen = req.PostForm.Get("client_secret")
		return httpmock.NewJsonResponse(200, map[string]any{"access_token": testToken, "token_type": "bearer", "expires_in": 600})
	})
	mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewStringResponder(200, `{}`))
	_, err := get(c, context.Background(), "v3/x", nil)
	require.NoError(t, err)
	assert.Equal(t, testSecret, secretSeen, "the redirect on the token endpoint's origin was followed")
}
