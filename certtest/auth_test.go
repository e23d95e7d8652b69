package certtest_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// postToken sends a token request with the given form body and basic auth.
func postToken(t *testing.T, srv *certtest.Server, form url.Values, basicID, basicSecret string) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx(t), http.MethodPost, srv.URL()+"/oauth/token", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basicID != "" {
		req.SetBasicAuth(basicID, basicSecret)
	}
	resp, err := srv.Configuration().HTTPClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body map[string]any
	require.NoError(t, decodeJSON(resp, &body))
	return resp, body
}

func TestTokenEndpointGoodCredentials(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithTokenLifetime(90*time.Second))
	for name, send := range map[string]func() (*http.Response, map[string]any){
		"form": func() (*http.Response, map[string]any) {
			return postToken(t, srv, url.Values{"grant_type": {"client_credentials"}, "client_id": {srv.ClientID()}, "client_secret": {srv.ClientSecret()}}, "", "")
		},
		"basic auth": func() (*http.Response, map[string]any) {
			return postToken(t, srv, url.Values{"grant_type": {"client_credentials"}}, srv.ClientID(), srv.ClientSecret())
		},
	} {
		t.Run(name, func(t *testing.T) {
			resp, body := send()
			require.Equal(t, http.StatusOK, resp.StatusCode, "%v", body)
			assert.Equal(t, "bearer", body["token_type"])
			assert.Equal(t, float64(90), body["expires_in"])
			assert.Equal(t, "sp:scopes:all", body["scope"])
			assert.NotEmpty(t, body["tenant_id"])
			assert.Equal(t, srv.MeID(), body["identity_id"])
			tok, _ := body["access_token"].(string)
			assert.Len(t, strings.Split(tok, "."), 3, "a JWT")

			// The token works on the API.
			r, _ := rawWithToken(t, srv, tok, http.MethodGet, "/v3/certifications", nil, "")
			assert.Equal(t, http.StatusOK, r.StatusCode)
		})
	}
}

func TestTokenEndpointRefusals(t *testing.T) {
	srv := certtest.NewTestServer(t)
	resp, body := postToken(t, srv, url.Values{"grant_type": {"client_credentials"}, "client_id": {srv.ClientID()}, "client_secret": {"wrong"}}, "", "")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Equal(t, "invalid_client", body["error"])
	assert.NotEmpty(t, body["error_description"])

	resp, body = postToken(t, srv, url.Values{"grant_type": {"password"}, "client_id": {srv.ClientID()}, "client_secret": {srv.ClientSecret()}}, "", "")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "unsupported_grant_type", body["error"])

	// Through the SDK: a *TokenError naming the status and the OAuth2 code.
	c := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.ClientSecret = "wrong" })
	_, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
	var te *certifications.TokenError
	require.True(t, errors.As(err, &te), "got %v", err)
	assert.Equal(t, http.StatusUnauthorized, te.StatusCode)
	assert.Equal(t, "invalid_client", te.ErrorCode)
	assert.NotContains(t, err.Error(), srv.ClientSecret())
}

func TestAPIRequiresValidBearerToken(t *testing.T) {
	srv := certtest.NewTestServer(t)
	for name, token := range map[string]string{"missing": "", "unknown": "not-a-token"} {
		t.Run(name, func(t *testing.T) {
			resp, body := rawWithToken(t, srv, token, http.MethodGet, "/v3/certifications", nil, "")
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
			msg := decode[map[string]string](t, body)["error"]
			assert.True(t, strings.HasPrefix(msg, "JWT validation failed"), msg)
		})
	}

	tok := srv.IssueToken()
	srv.ExpireTokens()
	resp, body := rawWithToken(t, srv, tok, http.MethodGet, "/beta/certifications", nil, "")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.JSONEq(t, `{"error":"JWT validation failed: JWT is expired"}`, string(body))
}

func TestExpiredTokenIsRenewedByClient(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv, noRetries)
	_, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
	require.NoError(t, err)

	srv.ExpireTokens()
	srv.ResetRequests()
	_, _, err = c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
	require.NoError(t, err, "the client fetches a new token after the 401")

	var got []string
	for _, r := range srv.Requests() {
		got = append(got, r.Method+" "+r.Path+" "+http.StatusText(r.Status))
	}
	assert.Equal(t, []string{
		"GET /v3/certifications Unauthorized",
		"POST /oauth/token OK",
		"GET /v3/certifications OK",
	}, got)
}

func TestTokenLifetimeEnforced(t *testing.T) {
	// On the bubble's clock the lifetime is exact: a token works until its
	// last nanosecond and is refused from then on.
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithTokenLifetime(time.Second))
		tok := srv.IssueToken()
		time.Sleep(time.Second - time.Nanosecond)
		resp, _ := rawWithToken(t, srv, tok, http.MethodGet, "/v3/certifications", nil, "")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		time.Sleep(time.Nanosecond)
		resp, body := rawWithToken(t, srv, tok, http.MethodGet, "/v3/certifications", nil, "")
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
		assert.Contains(t, string(body), "JWT is expired")

		// The SDK client renews before or at expiry and never fails: no
		// request of its reaches the server with an expired token.
		srv.ResetRequests()
		c := newClient(t, srv, noRetries)
		for range 3 {
			_, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
			require.NoError(t, err)
			time.Sleep(450 * time.Millisecond)
		}
		tokens := 0
		for _, r := range srv.Requests() {
			if r.Path == "/oauth/token" {
				tokens++
			}
			assert.NotEqual(t, http.StatusUnauthorized, r.Status, "%s %s", r.Method, r.Path)
		}
		assert.GreaterOrEqual(t, tokens, 2, "the client fetched more than one token")
	})
}
