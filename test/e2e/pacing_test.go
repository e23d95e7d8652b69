package e2e

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/spectest"
)

// pacedBenchLimit is the limit the benchmark runs on the real clock: the
// documented gateway limit (100 requests per 10 s per API version) in
// windows of 1.5 s, enforced by the sandbox over a sliding window and
// matched by the client's RateLimit, so that a few windows take a few
// seconds. The pacer leaves a margin, which scales with the window, for
// requests that reach the server later than it released them (Per/15 plus
// one interval: 116 ms here), while the delays of a busy machine do not
// scale: on 2 cores under -race they stayed below 10 ms with two busy
// loops beside the test and reached about 100 ms with four. Windows of 1 s
// would leave 77 ms. The test needs no such shortcut: on the bubble's clock
// it runs the documented limit itself.
var pacedBenchLimit = certifications.RateLimit{Requests: 100, Per: 1500 * time.Millisecond}

const (
	// pacedWorkers is how many goroutines share one client.
	pacedWorkers = 8
	// pacedCertID is the sandbox certification whose items the workers
	// list and decide.
	pacedCertID = "paced-certification"
	// pacedCertItems is its size: more than the workers can decide in the
	// benchmark's windows, so every worker always has items of its own.
	pacedCertItems = 20_000
	// pacedPageSize is the number of items a worker lists, then decides,
	// per round.
	pacedPageSize = 5
	// pacedTestRounds is how many rounds of three calls each worker makes
	// in the test: 288 calls in all, nearly three windows' worth, so that
	// the pacer has to hold requests back in every window after the first.
	pacedTestRounds = 12
	// pacedBenchWindows is how many windows of the limit one benchmark
	// iteration runs for.
	pacedBenchWindows = 5
)

// perfConfig returns the sandbox's client configuration with every request
// checked against the API definition on its way out, and a connection pool
// that keeps conns idle connections to the sandbox: a client used by conns
// goroutines (or a pager reading conns pages ahead) keeps a connection for
// each. With net/http's default of 2 the others are closed after use and
// dialled again, and a dial on a loaded machine can hold a request for
// 100 ms or more.
func perfConfig(tb testing.TB, srv *certtest.Server, conns int) *certifications.Configuration {
	tb.Helper()
	cfg := srv.Configuration()
	base := cfg.HTTPClient.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	if tr, ok := base.(*http.Transport); ok {
		tr = tr.Clone()
		tr.MaxIdleConnsPerHost = conns
		tb.Cleanup(tr.CloseIdleConnections)
		base = tr
	}
	cfg.HTTPClient.Transport = spectest.NewValidatingTransport(tb, base)
	return cfg
}

// newPacedSandbox starts a sandbox that enforces limit (answering 429
// with a decimal Retry-After) and returns it with a client paced at the
// same limit. opts add to the sandbox's options.
func newPacedSandbox(tb testing.TB, limit certifications.RateLimit, opts ...certtest.Option) (*certtest.Server, *certifications.APIClient) {
	tb.Helper()
	srv := certtest.NewTestServer(tb, append([]certtest.Option{
		certtest.WithRateLimit(limit.Requests, limit.Per),
		certtest.WithDecimalRetryAfter(),
		certtest.WithLargeCertification(pacedCertID, pacedCertItems),
	}, opts...)...)
	cfg := perfConfig(tb, srv, pacedWorkers)
	// The first request through the validating transport would load the
	// API definition (150 ms, more under -race) between the pacer's
	// release of the first requests and their arrival: on the real clock,
	// a stall of the test's making, longer than the pacer's margin. Load
	// it now.
	spectest.Load(tb, "v3")
	cfg.RateLimit = &limit
	cfg.DisableRateLimit = false
	client := certifications.NewAPIClient(cfg)
	require.NoError(tb, client.Err())
	return srv, client
}

// pacedResult is what a pacedLoad run did.
type pacedResult struct {
	// Calls is the number of SDK calls that returned without error.
	Calls int
	// Errors holds the calls that failed.
	Errors []error
	// Decided holds the ids of the items decided, over all workers.
	Decided []string
	// Elapsed runs from the start until the last call returned.
	Elapsed time.Duration
}

// pacedLoad runs pacedWorkers goroutines on one client: each lists "me"'s
// certifications, lists a page of review items of pacedCertID at an offset
// no other worker uses, and decides the items of that page, round after
// round. A worker stops after rounds rounds (unless rounds is 0), or when
// d has passed (unless d is 0): it starts no call after that, but the
// calls under way are finished. A worker also stops at its first failed
// call.
func pacedLoad(ctx context.Context, api *certifications.CertificationsApiService, rounds int, d time.Duration) pacedResult {
	start := time.Now()
	until := start.Add(d)
	inTime := func() bool { return d == 0 || time.Now().Before(until) }
	var (
		mu  sync.Mutex
		res pacedResult
		wg  sync.WaitGroup
	)
	done := func(err error, decided []string) bool {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			res.Errors = append(res.Errors, err)
			return false
		}
		res.Calls++
		res.Decided = append(res.Decided, decided...)
		return true
	}
	comment := "paced load test"
	for w := range pacedWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; rounds == 0 || round < rounds; round++ {
				if !inTime() {
					return
				}
				certs, _, err := api.ListIdentityCertifications(ctx).ReviewerIdentity("me").Limit(10).Execute()
				if err == nil && len(certs) == 0 {
					err = fmt.Errorf("worker %d: no certifications for me", w)
				}
				if !done(err, nil) || !inTime() {
					return
				}
				offset := int32((round*pacedWorkers + w) * pacedPageSize)
				items, _, err := api.ListIdentityAccessReviewItems(ctx, pacedCertID).Offset(offset).Limit(pacedPageSize).Execute()
				if err == nil && len(items) != pacedPageSize {
					err = fmt.Errorf("worker %d: %d items at offset %d, want %d", w, len(items), offset, pacedPageSize)
				}
				if !done(err, nil) || !inTime() {
					return
				}
				ds := make([]certifications.ReviewDecision, len(items))
				ids := make([]string, len(items))
				for i, it := range items {
					ids[i] = it.GetID()
					ds[i] = certifications.ReviewDecision{ID: it.GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true, Comments: &comment}
				}
				_, _, err = api.MakeIdentityDecision(ctx, pacedCertID).ReviewDecision(ds).Execute()
				if !done(err, ids) {
					return
				}
			}
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

// pacedLog sorts the sandbox's log of API requests (the token endpoint
// left out): those refused with 429, and those admitted.
func pacedLog(srv *certtest.Server) (limited, admitted []certtest.RecordedRequest) {
	for _, r := range srv.Requests() {
		if !strings.HasPrefix(r.Path, "/v3/") && !strings.HasPrefix(r.Path, "/beta/") {
			continue
		}
		if r.Fault == certtest.FaultRateLimited || r.Status == http.StatusTooManyRequests {
			limited = append(limited, r)
		} else {
			admitted = append(admitted, r)
		}
	}
	return limited, admitted
}

// pacedHeadroom returns how far the sandbox stayed from refusing a
// request: the shortest time in which limit+1 requests arrived, minus per.
// A negative value means some window of per saw more than limit requests.
// With no more than limit requests in all it returns per.
func pacedHeadroom(reqs []certtest.RecordedRequest, limit int, per time.Duration) time.Duration {
	if len(reqs) <= limit {
		return per
	}
	times := make([]time.Time, len(reqs))
	for i, r := range reqs {
		times[i] = r.Time
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	closest := times[limit].Sub(times[0])
	for i := 1; i+limit < len(times); i++ {
		closest = min(closest, times[i+limit].Sub(times[i]))
	}
	return closest - per
}

// Eight goroutines sharing one client, paced at the tenant's documented
// limit, list and decide for nearly three windows without a single 429,
// and every call and every decision goes through exactly once. On the
// bubble's clock a request reaches the sandbox at the very instant the
// pacer releases it, so the guarantee holds exactly: no window of the
// limit's length sees more requests than the limit.
func TestPacingStaysUnderRateLimit(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		limit := certifications.DefaultRateLimit()
		srv, client := newPacedSandbox(t, limit, certtest.WithInMemoryNetwork())
		// A generous bound, only so that a broken pacer fails instead of hanging.
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
		defer cancel()
		res := pacedLoad(ctx, client.CertificationsApi, pacedTestRounds, 0)

		for _, err := range res.Errors {
			t.Errorf("call failed: %v", err)
		}
		limited, admitted := pacedLog(srv)
		assert.Empty(t, limited, "requests refused with 429")
		headroom := pacedHeadroom(admitted, limit.Requests, limit.Per)
		t.Logf("%d calls in %s on the bubble's clock; headroom under the limit: %s", res.Calls, res.Elapsed, headroom)
		assert.GreaterOrEqual(t, headroom, time.Duration(0), "a window of %s saw more than %d requests", limit.Per, limit.Requests)

		// Every call was made, nearly three windows' worth: the pacing was
		// at work, and spread them over more than two windows.
		assert.Equal(t, pacedWorkers*pacedTestRounds*3, res.Calls, "calls made")
		assert.Greater(t, res.Elapsed, 2*limit.Per)
		// One request per call: nothing was retried.
		assert.Len(t, admitted, res.Calls, "API requests the sandbox received")
		for _, r := range admitted {
			assert.Equal(t, http.StatusOK, r.Status, "%s %s?%s", r.Method, r.Path, r.RawQuery)
		}

		require.NotEmpty(t, res.Decided)
		seen := make(map[string]bool, len(res.Decided))
		for _, id := range res.Decided {
			assert.False(t, seen[id], "item %s decided by two workers", id)
			seen[id] = true
			assert.Equal(t, 1, srv.DecisionCount(id), "decide calls that included item %s", id)
			item, ok := srv.Item(pacedCertID, id)
			if assert.True(t, ok, "item %s", id) {
				assert.Equal(t, certifications.CertificationDecisionApprove, item.GetDecision(), "decision of item %s", id)
			}
		}
		cert, ok := srv.Certification(pacedCertID)
		require.True(t, ok)
		assert.EqualValues(t, len(res.Decided), cert.GetDecisionsMade())
	})
}

// BenchmarkPacedThroughput measures how close a paced client gets to the
// tenant's limit: eight goroutines list and decide for pacedBenchWindows
// windows against a sandbox enforcing the same limit. of-limit is the
// requests the sandbox admitted per window divided by the limit (goal:
// 0.9 or more); 429s is the requests it refused per run (goal: 0).
func BenchmarkPacedThroughput(b *testing.B) {
	var admittedTotal, limitedTotal int
	var elapsed time.Duration
	for range b.N {
		b.StopTimer()
		srv, client := newPacedSandbox(b, pacedBenchLimit)
		b.StartTimer()
		res := pacedLoad(context.Background(), client.CertificationsApi, 0, pacedBenchWindows*pacedBenchLimit.Per)
		b.StopTimer()
		if len(res.Errors) > 0 {
			b.Fatalf("%d calls failed, first: %v", len(res.Errors), res.Errors[0])
		}
		limited, admitted := pacedLog(srv)
		admittedTotal += len(admitted)
		limitedTotal += len(limited)
		elapsed += res.Elapsed
		srv.Close()
		b.StartTimer()
	}
	windows := elapsed.Seconds() / pacedBenchLimit.Per.Seconds()
	b.ReportMetric(float64(admittedTotal)/windows/float64(pacedBenchLimit.Requests), "of-limit")
	b.ReportMetric(float64(limitedTotal)/float64(b.N), "429s")
}
