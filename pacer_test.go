package certifications

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

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
