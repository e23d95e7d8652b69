package redislimit

import (
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/iscgo/certifications"
)

// EnvURL is the environment variable that tools built on the SDK (isccert)
// read the Redis URL from when no flag gives one.
const EnvURL = "SAIL_REDIS_URL"

// Defaults used when Options leaves a field at zero.
const (
	// DefaultFallbackShare is the part of the limit one process uses
	// while Redis is unreachable: a quarter, so that up to four processes
	// falling back at once stay within the limit.
	DefaultFallbackShare = 0.25
	// DefaultPrefix starts every key the Limiter writes.
	DefaultPrefix = "isc-pacing"
	// DefaultTimeout bounds every Redis call: a Redis that does not answer
	// within it counts as unreachable.
	DefaultTimeout = 500 * time.Millisecond
	// DefaultProbeEvery is how often a Limiter that fell back asks Redis
	// whether it answers again.
	DefaultProbeEvery = time.Second
)

// Options configures a Limiter. A nil *Options, and every zero field,
// means the default.
type Options struct {
	// Requests and Per are the tenant's limit for one bucket (one client_id
	// and API generation): by default the documented 100 requests per 10 s.
	// The Limiter keeps the same safety margin below it as the client's
	// in-process pacing (see certifications.RateLimit.Pace).
	Requests int
	Per      time.Duration
	// FallbackShare is the part of the limit one process uses while Redis
	// is unreachable, above 0 and at most 1 (default
	// DefaultFallbackShare). Set it to 1/N for N processes.
	FallbackShare float64
	// Prefix starts every Redis key (default DefaultPrefix). Keys are
	// Prefix + ":" + bucket.
	Prefix string
	// Timeout bounds every Redis call (default DefaultTimeout); a call
	// that takes longer makes the Limiter fall back.
	Timeout time.Duration
	// ProbeEvery is how often the Limiter asks an unreachable Redis again
	// (default DefaultProbeEvery).
	ProbeEvery time.Duration
	// Logger receives one warning when the Limiter falls back and one
	// record when Redis answers again. Nil means slog.Default().
	Logger *slog.Logger
}

// settings are the Options with the defaults filled in and checked.
type settings struct {
	limit         certifications.RateLimit
	fallbackShare float64
	prefix        string
	timeout       time.Duration
	probeEvery    time.Duration
	logger        *slog.Logger
}

// resolve fills in the defaults and checks what was given.
func (o *Options) resolve() (settings, error) {
	var opts Options
	if o != nil {
		opts = *o
	}
	s := settings{
		limit:         certifications.DefaultRateLimit(),
		fallbackShare: DefaultFallbackShare,
		prefix:        DefaultPrefix,
		timeout:       DefaultTimeout,
		probeEvery:    DefaultProbeEvery,
		logger:        opts.Logger,
	}
	switch {
	case opts.Requests < 0:
		return s, optionError("Requests", fmt.Sprintf("is %d", opts.Requests), "0 (the documented 100) or a positive number of requests")
	case opts.Per < 0:
		return s, optionError("Per", fmt.Sprintf("is negative (%s)", opts.Per), "0 (the documented 10s) or a positive duration")
	case math.IsNaN(opts.FallbackShare) || opts.FallbackShare < 0 || opts.FallbackShare > 1:
		return s, optionError("FallbackShare", fmt.Sprintf("is %g", opts.FallbackShare), "0 (the default, 0.25) or a share above 0 and at most 1")
	case opts.Timeout < 0:
		return s, optionError("Timeout", fmt.Sprintf("is negative (%s)", opts.Timeout), "0 (the default, 500ms) or a positive duration")
	case opts.ProbeEvery < 0:
		return s, optionError("ProbeEvery", fmt.Sprintf("is negative (%s)", opts.ProbeEvery), "0 (the default, 1s) or a positive duration")
	}
	if opts.Requests > 0 {
		s.limit.Requests = opts.Requests
	}
	if opts.Per > 0 {
		s.limit.Per = opts.Per
	}
	if opts.FallbackShare > 0 {
		s.fallbackShare = opts.FallbackShare
	}
	if opts.Prefix != "" {
		s.prefix = opts.Prefix
	}
	if opts.Timeout > 0 {
		s.timeout = opts.Timeout
	}
	if opts.ProbeEvery > 0 {
		s.probeEvery = opts.ProbeEvery
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	return s, nil
}

// fallbackLimit is the limit one process keeps while Redis is
// unreachable: FallbackShare of the limit, at least 1 request per window.
func (s settings) fallbackLimit() certifications.RateLimit {
	n := max(int(float64(s.limit.Requests)*s.fallbackShare), 1)
	return certifications.RateLimit{Requests: n, Per: s.limit.Per}
}

// optionError is a rejected Options field.
func optionError(field, problem, allowed string) error {
	return &certifications.ValidationError{Parameter: "redislimit.Options." + field, Problem: problem, Allowed: allowed}
}
