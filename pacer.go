package certifications

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter paces the client's requests under the tenant's rate limit. The
// client calls Wait before every attempt and Backoff after every 429
// answer. A bucket names what the gateway counts together: one client_id
// and one API generation ("<key of the client_id>/v3"). Its name is the
// same in every process for the same client_id and generation, and two
// client_ids never share one; it is derived from the client_id and the
// tenant's host, never from a secret or token. Configuration.Limiter
// selects the Limiter; nil means NewLocalLimiter, the in-process pacing.
// The redislimit package shares one budget between processes.
//
// Implementations must be safe for concurrent use.
type Limiter interface {
	// Wait blocks until one request of bucket may start, or ctx ends. It
	// returns ctx's error, or an error matching context.DeadlineExceeded
	// when the request could only start after ctx's deadline.
	Wait(ctx context.Context, bucket string) error
	// Backoff tells the limiter that the server refused a request of
	// bucket with 429 and asked to wait d (0 when it gave no Retry-After).
	// No request of bucket should start before d has passed.
	Backoff(bucket string, d time.Duration)
}

// NewLocalLimiter returns the client's default pacing: one token bucket
// per bucket name in this process, never more than rl.Requests requests
// in any window of rl.Per with the margin and burst that RateLimit.Pace
// describes, and a 429 pauses the whole bucket for its Retry-After. An
// invalid rl (fewer than 1 request, or a window that is not positive)
// means DefaultRateLimit.
func NewLocalLimiter(rl RateLimit) Limiter {
	if rl.Requests < 1 || rl.Per <= 0 {
		rl = DefaultRateLimit()
	}
	return newLocalLimiter(rl, false)
}

// localLimiter is the in-process Limiter: a pacer per bucket.
type localLimiter struct {
	rl       RateLimit
	disabled bool

	mu     sync.Mutex
	pacers map[string]*pacer
}

func newLocalLimiter(rl RateLimit, disabled bool) *localLimiter {
	return &localLimiter{rl: rl, disabled: disabled, pacers: map[string]*pacer{}}
}

// Wait implements Limiter.
func (l *localLimiter) Wait(ctx context.Context, bucket string) error {
	return l.pacer(bucket).wait(ctx)
}

// Backoff implements Limiter.
func (l *localLimiter) Backoff(bucket string, d time.Duration) {
	l.pacer(bucket).pause(d)
}

// pacer returns bucket's pacer, made on first use.
func (l *localLimiter) pacer(bucket string) *pacer {
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok := l.pacers[bucket]
	if !ok {
		p = newPacer(l.rl, l.disabled)
		l.pacers[bucket] = p
	}
	return p
}

// bucketKey returns the part of a bucket's name that stands for one
// client_id on one tenant: a hash, so that the client_id itself appears
// in no key of a shared store, and neither secret nor token takes part.
// A client configured with a token alone has no client_id: all such
// clients of a tenant share one key, the cautious choice.
func bucketKey(host, clientID string) string {
	sum := sha256.Sum256([]byte("isc-pacing\x00" + strings.ToLower(host) + "\x00" + clientID))
	return hex.EncodeToString(sum[:16])
}

// bucketName returns the bucket of one client key and API generation.
func bucketName(key, generation string) string {
	if generation == "" {
		generation = "unversioned"
	}
	return key + "/" + generation
}

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
	perSec, burst := rl.pace()
	return &pacer{rl: rl, lim: rate.NewLimiter(rate.Limit(perSec), burst)}
}

// pace returns the steady rate in requests per second and the burst that
// keep within rl with the margin (see newPacer).
func (rl RateLimit) pace() (perSec float64, burst int) {
	burst = max(rl.Requests/pacerBurstDiv, 1)
	window := rl.Per + rl.Per/pacerSlackDiv
	perSec = float64(rl.Requests-burst) / window.Seconds()
	if rl.Requests == burst {
		// A single request per window: one every window plus the margin.
		perSec = 1 / window.Seconds()
	}
	return perSec, burst
}

// Pace returns how the client's pacing keeps within rl: at most burst
// requests at once, then one request every interval, which spreads
// rl.Requests over rl.Per plus a margin of rl.Per/15 for requests that
// reach the server later than they were released (98 requests per 10.67 s
// for the default, 92% of the limit). A Limiter of another kind, sharing
// the budget between processes, keeps the same margin by using it. An
// invalid rl (fewer than 1 request, or a window that is not positive)
// means DefaultRateLimit.
func (rl RateLimit) Pace() (interval time.Duration, burst int) {
	if rl.Requests < 1 || rl.Per <= 0 {
		rl = DefaultRateLimit()
	}
	perSec, burst := rl.pace()
	return time.Duration(float64(time.Second) / perSec), burst
}

// generation returns the API version a path below the API root is counted
// under: its first segment when that is a version ("v3/...", "beta/...",
// "v2025/..."), else its second ("certifications/v1/..." and every other
// per-resource v1 path give "v1", one bucket for all of them; see
// RateLimit). A path without a version gives "".
func generation(rest string) string {
	first, after, _ := strings.Cut(rest, "/")
	if isVersion(first) {
		return first
	}
	if second, _, _ := strings.Cut(after, "/"); isVersion(second) {
		return second
	}
	return ""
}

// isVersion reports whether a path segment names an API version: "beta",
// or "v" and digits.
func isVersion(seg string) bool {
	if seg == "beta" {
		return true
	}
	if len(seg) < 2 || seg[0] != 'v' {
		return false
	}
	for _, r := range seg[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
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
