package beta_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
)

// TestBetaAndV3ShareOneToken uses client credentials for a v3 call and a
// beta call on one client: the token endpoint is asked once and both calls
// carry its token.
func TestBetaAndV3ShareOneToken(t *testing.T) {
	client, mt := newTestClient(t, func(cfg *certifications.Configuration) {
		cfg.AccessToken = ""
		cfg.ClientID = "client-1"
		cfg.ClientSecret = "secret-1"
	})
	var tokenRequests atomic.Int32
	mt.RegisterResponder(http.MethodPost, baseURL+"/oauth/token", func(req *http.Request) (*http.Response, error) {
		require.NoError(t, req.ParseForm())
		assert.Equal(t, "client_credentials", req.PostForm.Get("grant_type"))
		assert.Equal(t, "client-1", req.PostForm.Get("client_id"))
		n := tokenRequests.Add(1)
		return httpmock.NewJsonResponse(200, map[string]any{
			"access_token": fmt.Sprintf("token-%d", n), "token_type": "bearer", "expires_in": 3600,
		})
	})
	var mu sync.Mutex
	auth := map[string]string{}
	respond := func(req *http.Request) (*http.Response, error) {
		mu.Lock()
		auth[req.URL.Path] = req.Header.Get("Authorization")
		mu.Unlock()
		return httpmock.NewStringResponse(200, `[]`), nil
	}
	mt.RegisterResponder(http.MethodGet, baseURL+"/v3/certifications", respond)
	mt.RegisterResponder(http.MethodGet, baseURL+"/beta/certifications", respond)

	_, _, err := client.CertificationsApi.ListIdentityCertifications(context.Background()).Execute()
	require.NoError(t, err)
	_, _, err = beta.NewCertificationsApi(client).ListCertifications(context.Background()).Execute()
	require.NoError(t, err)

	assert.EqualValues(t, 1, tokenRequests.Load(), "one token for v3 and beta")
	assert.Equal(t, map[string]string{
		"/v3/certifications":   "Bearer token-1",
		"/beta/certifications": "Bearer token-1",
	}, auth)
}

// TestConfigurationErrorIsReturned checks that a beta call on a client
// with an invalid configuration returns the client's error and sends
// nothing.
func TestConfigurationErrorIsReturned(t *testing.T) {
	client, mt := buildClient(t, func(cfg *certifications.Configuration) { cfg.BaseURL = "" })
	require.Error(t, client.Err())
	api := beta.NewCertificationsApi(client)
	for _, op := range operations() {
		t.Run(op.id, func(t *testing.T) {
			got, resp, err := op.call(context.Background(), api, "c", "i")
			assert.Equal(t, client.Err(), err)
			assert.Nil(t, resp)
			assert.True(t, isNil(got))
		})
	}
	assert.Equal(t, 0, mt.GetTotalCallCount())
}

// TestNilClient checks that operations on a service without a client fail
// with a *ValidationError instead of panicking.
func TestNilClient(t *testing.T) {
	api := beta.NewCertificationsApi(nil)
	for _, op := range operations() {
		t.Run(op.id, func(t *testing.T) {
			got, resp, err := op.call(context.Background(), api, "c", "i")
			var ve *certifications.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "client", ve.Parameter)
			assert.Nil(t, resp)
			assert.True(t, isNil(got))
		})
	}
}

// TestBetaCallsAreLogged checks that beta calls go through the client's
// logger like v3 calls.
func TestBetaCallsAreLogged(t *testing.T) {
	var buf bytes.Buffer
	api, mt := newAPI(t, func(cfg *certifications.Configuration) {
		cfg.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	answerWith(t, mt, 200, `[]`)
	_, _, err := api.GetIdentityCertificationPendingTasks(context.Background(), "cert-1").Execute()
	require.NoError(t, err)
	assert.Contains(t, buf.String(), "path=/beta/certifications/cert-1/tasks-pending")
	assert.Contains(t, buf.String(), "status=200")
	assert.NotContains(t, buf.String(), testToken)
}
