package certifications

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// everyOperation calls each operation of both root services once with valid
// input, so that a test can see what goes on the wire.
func everyOperation(ctx context.Context, c *APIClient) map[string]func() error {
	api, sum := c.CertificationsApi, c.CertificationSummariesApi
	reassign := ReviewReassign{Reassign: []ReassignReference{{ID: "i1", Type: ReassignReferenceTypeItem}}, ReassignTo: "u2", Reason: "r"}
	e := func(_ any, _ *http.Response, err error) error { return err }
	return map[string]func() error{
		"GET /certification-tasks/t1":      func() error { return e(api.GetCertificationTask(ctx, "t1").Execute()) },
		"GET /certifications/c1":           func() error { return e(api.GetIdentityCertification(ctx, "c1").Execute()) },
		"GET /certification-tasks":         func() error { return e(api.GetPendingCertificationTasks(ctx).Execute()) },
		"GET /certifications":              func() error { return e(api.ListIdentityCertifications(ctx).Execute()) },
		"GET /certifications/c1/reviewers": func() error { return e(api.ListCertificationReviewers(ctx, "c1").Execute()) },
		"GET /certifications/c1/access-review-items": func() error {
			return e(api.ListIdentityAccessReviewItems(ctx, "c1").Execute())
		},
		"GET /certifications/c1/access-review-items/i1/permissions": func() error {
			return e(api.GetIdentityCertificationItemPermissions(ctx, "c1", "i1").Execute())
		},
		"POST /certifications/c1/decide": func() error {
			return e(api.MakeIdentityDecision(ctx, "c1").ReviewDecision([]ReviewDecision{{ID: "i1", Decision: CertificationDecisionApprove}}).Execute())
		},
		"POST /certifications/c1/reassign": func() error {
			return e(api.ReassignIdentityCertifications(ctx, "c1").ReviewReassign(reassign).Execute())
		},
		"POST /certifications/c1/reassign-async":  func() error { return e(api.SubmitReassignCertsAsync(ctx, "c1").ReviewReassign(reassign).Execute()) },
		"POST /certifications/c1/sign-off":        func() error { return e(api.SignOffIdentityCertification(ctx, "c1").Execute()) },
		"GET /certifications/c1/decision-summary": func() error { return e(sum.GetIdentityDecisionSummary(ctx, "c1").Execute()) },
		"GET /certifications/c1/identity-summaries": func() error {
			return e(sum.GetIdentitySummaries(ctx, "c1").Execute())
		},
		"GET /certifications/c1/identity-summaries/s1": func() error { return e(sum.GetIdentitySummary(ctx, "c1", "s1").Execute()) },
		"GET /certifications/c1/access-summaries/ROLE": func() error {
			return e(sum.GetIdentityAccessSummaries(ctx, "c1", AccessSummaryTypeRole).Execute())
		},
	}
}

// TestEveryOperationOnBothGenerations checks the path each operation sends
// on v3 and on the per-resource v1 generation, where the version follows
// the resource.
func TestEveryOperationOnBothGenerations(t *testing.T) {
	for _, gen := range []APIVersion{"", APIVersionV3, APIVersionV1} {
		t.Run(string(gen), func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) { cfg.APIVersion = gen })
			mt.RegisterResponder(http.MethodPost, testTokenURL, httpmock.NewStringResponder(200, `{"access_token":"tok","token_type":"bearer","expires_in":3600}`))
			var got string
			mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
				got = req.Method + " " + req.URL.Path
				body := "{}"
				if req.Method == http.MethodGet && !strings.Contains(req.URL.Path, "summary") && !strings.HasSuffix(req.URL.Path, "/c1") && !strings.HasSuffix(req.URL.Path, "/t1") && !strings.HasSuffix(req.URL.Path, "/s1") {
					body = "[]"
				}
				return httpmock.NewStringResponse(200, body), nil
			})
			for want, do := range everyOperation(context.Background(), c) {
				method, p, _ := strings.Cut(want, " ")
				if gen == APIVersionV1 {
					resource, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
					p = "/" + resource + "/v1"
					if rest != "" {
						p += "/" + rest
					}
				} else {
					p = "/v3" + p
				}
				got = ""
				require.NoError(t, do(), want)
				assert.Equal(t, method+" "+p, got, want)
			}
		})
	}
}

// TestOperationsRefuseBadInputBeforeSending covers the checks every
// generated builder shares: blank and dot path parameters, an unknown
// access type, set-but-empty query parameters, exclusive parameters and
// missing bodies. Nothing may reach the transport.
func TestOperationsRefuseBadInputBeforeSending(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		t.Errorf("sent %s %s", req.Method, req.URL)
		return httpmock.NewStringResponse(500, ""), nil
	})
	ctx := context.Background()
	api, sum := c.CertificationsApi, c.CertificationSummariesApi
	e := func(_ any, _ *http.Response, err error) error { return err }
	cases := []struct {
		name, param string
		err         error
	}{
		{"blank id", "id", e(api.GetIdentityCertification(ctx, " ").Execute())},
		{"dot id", "id", e(api.GetIdentityCertification(ctx, "..").Execute())},
		{"blank item id", "itemId", e(api.GetIdentityCertificationItemPermissions(ctx, "c1", "").Execute())},
		{"blank summary id", "identitySummaryId", e(sum.GetIdentitySummary(ctx, "c1", "").Execute())},
		{"unknown access type", "type", e(sum.GetIdentityAccessSummaries(ctx, "c1", "ACCOUNT").Execute())},
		{"empty access type", "type", e(sum.GetIdentityAccessSummaries(ctx, "c1", "").Execute())},
		{"empty reviewer", "reviewer-identity", e(api.ListIdentityCertifications(ctx).ReviewerIdentity("").Execute())},
		{"empty entitlements", "entitlements", e(api.ListIdentityAccessReviewItems(ctx, "c1").Entitlements(" ").Execute())},
		{"two exclusive", "entitlements, access-profiles, roles", e(api.ListIdentityAccessReviewItems(ctx, "c1").Roles("r").AccessProfiles("a").Execute())},
		{"no reassign body", "reviewReassign", e(api.ReassignIdentityCertifications(ctx, "c1").Execute())},
		{"no decisions", "reviewDecision", e(api.MakeIdentityDecision(ctx, "c1").Execute())},
		{"summary filter field", "filters", e(sum.GetIdentityDecisionSummary(ctx, "c1").Filters(`name eq "x"`).Execute())},
		{"identity summaries sorter", "sorters", e(sum.GetIdentitySummaries(ctx, "c1").Sorters("identityId").Execute())},
		{"access summaries filter", "filters", e(sum.GetIdentityAccessSummaries(ctx, "c1", AccessSummaryTypeEntitlement).Filters(`id eq "x"`).Execute())},
	}
	for _, tc := range cases {
		var ve *ValidationError
		if assert.ErrorAs(t, tc.err, &ve, tc.name) {
			assert.Equal(t, tc.param, ve.Parameter, tc.name)
		}
	}
	assert.Zero(t, mt.GetTotalCallCount())
}

// TestZeroValueServicesDoNotPanic: a builder from a nil or zero service
// returns an error instead of dereferencing nil.
func TestZeroValueServicesDoNotPanic(t *testing.T) {
	var api *CertificationsApiService
	_, _, err := api.GetIdentityCertification(context.Background(), "c1").Execute()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	_, _, err = (&CertificationSummariesApiService{}).GetIdentitySummary(context.Background(), "c1", "s1").Execute()
	require.ErrorAs(t, err, &ve)
	_, err = Collect(ApiListIdentityCertificationsRequest{}.All())
	require.ErrorAs(t, err, &ve)
}

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
