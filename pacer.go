package certifications

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// pacer keeps one API version's requests under the tenant's rate limit. It
// is shared by every goroutine using the same APIClient.
type pacer struct {
	rl  RateLimit
	lim *rate.Limiter // nil when pacing is disabled

	mu    sync.Mutex
	until time.Time // no request starts before this (set by a 429)
}

// A request reaches the server a little after the pacer released it: the
// token is fetched (on the first request), a connection is opened, the
// request is written and read, goroutines wait to be scheduled. The server
// counts requests on arrival, so a request held up after its release lands
// next to requests released after it, and a window of the server can see
// more requests than the pacer let start in any window of the same length.
// The pacer leaves a margin for that delay, and keeps its burst small: a
// burst is budget taken from the steady rate that bulk jobs run at.
const (
	// pacerSlackDiv sets the margin: the pacer spreads Requests over
	// Per + Per/pacerSlackDiv (10.67 s for the default 10 s), so a request
	// may arrive up to Per/pacerSlackDiv (667 ms) after its release
	// without crowding a window of Per on the server. In a test on a
	// 2-core machine with -race and twice as many busy threads as cores,
	// delays reached 100 ms.
	pacerSlackDiv = 15
	// pacerBurstDiv sets the burst: Requests/pacerBurstDiv, at least 1
	// (2 of the default 100).
	pacerBurstDiv = 50
)

// newPacer returns a token bucket that never lets more than rl.Requests
// requests start in any window of rl.Per plus the margin Per/pacerSlackDiv:
// with burst b and rate r, a window of length w holds at most b + r*w
// releases, so r = (Requests - b) / (Per + margin). Hence the server, which
// counts over windows of Per, sees at most Requests in any of them as long
// as no request arrives later than the margin after its release. The
// steady rate is 92% of the default limit (98 requests per 10.67 s).
func newPacer(rl RateLimit, disabled bool) *pacer {
	if disabled {
		return &pacer{rl: rl}
	}
	burst := max(rl.Requests/pacerBurstDiv, 1)
	window := rl.Per + rl.Per/pacerSlackDiv
	perSec := float64(rl.Requests-burst) / window.Seconds()
	if rl.Requests == burst {
		// A single request per window: one every window plus the margin.
		perSec = 1 / window.Seconds()
	}
	return &pacer{rl: rl, lim: rate.NewLimiter(rate.Limit(perSec), burst)}
}

// wait blocks until a request may start or ctx ends. When the pacing
// would start the request only after ctx's deadline, it says so at once.
func (p *pacer) wait(ctx context.Context) error {
	p.mu.Lock()
	until := p.until
	p.mu.Unlock()
	if deadline, ok := ctx.Deadline(); ok && until.After(deadline) {
		return &paceError{fmt.Sprintf("the tenant answered 429 and asked to wait %s more, past the context's deadline", time.Until(until).Round(time.Millisecond))}
	}
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
		requests := "requests"
		if p.rl.Requests == 1 {
			requests = "request"
		}
		return &paceError{fmt.Sprintf("the rate limit of %d %s per %s (Configuration.RateLimit) would start this request after the context's deadline", p.rl.Requests, requests, p.rl.Per)}
	}
	return nil
}

// paceError reports that pacing would start a request after its context's
// deadline. It matches context.DeadlineExceeded, since the call cannot
// finish in time, but unlike it names the reason and comes before the
// deadline has passed.
type paceError struct{ reason string }

func (e *paceError) Error() string {
	return "certifications: " + e.reason + "; give the call a later deadline or send fewer requests at once"
}

func (e *paceError) Unwrap() error { return context.DeadlineExceeded }

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
