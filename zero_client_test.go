package certifications

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A client not made by NewAPIClient, a zero APIClient or a nil one, has no
// tenant: every call returns a *ValidationError saying to use
// NewAPIClient, and nothing panics.
func TestZeroClientNeverPanics(t *testing.T) {
	for name, c := range map[string]*APIClient{"zero": {}, "nil": nil} {
		t.Run(name, func(t *testing.T) {
			checkNotFromNewAPIClient(t, c.Err())
			req, err := c.NewRequest(context.Background(), http.MethodGet, "v3/certifications", nil, nil)
			assert.Nil(t, req)
			checkNotFromNewAPIClient(t, err)
			req, err = http.NewRequestWithContext(context.Background(), http.MethodGet, testBase+"/v3/certifications", nil)
			require.NoError(t, err)
			resp, err := c.Do(req, nil)
			assert.Nil(t, resp)
			checkNotFromNewAPIClient(t, err)
			assert.NotPanics(t, func() { _ = c.Configuration() })
		})
	}
	// A service of a zero client reaches the same error through its builders.
	svc := &CertificationsApiService{client: &APIClient{}}
	_, _, err := svc.ListIdentityCertifications(context.Background()).Filters(`phase eq "ACTIVE"`).Execute()
	checkNotFromNewAPIClient(t, err)
	_, _, err = svc.GetIdentityCertification(context.Background(), "c1").Execute()
	checkNotFromNewAPIClient(t, err)
}

func checkNotFromNewAPIClient(t *testing.T, err error) {
	t.Helper()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "client", ve.Parameter)
	assert.Contains(t, ve.Allowed, "NewAPIClient")
}
