package redislimit

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/testmain"
)

// fleetPer is the window of the fleet's rate limit: the documented 100
// requests per 10 s with time scaled by 1/5. The pacing's margin scales
// with the window (Per/15, 133 ms here) while the delays of a loaded
// machine do not: on 2 busy cores they reach about 100 ms.
var fleetPer = flag.Duration("fleet.per", 2*time.Second, "window of the fleet's rate limit of 100 requests")

// fleetItems is the size of each process's certification in the
// benchmark: 40 pages and 40 calls of decisions per process.
var fleetItems = flag.Int("fleet.items", 1_000, "items of each fleet process's certification in BenchmarkFleet")

// fleetRetries is each process's MaxRetries: more than the default 4, so
// that processes without the shared budget survive their 429s and their
// runs can be measured; -fleet.retries=4 shows how many fail by default.
var fleetRetries = flag.Int("fleet.retries", 30, "MaxRetries of each fleet process")

const (
	// fleetProcesses is how many processes share one client_id.
	fleetProcesses = 4
	// fleetWorkerEnv makes the test binary run as one process of the
	// fleet instead of running tests.
	fleetWorkerEnv = "REDISLIMIT_FLEET_WORKER"
	// fleetPageSize is the items per listing and decisions per call:
	// small, so that the processes spend the rate limit rather than the
	// CPU that rendering and decoding items takes (on 2 cores, four
	// processes at 250 items a request run below the limit whether they
	// share it or not).
	fleetPageSize = 25
)

func TestMain(m *testing.M) {
	if os.Getenv(fleetWorkerEnv) != "" {
		testmain.Exit(fleetWorker())
	}
	testmain.Main(m)
}

// fleetReport is what a fleet process prints on stdout.
type fleetReport struct {
	Decided int    `json:"decided"`
	Total   int    `json:"total"`
	Error   string `json:"error,omitempty"`
}

// fleetWorker reviews one certification as one process of the fleet:
// the sandbox, the certification and the Redis (none: pace alone) come
// from the environment.
func fleetWorker() int {
	env := func(k string) string { return os.Getenv(fleetWorkerEnv + "_" + k) }
	per, err := time.ParseDuration(env("PER"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "fleet worker:", err)
		return 2
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg := certifications.NewConfiguration()
	cfg.BaseURL, cfg.ClientID, cfg.ClientSecret = env("BASE_URL"), env("CLIENT_ID"), env("CLIENT_SECRET")
	cfg.RateLimit = &certifications.RateLimit{Requests: 100, Per: per}
	cfg.MaxRetries, err = strconv.Atoi(env("RETRIES"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "fleet worker:", err)
		return 2
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = certifications.DefaultReviewConcurrency
	cfg.HTTPClient = &http.Client{Transport: tr, Timeout: certifications.DefaultTimeout}
	if u := env("REDIS"); u != "" {
		lim, err := NewFromURL(u, &Options{Requests: 100, Per: per, Logger: logger})
		if err != nil {
			fmt.Fprintln(os.Stderr, "fleet worker:", err)
			return 2
		}
		defer lim.(*Limiter).Close()
		cfg.Limiter = lim
	}
	client := certifications.NewAPIClient(cfg)
	res, err := client.CertificationsApi.Review(context.Background(), env("CERT"), decideAll, &certifications.ReviewOptions{PageSize: fleetPageSize, ChunkSize: fleetPageSize})
	rep := fleetReport{}
	if res != nil {
		rep.Decided, rep.Total = len(res.Decided), res.Total
	}
	if err != nil {
		rep.Error = err.Error()
	}
	_ = json.NewEncoder(os.Stdout).Encode(rep)
	if err != nil {
		return 1
	}
	return 0
}

// decideAll approves every item.
func decideAll(certifications.AccessReviewItem) (certifications.ReviewDecision, bool) {
	return certifications.ReviewDecision{Decision: certifications.CertificationDecisionApprove, Bulk: true}, true
}

// fleetResult is one run of the fleet as the sandbox saw it.
type fleetResult struct {
	reports  []fleetReport
	stderr   []string
	sent     int           // API requests received
	limited  int           // of them answered 429
	peak     int           // most requests received in any window of the limit
	span     time.Duration // from the first request's arrival to the last's
	elapsed  time.Duration // from starting the processes to the last one's end
	floor    time.Duration // the time the limit needs for the requests
	minimum  int           // the fewest requests the reviews can take
	srv      *certtest.Server
	certIDs  []string
	redisLog string
}

// runFleet starts a sandbox enforcing 100 requests per fleetPer and runs
// fleetProcesses processes, each reviewing a certification of items
// items of its own with the same client_id: through one Redis, or each
// pacing alone.
func runFleet(tb testing.TB, shared bool, items int, per time.Duration) fleetResult {
	tb.Helper()
	opts := []certtest.Option{certtest.WithRateLimit(100, per), certtest.WithDecimalRetryAfter()}
	var ids []string
	for i := range fleetProcesses {
		id := "fleet-certification-" + strconv.Itoa(i+1)
		ids = append(ids, id)
		opts = append(opts, certtest.WithLargeCertification(id, items))
	}
	srv := certtest.NewTestServer(tb, opts...)
	redisURL := ""
	var rs *redisServer
	if shared {
		rs = startRedis(tb)
		redisURL = rs.URL()
	}
	srv.ResetRequests()

	res := fleetResult{srv: srv, certIDs: ids, reports: make([]fleetReport, fleetProcesses), stderr: make([]string, fleetProcesses)}
	var wg sync.WaitGroup
	start := time.Now()
	for i := range fleetProcesses {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(),
			fleetWorkerEnv+"=1",
			fleetWorkerEnv+"_PER="+per.String(),
			fleetWorkerEnv+"_BASE_URL="+srv.URL(),
			fleetWorkerEnv+"_CLIENT_ID="+srv.ClientID(),
			fleetWorkerEnv+"_CLIENT_SECRET="+srv.ClientSecret(),
			fleetWorkerEnv+"_CERT="+ids[i],
			fleetWorkerEnv+"_REDIS="+redisURL,
			fleetWorkerEnv+"_RETRIES="+strconv.Itoa(*fleetRetries),
		)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		require.NoError(tb, cmd.Start())
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = cmd.Wait()
			res.stderr[i] = stderr.String()
			if err := json.Unmarshal(stdout.Bytes(), &res.reports[i]); err != nil {
				res.reports[i].Error = fmt.Sprintf("no report (%v): %s", err, stderr.String())
			}
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	if rs != nil {
		res.redisLog = rs.Output()
	}

	var arrivals []time.Time
	for _, r := range srv.Requests() {
		if !strings.HasPrefix(r.Path, "/v3/") {
			continue
		}
		res.sent++
		arrivals = append(arrivals, r.Time)
		if r.Status == http.StatusTooManyRequests {
			res.limited++
		}
	}
	slices.SortFunc(arrivals, func(a, b time.Time) int { return a.Compare(b) })
	if len(arrivals) > 1 {
		res.span = arrivals[len(arrivals)-1].Sub(arrivals[0])
	}
	for i, j := 0, 0; j < len(arrivals); j++ {
		for arrivals[j].Sub(arrivals[i]) >= per {
			i++
		}
		res.peak = max(res.peak, j-i+1)
	}
	perCert := 2 * ((items + fleetPageSize - 1) / fleetPageSize)
	res.minimum = fleetProcesses * perCert
	res.floor = time.Duration(res.minimum) * per / 100
	return res
}

// decidedOnce checks that every item of the fleet's certifications was
// decided, and exactly once.
func (r fleetResult) decidedOnce(t *testing.T) {
	t.Helper()
	for _, id := range r.certIDs {
		items := r.srv.Items(id)
		require.NotEmpty(t, items, id)
		wrong := 0
		for _, it := range items {
			if r.srv.DecisionCount(it.GetID()) != 1 {
				wrong++
			}
		}
		assert.Zero(t, wrong, "items of %s not decided exactly once", id)
	}
}

// Four processes with one client_id review a certification each on a
// sandbox that enforces the documented limit (time scaled): sharing the
// budget through Redis, none of their requests draws a 429, every process
// finishes and every item is decided exactly once. The figures are
// logged; BenchmarkFleet measures them against the processes alone.
func TestFleetSharesOneBudget(t *testing.T) {
	t.Parallel() // each has its own redis-server and sandbox
	// A window of 5 s leaves a margin of 333 ms for requests that the
	// machine holds up between their release and their arrival: with the
	// whole suite running beside the four processes and the sandbox on 2
	// cores under -race, a margin of 200 ms (3 s) once let a 429 through.
	const (
		items = 500
		per   = 5 * time.Second
	)
	res := runFleet(t, true, items, per)
	for i, rep := range res.reports {
		require.Empty(t, rep.Error, "process %d failed; its log:\n%s", i+1, res.stderr[i])
		assert.Equal(t, items, rep.Decided, "process %d", i+1)
	}
	assert.Zero(t, res.limited, "429s with the shared budget")
	res.decidedOnce(t)
	t.Logf("%d processes, %d requests (minimum %d): %d 429s, at most %d requests in a window of %s (limit 100), %s taken for a floor of %s",
		fleetProcesses, res.sent, res.minimum, res.limited, res.peak, per, res.elapsed.Round(time.Millisecond), res.floor)
}

// BenchmarkFleet runs four processes with one client_id, each reviewing
// a certification of -fleet.items items on one sandbox that enforces 100
// requests per -fleet.per, with the budget shared through Redis and with
// each process pacing alone. It reports the 429s per run, the most
// requests the sandbox received in any window per the limit (goal: at
// most 1), the throughput per the limit (requests accepted per window
// from the first request to the last, per 100; goal 0.9 or more), and the
// floor's time per the time taken, process start included.
func BenchmarkFleet(b *testing.B) {
	for _, mode := range []struct {
		name   string
		shared bool
	}{{"redis", true}, {"alone", false}} {
		b.Run("limiter="+mode.name, func(b *testing.B) {
			var limited, peak, sent, failed int
			var elapsed, floor, span time.Duration
			for range b.N {
				res := runFleet(b, mode.shared, *fleetItems, *fleetPer)
				limited += res.limited
				peak = max(peak, res.peak)
				sent += res.sent
				elapsed += res.elapsed
				floor += res.floor
				span += res.span
				for _, rep := range res.reports {
					if rep.Error != "" {
						failed++
					}
				}
			}
			per := *fleetPer
			b.ReportMetric(float64(limited)/float64(b.N), "429s/op")
			b.ReportMetric(float64(peak)/100, "peak/limit")
			// Requests the sandbox accepted per window, between the first
			// request and the last, against the limit.
			b.ReportMetric(float64(sent-limited)/(span.Seconds()/per.Seconds())/100, "throughput/limit")
			b.ReportMetric(floor.Seconds()/elapsed.Seconds(), "speed/floor")
			b.ReportMetric(float64(failed)/float64(b.N), "failed/op")
			b.Logf("%d runs: %d requests, %d 429s, at most %d requests in a window of %s (limit 100), %s taken for a floor of %s, %d processes failed",
				b.N, sent, limited, peak, per, elapsed.Round(time.Millisecond), floor, failed)
		})
	}
}
