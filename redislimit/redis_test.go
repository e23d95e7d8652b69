package redislimit

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// newSharedLimiter returns a Limiter with a Redis connection of its own,
// as another process would have, closed when the test ends.
func newSharedLimiter(t *testing.T, rs *redisServer, opts Options) *Limiter {
	t.Helper()
	lim, err := NewFromURL(rs.URL(), &opts)
	require.NoError(t, err)
	l := lim.(*Limiter)
	t.Cleanup(func() { _ = l.Close() })
	return l
}

// workerClient returns a client of srv paced by lim, retrying generously.
func workerClient(t *testing.T, srv *certtest.Server, lim certifications.Limiter) *certifications.APIClient {
	t.Helper()
	cfg := srv.Configuration()
	cfg.Limiter = lim
	cfg.MaxRetries = 10
	client := certifications.NewAPIClient(cfg)
	require.NoError(t, client.Err())
	return client
}

// Redis down when the Limiter starts: every Wait lets its request go,
// in-process, with one warning; once a redis-server answers on the
// socket, the Limiter goes back to it, says so, and writes its bucket
// there.
func TestRedisUnreachableAtStart(t *testing.T) {
	t.Parallel() // each has its own redis-server and sandbox
	rs := startRedis(t)
	rs.Stop()
	var logs logBuffer
	l := newSharedLimiter(t, rs, Options{Requests: 1000, Per: time.Second, ProbeEvery: 100 * time.Millisecond, Logger: logs.logger()})
	for range 20 {
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
	}
	assert.True(t, l.isDown())
	assert.Equal(t, 1, strings.Count(logs.String(), "Redis does not answer"), logs.String())

	rs.Start()
	// Real time must pass for the next probe; the loop is bounded by its
	// count, at 250 requests per second in-process.
	for i := 0; i < 5000 && l.isDown(); i++ {
		require.NoError(t, l.Wait(t.Context(), "k/v3"))
	}
	require.False(t, l.isDown(), "the Limiter went back to Redis; log:\n%s", logs.String())
	assert.Equal(t, 1, strings.Count(logs.String(), "Redis answers again"), logs.String())
	require.NoError(t, l.Wait(t.Context(), "k/v3"))
	n, err := client(t, rs).Exists(t.Context(), DefaultPrefix+":k/v3").Result()
	require.NoError(t, err)
	assert.EqualValues(t, 1, n, "the bucket lives in Redis again")
}

// When the sandbox answers one worker with 429 and Retry-After, no worker
// sends a request of that bucket before it has passed. Three workers,
// each with its own client and Redis connection, call the sandbox; only
// worker 0's path draws 429s. Requests that the limiter released before
// the 429 had been stored may still arrive just after it; none arrives
// from a grace period after the 429 until its Retry-After has passed.
func TestBackoffReachesEveryWorker(t *testing.T) {
	t.Parallel() // each has its own redis-server and sandbox
	const (
		retryAfter = 1500 * time.Millisecond
		// grace covers requests already released when the 429 arrived:
		// at a request every 11 ms, a few; a loaded machine may hold
		// one for 100 ms or more.
		grace  = 500 * time.Millisecond
		want   = 3 // 429s to see
		rounds = 40
	)
	srv := certtest.NewTestServer(t, certtest.WithFaults(certtest.Faults{
		ErrorRate: 0.5, ErrorStatuses: []int{http.StatusTooManyRequests}, UnavailableRetryAfter: retryAfter,
		DecimalRetryAfter: true, Paths: []string{"/v3/certifications/*"},
	}))
	rs := startRedis(t)
	opts := Options{Requests: 100, Per: time.Second, Timeout: 2 * time.Second}
	certs := srv.Certifications()
	require.NotEmpty(t, certs)
	certID := certs[0].GetID()

	var refused atomic.Int32
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		defer done.Store(true)
		api := workerClient(t, srv, newSharedLimiter(t, rs, opts)).CertificationsApi
		for i := 0; i < rounds && refused.Load() < want; i++ {
			_, _, err := api.GetIdentityCertification(context.Background(), certID).Execute()
			assert.NoError(t, err)
			refused.Store(int32(count429(srv)))
		}
	}()
	for range 2 {
		go func() {
			defer wg.Done()
			api := workerClient(t, srv, newSharedLimiter(t, rs, opts)).CertificationsApi
			for i := 0; i < 10*rounds && !done.Load(); i++ {
				_, _, err := api.ListIdentityCertifications(context.Background()).Execute()
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()

	reqs := srv.Requests()
	var v3 []certtest.RecordedRequest
	for _, r := range reqs {
		if strings.HasPrefix(r.Path, "/v3/") {
			v3 = append(v3, r)
		}
	}
	limited := 0
	for _, r := range v3 {
		if r.Status != http.StatusTooManyRequests {
			continue
		}
		limited++
		answered := r.Time.Add(r.Duration)
		early := 0
		for _, o := range v3 {
			if o.Time.After(answered.Add(grace)) && o.Time.Before(answered.Add(retryAfter)) {
				early++
			}
		}
		assert.Zero(t, early, "requests arriving between %s and %s after a 429", grace, retryAfter)
	}
	require.GreaterOrEqual(t, limited, 1, "the sandbox answered 429")
	t.Logf("%d requests, %d answered 429", len(v3), limited)
}

// count429 is the number of 429 answers the sandbox gave.
func count429(srv *certtest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Status == http.StatusTooManyRequests {
			n++
		}
	}
	return n
}
