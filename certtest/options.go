package certtest

import (
	"fmt"
	"time"
)

// Option configures a Server. Options are applied in order; an invalid
// value makes NewServer panic with a message naming the option, as a test
// setup mistake should stop the test at once.
type Option func(*config)

// Sizes says how much data the sandbox tenant generates. A zero field takes
// its default from DefaultSizes.
type Sizes struct {
	// Campaigns is the number of campaigns (default 2).
	Campaigns int
	// Reviewers is the number of reviewers, "me" included (default 3).
	Reviewers int
	// CertificationsPerReviewer is the number of certifications each
	// reviewer has, spread over the campaigns (default 2).
	CertificationsPerReviewer int
	// IdentitiesPerCertification is the number of identities each
	// certification reviews (default 8).
	IdentitiesPerCertification int
	// ItemsPerIdentity is the number of access review items of each
	// identity (default 4: two entitlements, an access profile and a role).
	ItemsPerIdentity int
}

// DefaultSizes returns the sizes used for zero fields of Sizes: 2 campaigns,
// 3 reviewers with 2 certifications each, 8 identities per certification
// and 4 items per identity, so 6 certifications of 32 items (2 of them,
// 64 items, are "me"'s).
func DefaultSizes() Sizes {
	return Sizes{Campaigns: 2, Reviewers: 3, CertificationsPerReviewer: 2, IdentitiesPerCertification: 8, ItemsPerIdentity: 4}
}

// config is what the options build.
type config struct {
	seed          int64
	sizes         Sizes
	tls           bool
	inMemory      bool
	tokenLifetime time.Duration
	clientID      string
	clientSecret  string
	large         []largeCert
	faults        Faults
	clock         func() time.Time
}

// DefaultTokenLifetime is how long issued access tokens stay valid unless
// WithTokenLifetime says otherwise (the API's documented example: 749 s).
const DefaultTokenLifetime = 749 * time.Second

// DefaultSeed is the seed used without WithSeed.
const DefaultSeed int64 = 1

func newConfig(opts []Option) *config {
	cfg := &config{seed: DefaultSeed, tokenLifetime: DefaultTokenLifetime}
	for _, o := range opts {
		if o != nil {
			o(cfg)
		}
	}
	def := DefaultSizes()
	for _, f := range []struct{ v, d *int }{
		{&cfg.sizes.Campaigns, &def.Campaigns},
		{&cfg.sizes.Reviewers, &def.Reviewers},
		{&cfg.sizes.CertificationsPerReviewer, &def.CertificationsPerReviewer},
		{&cfg.sizes.IdentitiesPerCertification, &def.IdentitiesPerCertification},
		{&cfg.sizes.ItemsPerIdentity, &def.ItemsPerIdentity},
	} {
		if *f.v == 0 {
			*f.v = *f.d
		}
	}
	if cfg.clientID == "" {
		cfg.clientID = hexID(cfg.seed, "client-id")
	}
	if cfg.clientSecret == "" {
		cfg.clientSecret = hexID(cfg.seed, "client-secret") + hexID(cfg.seed, "client-secret-2")
	}
	return cfg
}

func fail(option, format string, args ...any) {
	panic(fmt.Sprintf("certtest: %s: %s", option, fmt.Sprintf(format, args...)))
}

// WithSeed sets the seed all data is generated from (default DefaultSeed).
// The same seed and sizes always give the same tenant: same ids, names,
// access and dates. Fault injection draws from the seed too.
func WithSeed(seed int64) Option {
	return func(c *config) { c.seed = seed }
}

// WithSizes sets how much data is generated; zero fields keep their
// defaults (see DefaultSizes). Negative values, or totals above a million
// items per certification, panic.
func WithSizes(s Sizes) Option {
	return func(c *config) {
		for name, v := range map[string]int{
			"Campaigns": s.Campaigns, "Reviewers": s.Reviewers, "CertificationsPerReviewer": s.CertificationsPerReviewer,
			"IdentitiesPerCertification": s.IdentitiesPerCertification, "ItemsPerIdentity": s.ItemsPerIdentity,
		} {
			if v < 0 {
				fail("WithSizes", "%s is %d; use 0 for the default or a positive number", name, v)
			}
		}
		if s.IdentitiesPerCertification*s.ItemsPerIdentity > 1_000_000 {
			fail("WithSizes", "more than a million items per certification; use WithLargeCertification for one big certification")
		}
		c.sizes = s
	}
}

// WithLargeCertification adds one certification with the given id and
// number of items, reviewed by "me" in the first campaign, with
// Sizes.ItemsPerIdentity items per identity. Its items are generated on
// demand and never stored, so even millions of them cost no memory until
// they are decided or moved. Use it to test streaming and bulk decisions.
// Given more than once, it adds one certification per call, each with ids
// of its own (the certification ids must differ).
func WithLargeCertification(id string, items int) Option {
	return func(c *config) {
		if id == "" || items < 1 || items > 1<<30 {
			fail("WithLargeCertification", "needs a non-empty id and 1 to 2^30 items, got %q and %d", id, items)
		}
		c.large = append(c.large, largeCert{id: id, items: items})
	}
}

// largeCert is one certification of WithLargeCertification.
type largeCert struct {
	id    string
	items int
}

// WithTLS serves HTTPS with a self-signed certificate. Configuration and
// Client then carry an HTTP client that trusts it.
func WithTLS() Option {
	return func(c *config) { c.tls = true }
}

// WithTokenLifetime sets how long issued access tokens are valid (default
// DefaultTokenLifetime). The token response reports it in whole seconds,
// rounded up; the server enforces the exact duration.
func WithTokenLifetime(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			fail("WithTokenLifetime", "lifetime %s is not positive", d)
		}
		c.tokenLifetime = d
	}
}

// WithClientCredentials sets the client id and secret the token endpoint
// accepts (by default both are derived from the seed).
func WithClientCredentials(id, secret string) Option {
	return func(c *config) {
		if id == "" || secret == "" {
			fail("WithClientCredentials", "id and secret must not be empty")
		}
		c.clientID, c.clientSecret = id, secret
	}
}

// WithFaults sets the whole fault configuration at once, replacing what
// earlier fault options set. See Faults.
func WithFaults(f Faults) Option {
	return func(c *config) {
		if err := f.validate(); err != nil {
			fail("WithFaults", "%v", err)
		}
		c.faults = f.clone()
	}
}

// WithRateLimit lets at most n requests per window through for each API
// version (v3, v1 and beta are counted apart, as ISC counts v3 and beta;
// all v1 paths share one count), counted over a
// sliding window. Requests over the limit get 429 Too Many Requests with a
// Retry-After header (the seconds until a request may pass, rounded up,
// at least 1; see WithDecimalRetryAfter) and the body
// {"message":" Rate Limit Exceeded "}. Only authenticated requests are
// counted (a request without a valid token gets its 401 first), and refused
// requests do not count.
func WithRateLimit(n int, window time.Duration) Option {
	return func(c *config) {
		if n < 1 || window <= 0 {
			fail("WithRateLimit", "needs at least 1 request per positive window, got %d per %s", n, window)
		}
		c.faults.RateLimit, c.faults.RateWindow = n, window
	}
}

// WithDecimalRetryAfter makes Retry-After headers (429 and 503) carry the
// exact wait as decimal seconds with millisecond precision ("0.125")
// instead of whole seconds rounded up, so that tests of rate limiting run
// in milliseconds. The SDK's client accepts both forms.
func WithDecimalRetryAfter() Option {
	return func(c *config) { c.faults.DecimalRetryAfter = true }
}

// WithLatency delays every API response by d.
func WithLatency(d time.Duration) Option {
	return func(c *config) {
		if d < 0 {
			fail("WithLatency", "latency %s is negative", d)
		}
		c.faults.Latency = d
	}
}

// WithErrorRate answers the given ratio (0 to 1) of API requests with a
// server error instead of handling them, picked at random from statuses
// (default 500 and 503; 429 may be listed too, answered with the API's
// 429 body). A 503 or 429 carries Retry-After (see
// Faults.UnavailableRetryAfter), and repeating a status weights it:
// WithErrorRate(0.4, 429, 429, 429, 503) gives 30% 429 and 10% 503. The choice is drawn from the seed, so a
// run with the same requests in the same order fails the same ones.
func WithErrorRate(ratio float64, statuses ...int) Option {
	return func(c *config) {
		f := c.faults
		f.ErrorRate, f.ErrorStatuses = ratio, append([]int(nil), statuses...)
		if err := f.validate(); err != nil {
			fail("WithErrorRate", "%v", err)
		}
		c.faults = f
	}
}

// WithDroppedConnections handles the given ratio (0 to 1) of API requests
// normally, then writes the status line, the headers and about half of the
// body and closes the connection. The client sees a broken response (an
// unexpected EOF) although the server did the work: a decision was
// recorded, a task was created. Drawn from the seed like WithErrorRate.
func WithDroppedConnections(ratio float64) Option {
	return func(c *config) {
		f := c.faults
		f.DropRate = ratio
		if err := f.validate(); err != nil {
			fail("WithDroppedConnections", "%v", err)
		}
		c.faults = f
	}
}

// WithFaultPaths limits all faults (latency, rate limit, errors, drops) to
// requests whose path matches one of the patterns: a path.Match pattern
// such as "/v3/certifications/*/decide", or a prefix ending in "/" such as
// "/beta/". Without it faults apply to every API path.
func WithFaultPaths(patterns ...string) Option {
	return func(c *config) { c.faults.Paths = append([]string(nil), patterns...) }
}

// WithFaultMethods limits all faults to requests with one of the methods,
// e.g. WithFaultMethods("GET") to keep POSTs reliable.
func WithFaultMethods(methods ...string) Option {
	return func(c *config) { c.faults.Methods = append([]string(nil), methods...) }
}

// WithTokenEndpointFaults applies the configured faults to the token
// endpoint too; by default it is never delayed, limited or broken.
func WithTokenEndpointFaults() Option {
	return func(c *config) { c.faults.TokenEndpoint = true }
}

// WithClock makes the sandbox read the time from now (default time.Now):
// the times it records (decisions, sign-offs, tasks, campaigns, reports),
// the deadlines it sets and checks (a campaign completes only after its
// deadline) and the firing of template schedules follow it, so that a test
// can move past a deadline without waiting. The generated data is dated
// around the reference date taken from now when the server starts (see
// Server.ReferenceTime); WithClock(ReferenceTime) gives the same dates in
// every run, and a ManualClock's Now a time the test moves.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now == nil {
			fail("WithClock", "now is nil")
		}
		c.clock = now
	}
}
