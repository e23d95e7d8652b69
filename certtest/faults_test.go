package certtest_test

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

func TestRateLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithRateLimit(3, 10*time.Second))
		for range 3 {
			resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
			require.Equal(t, http.StatusOK, resp.StatusCode)
		}
		resp, body := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
		assert.JSONEq(t, `{"message":" Rate Limit Exceeded "}`, string(body))
		ra, err := strconv.Atoi(resp.Header.Get("Retry-After"))
		require.NoError(t, err, "whole seconds")
		// The clock stood still: the oldest request leaves the window in
		// exactly 10 s.
		assert.Equal(t, 10, ra)

		// beta is counted apart.
		resp, _ = raw(t, srv, http.MethodGet, "/beta/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)

		reqs := srv.Requests()
		last := reqs[len(reqs)-2]
		assert.Equal(t, certtest.FaultRateLimited, last.Fault)
		assert.True(t, last.Injected())
		assert.Equal(t, http.StatusTooManyRequests, last.Status)

		// Through the SDK: an APIError that knows the wait.
		c := newClient(t, srv, noRetries)
		time.Sleep(4 * time.Second)
		_, _, err = c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
		ae := apiError(t, err, http.StatusTooManyRequests)
		assert.True(t, certifications.IsRateLimited(err))
		assert.Equal(t, 6*time.Second, ae.RetryAfter)
		assert.Equal(t, " Rate Limit Exceeded ", ae.Message)

		// Once the window has moved on, requests pass again.
		time.Sleep(6 * time.Second)
		resp, _ = raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
	})
}

func TestRateLimitDecimalRetryAfterAndClientRecovers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithRateLimit(2, 5*time.Second), certtest.WithDecimalRetryAfter())
		for range 2 {
			raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		}
		time.Sleep(1250 * time.Millisecond)
		resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		require.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
		assert.Equal(t, "3.750", resp.Header.Get("Retry-After"), "the exact wait, in decimal seconds")

		// The SDK client honours the waits and gets every answer: 8
		// requests at 2 per 500 ms cannot pass without hitting the limit,
		// nor in less than 1.5 s.
		srv = certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithRateLimit(2, 500*time.Millisecond), certtest.WithDecimalRetryAfter())
		c := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.MaxRetries = 10; cfg.RetryWaitMax = time.Second })
		srv.ResetRequests()
		start := time.Now()
		for range 8 {
			_, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
			require.NoError(t, err)
		}
		elapsed := time.Since(start)
		assert.GreaterOrEqual(t, elapsed, 1500*time.Millisecond)
		assert.Less(t, elapsed, 10*time.Second)
		limited := 0
		for _, r := range srv.Requests() {
			if r.Fault == certtest.FaultRateLimited {
				limited++
			}
		}
		assert.Positive(t, limited, "the limit was hit and recovered from")
	})
}

// statuses sends n GETs and returns the statuses.
func statuses(t *testing.T, srv *certtest.Server, n int) []int {
	t.Helper()
	out := make([]int, n)
	for i := range out {
		resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		out[i] = resp.StatusCode
		if resp.StatusCode == http.StatusServiceUnavailable {
			assert.NotEmpty(t, resp.Header.Get("Retry-After"))
		}
	}
	return out
}

func TestErrorRate(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithErrorRate(0.3), certtest.WithSeed(7))
	got := statuses(t, srv, 300)
	count := map[int]int{}
	for _, s := range got {
		count[s]++
	}
	failed := count[500] + count[503]
	assert.Equal(t, 300, count[200]+failed, "only 500 and 503 are injected: %v", count)
	assert.InDelta(t, 90, failed, 30, "about 30%% fail: %v", count)
	assert.Positive(t, count[500])
	assert.Positive(t, count[503])

	// Deterministic: the same seed fails the same requests.
	again := certtest.NewTestServer(t, certtest.WithErrorRate(0.3), certtest.WithSeed(7))
	assert.Equal(t, got, statuses(t, again, 300))

	// The injected answer is an ErrorResponseDto.
	only := certtest.NewTestServer(t, certtest.WithErrorRate(1, 502))
	resp, body := raw(t, only, http.MethodGet, "/v3/certifications", nil, "")
	assert.Equal(t, http.StatusBadGateway, resp.StatusCode)
	errorDto(t, body, "502 Bad Gateway")
	assert.Equal(t, certtest.FaultServerError, only.Requests()[0].Fault)
}

func TestSDKRetriesThroughServerErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithFaults(certtest.Faults{
			ErrorRate: 0.4, ErrorStatuses: []int{503}, UnavailableRetryAfter: 5 * time.Millisecond, DecimalRetryAfter: true,
		}))
		c := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.MaxRetries = 20 })
		cert := myCerts(t, c)[0]
		items := allItems(t, c, cert.GetID())
		assert.Len(t, items, 32)
		for _, r := range srv.Requests() {
			if r.Status == http.StatusServiceUnavailable {
				return
			}
		}
		t.Fatal("no 503 was injected")
	})
}

func TestDroppedConnections(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithDroppedConnections(1))
		// A plain client sees a truncated body.
		req, err := http.NewRequestWithContext(ctx(t), http.MethodGet, srv.URL()+"/v3/certifications", nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer "+srv.IssueToken())
		resp, err := srv.Configuration().HTTPClient.Do(req)
		require.NoError(t, err, "the headers arrive")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

		// The SDK reports a transport error; the server did the work anyway.
		c := newClient(t, srv, noRetries)
		srv.SetFaultsEnabled(false)
		cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
		items := allItems(t, c, cert.GetID())
		srv.SetFaultsEnabled(true)
		_, _, err = c.CertificationsApi.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items[:1], "APPROVE", "")).Execute()
		require.Error(t, err)
		var ae *certifications.APIError
		assert.False(t, errors.As(err, &ae), "not an API error: %v", err)
		assert.Equal(t, 1, srv.DecisionCount(items[0].GetID()), "the decision was recorded")

		reqs := srv.Requests()
		assert.Equal(t, certtest.FaultDroppedConnection, reqs[len(reqs)-1].Fault)

		// GETs are retried by the SDK and succeed once the drops stop.
		srv.SetFaults(certtest.Faults{DropRate: 0.5})
		c2 := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.MaxRetries = 30 })
		got := allItems(t, c2, cert.GetID())
		assert.Len(t, got, 32)
	})
}

func TestLatency(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithLatency(60*time.Millisecond))
		start := time.Now()
		resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, 60*time.Millisecond, time.Since(start), "the latency and nothing else passed")
		r := srv.Requests()[0]
		assert.Equal(t, 60*time.Millisecond, r.Delay)
		assert.Equal(t, 60*time.Millisecond, r.Duration)
		assert.Equal(t, start, r.Time)
		assert.False(t, r.Injected())

		// The token endpoint is not delayed.
		srv.ResetRequests()
		c := newClient(t, srv)
		_, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
		require.NoError(t, err)
		reqs := srv.Requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, "/oauth/token", reqs[0].Path)
		assert.Zero(t, reqs[0].Delay)
		assert.Zero(t, reqs[0].Duration)
		assert.Equal(t, 60*time.Millisecond, reqs[1].Delay)
	})
}

func TestCloseEndsLatency(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithLatency(20*time.Second))
		start := time.Now()
		done := make(chan time.Duration)
		go func() {
			raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
			done <- time.Since(start)
		}()
		synctest.Wait() // the request waits out its latency
		require.Empty(t, srv.Requests(), "the request is still under way")
		time.Sleep(5 * time.Second)
		srv.Close()
		assert.Equal(t, 5*time.Second, <-done, "answered when Close ended the latency, 5 s into its 20")
		srv.Close()
		reqs := srv.Requests()
		require.Len(t, reqs, 1)
		assert.Equal(t, 20*time.Second, reqs[0].Delay)
		assert.Equal(t, 5*time.Second, reqs[0].Duration)
	})
}

func TestFaultScoping(t *testing.T) {
	t.Run("paths", func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithErrorRate(1, 500), certtest.WithFaultPaths("/v3/certifications/*/decide", "/beta/"))
		resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		resp, _ = raw(t, srv, http.MethodGet, "/beta/certifications", nil, "")
		assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
		cert := srv.Certifications()[0]
		resp, _ = raw(t, srv, http.MethodPost, "/v3/certifications/"+cert.GetID()+"/decide", nil, `[]`)
		assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	})
	t.Run("methods", func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithErrorRate(1, 500), certtest.WithFaultMethods("POST"))
		resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		resp, _ = raw(t, srv, http.MethodPost, "/v3/certifications/x/sign-off", nil, "")
		assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	})
	t.Run("switched at run time", func(t *testing.T) {
		srv := certtest.NewTestServer(t)
		resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		srv.SetFaults(certtest.Faults{ErrorRate: 1, ErrorStatuses: []int{503}})
		assert.Equal(t, 1.0, srv.Faults().ErrorRate)
		resp, _ = raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
		assert.Equal(t, "1", resp.Header.Get("Retry-After"))
		srv.SetFaultsEnabled(false)
		resp, _ = raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		srv.SetFaultsEnabled(true)
		resp, _ = raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
		assert.Panics(t, func() { srv.SetFaults(certtest.Faults{ErrorRate: 2}) })
	})
	t.Run("token endpoint only when asked", func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithErrorRate(1, 500))
		form := url.Values{"grant_type": {"client_credentials"}, "client_id": {srv.ClientID()}, "client_secret": {srv.ClientSecret()}}
		resp, _ := postToken(t, srv, form, "", "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)

		withToken := certtest.NewTestServer(t, certtest.WithErrorRate(1, 500), certtest.WithTokenEndpointFaults())
		form = url.Values{"grant_type": {"client_credentials"}, "client_id": {withToken.ClientID()}, "client_secret": {withToken.ClientSecret()}}
		resp, _ = postToken(t, withToken, form, "", "")
		assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	})
}

func TestOptionsValidated(t *testing.T) {
	for name, opt := range map[string]certtest.Option{
		"rate limit":       certtest.WithRateLimit(0, time.Second),
		"error rate":       certtest.WithErrorRate(1.5),
		"error status":     certtest.WithErrorRate(0.1, 404),
		"drop rate":        certtest.WithDroppedConnections(-0.1),
		"latency":          certtest.WithLatency(-time.Second),
		"sizes":            certtest.WithSizes(certtest.Sizes{Reviewers: -1}),
		"large":            certtest.WithLargeCertification("", 10),
		"token lifetime":   certtest.WithTokenLifetime(0),
		"client creds":     certtest.WithClientCredentials("", "x"),
		"bad fault path":   certtest.WithFaults(certtest.Faults{Paths: []string{"["}}),
		"limit, no window": certtest.WithFaults(certtest.Faults{RateLimit: 1}),
	} {
		t.Run(name, func(t *testing.T) {
			assert.Panics(t, func() { certtest.NewServer(opt).Close() })
		})
	}
}

func TestInjected429(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithFaults(certtest.Faults{
		ErrorRate: 1, ErrorStatuses: []int{429}, UnavailableRetryAfter: 1500 * time.Millisecond, DecimalRetryAfter: true,
	}))
	c := newClient(t, srv, noRetries)
	_, resp, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
	var ae *certifications.APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, http.StatusTooManyRequests, ae.StatusCode)
	assert.Equal(t, "1.500", resp.Header.Get("Retry-After"))
	assert.Equal(t, 1500*time.Millisecond, ae.RetryAfter)
	assert.Equal(t, " Rate Limit Exceeded ", ae.Message)
	reqs := srv.Requests()
	assert.Equal(t, certtest.FaultRateLimited, reqs[len(reqs)-1].Fault)

	assert.Panics(t, func() { certtest.NewServer(certtest.WithErrorRate(0.1, 404)) }, "only 429 and 5xx can be injected")
}
