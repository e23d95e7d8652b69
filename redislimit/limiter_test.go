package redislimit

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// fakeStore keeps the buckets in memory on the test's clock, with the
// scripts' arithmetic, and fails every call while err is set.
type fakeStore struct {
	mu       sync.Mutex
	err      error
	tat      map[string]time.Time
	until    map[string]time.Time
	reserves int
	pings    int
}

func newFakeStore() *fakeStore {
	return &fakeStore{tat: map[string]time.Time{}, until: map[string]time.Time{}}
}

func (f *fakeStore) setErr(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err = err
}

func (f *fakeStore) counts() (reserves, pings int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reserves, f.pings
}

func (f *fakeStore) reserve(_ context.Context, key string, interval, tolerance, maxWait time.Duration) (time.Duration, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return 0, false, f.err
	}
	now := time.Now()
	start := now
	if t := f.tat[key].Add(-tolerance); t.After(start) {
		start = t
	}
	if u := f.until[key]; u.After(start) {
		start = u
	}
	wait := start.Sub(now)
	if maxWait >= 0 && wait > maxWait {
		return wait, false, nil
	}
	f.reserves++
	tat := f.tat[key]
	if start.After(tat) {
		tat = start
	}
	f.tat[key] = tat.Add(interval)
	return wait, true, nil
}

func (f *fakeStore) backoff(_ context.Context, key string, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	if u := time.Now().Add(d); u.After(f.until[key]) {
		f.until[key] = u
	}
	return nil
}

func (f *fakeStore) blocked(_ context.Context, key string) (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return 0, f.err
	}
	return max(time.Until(f.until[key]), 0), nil
}

func (f *fakeStore) ping(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pings++
	return f.err
}

// logBuffer is a logger writing text records into a buffer.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) logger() *slog.Logger { return slog.New(slog.NewTextHandler(b, nil)) }

func newTestLimiter(t *testing.T, st store, opts Options) *Limiter {
	t.Helper()
	set, err := opts.resolve()
	require.NoError(t, err)
	return newLimiter(st, set)
}

var errDown = errors.New("dial unix /tmp/redis.sock: connect: connection refused")

// The Limiter hands out start times one interval apart, the burst first,
// as the in-process pacer would: Requests+1 requests take at least Per
// plus the margin.
func TestWaitPacesThroughTheStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newFakeStore()
		l := newTestLimiter(t, st, Options{Requests: 100, Per: 10 * time.Second})
		start := time.Now()
		for range 101 {
			require.NoError(t, l.Wait(t.Context(), "k/v3"))
		}
		assert.GreaterOrEqual(t, time.Since(start), 10*time.Second+10*time.Second/15-time.Millisecond)
		reserves, _ := st.counts()
		assert.Equal(t, 101, reserves)
	})
}

// Redis down: every Wait still lets its request go, at FallbackShare of
// the limit, the fallback is logged once, Redis is asked again once per
// ProbeEvery, and when it answers the Limiter goes back to it and says so.
func TestFallbackAndRecovery(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newFakeStore()
		st.setErr(errDown)
		var logs logBuffer
		l := newTestLimiter(t, st, Options{Requests: 100, Per: 10 * time.Second, FallbackShare: 0.5, ProbeEvery: time.Second, Logger: logs.logger()})
		start := time.Now()
		// 50 per 10 s in this process: the 51st request waits a window
		// and the margin.
		for range 51 {
			require.NoError(t, l.Wait(t.Context(), "k/v3"))
		}
		elapsed := time.Since(start)
		assert.GreaterOrEqual(t, elapsed, 10*time.Second+10*time.Second/15-time.Millisecond)
		assert.Equal(t, 1, strings.Count(logs.String(), "Redis does not answer"), logs.String())
		assert.Contains(t, logs.String(), "50 requests per 10s")
		assert.Contains(t, logs.String(), "connection refused")
		reserves, pings := st.counts()
		assert.Zero(t, reserves)
		assert.LessOrEqual(t, pings, int(elapsed/time.Second)+1, "one probe per second at most")
		assert.GreaterOrEqual(t, pings, int(elapsed/time.Second)-1, "a probe every second")

		st.setErr(nil)
		time.Sleep(time.Second)
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
		reserves, _ = st.counts()
		assert.Equal(t, 1, reserves, "back to Redis")
		assert.Equal(t, 1, strings.Count(logs.String(), "Redis answers again"), logs.String())
		assert.Equal(t, 1, strings.Count(logs.String(), "Redis does not answer"))
	})
}

// Redis failing in the middle of a Wait's sleep costs nothing: the start
// time taken is kept, and the next Wait falls back.
func TestRedisFailsWhileWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newFakeStore()
		var logs logBuffer
		l := newTestLimiter(t, st, Options{Requests: 1, Per: 10 * time.Second, Logger: logs.logger()})
		start := time.Now()
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
		go func() {
			time.Sleep(time.Second)
			st.setErr(errDown)
		}()
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
		interval, _ := certifications.RateLimit{Requests: 1, Per: 10 * time.Second}.Pace()
		assert.Equal(t, interval, time.Since(start), "the start time taken before Redis failed")
		assert.Contains(t, logs.String(), "Redis does not answer")
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
		reserves, _ := st.counts()
		assert.Equal(t, 2, reserves, "the third Wait paced in-process")
	})
}

// A 429 told to one Limiter while another waits for its start time makes
// the waiting one take a new start time after the pause: the fake store
// stands for the Redis both share.
func TestWaitTakesNewStartAfterBackoff(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newFakeStore()
		var logs logBuffer
		opts := Options{Requests: 1, Per: 10 * time.Second, Logger: logs.logger()}
		a, b := newTestLimiter(t, st, opts), newTestLimiter(t, st, opts)
		start := time.Now()
		require.NoError(t, a.Wait(t.Context(), "k/v3"))
		go func() {
			time.Sleep(time.Second)
			a.Backoff("k/v3", 30*time.Second)
		}()
		require.NoError(t, b.Wait(t.Context(), "k/v3"))
		assert.Equal(t, 31*time.Second, time.Since(start), "not before the pause has passed")
		// The pause is in this process too, should Redis stop answering.
		st.setErr(errDown)
		require.NoError(t, a.Wait(t.Context(), "k/v3"))
		assert.GreaterOrEqual(t, time.Since(start), 31*time.Second)
	})
}

// A start time past the context's deadline is refused at once, takes
// nothing from the budget, and matches context.DeadlineExceeded.
func TestWaitBeyondDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := newFakeStore()
		l := newTestLimiter(t, st, Options{Requests: 1, Per: 10 * time.Second})
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		start := time.Now()
		err := l.Wait(ctx, "k/v3")
		assert.Zero(t, time.Since(start))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		var we *WaitError
		require.ErrorAs(t, err, &we)
		assert.Equal(t, "k/v3", we.Bucket)
		assert.Contains(t, err.Error(), "later deadline")
		reserves, _ := st.counts()
		assert.Equal(t, 1, reserves)

		cancelled, cancel2 := context.WithCancel(t.Context())
		cancel2()
		assert.ErrorIs(t, l.Wait(cancelled, "k/v3"), context.Canceled)
	})
}

func TestOptions(t *testing.T) {
	set, err := (*Options)(nil).resolve()
	require.NoError(t, err)
	assert.Equal(t, certifications.DefaultRateLimit(), set.limit)
	assert.Equal(t, DefaultFallbackShare, set.fallbackShare)
	assert.Equal(t, certifications.RateLimit{Requests: 25, Per: 10 * time.Second}, set.fallbackLimit())
	assert.Equal(t, DefaultPrefix, set.prefix)
	assert.NotNil(t, set.logger)

	set, err = (&Options{Requests: 3, Per: time.Second, FallbackShare: 0.1}).resolve()
	require.NoError(t, err)
	assert.Equal(t, certifications.RateLimit{Requests: 1, Per: time.Second}, set.fallbackLimit(), "at least one request")

	for name, o := range map[string]Options{
		"Requests":      {Requests: -1},
		"Per":           {Per: -time.Second},
		"FallbackShare": {FallbackShare: 1.5},
		"Timeout":       {Timeout: -1},
		"ProbeEvery":    {ProbeEvery: -1},
	} {
		_, err := o.resolve()
		var ve *certifications.ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.Equal(t, "redislimit.Options."+name, ve.Parameter)
	}
	_, err = (&Options{FallbackShare: -0.5}).resolve()
	assert.Error(t, err)
}

// A URL that cannot be read is refused without quoting its password.
func TestNewFromURLRefusesBadURLs(t *testing.T) {
	for _, raw := range []string{"http://user:s3cret-pw@localhost:6379", "redis://:s3cret-pw@localhost:6379/notanumber", "redis://:s3cret-pw@local host"} {
		_, err := NewFromURL(raw, nil)
		var ve *certifications.ValidationError
		require.ErrorAs(t, err, &ve, raw)
		assert.NotContains(t, err.Error(), "s3cret-pw", raw)
	}
	_, err := NewFromURL("redis://localhost:6379/0", &Options{FallbackShare: 2})
	assert.ErrorContains(t, err, "FallbackShare")
	_, err = New(nil, nil)
	assert.ErrorContains(t, err, "nil")
}
