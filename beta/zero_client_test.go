package beta

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// A service on a client not made by NewAPIClient, or on none, returns a
// *certifications.ValidationError from every builder and never panics.
func TestServiceWithoutUsableClient(t *testing.T) {
	ctx := context.Background()
	for name, api := range map[string]*CertificationsApiService{
		"zero client":  NewCertificationsApi(&certifications.APIClient{}),
		"nil client":   NewCertificationsApi(nil),
		"zero service": {},
		"nil service":  nil,
	} {
		t.Run(name, func(t *testing.T) {
			var ve *certifications.ValidationError
			_, _, err := api.ListCertifications(ctx).Filters(`phase eq "ACTIVE"`).Execute()
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "client", ve.Parameter)
			_, _, err = api.GetIdentityCertificationTaskStatus(ctx, "c1", "t1").Execute()
			require.ErrorAs(t, err, &ve)
			for _, err := range api.ListCertificationReviewers(ctx, "c1").All() {
				require.ErrorAs(t, err, &ve)
			}
		})
	}
}
