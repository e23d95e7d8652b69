package beta

import (
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/call"
)

// A beta list call reads the client's SkipFilterValidation without copying
// its configuration: checking and encoding a page's query allocates what
// ListOptions.Values allocates and nothing more, however much
// configuration (headers, rate limit, HTTP client) the client holds.
func TestListQueryCopiesNoConfiguration(t *testing.T) {
	cfg := certifications.NewConfiguration()
	cfg.BaseURL, cfg.AccessToken = "https://acme.api.identitynow.com", "token"
	cfg.DefaultHeader = map[string]string{"X-Team": "governance", "X-Cost-Center": "42"}
	cfg.RateLimit = &certifications.RateLimit{Requests: 100, Per: 10 * time.Second}
	cfg.HTTPClient = &http.Client{}
	cfg.SkipFilterValidation = true
	c, err := newCaller(NewCertificationsApi(certifications.NewAPIClient(cfg)).client)
	require.NoError(t, err)
	limit := int32(50)
	o := certifications.ListOptions{Limit: &limit}
	values := testing.AllocsPerRun(100, func() { _, _ = o.Values(rulesListCertifications, true) })
	query := testing.AllocsPerRun(100, func() { _, _ = call.Query(c, o, rulesListCertifications) })
	assert.Equal(t, values, query)
	assert.True(t, c.SkipFields(), "the client's setting is the one applied")
}

// The reviewers and item-permissions rules are the root package's: the
// beta builders check the same fields, operators, sorters and structural
// rule, and the Rules functions hand out copies.
func TestRulesSharedWithTheRoot(t *testing.T) {
	same := func(want, got *certifications.QueryRules) {
		t.Helper()
		assert.Equal(t, want.Operation, got.Operation)
		assert.Equal(t, want.Filters, got.Filters)
		assert.Equal(t, want.Sorters, got.Sorters)
		assert.Equal(t, reflect.ValueOf(want.Check).Pointer(), reflect.ValueOf(got.Check).Pointer(), "the same structural check")
	}
	same(certifications.RulesListCertificationReviewers(), RulesListCertificationReviewers())
	same(certifications.RulesGetIdentityCertificationItemPermissions(), RulesGetIdentityCertificationItemPermissions())

	cp := RulesListCertificationReviewers()
	cp.Filters["id"] = nil
	cp.Sorters[0] = "changed"
	same(certifications.RulesListCertificationReviewers(), RulesListCertificationReviewers())
	same(certifications.RulesListCertificationReviewers(), rulesListCertificationReviewers)
}
