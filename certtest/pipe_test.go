package certtest_test

import (
	"net/http"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/certtest"
)

func TestInMemoryNetwork(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork())
	assert.Equal(t, "http://127.0.0.1:0", srv.URL())
	certs, _, err := srv.Client().CertificationsApi.ListIdentityCertifications(ctx(t)).ReviewerIdentity("me").Execute()
	require.NoError(t, err)
	assert.Len(t, certs, 2)
	resp, _ := raw(t, srv, http.MethodGet, "/v3/certifications", nil, "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	// Nothing listens at the address: only the server's own client gets through.
	req, err := http.NewRequestWithContext(ctx(t), http.MethodGet, srv.URL()+"/v3/certifications", nil)
	require.NoError(t, err)
	_, err = (&http.Client{}).Do(req)
	assert.Error(t, err)
}

func TestInMemoryNetworkWithTLS(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithTLS())
		assert.Equal(t, "https://127.0.0.1:0", srv.URL())
		certs, _, err := srv.Client().CertificationsApi.ListIdentityCertifications(ctx(t)).ReviewerIdentity("me").Execute()
		require.NoError(t, err)
		assert.Len(t, certs, 2)
	})
}

func TestInMemoryNetworkRefusesDialsAfterClose(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork())
		c := newClient(t, srv, noRetries)
		_, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
		require.NoError(t, err)
		srv.Close()
		_, _, err = c.CertificationsApi.ListIdentityCertifications(ctx(t)).Execute()
		require.Error(t, err)
		assert.Contains(t, err.Error(), "sandbox is closed")

	})
}
