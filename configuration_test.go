package certifications

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

func TestNewConfigurationDefaults(t *testing.T) {
	cfg := NewConfiguration()
	assert.Equal(t, DefaultMaxRetries, cfg.MaxRetries)
	assert.Equal(t, DefaultRetryWaitMax, cfg.RetryWaitMax)
	assert.NotNil(t, cfg.DefaultHeader)
	assert.False(t, cfg.DisableRateLimit)
}

func TestNewConfigurationFromEnv(t *testing.T) {
	t.Setenv(EnvBaseURL, " https://acme.api.identitynow.com ")
	t.Setenv(EnvClientID, "id-123")
	t.Setenv(EnvClientSecret, "s3cr3t")
	t.Setenv(EnvTokenURL, "https://acme.api.identitynow.com/oauth/token2")
	t.Setenv(EnvAccessToken, "")
	cfg, err := NewConfigurationFromEnv()
	require.NoError(t, err)
	assert.Equal(t, "https://acme.api.identitynow.com", cfg.BaseURL)
	assert.Equal(t, "id-123", cfg.ClientID)
	assert.Equal(t, "s3cr3t", cfg.ClientSecret)
	assert.Equal(t, "https://acme.api.identitynow.com/oauth/token2", cfg.TokenURL)
	assert.Equal(t, DefaultMaxRetries, cfg.MaxRetries)
}

func TestNewConfigurationFromEnvAccessToken(t *testing.T) {
	t.Setenv(EnvBaseURL, "https://acme.api.identitynow.com")
	t.Setenv(EnvClientID, "")
	t.Setenv(EnvClientSecret, "")
	t.Setenv(EnvTokenURL, "")
	t.Setenv(EnvAccessToken, "tok")
	cfg, err := NewConfigurationFromEnv()
	require.NoError(t, err)
	assert.Equal(t, "tok", cfg.AccessToken)
}

func TestNewConfigurationFromEnvMissing(t *testing.T) {
	for _, k := range []string{EnvBaseURL, EnvClientID, EnvClientSecret, EnvTokenURL, EnvAccessToken} {
		t.Setenv(k, "")
	}
	cfg, err := NewConfigurationFromEnv()
	assert.Nil(t, cfg)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "BaseURL", ve.Parameter)
	assert.Contains(t, err.Error(), EnvBaseURL)
}

func TestConfigurationValidate(t *testing.T) {
	good := func() *Configuration {
		c := NewConfiguration()
		c.BaseURL = "https://acme.api.identitynow.com"
		c.ClientID, c.ClientSecret = "id", "secret"
		return c
	}
	cases := []struct {
		name   string
		mutate func(*Configuration)
		param  string // "" means valid
		text   string
	}{
		{"valid", func(*Configuration) {}, "", ""},
		{"missing base URL", func(c *Configuration) { c.BaseURL = "" }, "BaseURL", "is empty"},
		{"malformed base URL", func(c *Configuration) { c.BaseURL = "acme.api.identitynow.com" }, "BaseURL", "not an absolute"},
		{"bad scheme", func(c *Configuration) { c.BaseURL = "ftp://acme.example" }, "BaseURL", "not an absolute"},
		{"clear text to remote host", func(c *Configuration) { c.BaseURL = "http://acme.api.identitynow.com" }, "BaseURL", "clear text"},
		{"clear text to loopback ok", func(c *Configuration) { c.BaseURL = "http://127.0.0.1:8080" }, "", ""},
		{"clear text to localhost ok", func(c *Configuration) { c.BaseURL = "http://localhost:8080" }, "", ""},
		{"clear text to ::1 ok", func(c *Configuration) { c.BaseURL = "http://[::1]:8080" }, "", ""},
		{"clear text token URL", func(c *Configuration) { c.TokenURL = "http://auth.example.com/oauth/token" }, "TokenURL", "clear text"},
		{"no credentials", func(c *Configuration) { c.ClientID, c.ClientSecret = "", "" }, "ClientID", "no credentials"},
		{"id without secret", func(c *Configuration) { c.ClientSecret = "" }, "ClientSecret", "is empty"},
		{"secret without id", func(c *Configuration) { c.ClientID = "" }, "ClientID", "is empty"},
		{"access token only", func(c *Configuration) { c.ClientID, c.ClientSecret, c.AccessToken = "", "", "t" }, "", ""},
		{"token source only", func(c *Configuration) {
			c.ClientID, c.ClientSecret = "", ""
			c.TokenSource = oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "t"})
		}, "", ""},
		{"negative retries", func(c *Configuration) { c.MaxRetries = -1 }, "MaxRetries", "-1"},
		{"negative wait", func(c *Configuration) { c.RetryWaitMax = -time.Second }, "RetryWaitMax", "negative"},
		{"negative first wait", func(c *Configuration) { c.RetryWaitMin = -time.Second }, "RetryWaitMin", "negative"},
		{"negative body cap", func(c *Configuration) { c.MaxResponseBytes = -1 }, "MaxResponseBytes", "negative"},
		{"bad rate limit", func(c *Configuration) { c.RateLimit = &RateLimit{Requests: 0, Per: time.Second} }, "RateLimit", "0 requests"},
		{"authorization default header", func(c *Configuration) { c.DefaultHeader["authorization"] = "Bearer x" }, "DefaultHeader", "Authorization"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := good()
			tc.mutate(c)
			err := c.Validate()
			if tc.param == "" {
				assert.NoError(t, err)
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.param, ve.Parameter)
			assert.Contains(t, err.Error(), tc.text)
			assert.NotEmpty(t, ve.Allowed, "the error must say what to set")
		})
	}
}

func TestNilConfigurationNeverPanics(t *testing.T) {
	var cfg *Configuration
	require.Error(t, cfg.Validate())
	c := NewAPIClient(nil)
	require.NotNil(t, c.CertificationsApi)
	_, _, err := c.CertificationsApi.GetIdentityCertification(context.Background(), "x").Execute()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "Configuration", ve.Parameter)
}

func TestInvalidConfigurationReturnedByExecute(t *testing.T) {
	cfg := NewConfiguration()
	cfg.BaseURL = "http://tenant.example.com"
	cfg.AccessToken = "t"
	c := NewAPIClient(cfg)
	_, resp, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).Execute()
	assert.Nil(t, resp)
	assert.Equal(t, cfg.Validate().Error(), err.Error())
	assert.Equal(t, err, c.Err())
}

func TestBaseURLVersionSuffixIgnored(t *testing.T) {
	for _, base := range []string{"https://acme.api.identitynow.com/", "https://acme.api.identitynow.com/v3", "https://acme.api.identitynow.com/beta/"} {
		cfg := NewConfiguration()
		cfg.BaseURL = base
		cfg.AccessToken = "t"
		c := NewAPIClient(cfg)
		req, err := c.NewRequest(context.Background(), "GET", "v3/certifications", nil, nil)
		require.NoError(t, err)
		assert.Equal(t, "https://acme.api.identitynow.com/v3/certifications", req.URL.String(), base)
	}
}

func TestConfigurationPrintingRedactsSecrets(t *testing.T) {
	cfg := NewConfiguration()
	cfg.BaseURL = "https://acme.api.identitynow.com"
	cfg.ClientID = "client-id-1"
	cfg.ClientSecret = "super-secret-value"
	cfg.AccessToken = "eyJhbGciOi.token.value"
	var logBuf bytes.Buffer
	slog.New(slog.NewJSONHandler(&logBuf, nil)).Info("cfg", "config", cfg, "value", *cfg)
	outputs := []string{
		fmt.Sprintf("%v", cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%s", cfg),
		fmt.Sprintf("%v", *cfg), fmt.Sprintf("%+v", *cfg), fmt.Sprint(cfg), cfg.String(), logBuf.String(),
	}
	for _, out := range outputs {
		assert.NotContains(t, out, "super-secret-value")
		assert.NotContains(t, out, "eyJhbGciOi")
		assert.Contains(t, out, "client-id-1", "non-secret fields stay visible")
	}
}

func TestValidationErrorMessage(t *testing.T) {
	err := error(&ValidationError{Parameter: "limit", Problem: "300 is out of range", Allowed: "0 to 250"})
	assert.Equal(t, "certifications: invalid limit: 300 is out of range; allowed: 0 to 250", err.Error())
	var ve *ValidationError
	assert.True(t, errors.As(fmt.Errorf("wrapped: %w", err), &ve))
}

// Configuration.RateLimit, DefaultHeader and HTTPClient no longer stay
// shared after NewAPIClient: changing them afterwards reaches neither the
// API requests, nor the token requests, nor the pacing.
func TestNewAPIClientCopiesConfiguration(t *testing.T) {
	used, unused := httpmock.NewMockTransport(), httpmock.NewMockTransport()
	var tokens atomic.Int32
	used.RegisterResponder("POST", testTokenURL, tokenResponder(t, time.Hour, &tokens))
	used.RegisterResponder("GET", testBase+"/v3/x", func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, "governance", req.Header.Get("X-Team"))
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	cfg := NewConfiguration()
	cfg.BaseURL, cfg.ClientID, cfg.ClientSecret = testBase, "client-1", testSecret
	cfg.HTTPClient = &http.Client{Transport: used}
	cfg.RateLimit = &RateLimit{Requests: 100, Per: 10 * time.Second}
	cfg.DefaultHeader = map[string]string{"X-Team": "governance"}
	c := NewAPIClient(cfg)
	require.NoError(t, c.Err())

	cfg.RateLimit.Requests, cfg.RateLimit.Per = 1, time.Hour
	cfg.DefaultHeader["X-Team"] = "changed"
	cfg.HTTPClient.Transport = unused

	_, err := get(c, context.Background(), "v3/x", nil)
	require.NoError(t, err)
	assert.Equal(t, 2, used.GetTotalCallCount(), "token and API request on the transport given at construction")
	assert.Zero(t, unused.GetTotalCallCount())
	assert.Equal(t, RateLimit{Requests: 100, Per: 10 * time.Second}, c.pacer("/v3/x").rl)
	assert.Equal(t, RateLimit{Requests: 100, Per: 10 * time.Second}, *c.Configuration().RateLimit)
}

// Configuration returns a copy that shares nothing with the client.
// Writing to its DefaultHeader while requests run is no data race (run
// with -race), and changes nothing the client does.
func TestConfigurationIsADeepCopy(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
		cfg.DefaultHeader = map[string]string{"X-Team": "governance"}
		cfg.RateLimit = &RateLimit{Requests: 100, Per: 10 * time.Second}
	})
	mt.RegisterResponder("GET", testBase+"/v3/x", func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, "governance", req.Header.Get("X-Team"))
		assert.Empty(t, req.Header.Get("X-Other"))
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	got := c.Configuration()
	got.RateLimit.Requests = 1
	got.HTTPClient.Transport = nil
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				_, err := get(c, context.Background(), "v3/x", nil)
				assert.NoError(t, err)
			}
		}()
	}
	for i := range 2000 {
		got.DefaultHeader["X-Team"] = fmt.Sprint(i)
		got.DefaultHeader["X-Other"] = "x"
	}
	wg.Wait()
	assert.Equal(t, 160, mt.GetTotalCallCount())
	again := c.Configuration()
	assert.Equal(t, map[string]string{"X-Team": "governance"}, again.DefaultHeader)
	assert.Equal(t, 100, again.RateLimit.Requests)
	assert.NotNil(t, again.HTTPClient.Transport)
	assert.NotSame(t, again.RateLimit, got.RateLimit)
	assert.NotSame(t, again.HTTPClient, got.HTTPClient)
}

// A user name, password, query or fragment in BaseURL or TokenURL may hold
// credentials: printing a configuration or a client, logging it, or an
// error naming the API root shows scheme, host and path only.
func TestConfigurationPrintingRedactsURLs(t *testing.T) {
	cfg := NewConfiguration()
	cfg.BaseURL = "https://admin:base-password@acme.api.identitynow.com/isc?key=base-query#base-fragment"
	cfg.TokenURL = "https://svc:token-password@login.example.com/oauth/token?key=token-query"
	cfg.AccessToken = testToken
	c := NewAPIClient(cfg)
	require.NoError(t, c.Err())
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://elsewhere.example.com/v3/x", nil)
	require.NoError(t, err)
	_, outside := c.Do(req, nil)
	require.Error(t, outside)

	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("cfg", "config", cfg, "client", c)
	outputs := []string{
		fmt.Sprintf("%v", cfg), fmt.Sprintf("%+v", *cfg), cfg.String(), fmt.Sprint(c), logs.String(), outside.Error(),
	}
	for _, out := range outputs {
		for _, secret := range []string{"admin", "base-password", "base-query", "base-fragment", "svc", "token-password", "token-query"} {
			assert.NotContains(t, out, secret)
		}
		assert.Contains(t, out, "https://acme.api.identitynow.com/isc")
	}
	assert.Contains(t, cfg.String(), `TokenURL:"https://login.example.com/oauth/token"`)
	assert.Contains(t, cfg.String(), `BaseURL:"https://acme.api.identitynow.com/isc"`)
	assert.Contains(t, Configuration{}.String(), `BaseURL:"" TokenURL:""`, "unset stays empty")
	assert.Contains(t, Configuration{BaseURL: "https://a.example.com/%zz?key=x"}.String(), `BaseURL:"[unparsable URL]"`)
}
