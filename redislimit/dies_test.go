package redislimit

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// Redis dies in the middle of a run and comes back: two workers, each
// with its own client and Redis connection, review a certification each.
// When the first has a quarter of its decisions, the test kills
// redis-server; at half, it starts it again on the same socket. Both
// runs finish, every item is decided exactly once, and the first
// worker's log says when it fell back and when it went back to Redis.
func TestRedisDiesMidRunAndComesBack(t *testing.T) {
	t.Parallel() // each has its own redis-server and sandbox
	const items = 2_000
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("dies-1", items), certtest.WithLargeCertification("dies-2", items))
	rs := startRedis(t)
	var logs [2]logBuffer
	apis := [2]*certifications.CertificationsApiService{}
	limiters := [2]*Limiter{}
	for i := range 2 {
		limiters[i] = newSharedLimiter(t, rs, Options{Requests: 100, Per: time.Second, FallbackShare: 0.5, ProbeEvery: 200 * time.Millisecond, Timeout: 2 * time.Second, Logger: logs[i].logger()})
		apis[i] = workerClient(t, srv, limiters[i]).CertificationsApi
	}
	opts := func(progress func(certifications.ReviewProgress)) *certifications.ReviewOptions {
		return &certifications.ReviewOptions{PageSize: 25, ChunkSize: 25, Progress: progress}
	}

	killed, restarted := false, false
	var wg sync.WaitGroup
	var results [2]*certifications.ReviewResult
	var errs [2]error
	wg.Add(2)
	go func() {
		defer wg.Done()
		// Progress runs on the reviewing goroutine: the worker waits while
		// the server is killed or started, the other worker goes on.
		results[0], errs[0] = apis[0].Review(context.Background(), "dies-1", decideAll, opts(func(p certifications.ReviewProgress) {
			switch {
			case !killed && p.Decided >= items/4:
				killed = true
				rs.Stop()
			case killed && !restarted && p.Decided >= items/2:
				restarted = true
				rs.Start()
			}
		}))
	}()
	go func() {
		defer wg.Done()
		results[1], errs[1] = apis[1].Review(context.Background(), "dies-2", decideAll, opts(nil))
	}()
	wg.Wait()

	require.True(t, restarted, "the run reached half way")
	for i, id := range []string{"dies-1", "dies-2"} {
		require.NoError(t, errs[i], id)
		assert.Len(t, results[i].Decided, items, id)
		wrong := 0
		for _, it := range srv.Items(id) {
			if srv.DecisionCount(it.GetID()) != 1 {
				wrong++
			}
		}
		assert.Zero(t, wrong, "items of %s not decided exactly once", id)
	}
	// A loaded machine may stall Redis past the timeout at other times
	// too, which the limiter rightly takes for an outage: the log is
	// checked for the one the test made, not for it alone.
	log := logs[0].String()
	fell, back := strings.Index(log, "Redis does not answer"), strings.Index(log, "Redis answers again")
	require.GreaterOrEqual(t, fell, 0, "the fallback is logged:\n%s", log)
	require.Greater(t, back, fell, "the recovery is logged after it:\n%s", log)
	t.Logf("worker 1's log:\n%s\nworker 2's log:\n%s", log, logs[1].String())
}
