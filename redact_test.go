package certifications

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every SDK value a caller can reach, printed with every fmt verb and
// logged through slog's JSON and text handlers, shows neither the client
// secret nor the access token (nor the Authorization header). Servers
// that echo the token or the secret are part of the setup.
func TestNothingPrintsASecret(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		c, mt := newMockClient(t, func(cfg *Configuration) {
			cfg.MaxRetries = 0
			cfg.MaxResponseBytes = 64
			cfg.DefaultHeader = map[string]string{"X-Team": "governance"}
		})
		var tokens atomic.Int32
		mt.RegisterResponder("POST", testTokenURL, func(*http.Request) (*http.Response, error) {
			tokens.Add(1)
			return httpmock.NewJsonResponse(200, map[string]any{"access_token": testToken, "token_type": "bearer", "expires_in": 600})
		})
		mt.RegisterResponder("GET", testBase+"/v3/certifications/ok", httpmock.NewStringResponder(200, `{"id":"ok"}`))
		mt.RegisterResponder("GET", testBase+"/v3/certifications/echo", func(req *http.Request) (*http.Response, error) {
			// A gateway that echoes what it got.
			return httpmock.NewStringResponse(401, `{"error":"invalid token `+strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")+`"}`), nil
		})
		mt.RegisterResponder("GET", testBase+"/v3/certifications/bad-json", httpmock.NewStringResponder(200, `{"id":7}`))
		mt.RegisterResponder("GET", testBase+"/v3/certifications/huge", httpmock.NewStringResponder(200, `"`+strings.Repeat("a", 100)+`"`))

		cert, resp, err := c.CertificationsApi.GetIdentityCertification(ctx, "ok").Execute()
		require.NoError(t, err)
		require.NotNil(t, cert)
		require.Equal(t, 1, int(tokens.Load()), "the client holds a token")
		_, _, apiErr := c.CertificationsApi.GetIdentityCertification(ctx, "echo").Execute()
		require.ErrorAs(t, apiErr, new(*APIError))
		_, _, decodeErr := c.CertificationsApi.GetIdentityCertification(ctx, "bad-json").Execute()
		require.ErrorAs(t, decodeErr, new(*DecodeError))
		_, _, tooLarge := c.CertificationsApi.GetIdentityCertification(ctx, "huge").Execute()
		require.ErrorAs(t, tooLarge, new(*ResponseTooLargeError))
		_, _, validationErr := c.CertificationsApi.GetIdentityCertification(ctx, "").Execute()
		require.ErrorAs(t, validationErr, new(*ValidationError))

		echoing, mt2 := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 0 })
		mt2.RegisterResponder("POST", testTokenURL, httpmock.NewStringResponder(401,
			`{"error":"invalid_client","error_description":"client secret `+testSecret+` is not valid"}`))
		_, _, tokenErr := echoing.CertificationsApi.GetIdentityCertification(ctx, "ok").Execute()
		require.ErrorAs(t, tokenErr, new(*TokenError))

		paced := NewAPIClient(func() *Configuration {
			cfg := c.Configuration()
			cfg.DisableRateLimit, cfg.RateLimit = false, &RateLimit{Requests: 1, Per: time.Hour}
			return &cfg
		}())
		_, _, _ = paced.CertificationsApi.GetIdentityCertification(ctx, "ok").Execute()
		short, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		_, _, paceErr := paced.CertificationsApi.GetIdentityCertification(short, "ok").Execute()
		require.ErrorIs(t, paceErr, context.DeadlineExceeded)

		unusable := NewAPIClient(&Configuration{BaseURL: testBase, ClientSecret: testSecret})
		require.Error(t, unusable.Err())

		cfg := c.Configuration()
		withToken := cfg
		withToken.AccessToken = testToken
		values := map[string]any{
			"client":                    c,
			"unusable client":           unusable,
			"service":                   c.CertificationsApi,
			"service value":             *c.CertificationsApi,
			"summaries service":         c.CertificationSummariesApi,
			"summaries service value":   *c.CertificationSummariesApi,
			"summaries builder":         c.CertificationSummariesApi.GetIdentitySummaries(ctx, "c1").Filters("x"),
			"token cache":               c.auth,
			"get builder":               c.CertificationsApi.GetIdentityCertification(ctx, "x"),
			"list builder":              c.CertificationsApi.ListIdentityAccessReviewItems(ctx, "x").Limit(5),
			"pager":                     c.CertificationsApi.ListIdentityAccessReviewItems(ctx, "x").Pager(),
			"configuration":             cfg,
			"configuration pointer":     &cfg,
			"configuration, token":      withToken,
			"response":                  resp,
			"response request":          resp.Request,
			"response request header":   resp.Request.Header,
			"*APIError":                 apiErr,
			"*TokenError":               tokenErr,
			"*DecodeError":              decodeErr,
			"*ResponseTooLargeError":    tooLarge,
			"*ValidationError":          validationErr,
			"rate limit error":          paceErr,
			"configuration error":       unusable.Err(),
			"error response of the 401": apiErr.(*APIError).Body,
		}
		for name, v := range values {
			var logs bytes.Buffer
			slog.New(slog.NewJSONHandler(&logs, nil)).Info("value", "v", v)
			slog.New(slog.NewTextHandler(&logs, nil)).Info("value", "v", v)
			for _, out := range []string{
				fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v), fmt.Sprintf("%s", v), fmt.Sprint(v), logs.String(),
			} {
				assert.NotContains(t, out, testSecret, name)
				assert.NotContains(t, out, testToken, name)
				assert.NotContains(t, out, "Bearer", name)
				assert.NotContains(t, out, "Authorization", name)
			}
		}
		assert.Contains(t, fmt.Sprint(c), "client-1", "what is not secret stays visible")
		assert.Contains(t, fmt.Sprint(c), testBase)
	})
}

// The Request in a response is the caller's own, without the Authorization
// header the attempt carried; after a redirect, the redirected request and
// the chain of redirect responses behind it carry none either.
func TestResponseRequestHasNoAuthorization(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	var sent []string
	mt.RegisterResponder("GET", testBase+"/v3/a", func(req *http.Request) (*http.Response, error) {
		sent = append(sent, req.Header.Get("Authorization"))
		r := httpmock.NewStringResponse(http.StatusFound, "")
		r.Header.Set("Location", testBase+"/v3/b")
		r.Request = req // as http.Transport does
		return r, nil
	})
	mt.RegisterResponder("GET", testBase+"/v3/b", func(req *http.Request) (*http.Response, error) {
		sent = append(sent, req.Header.Get("Authorization"))
		r := httpmock.NewStringResponse(200, `{}`)
		r.Request = req
		return r, nil
	})

	req, err := c.NewRequest(context.Background(), http.MethodGet, "v3/b", nil, nil)
	require.NoError(t, err)
	resp, err := c.Do(req, nil)
	require.NoError(t, err)
	assert.Same(t, req, resp.Request, "the caller's own request")
	assert.Empty(t, req.Header.Get("Authorization"), "never set on the caller's request")

	req, err = c.NewRequest(context.Background(), http.MethodGet, "v3/a", nil, nil)
	require.NoError(t, err)
	resp, err = c.Do(req, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"Bearer " + testToken, "Bearer " + testToken, "Bearer " + testToken}, sent, "the token went along the same-host redirect")
	assert.Equal(t, "/v3/b", resp.Request.URL.Path)
	assert.Empty(t, resp.Request.Header.Get("Authorization"))
	require.NotNil(t, resp.Request.Response, "the redirect response is kept")
	assert.Equal(t, http.StatusFound, resp.Request.Response.StatusCode)
	assert.Same(t, req, resp.Request.Response.Request)
}
