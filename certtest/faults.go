package certtest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Faults describes the misbehaviour a Server injects. The zero value
// injects nothing. Set it with the With* options, WithFaults, or at run
// time with Server.SetFaults; Server.SetFaultsEnabled switches all of it
// off and on without losing the configuration.
type Faults struct {
	// RateLimit is how many requests per RateWindow pass for each API
	// version (0: no limit). See WithRateLimit.
	RateLimit  int
	RateWindow time.Duration
	// DecimalRetryAfter writes Retry-After as decimal seconds. See
	// WithDecimalRetryAfter.
	DecimalRetryAfter bool
	// Latency delays each response.
	Latency time.Duration
	// ErrorRate is the ratio of requests answered with one of
	// ErrorStatuses (default 500 and 503; 429 is allowed too, for a
	// rate limit that strikes at random) instead of being handled.
	ErrorRate     float64
	ErrorStatuses []int
	// UnavailableRetryAfter is the Retry-After of injected 503 and 429 answers
	// (default 1 s).
	UnavailableRetryAfter time.Duration
	// DropRate is the ratio of requests whose connection is closed in the
	// middle of the response.
	DropRate float64
	// Paths and Methods limit the faults to matching requests; empty means
	// all. See WithFaultPaths and WithFaultMethods.
	Paths   []string
	Methods []string
	// TokenEndpoint applies the faults to POST /oauth/token as well.
	TokenEndpoint bool
}

// clone copies f, slices included.
func (f Faults) clone() Faults {
	f.ErrorStatuses = append([]int(nil), f.ErrorStatuses...)
	f.Paths = append([]string(nil), f.Paths...)
	f.Methods = append([]string(nil), f.Methods...)
	return f
}

func (f Faults) validate() error {
	switch {
	case f.RateLimit < 0 || f.RateLimit > 0 && f.RateWindow <= 0:
		return fmt.Errorf("rate limit %d per %s: needs at least 1 request per positive window", f.RateLimit, f.RateWindow)
	case f.Latency < 0:
		return fmt.Errorf("latency %s is negative", f.Latency)
	case !(f.ErrorRate >= 0 && f.ErrorRate <= 1):
		return fmt.Errorf("error rate %v is not between 0 and 1", f.ErrorRate)
	case !(f.DropRate >= 0 && f.DropRate <= 1):
		return fmt.Errorf("drop rate %v is not between 0 and 1", f.DropRate)
	case f.UnavailableRetryAfter < 0:
		return fmt.Errorf("UnavailableRetryAfter %s is negative", f.UnavailableRetryAfter)
	}
	for _, s := range f.ErrorStatuses {
		if (s < 500 || s > 599) && s != http.StatusTooManyRequests {
			return fmt.Errorf("error status %d is neither 429 nor a 5xx status", s)
		}
	}
	for _, p := range f.Paths {
		if _, err := path.Match(p, "/"); err != nil {
			return fmt.Errorf("fault path %q: %w", p, err)
		}
	}
	return nil
}

// Fault names a fault the server injected into a response.
type Fault string

// The faults a RecordedRequest can show.
const (
	// FaultNone: the request was handled normally (possibly delayed).
	FaultNone Fault = ""
	// FaultRateLimited: refused with 429 by the rate limit.
	FaultRateLimited Fault = "rate-limited"
	// FaultServerError: answered with an injected 5xx without handling.
	FaultServerError Fault = "server-error"
	// FaultDroppedConnection: handled, then the connection was closed in
	// the middle of the response.
	FaultDroppedConnection Fault = "dropped-connection"
)

// faultState is the run-time side of Faults: the configuration, the
// sliding windows of the rate limit and the seeded random source.
type faultState struct {
	mu      sync.Mutex
	enabled bool
	cfg     Faults
	windows map[string][]time.Time // admitted request times per API version
	rng     *rand.Rand
}

func newFaultState(seed int64, f Faults) *faultState {
	return &faultState{
		enabled: true,
		cfg:     f,
		windows: map[string][]time.Time{},
		rng:     rand.New(rand.NewPCG(uint64(seed), 0xfa017)),
	}
}

// applies reports whether faults apply to r (bucket is its API version,
// or "oauth" for the token endpoint), and the configuration to use.
func (fs *faultState) applies(r *http.Request, bucket string) (Faults, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.cfg
	if !fs.enabled || bucket == "" || bucket == "oauth" && !f.TokenEndpoint {
		return f, false
	}
	if len(f.Methods) > 0 && !slices.ContainsFunc(f.Methods, func(m string) bool { return strings.EqualFold(m, r.Method) }) {
		return f, false
	}
	if len(f.Paths) > 0 && !slices.ContainsFunc(f.Paths, func(p string) bool { return pathMatches(p, r.URL.Path) }) {
		return f, false
	}
	return f, true
}

func pathMatches(pattern, p string) bool {
	if strings.HasSuffix(pattern, "/") && strings.HasPrefix(p, pattern) {
		return true
	}
	ok, _ := path.Match(pattern, p)
	return ok
}

// admit applies the rate limit: it records the request and returns 0, or
// returns how long until a request of this bucket may pass.
func (fs *faultState) admit(bucket string, f Faults, now time.Time) time.Duration {
	if f.RateLimit == 0 {
		return 0
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	w := fs.windows[bucket]
	cut := 0
	for cut < len(w) && !w[cut].After(now.Add(-f.RateWindow)) {
		cut++
	}
	w = w[cut:]
	if len(w) >= f.RateLimit {
		fs.windows[bucket] = w
		return w[len(w)-f.RateLimit].Add(f.RateWindow).Sub(now)
	}
	fs.windows[bucket] = append(w, now)
	return 0
}

// draw returns true with probability p from the seeded source.
func (fs *faultState) draw(p float64) bool {
	if p <= 0 {
		return false
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.rng.Float64() < p
}

// errorStatus picks the status of an injected error.
func (fs *faultState) errorStatus(f Faults) int {
	statuses := f.ErrorStatuses
	if len(statuses) == 0 {
		statuses = []int{http.StatusInternalServerError, http.StatusServiceUnavailable}
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return statuses[fs.rng.IntN(len(statuses))]
}

// retryAfter formats a wait as a Retry-After value: whole seconds rounded
// up and at least 1, or decimal seconds when asked for.
func retryAfter(d time.Duration, decimal bool) string {
	if decimal {
		return strconv.FormatFloat(math.Max(d.Seconds(), 0.001), 'f', 3, 64)
	}
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}
