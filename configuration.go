package certifications

import (
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// Environment variables read by NewConfigurationFromEnv. The first three are
// the names SailPoint's own command-line tools use.
const (
	EnvBaseURL      = "SAIL_BASE_URL"
	EnvClientID     = "SAIL_CLIENT_ID"
	EnvClientSecret = "SAIL_CLIENT_SECRET"
	EnvTokenURL     = "SAIL_TOKEN_URL"
	EnvAccessToken  = "SAIL_ACCESS_TOKEN"
	EnvAPIVersion   = "SAIL_API_VERSION"
)

// APIVersion selects the generation of the Certifications API that
// CertificationsApi and CertificationSummariesApi call. The beta operations
// are not affected.
type APIVersion string

// The API generations the client speaks.
const (
	// APIVersionV3 calls the yearly v3 paths (/v3/certifications/...), the
	// default. SailPoint classes v3 as legacy, with end of life announced
	// for the first quarter of 2029.
	APIVersionV3 APIVersion = "v3"
	// APIVersionV1 calls the per-resource paths (/certifications/v1/...,
	// /certification-tasks/v1/...), the generation SailPoint develops now.
	APIVersionV1 APIVersion = "v1"
)

// Defaults used by NewConfiguration.
const (
	DefaultMaxRetries   = 4
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 60 * time.Second
	// DefaultTimeout bounds one HTTP attempt when the configuration brings no
	// HTTPClient of its own.
	DefaultTimeout = 60 * time.Second
	// DefaultMaxIdleConnsPerHost is the idle connection pool per host of
	// the HTTP client used when the configuration brings none.
	DefaultMaxIdleConnsPerHost = 16
	// DefaultMaxResponseBytes is the largest successful response body the
	// client reads when Configuration.MaxResponseBytes is 0: 16 MiB. The
	// largest answers of the API are pages of 250 review items; the spec's
	// fully populated example item makes a 2.9 MB page, and items with long
	// descriptions and many entitlement attributes reach about 4 MB. 16 MiB
	// is four times that, while a broken or hostile server can make the
	// client hold no more than 16 MiB per request.
	DefaultMaxResponseBytes int64 = 16 << 20
)

// RateLimit describes how many requests the client may start per window for
// one API version. The gateway counts 100 requests per 10 seconds per
// client id and API version, so the client keeps one bucket per version:
// v3, beta, and v1. Every per-resource v1 path (/certifications/v1/...,
// /certification-tasks/v1/..., any /<resource>/v1/...) shares the one v1
// bucket: SailPoint publishes no rule for per-resource versions, so the
// client takes the conservative reading. If the gateway counted each
// resource on its own, sharing would only make the client slower than it
// needs to be; counting them apart when the gateway shares would get it
// throttled.
type RateLimit struct {
	// Requests is the number of requests the tenant allows per window.
	Requests int
	// Per is the length of the window.
	Per time.Duration
}

// DefaultRateLimit returns the documented ISC gateway limit: 100 requests
// per 10 seconds per client and API version. It is a function so that no
// caller can change the default of every other client.
func DefaultRateLimit() RateLimit { return RateLimit{Requests: 100, Per: 10 * time.Second} }

// Configuration holds everything an APIClient needs to reach one tenant.
//
// Build it with NewConfiguration or NewConfigurationFromEnv and adjust the
// fields; a zero Configuration is valid once BaseURL and credentials are set,
// but then MaxRetries is 0 (no retries). Printing a Configuration (fmt verbs,
// slog) never shows the client secret or the access token.
type Configuration struct {
	// BaseURL is the tenant's API root, for example
	// https://acme.api.identitynow.com. The client appends /v3, /beta or a
	// per-resource v1 path (/certifications/v1); a trailing /v3 or /beta
	// given here is ignored. APIClient.Do sends nothing outside this root.
	BaseURL string
	// TokenURL is the OAuth2 token endpoint. Empty means BaseURL + "/oauth/token".
	TokenURL string
	// ClientID and ClientSecret are a personal access token or API client
	// credentials, exchanged for a bearer token (client credentials grant).
	ClientID     string
	ClientSecret string
	// AccessToken is a ready bearer token, used instead of client credentials.
	// It is never refreshed.
	AccessToken string
	// TokenSource, when set, supplies tokens and takes precedence over
	// AccessToken and client credentials. It is wrapped so that a valid token
	// is reused across calls.
	TokenSource oauth2.TokenSource
	// HTTPClient sends the requests (and token requests). Nil means a client
	// with DefaultTimeout. NewAPIClient copies the struct, so later changes
	// to it do not reach the client; its Transport (and Jar) are used as
	// they are. The APIClient adds authentication per request and never
	// changes the given client.
	HTTPClient *http.Client
	// APIVersion is the API generation of CertificationsApi and
	// CertificationSummariesApi: APIVersionV3 (the default when empty) or
	// APIVersionV1. The models, results and checks are the same on both.
	APIVersion APIVersion
	// UserAgent is appended to the SDK's own User-Agent.
	UserAgent string
	// DefaultHeader holds headers added to every API request. NewAPIClient
	// copies the map.
	DefaultHeader map[string]string
	// MaxRetries is how many times a failed attempt is retried (0
	// disables). Token requests that fail on the way (a 5xx or 429 answer,
	// a broken connection) are retried under the same policy.
	MaxRetries int
	// RetryWaitMin is the first backoff step when the server gives no
	// Retry-After (0 means DefaultRetryWaitMin).
	RetryWaitMin time.Duration
	// RetryWaitMax caps every wait between attempts, Retry-After included
	// (0 means DefaultRetryWaitMax).
	RetryWaitMax time.Duration
	// RateLimit paces requests per API version below the tenant's limit. Nil
	// means DefaultRateLimit. NewAPIClient copies the value. See
	// DisableRateLimit.
	RateLimit *RateLimit
	// DisableRateLimit turns the default client-side pacing off. A Limiter
	// set in Limiter is used all the same.
	DisableRateLimit bool
	// Limiter paces the requests, and is told of every 429. Nil means the
	// default in-process pacing at RateLimit (NewLocalLimiter). Set it to
	// share one budget between processes that use the same client_id, for
	// example with the redislimit package; it then replaces RateLimit.
	// NewAPIClient keeps the Limiter itself: clients given the same one
	// share its buckets.
	Limiter Limiter
	// SkipFilterValidation sends filters and sorters without checking their
	// fields and operators against those the endpoint documents. Syntax is
	// still checked. Use it when the server accepts a field the SDK does not
	// know yet.
	SkipFilterValidation bool
	// MaxResponseBytes caps the body of a successful response that the
	// client reads (0 means DefaultMaxResponseBytes). A larger body is a
	// *ResponseTooLargeError, never retried: ask for smaller pages, or raise
	// this limit. Reading a body holds at most this many bytes plus a small
	// constant; a body sent without Content-Length that fits is then copied
	// once into one buffer for decoding.
	MaxResponseBytes int64
	// Logger receives one debug record per HTTP attempt. Nil disables logging.
	Logger *slog.Logger
}

// NewConfiguration returns a configuration with the SDK's defaults: retries
// on, default pacing, no credentials.
func NewConfiguration() *Configuration {
	return &Configuration{
		MaxRetries:    DefaultMaxRetries,
		RetryWaitMin:  DefaultRetryWaitMin,
		RetryWaitMax:  DefaultRetryWaitMax,
		DefaultHeader: map[string]string{},
	}
}

// NewConfigurationFromEnv returns NewConfiguration filled from SAIL_BASE_URL,
// SAIL_CLIENT_ID, SAIL_CLIENT_SECRET, SAIL_TOKEN_URL, SAIL_ACCESS_TOKEN and
// SAIL_API_VERSION,
// and validated.
func NewConfigurationFromEnv() (*Configuration, error) {
	cfg := NewConfiguration()
	cfg.BaseURL = strings.TrimSpace(os.Getenv(EnvBaseURL))
	cfg.ClientID = strings.TrimSpace(os.Getenv(EnvClientID))
	cfg.ClientSecret = strings.TrimSpace(os.Getenv(EnvClientSecret))
	cfg.TokenURL = strings.TrimSpace(os.Getenv(EnvTokenURL))
	cfg.AccessToken = strings.TrimSpace(os.Getenv(EnvAccessToken))
	cfg.APIVersion = APIVersion(strings.TrimSpace(os.Getenv(EnvAPIVersion)))
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// Validate reports the first problem that would stop the configuration from
// working, as a *ValidationError naming the field and what to set.
func (c *Configuration) Validate() error {
	if c == nil {
		return &ValidationError{Parameter: "Configuration", Problem: "is nil", Allowed: "a *Configuration from NewConfiguration or NewConfigurationFromEnv"}
	}
	if _, err := c.apiRoot(); err != nil {
		return err
	}
	hasCreds := c.ClientID != "" || c.ClientSecret != ""
	switch {
	case c.TokenSource != nil, c.AccessToken != "":
	case c.ClientID != "" && c.ClientSecret == "":
		return &ValidationError{Parameter: "ClientSecret", Problem: "is empty while ClientID is set", Allowed: "the secret of the personal access token or API client (" + EnvClientSecret + ")"}
	case c.ClientID == "" && c.ClientSecret != "":
		return &ValidationError{Parameter: "ClientID", Problem: "is empty while ClientSecret is set", Allowed: "the id of the personal access token or API client (" + EnvClientID + ")"}
	case !hasCreds:
		return &ValidationError{Parameter: "ClientID", Problem: "no credentials are configured", Allowed: "ClientID and ClientSecret (" + EnvClientID + ", " + EnvClientSecret + "), AccessToken (" + EnvAccessToken + ") or TokenSource"}
	}
	if c.TokenSource == nil && c.AccessToken == "" {
		if _, err := c.tokenURL(); err != nil {
			return err
		}
	}
	switch c.APIVersion {
	case "", APIVersionV3, APIVersionV1:
	default:
		return &ValidationError{Parameter: "APIVersion", Problem: fmt.Sprintf("%q is not an API version this client speaks", string(c.APIVersion)), Allowed: `"v3" (APIVersionV3, the default) or "v1" (APIVersionV1), also through ` + EnvAPIVersion}
	}
	if c.MaxRetries < 0 {
		return &ValidationError{Parameter: "MaxRetries", Problem: fmt.Sprintf("is %d", c.MaxRetries), Allowed: "0 (no retries) or more"}
	}
	if c.RetryWaitMin < 0 {
		return &ValidationError{Parameter: "RetryWaitMin", Problem: fmt.Sprintf("is negative (%s)", c.RetryWaitMin), Allowed: "0 (default) or a positive duration"}
	}
	if c.RetryWaitMax < 0 {
		return &ValidationError{Parameter: "RetryWaitMax", Problem: fmt.Sprintf("is negative (%s)", c.RetryWaitMax), Allowed: "0 (default) or a positive duration"}
	}
	if c.MaxResponseBytes < 0 {
		return &ValidationError{Parameter: "MaxResponseBytes", Problem: fmt.Sprintf("is negative (%d)", c.MaxResponseBytes), Allowed: "0 (DefaultMaxResponseBytes) or a positive number of bytes"}
	}
	if rl := c.RateLimit; rl != nil && !c.DisableRateLimit && (rl.Requests < 1 || rl.Per <= 0) {
		return &ValidationError{Parameter: "RateLimit", Problem: fmt.Sprintf("is %d requests per %s", rl.Requests, rl.Per), Allowed: "at least 1 request per positive duration, or DisableRateLimit"}
	}
	for k := range c.DefaultHeader {
		if strings.EqualFold(k, "Authorization") {
			return &ValidationError{Parameter: "DefaultHeader", Problem: "sets Authorization", Allowed: "AccessToken or TokenSource for credentials"}
		}
	}
	return nil
}

// clone returns a copy of c that shares no map, RateLimit or http.Client
// struct with it, so that neither side can change the other's settings.
// TokenSource, Logger and the HTTP client's Transport are shared: they are
// the caller's own objects.
func (c *Configuration) clone() Configuration {
	cp := *c
	if c.DefaultHeader != nil {
		cp.DefaultHeader = maps.Clone(c.DefaultHeader)
	}
	if c.RateLimit != nil {
		rl := *c.RateLimit
		cp.RateLimit = &rl
	}
	if c.HTTPClient != nil {
		hc := *c.HTTPClient
		cp.HTTPClient = &hc
	}
	return cp
}

// maxResponseBytes is MaxResponseBytes, or its default.
func (c *Configuration) maxResponseBytes() int64 {
	if c.MaxResponseBytes > 0 {
		return c.MaxResponseBytes
	}
	return DefaultMaxResponseBytes
}

// apiRoot parses BaseURL and returns it without a trailing slash or version
// segment.
func (c *Configuration) apiRoot() (*url.URL, error) {
	raw := strings.TrimSpace(c.BaseURL)
	if raw == "" {
		return nil, &ValidationError{Parameter: "BaseURL", Problem: "is empty", Allowed: "the tenant API root, e.g. https://acme.api.identitynow.com (" + EnvBaseURL + ")"}
	}
	u, err := checkURL("BaseURL", raw)
	if err != nil {
		return nil, err
	}
	p := strings.TrimRight(u.Path, "/")
	for _, v := range []string{"/v3", "/beta"} {
		p = strings.TrimSuffix(p, v)
	}
	u.Path, u.RawPath = p, ""
	// A user name or password in BaseURL is never sent (the request carries
	// the bearer token), and would show in every message naming the root.
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u, nil
}

// tokenURL returns TokenURL, or the default derived from BaseURL.
func (c *Configuration) tokenURL() (string, error) {
	if c.TokenURL == "" {
		root, err := c.apiRoot()
		if err != nil {
			return "", err
		}
		return root.String() + "/oauth/token", nil
	}
	u, err := checkURL("TokenURL", c.TokenURL)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// checkURL parses an absolute URL and refuses clear-text HTTP to anything
// but a loopback host, since a bearer token or client secret travels on it.
func checkURL(field, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		// The value is shown only as far as redactURL shows a URL, and
		// not at all when it has no host: then a password may sit in
		// what parsed as its path or opaque part.
		problem := "is not an absolute http(s) URL (its value is not shown: it may hold credentials)"
		if err == nil && u.Host != "" {
			problem = fmt.Sprintf("%q is not an absolute http(s) URL", redactURL(raw))
		}
		return nil, &ValidationError{Parameter: field, Problem: problem, Allowed: "a URL such as https://acme.api.identitynow.com"}
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, &ValidationError{Parameter: field, Problem: fmt.Sprintf("uses http:// to %s, which would send credentials in clear text", u.Hostname()), Allowed: "https://, or http:// to localhost or a loopback address"}
	}
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// String describes the configuration with secrets redacted. BaseURL and
// TokenURL show scheme, host and path only: a user name, password or query
// in them may hold credentials.
func (c Configuration) String() string {
	return fmt.Sprintf("Configuration{BaseURL:%q TokenURL:%q ClientID:%q ClientSecret:%s AccessToken:%s TokenSource:%t APIVersion:%q MaxRetries:%d RetryWaitMax:%s UserAgent:%q}",
		redactURL(c.BaseURL), redactURL(c.TokenURL), c.ClientID, redact(c.ClientSecret), redact(c.AccessToken), c.TokenSource != nil, string(c.APIVersion), c.MaxRetries, c.RetryWaitMax, c.UserAgent)
}

// Format makes every fmt verb (%v, %+v, %#v, %s) print String, so secrets
// never reach a log line through a formatted Configuration.
func (c Configuration) Format(f fmt.State, _ rune) {
	_, _ = f.Write([]byte(c.String()))
}

// LogValue implements slog.LogValuer with secrets redacted, the URLs as
// String shows them.
func (c Configuration) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", redactURL(c.BaseURL)),
		slog.String("token_url", redactURL(c.TokenURL)),
		slog.String("client_id", c.ClientID),
		slog.String("client_secret", redact(c.ClientSecret)),
		slog.String("access_token", redact(c.AccessToken)),
		slog.Bool("token_source", c.TokenSource != nil),
		slog.String("api_version", string(c.APIVersion)),
		slog.Int("max_retries", c.MaxRetries),
	)
}

// redact shows whether a secret is set, never its value.
func redact(s string) string {
	if s == "" {
		return `""`
	}
	return redactedText
}
