package certtest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

func TestConfigurationAndClient(t *testing.T) {
	srv := certtest.NewTestServer(t)
	cfg := srv.Configuration()
	require.NoError(t, cfg.Validate())
	assert.Equal(t, srv.URL(), cfg.BaseURL)
	assert.Equal(t, srv.ClientID(), cfg.ClientID)
	assert.Equal(t, srv.ClientSecret(), cfg.ClientSecret)
	assert.NotEmpty(t, srv.ClientSecret())
	assert.NotNil(t, cfg.HTTPClient)
	assert.Same(t, srv.Client(), srv.Client())
	assert.Equal(t, certtest.DefaultSeed, srv.Seed())
	assert.True(t, strings.HasPrefix(srv.URL(), "http://127.0.0.1:"))

	custom := certtest.NewTestServer(t, certtest.WithClientCredentials("my-id", "my-secret"))
	assert.Equal(t, "my-id", custom.Configuration().ClientID)
	_, _, err := custom.Client().CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
	require.NoError(t, err)
}

func TestTLS(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithTLS())
	require.True(t, strings.HasPrefix(srv.URL(), "https://"))
	certs, _, err := srv.Client().CertificationsApi.ListIdentityCertifications(ctx(t)).ReviewerIdentity("me").Execute()
	require.NoError(t, err)
	assert.Len(t, certs, 2)

	// A client that does not trust the certificate fails.
	untrusting := newClient(t, srv, noRetries, func(c *certifications.Configuration) { c.HTTPClient = &http.Client{} })
	_, _, err = untrusting.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate")
}

func TestRequestLog(t *testing.T) {
	srv := certtest.NewTestServer(t)
	before := time.Now()
	resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", url.Values{"limit": {"2"}, "filters": {`phase eq "ACTIVE"`}}, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	raw(t, srv, http.MethodGet, "/v3/certifications/nope", nil, "")
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "GET", reqs[0].Method)
	assert.Equal(t, "/v3/certifications", reqs[0].Path)
	q, err := url.ParseQuery(reqs[0].RawQuery)
	require.NoError(t, err)
	assert.Equal(t, `phase eq "ACTIVE"`, q.Get("filters"))
	assert.Equal(t, http.StatusOK, reqs[0].Status)
	assert.False(t, reqs[0].Time.Before(before))
	assert.Equal(t, certtest.FaultNone, reqs[0].Fault)
	assert.Equal(t, http.StatusNotFound, reqs[1].Status)

	srv.ResetRequests()
	assert.Empty(t, srv.Requests())
}

// WithLargeCertification given twice adds two certifications, whose items
// have ids of their own.
func TestTwoLargeCertifications(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big-1", 10), certtest.WithLargeCertification("big-2", 20))
	ids := map[string]string{}
	for cert, n := range map[string]int{"big-1": 10, "big-2": 20} {
		c, ok := srv.Certification(cert)
		require.True(t, ok, cert)
		assert.EqualValues(t, n, c.GetDecisionsTotal(), cert)
		items := srv.Items(cert)
		require.Len(t, items, n, cert)
		for _, it := range items {
			other, dup := ids[it.GetID()]
			assert.False(t, dup, "item %s of %s is also in %s", it.GetID(), cert, other)
			ids[it.GetID()] = cert
		}
	}
}
