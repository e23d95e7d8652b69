package beta

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/query"
)

// The reviewers and item-permissions operations take on beta the fields,
// operators, sorters and structural rule they take on v3: the operation
// table holds the same rules for both.
func TestRulesSharedWithTheRoot(t *testing.T) {
	for _, name := range []string{"ListCertificationReviewers", "GetIdentityCertificationItemPermissions"} {
		root, b := query.For("CertificationsApi", name), query.For("beta.CertificationsApi", name)
		require.NotNil(t, root, name)
		require.NotNil(t, b, name)
		assert.Equal(t, root, b, name)
	}
}
