package query

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookupFindsTheOperationOnEveryGeneration(t *testing.T) {
	for path, want := range map[string]string{
		"v3/certifications":                         "listIdentityCertifications",
		"/certifications/v1":                        "listIdentityCertifications",
		"v3/certifications/abc/access-review-items": "listIdentityAccessReviewItems",
		"certifications/v1/abc/reviewers":           "listCertificationReviewers",
		"beta/certifications":                       "listCertifications",
		"beta/certifications/abc/reviewers":         "listCertificationReviewers",
		"v3/campaigns":                              "getActiveCampaigns",
		"campaign-templates/v1":                     "getCampaignTemplates",
		// A fixed segment wins over a parameter.
		"v3/campaigns/reports-configuration": "getCampaignReportsConfig",
		"v3/campaigns/abc":                   "getCampaign",
	} {
		r := Lookup("GET", path)
		require.NotNil(t, r, path)
		assert.Equal(t, want, r.Operation, path)
	}
	for _, path := range []string{"v3/nothing", "v3/certifications/abc/def/ghi/jkl", "v3/certifications//reviewers", ""} {
		assert.Nil(t, Lookup("GET", path), path)
	}
	assert.Nil(t, Lookup("DELETE", "v3/certifications"), "no such method on the path")
}

func TestRulesCarryTheDeclaration(t *testing.T) {
	r := Root("ListIdentityCertifications")
	require.NotNil(t, r)
	ops, ok := r.Ops("campaign.id")
	assert.True(t, ok)
	assert.Equal(t, []string{"eq", "in"}, ops)
	_, ok = r.Ops("nosuch")
	assert.False(t, ok)
	assert.True(t, r.Sortable("due"))
	assert.False(t, r.Sortable("phase"))
	assert.Equal(t, "campaign.id: eq, in; completed: eq, ne; id: eq, in; phase: eq", r.AllowedFilters())

	assert.Equal(t, TargetRightsPair, Root("GetIdentityCertificationItemPermissions").Check)
	assert.Equal(t, For("CertificationsApi", "ListIdentityCertifications"), r)
	assert.Nil(t, Root("NoSuchOperation"))
	assert.Nil(t, For("beta.CertificationsApi", "ListIdentityCertifications"), "beta has no such operation")
}
