package certifications

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A redirect keeps the token only under the tenant's API root, the rule Do
// applies to the requests it is given: on the same host, a path outside
// the root (another tenant's) gets no Authorization header.
func TestRedirectOutsideAPIRootDropsToken(t *testing.T) {
	const root = testBase + "/tenantA"
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.BaseURL, cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = root, testToken, "", ""
	})
	got := map[string]string{}
	redirect := func(to string) httpmock.Responder {
		return func(req *http.Request) (*http.Response, error) {
			got[req.URL.Path] = req.Header.Get("Authorization")
			r := httpmock.NewStringResponse(http.StatusFound, "")
			r.Header.Set("Location", to)
			return r, nil
		}
	}
	answer := func(req *http.Request) (*http.Response, error) {
		got[req.URL.Path] = req.Header.Get("Authorization")
		return httpmock.NewStringResponse(200, `{}`), nil
	}
	mt.RegisterResponder("GET", root+"/v3/leave", redirect("/tenantB/steal"))
	mt.RegisterResponder("GET", root+"/v3/dots", redirect("/tenantA/../tenantB/dots"))
	mt.RegisterResponder("GET", root+"/v3/stay", redirect("/tenantA/v3/here"))
	mt.RegisterResponder("GET", testBase+"/tenantB/steal", answer)
	mt.RegisterResponder("GET", testBase+"/tenantB/dots", answer)
	mt.RegisterResponder("GET", root+"/v3/here", answer)

	for _, path := range []string{"v3/leave", "v3/dots", "v3/stay"} {
		_, err := get(c, context.Background(), path, nil)
		require.NoError(t, err, path)
	}
	assert.Equal(t, "Bearer "+testToken, got["/tenantA/v3/leave"], "the request itself carries the token")
	assert.Empty(t, got["/tenantB/steal"], "another tenant's path on the same host gets no token")
	assert.Empty(t, got["/tenantB/dots"], "nor does a path that leaves the root through ..")
	assert.Equal(t, "Bearer "+testToken, got["/tenantA/v3/here"], "a redirect under the root keeps it")
}

// The token client follows the same rule through the same function: a
// redirect to another origin stops the token request (its form holds the
// client secret), one on the token endpoint's origin is followed.
func TestTokenRedirectRule(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 0 })
	mt.RegisterResponder("POST", testTokenURL, func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(http.StatusPermanentRedirect, "")
		r.Header.Set("Location", testBase+"/oauth/v2/token")
		return r, nil
	})
	var secretSeen string
	mt.RegisterResponder("POST", testBase+"/oauth/v2/token", func(req *http.Request) (*http.Response, error) {
		require.NoError(t, req.ParseForm())
		secretSeen = req.PostForm.Get("client_secret")
		return httpmock.NewJsonResponse(200, map[string]any{"access_token": testToken, "token_type": "bearer", "expires_in": 600})
	})
	mt.RegisterResponder("GET", testBase+"/v3/x", httpmock.NewStringResponder(200, `{}`))
	_, err := get(c, context.Background(), "v3/x", nil)
	require.NoError(t, err)
	assert.Equal(t, testSecret, secretSeen, "the redirect on the token endpoint's origin was followed")
}
