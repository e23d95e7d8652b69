package redislimit

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"

	"github.com/iscgo/certifications"
)

// maxRechecks bounds how often one Wait takes a new start time because a
// 429 paused the bucket while it waited for the one it had.
const maxRechecks = 8

// Limiter is a certifications.Limiter whose buckets live in Redis, shared
// by every process that uses the same Redis and client_id. It is safe for
// concurrent use. Make it with New or NewFromURL.
type Limiter struct {
	st                  store
	set                 settings
	interval, tolerance time.Duration
	fallback            certifications.Limiter
	closeFn             func() error // closes a client NewFromURL made

	mu        sync.Mutex
	down      bool      // Redis did not answer: pace in-process
	nextProbe time.Time // when to ask Redis again
	probing   bool      // one Wait is asking
}

var _ certifications.Limiter = (*Limiter)(nil)

// New returns a Limiter on an existing Redis client (a *redis.Client, or
// a cluster or ring client; every key of a bucket is one hash, so any
// topology works). Its calls are bounded by Options.Timeout through their
// context; a client that ignores context deadlines (go-redis'
// ContextTimeoutEnabled off) is bounded by its own timeouts instead.
// Close does not close rdb.
func New(rdb redis.UniversalClient, opts *Options) (*Limiter, error) {
	if rdb == nil {
		return nil, &certifications.ValidationError{Parameter: "redislimit.New rdb", Problem: "is nil", Allowed: "a Redis client, e.g. redis.NewClient(&redis.Options{Addr: \"localhost:6379\"})"}
	}
	set, err := opts.resolve()
	if err != nil {
		return nil, err
	}
	return newLimiter(&redisStore{rdb: rdb, idle: set.limit.Per}, set), nil
}

// NewFromURL connects to the Redis at redisURL (redis://[:password@]host:port/db,
// rediss:// for TLS, or unix:///path/to/socket?db=0) and returns a
// Limiter on it; its value is a *Limiter, whose Close closes the
// connection. It does not wait for Redis to answer: a Redis that is down
// at start makes the Limiter pace in-process until it answers.
func NewFromURL(redisURL string, opts *Options) (certifications.Limiter, error) {
	ro, err := redis.ParseURL(redisURL)
	if err != nil {
		// The URL may hold a password: the message does not quote it.
		return nil, &certifications.ValidationError{Parameter: "redis URL", Problem: "cannot be read: " + redactedError(err, redisURL), Allowed: "redis://host:6379/0, rediss://host:6380/0 or unix:///path/to/redis.sock"}
	}
	set, err := opts.resolve()
	if err != nil {
		return nil, err
	}
	// Every call is bounded by the Limiter's timeout, and a call that
	// fails falls back at once instead of being retried.
	ro.ContextTimeoutEnabled = true
	ro.MaxRetries = -1
	if ro.DialerRetries == 0 {
		ro.DialerRetries = 1
	}
	for _, d := range []*time.Duration{&ro.DialTimeout, &ro.ReadTimeout, &ro.WriteTimeout, &ro.PoolTimeout} {
		if *d == 0 {
			*d = set.timeout
		}
	}
	// Two handshake commands that a plain Redis does not need: naming
	// the library, and asking for maintenance notifications.
	ro.DisableIdentity = true
	if ro.MaintNotificationsConfig == nil {
		ro.MaintNotificationsConfig = &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
	}
	rdb := redis.NewClient(ro)
	l := newLimiter(&redisStore{rdb: rdb, idle: set.limit.Per}, set)
	l.closeFn = rdb.Close
	return l, nil
}

// redactedError is err's message with the URL's user information (which
// may hold a password) taken out, wherever the message quotes it.
func redactedError(err error, raw string) string {
	msg := err.Error()
	_, rest, found := strings.Cut(raw, "://")
	if !found {
		return msg
	}
	if at := strings.LastIndex(rest, "@"); at > 0 {
		msg = strings.ReplaceAll(msg, rest[:at], "xxxxx")
	}
	return msg
}

func newLimiter(st store, set settings) *Limiter {
	interval, burst := set.limit.Pace()
	return &Limiter{
		st:        st,
		set:       set,
		interval:  interval,
		tolerance: time.Duration(burst-1) * interval,
		fallback:  certifications.NewLocalLimiter(set.fallbackLimit()),
	}
}

// Close closes the Redis client that NewFromURL made; for a Limiter from
// New it does nothing.
func (l *Limiter) Close() error {
	if l.closeFn == nil {
		return nil
	}
	return l.closeFn()
}

// key is the Redis key of a bucket.
func (l *Limiter) key(bucket string) string { return l.set.prefix + ":" + bucket }

// Wait implements certifications.Limiter: it takes the bucket's next start
// time from Redis and waits for it, or paces in-process while Redis is
// unreachable. A 429 that paused the bucket while it waited makes it take
// a new start time after the pause.
func (l *Limiter) Wait(ctx context.Context, bucket string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for range maxRechecks {
		if l.fallingBack(ctx) {
			return l.fallback.Wait(ctx, bucket)
		}
		maxWait := time.Duration(-1)
		if deadline, ok := ctx.Deadline(); ok {
			maxWait = max(time.Until(deadline), 0)
		}
		var (
			wait time.Duration
			ok   bool
		)
		err := l.call(ctx, func(ctx context.Context) error {
			var err error
			wait, ok, err = l.st.reserve(ctx, l.key(bucket), l.interval, l.tolerance, maxWait)
			return err
		})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			continue // fallingBack now says so
		}
		if !ok {
			return &WaitError{Bucket: bucket, Wait: wait}
		}
		if wait <= 0 {
			return nil
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		var left time.Duration
		err = l.call(ctx, func(ctx context.Context) error {
			var err error
			left, err = l.st.blocked(ctx, l.key(bucket))
			return err
		})
		if err != nil || left <= 0 {
			// The start time was ours; with Redis gone, the next Wait
			// falls back.
			return ctx.Err()
		}
	}
	return nil
}

// call runs f with the Redis timeout and notes a failure.
func (l *Limiter) call(ctx context.Context, f func(context.Context) error) error {
	cctx, cancel := context.WithTimeout(ctx, l.set.timeout)
	defer cancel()
	err := f(cctx)
	if err != nil && ctx.Err() == nil {
		l.failed(err)
	}
	return err
}

// Backoff implements certifications.Limiter: it blocks the bucket in
// Redis for d, for every process, and in this process too, so that the
// pause holds should Redis stop answering.
func (l *Limiter) Backoff(bucket string, d time.Duration) {
	if d <= 0 {
		return
	}
	l.fallback.Backoff(bucket, d)
	if l.isDown() {
		return
	}
	_ = l.call(context.Background(), func(ctx context.Context) error {
		return l.st.backoff(ctx, l.key(bucket), d)
	})
}

func (l *Limiter) isDown() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.down
}

// failed switches to in-process pacing after a Redis call failed, and
// says so once per outage.
func (l *Limiter) failed(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.down {
		return
	}
	l.down = true
	l.nextProbe = time.Now().Add(l.set.probeEvery)
	fb := l.set.fallbackLimit()
	requests := "requests"
	if fb.Requests == 1 {
		requests = "request"
	}
	l.set.logger.Warn(fmt.Sprintf("redislimit: Redis does not answer; pacing in this process at %d %s per %s (FallbackShare %g of the limit) until it does", fb.Requests, requests, fb.Per, l.set.fallbackShare),
		slog.String("error", err.Error()))
}

// fallingBack reports whether to pace in-process. While Redis is down, at
// most one caller per ProbeEvery asks it again (bounded by the timeout);
// when it answers, the Limiter goes back to it and says so.
func (l *Limiter) fallingBack(ctx context.Context) bool {
	l.mu.Lock()
	if !l.down {
		l.mu.Unlock()
		return false
	}
	if l.probing || time.Now().Before(l.nextProbe) {
		l.mu.Unlock()
		return true
	}
	l.probing = true
	l.mu.Unlock()

	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), l.set.timeout)
	err := l.st.ping(pctx)
	cancel()

	l.mu.Lock()
	defer l.mu.Unlock()
	l.probing = false
	if err != nil {
		l.nextProbe = time.Now().Add(l.set.probeEvery)
		return true
	}
	l.down = false
	l.set.logger.Info("redislimit: Redis answers again; pacing shared through Redis")
	return false
}

// WaitError reports that the shared budget would start a request only
// after its context's deadline. It matches context.DeadlineExceeded.
type WaitError struct {
	// Bucket is the bucket the request belongs to.
	Bucket string
	// Wait is how long the request would have had to wait.
	Wait time.Duration
}

// Error says how long the request would have waited and what to do.
func (e *WaitError) Error() string {
	return fmt.Sprintf("redislimit: the shared rate limit would start this request in %s, after the context's deadline; give the call a later deadline or send fewer requests at once", e.Wait.Round(time.Millisecond))
}

// Unwrap makes the error match context.DeadlineExceeded.
func (e *WaitError) Unwrap() error { return context.DeadlineExceeded }

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
