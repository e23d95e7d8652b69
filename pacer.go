package certifications

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// pacer keeps one API version's requests under the tenant's rate limit. It
// is shared by every goroutine using the same APIClient.
type pacer struct {
	lim *rate.Limiter // nil when pacing is disabled

	mu    sync.Mutex
	until time.Time // no request starts before this (set by a 429)
}

// newPacer returns a token bucket that never lets more than rl.Requests
// requests start in any window of rl.Per: with burst b and rate r, any
// window holds at most b + r*Per requests, so r = (Requests - b) / Per.
func newPacer(rl RateLimit, disabled bool) *pacer {
	if disabled {
		return &pacer{}
	}
	burst := rl.Requests / 20
	if burst < 1 {
		burst = 1
	}
	perSec := float64(rl.Requests-burst) / rl.Per.Seconds()
	if rl.Requests == 1 {
		perSec = 1 / rl.Per.Seconds()
	}
	return &pacer{lim: rate.NewLimiter(rate.Limit(perSec), burst)}
}

// pacer returns the pacer of the API version that path belongs to (its
// first segment after the API root: "v3" or "beta").
func (c *APIClient) pacer(path string) *pacer {
	rest := strings.TrimPrefix(strings.TrimPrefix(path, c.root.Path), "/")
	version, _, _ := strings.Cut(rest, "/")
	c.pacersMu.Lock()
	defer c.pacersMu.Unlock()
	p, ok := c.pacers[version]
	if !ok {
		rl := DefaultRateLimit
		if c.cfg.RateLimit != nil {
			rl = *c.cfg.RateLimit
		}
		p = newPacer(rl, c.cfg.DisableRateLimit)
		c.pacers[version] = p
	}
	return p
}

// wait blocks until a request may start or ctx ends.
func (p *pacer) wait(ctx context.Context) error {
	p.mu.Lock()
	until := p.until
	p.mu.Unlock()
	if err := sleep(ctx, time.Until(until)); err != nil {
		return err
	}
	if p.lim == nil {
		return nil
	}
	if err := p.lim.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The limiter refuses waits that would outlast the deadline.
		return errors.Join(context.DeadlineExceeded, err)
	}
	return nil
}

// pause holds every request of this version for d: the server said 429,
// so other goroutines would only collect more 429s (and ISC escalates the
// wait for clients that keep hitting it).
func (p *pacer) pause(d time.Duration) {
	if d <= 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if t := time.Now().Add(d); t.After(p.until) {
		p.until = t
	}
}
