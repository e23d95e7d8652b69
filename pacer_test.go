package certifications

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pacer starts at most Requests requests in any window of Per plus its
// margin, so requests that reach the server a little late still fit the
// server's windows of Per. The first window is the tightest (the burst is
// spent at once): request Requests+1 waits for Requests+1-burst intervals,
// at least Per + Per/pacerSlackDiv in all. The bubble's clock moves only
// as far as the limiter waits, so the elapsed time is exact.
func TestPacerKeepsUnderLimit(t *testing.T) {
	for _, rl := range []RateLimit{
		{Requests: 20, Per: 200 * time.Millisecond},  // burst 1
		{Requests: 100, Per: 100 * time.Millisecond}, // burst 2, like the default
		{Requests: 1, Per: 50 * time.Millisecond},
	} {
		t.Run(fmt.Sprintf("%d per %s", rl.Requests, rl.Per), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				p := newPacer(rl, false)
				start := time.Now()
				for range rl.Requests + 1 {
					require.NoError(t, p.wait(context.Background()))
				}
				// Less a microsecond: the limiter rounds its float durations down
				// to whole nanoseconds.
				assert.GreaterOrEqual(t, time.Since(start), rl.Per+rl.Per/pacerSlackDiv-time.Microsecond)
			})
		})
	}
}

// The margin costs little: the pacer's bucket fills the limit exactly over
// a window of Per plus the margin, and its steady rate is more than 90% of
// the limit (92% for the documented 100 per 10 s).
func TestPacerSpendsMostOfTheLimit(t *testing.T) {
	for _, rl := range []RateLimit{DefaultRateLimit(), {Requests: 100, Per: time.Second}, {Requests: 500, Per: time.Minute}} {
		p := newPacer(rl, false)
		window := rl.Per + rl.Per/pacerSlackDiv
		assert.InDelta(t, float64(rl.Requests), float64(p.lim.Burst())+float64(p.lim.Limit())*window.Seconds(), 1e-9, "%+v", rl)
		assert.GreaterOrEqual(t, float64(p.lim.Limit())*rl.Per.Seconds()/float64(rl.Requests), 0.9, "%+v: steady share of the limit", rl)
	}
	assert.Nil(t, newPacer(DefaultRateLimit(), true).lim, "disabled pacing has no limiter")
}

func TestPacerSeparatePerVersion(t *testing.T) {
	c, _ := newMockClient(t, func(cfg *Configuration) { cfg.DisableRateLimit = false })
	assert.Same(t, c.pacer("/v3/certifications"), c.pacer("/v3/certification-tasks"))
	assert.NotSame(t, c.pacer("/v3/certifications"), c.pacer("/beta/certifications"))
	// Every per-resource v1 path shares one bucket, apart from v3 and beta.
	v1 := c.pacer("/certifications/v1/abc/decide")
	assert.Same(t, v1, c.pacer("/certification-tasks/v1/t1"))
	assert.Same(t, v1, c.pacer("/certification-summaries/v1"))
	assert.NotSame(t, v1, c.pacer("/v3/certifications"))
	assert.NotSame(t, v1, c.pacer("/beta/certifications"))
}

// Below an API root with a path, the version is read after the root.
func TestPacerVersionBelowRootPath(t *testing.T) {
	c, _ := newMockClient(t, func(cfg *Configuration) {
		cfg.BaseURL = "https://gw.example.com/isc"
		cfg.TokenURL = testTokenURL
	})
	assert.Same(t, c.pacer("/isc/certifications/v1/a"), c.pacer("/isc/certification-tasks/v1"))
	assert.NotSame(t, c.pacer("/isc/certifications/v1/a"), c.pacer("/isc/v3/certifications"))
}

func TestGeneration(t *testing.T) {
	for path, want := range map[string]string{
		"v3/certifications/a":            "v3",
		"v3":                             "v3",
		"beta/certifications":            "beta",
		"v2025/identities":               "v2025",
		"certifications/v1/a/decide":     "v1",
		"certification-tasks/v1":         "v1",
		"certification-tasks/v1/t1":      "v1",
		"anything/v1/x":                  "v1",
		"certifications/abc":             "",
		"":                               "",
		"vx/certifications":              "",
		"certifications/version/v1":      "",
		"certifications/beta/something":  "beta",
		"v/certifications":               "",
		"certifications/v10/a":           "v10",
		"certifications/v1":              "v1",
		"certifications/v1/":             "v1",
		"certification-tasks/vv1/t1":     "",
		"certification-tasks/v1beta/t1":  "",
		"certification-summaries/v1/x/y": "v1",
	} {
		assert.Equal(t, want, generation(path), path)
	}
}

// The rate limit names itself when it, not the deadline passing, ends a
// call: at once, and still as context.DeadlineExceeded.
func TestPacerReportsRateLimitBeforeDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(RateLimit{Requests: 1, Per: 10 * time.Second}, false)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		require.NoError(t, p.wait(ctx))
		start := time.Now()
		err := p.wait(ctx)
		require.Error(t, err)
		assert.Zero(t, time.Since(start), "reported before the deadline, not at it")
		assert.NoError(t, ctx.Err(), "the deadline has not passed")
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, "certifications: the rate limit of 1 request per 10s (Configuration.RateLimit) would start this request after the context's deadline; give the call a later deadline or send fewer requests at once", err.Error())
	})
}

// A 429 pause that outlasts the deadline is reported at once as well.
func TestPacerReportsPauseBeyondDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(DefaultRateLimit(), false)
		p.pause(30 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()
		err := p.wait(ctx)
		assert.Zero(t, time.Since(start))
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), "429")
		assert.Contains(t, err.Error(), "30s")
		assert.Equal(t, 1, strings.Count(err.Error(), "certifications: "))
		// Without a deadline the pause is simply waited out.
		require.NoError(t, p.wait(context.Background()))
		assert.Equal(t, 30*time.Second, time.Since(start))
	})
}

// recordingLimiter is a Limiter that lets every request go and records
// what the client told it.
type recordingLimiter struct {
	mu       sync.Mutex
	waits    []string
	backoffs []string
	delays   []time.Duration
}

func (l *recordingLimiter) Wait(ctx context.Context, bucket string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.waits = append(l.waits, bucket)
	return ctx.Err()
}

func (l *recordingLimiter) Backoff(bucket string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.backoffs = append(l.backoffs, bucket)
	l.delays = append(l.delays, d)
}

// A Limiter in the configuration replaces the in-process pacing, even
// with DisableRateLimit: every attempt waits on it, in the bucket of its
// API version, and every 429 reaches Backoff with the Retry-After.
func TestConfiguredLimiterPacesEveryAttempt(t *testing.T) {
	lim := &recordingLimiter{}
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.Limiter = lim })
	var tokens atomic.Int32
	mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
	mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.ResponderFromMultipleResponses([]*http.Response{
		{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"0.02"}}, Body: http.NoBody},
		httpmock.NewStringResponse(200, "{}"),
	}))
	mt.RegisterResponder("GET", testBase+"/beta/x", httpmock.NewStringResponder(200, "{}"))
	_, err := get(c, context.Background(), "v3/x", nil)
	require.NoError(t, err)
	_, err = get(c, context.Background(), "beta/x", nil)
	require.NoError(t, err)

	v3, beta := c.bucket("/v3/x"), c.bucket("/beta/x")
	assert.Equal(t, []string{v3, v3, beta}, lim.waits, "two attempts of v3, one of beta")
	assert.Equal(t, []string{v3}, lim.backoffs)
	assert.Equal(t, []time.Duration{20 * time.Millisecond}, lim.delays)
	assert.True(t, strings.HasSuffix(v3, "/v3"), v3)
	assert.True(t, strings.HasSuffix(beta, "/beta"), beta)
}

// A Limiter that refuses ends the call with its error, and nothing is sent.
func TestConfiguredLimiterErrorStopsTheCall(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	lim := &recordingLimiter{}
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.Limiter = lim })
	var tokens atomic.Int32
	mt.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
	mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewStringResponder(200, "{}"))
	_, err := get(c, ctx, "v3/x", nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, mt.GetCallCountInfo()["GET "+testBase+"/v3/x"])
}

// Buckets: the same client_id gives the same names in every client (and
// so in every process), whatever its secret; two client_ids or two
// tenants never share one; neither the client_id nor the secret shows in
// a name.
func TestBucketNames(t *testing.T) {
	bucketOf := func(base, id, secret string) string {
		cfg := NewConfiguration()
		cfg.BaseURL, cfg.ClientID, cfg.ClientSecret = base, id, secret
		c := NewAPIClient(cfg)
		require.NoError(t, c.Err())
		return c.bucket("/v3/certifications")
	}
	a := bucketOf("https://acme.api.identitynow.com", "client-a", "secret-1")
	assert.Equal(t, a, bucketOf("https://acme.api.identitynow.com", "client-a", "secret-2"), "the secret takes no part")
	assert.Equal(t, a, bucketOf("https://ACME.api.identitynow.com/v3", "client-a", "secret-1"), "the same tenant")
	assert.NotEqual(t, a, bucketOf("https://acme.api.identitynow.com", "client-b", "secret-1"))
	assert.NotEqual(t, a, bucketOf("https://other.api.identitynow.com", "client-a", "secret-1"))
	assert.NotContains(t, a, "client-a")
	assert.NotContains(t, a, "secret")
	assert.Equal(t, "k/unversioned", bucketName("k", ""))
}

// NewLocalLimiter is the default pacing: a pacer per bucket at the given
// limit, an invalid limit meaning the default one.
func TestNewLocalLimiter(t *testing.T) {
	l, ok := NewLocalLimiter(RateLimit{Requests: 20, Per: time.Second}).(*localLimiter)
	require.True(t, ok)
	assert.Same(t, l.pacer("a/v3"), l.pacer("a/v3"))
	assert.NotSame(t, l.pacer("a/v3"), l.pacer("b/v3"))
	assert.Equal(t, RateLimit{Requests: 20, Per: time.Second}, l.pacer("a/v3").rl)
	assert.Equal(t, DefaultRateLimit(), NewLocalLimiter(RateLimit{}).(*localLimiter).rl)

	synctest.Test(t, func(t *testing.T) {
		l := NewLocalLimiter(RateLimit{Requests: 1, Per: 15 * time.Second})
		start := time.Now()
		l.Backoff("a/v3", 3*time.Second)
		require.NoError(t, l.Wait(context.Background(), "a/v3"))
		assert.Equal(t, 3*time.Second, time.Since(start), "the 429's pause")
		require.NoError(t, l.Wait(context.Background(), "b/v3"))
		assert.Equal(t, 3*time.Second, time.Since(start), "another bucket is not paused")
	})
}

// Pace tells the interval and burst the in-process pacer uses.
func TestRateLimitPace(t *testing.T) {
	every, burst := DefaultRateLimit().Pace()
	assert.Equal(t, 2, burst)
	// 98 requests over 10 s + 10 s/15.
	assert.InDelta(t, (10*time.Second+10*time.Second/15).Seconds()/98, every.Seconds(), 1e-9)
	every, burst = RateLimit{Requests: 1, Per: 15 * time.Second}.Pace()
	assert.Equal(t, 1, burst)
	assert.Equal(t, 16*time.Second, every)
	d, b := RateLimit{}.Pace()
	dd, db := DefaultRateLimit().Pace()
	assert.Equal(t, dd, d)
	assert.Equal(t, db, b)
}

// A request's bucket costs no allocation once its API version was seen.
func TestBucketAllocatesOnce(t *testing.T) {
	c, _ := newMockClient(t)
	first := c.bucket("/v3/certifications")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.bucket("/v3/certifications/abc") }))
	assert.Equal(t, first, c.bucket("/v3/certifications/abc"))
}
