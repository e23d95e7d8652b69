package test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// TestQueryAllParameters sets every optional parameter of each list
// operation at once and checks the exact encoded query: the API's wire
// names, and spaces in filters encoded as %20, never +.
func TestQueryAllParameters(t *testing.T) {
	type call func(api *certifications.CertificationsApiService) error
	tests := []struct {
		name     string
		call     call
		path     string
		rawQuery string
	}{
		{
			name: "listIdentityCertifications",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListIdentityCertifications(context.Background()).
					ReviewerIdentity("me").Limit(50).Offset(100).Count(true).
					Filters(`phase eq "ACTIVE" and campaign.id in ("c1","c2")`).
					Sorters("-due,name").Execute()
				return err
			},
			path: "/v3/certifications",
			rawQuery: `count=true&filters=phase%20eq%20%22ACTIVE%22%20and%20campaign.id%20in%20%28%22c1%22%2C%22c2%22%29` +
				`&limit=50&offset=100&reviewer-identity=me&sorters=-due%2Cname`,
		},
		{
			name: "getPendingCertificationTasks",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.GetPendingCertificationTasks(context.Background()).
					ReviewerIdentity("Ada.1de82e55078344").Limit(10).Offset(20).Count(false).
					Filters(`type in ("REASSIGN","ADMIN_REASSIGN")`).Execute()
				return err
			},
			path: "/v3/certification-tasks",
			rawQuery: `count=false&filters=type%20in%20%28%22REASSIGN%22%2C%22ADMIN_REASSIGN%22%29` +
				`&limit=10&offset=20&reviewer-identity=Ada.1de82e55078344`,
		},
		{
			name: "getIdentityCertificationItemPermissions",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.GetIdentityCertificationItemPermissions(context.Background(), "cert-1", "item-1").
					Filters(`target eq "SYS.OBJAUTH2" and rights ca ("CREATE")`).
					Limit(250).Offset(0).Count(true).Execute()
				return err
			},
			path: "/v3/certifications/cert-1/access-review-items/item-1/permissions",
			rawQuery: `count=true&filters=target%20eq%20%22SYS.OBJAUTH2%22%20and%20rights%20ca%20%28%22CREATE%22%29` +
				`&limit=250&offset=0`,
		},
		{
			name: "listCertificationReviewers",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListCertificationReviewers(context.Background(), "cert-1").
					Limit(0).Offset(7).Count(true).
					Filters(`email sw "ops+eu@" or name eq "#Ops \"EU\""`).
					Sorters("name,-email").Execute()
				return err
			},
			path: "/v3/certifications/cert-1/reviewers",
			// A literal + is %2B and # is %23; the escaped quotes keep
			// their backslashes (%5C).
			rawQuery: `count=true&filters=email%20sw%20%22ops%2Beu%40%22%20or%20name%20eq%20%22%23Ops%20%5C%22EU%5C%22%22` +
				`&limit=0&offset=7&sorters=name%2C-email`,
		},
		{
			name: "listIdentityAccessReviewItems with entitlements",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListIdentityAccessReviewItems(context.Background(), "cert-1").
					Limit(25).Offset(50).Count(true).
					Filters(`identitySummary.name sw "jo" and access.type eq "ENTITLEMENT"`).
					Sorters("identitySummary.name,-access.name").
					Entitlements("e1,e2").Execute()
				return err
			},
			path: "/v3/certifications/cert-1/access-review-items",
			rawQuery: `count=true&entitlements=e1%2Ce2` +
				`&filters=identitySummary.name%20sw%20%22jo%22%20and%20access.type%20eq%20%22ENTITLEMENT%22` +
				`&limit=25&offset=50&sorters=identitySummary.name%2C-access.name`,
		},
		{
			name: "listIdentityAccessReviewItems with access-profiles",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListIdentityAccessReviewItems(context.Background(), "cert-1").
					AccessProfiles("ap1,ap2").Execute()
				return err
			},
			path:     "/v3/certifications/cert-1/access-review-items",
			rawQuery: `access-profiles=ap1%2Cap2`,
		},
		{
			name: "listIdentityAccessReviewItems with roles",
			call: func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListIdentityAccessReviewItems(context.Background(), "cert-1").
					Roles("r1").Execute()
				return err
			},
			path:     "/v3/certifications/cert-1/access-review-items",
			rawQuery: `roles=r1`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serve(t, mt, ok(`[]`))
			require.NoError(t, tt.call(c.CertificationsApi))
			got := srv.only(t)
			q, err := url.ParseQuery(tt.rawQuery)
			require.NoError(t, err)
			assertRequest(t, got, want{Method: http.MethodGet, Path: tt.path, Query: q, RawQuery: tt.rawQuery})
			assert.NotContains(t, got.URL.RawQuery, "+", "spaces are %20 and pluses %2B")
		})
	}
}

// TestQueryEachParameterAlone sets one optional parameter at a time and
// checks that exactly that parameter is sent, under its wire name: unset
// parameters are never sent, not even with a default value.
func TestQueryEachParameterAlone(t *testing.T) {
	bg := context.Background()
	type tc struct {
		param, value string
		call         func(api *certifications.CertificationsApiService) error
	}
	certs := func(f func(certifications.ApiListIdentityCertificationsRequest) certifications.ApiListIdentityCertificationsRequest) func(*certifications.CertificationsApiService) error {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := f(api.ListIdentityCertifications(bg)).Execute()
			return err
		}
	}
	tasks := func(f func(certifications.ApiGetPendingCertificationTasksRequest) certifications.ApiGetPendingCertificationTasksRequest) func(*certifications.CertificationsApiService) error {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := f(api.GetPendingCertificationTasks(bg)).Execute()
			return err
		}
	}
	perms := func(f func(certifications.ApiGetIdentityCertificationItemPermissionsRequest) certifications.ApiGetIdentityCertificationItemPermissionsRequest) func(*certifications.CertificationsApiService) error {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := f(api.GetIdentityCertificationItemPermissions(bg, "c", "i")).Execute()
			return err
		}
	}
	reviewers := func(f func(certifications.ApiListCertificationReviewersRequest) certifications.ApiListCertificationReviewersRequest) func(*certifications.CertificationsApiService) error {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := f(api.ListCertificationReviewers(bg, "c")).Execute()
			return err
		}
	}
	items := func(f func(certifications.ApiListIdentityAccessReviewItemsRequest) certifications.ApiListIdentityAccessReviewItemsRequest) func(*certifications.CertificationsApiService) error {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := f(api.ListIdentityAccessReviewItems(bg, "c")).Execute()
			return err
		}
	}
	type C = certifications.ApiListIdentityCertificationsRequest
	type T = certifications.ApiGetPendingCertificationTasksRequest
	type P = certifications.ApiGetIdentityCertificationItemPermissionsRequest
	type R = certifications.ApiListCertificationReviewersRequest
	type I = certifications.ApiListIdentityAccessReviewItemsRequest
	ops := []struct {
		name, path string
		cases      []tc
	}{
		{"listIdentityCertifications", "/v3/certifications", []tc{
			{"reviewer-identity", "me", certs(func(r C) C { return r.ReviewerIdentity("me") })},
			{"limit", "3", certs(func(r C) C { return r.Limit(3) })},
			{"offset", "4", certs(func(r C) C { return r.Offset(4) })},
			{"count", "true", certs(func(r C) C { return r.Count(true) })},
			{"count", "false", certs(func(r C) C { return r.Count(false) })},
			{"filters", `id eq "x"`, certs(func(r C) C { return r.Filters(`id eq "x"`) })},
			{"sorters", "signed", certs(func(r C) C { return r.Sorters("signed") })},
		}},
		{"getPendingCertificationTasks", "/v3/certification-tasks", []tc{
			{"reviewer-identity", "me", tasks(func(r T) T { return r.ReviewerIdentity("me") })},
			{"limit", "3", tasks(func(r T) T { return r.Limit(3) })},
			{"offset", "4", tasks(func(r T) T { return r.Offset(4) })},
			{"count", "true", tasks(func(r T) T { return r.Count(true) })},
			{"filters", `targetId eq "x"`, tasks(func(r T) T { return r.Filters(`targetId eq "x"`) })},
		}},
		{"getIdentityCertificationItemPermissions", "/v3/certifications/c/access-review-items/i/permissions", []tc{
			{"limit", "3", perms(func(r P) P { return r.Limit(3) })},
			{"offset", "4", perms(func(r P) P { return r.Offset(4) })},
			{"count", "true", perms(func(r P) P { return r.Count(true) })},
			{"filters", `target sw "SYS."`, perms(func(r P) P { return r.Filters(`target sw "SYS."`) })},
		}},
		{"listCertificationReviewers", "/v3/certifications/c/reviewers", []tc{
			{"limit", "3", reviewers(func(r R) R { return r.Limit(3) })},
			{"offset", "4", reviewers(func(r R) R { return r.Offset(4) })},
			{"count", "true", reviewers(func(r R) R { return r.Count(true) })},
			{"filters", `name sw "Al"`, reviewers(func(r R) R { return r.Filters(`name sw "Al"`) })},
			{"sorters", "-email", reviewers(func(r R) R { return r.Sorters("-email") })},
		}},
		{"listIdentityAccessReviewItems", "/v3/certifications/c/access-review-items", []tc{
			{"limit", "3", items(func(r I) I { return r.Limit(3) })},
			{"offset", "4", items(func(r I) I { return r.Offset(4) })},
			{"count", "true", items(func(r I) I { return r.Count(true) })},
			{"filters", `completed ne true`, items(func(r I) I { return r.Filters(`completed ne true`) })},
			{"sorters", "accessProfile.sourceName", items(func(r I) I { return r.Sorters("accessProfile.sourceName") })},
			{"entitlements", "e1", items(func(r I) I { return r.Entitlements("e1") })},
			{"access-profiles", "ap1", items(func(r I) I { return r.AccessProfiles("ap1") })},
			{"roles", "r1", items(func(r I) I { return r.Roles("r1") })},
		}},
	}
	for _, op := range ops {
		t.Run(op.name+"/none", func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serve(t, mt, ok(`[]`))
			require.NoError(t, bareListCall(op.name)(c.CertificationsApi))
			assertRequest(t, srv.only(t), want{Method: http.MethodGet, Path: op.path})
		})
		for _, tc := range op.cases {
			t.Run(op.name+"/"+tc.param+"="+tc.value, func(t *testing.T) {
				c, mt := newTestClient(t)
				srv := serve(t, mt, ok(`[]`))
				require.NoError(t, tc.call(c.CertificationsApi))
				got := srv.only(t)
				assertRequest(t, got, want{Method: http.MethodGet, Path: op.path, Query: url.Values{tc.param: {tc.value}}})
				assert.True(t, strings.HasPrefix(got.URL.RawQuery, tc.param+"="), "wire name %q in %q", tc.param, got.URL.RawQuery)
			})
		}
	}
}

// bareListCall returns a call of the named list operation with nothing but
// its path parameters set.
func bareListCall(name string) func(*certifications.CertificationsApiService) error {
	bg := context.Background()
	return func(api *certifications.CertificationsApiService) error {
		var err error
		switch name {
		case "listIdentityCertifications":
			_, _, err = api.ListIdentityCertifications(bg).Execute()
		case "getPendingCertificationTasks":
			_, _, err = api.GetPendingCertificationTasks(bg).Execute()
		case "getIdentityCertificationItemPermissions":
			_, _, err = api.GetIdentityCertificationItemPermissions(bg, "c", "i").Execute()
		case "listCertificationReviewers":
			_, _, err = api.ListCertificationReviewers(bg, "c").Execute()
		case "listIdentityAccessReviewItems":
			_, _, err = api.ListIdentityAccessReviewItems(bg, "c").Execute()
		default:
			panic("unknown operation " + name)
		}
		return err
	}
}

// TestQueryBuilderIsAValue checks that the fluent setters return a copy:
// a base builder reused for two calls keeps its own parameters.
func TestQueryBuilderIsAValue(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`[]`))
	base := c.CertificationsApi.ListIdentityCertifications(context.Background()).Limit(10)
	_, _, err := base.Offset(10).Filters(`phase eq "ACTIVE"`).Execute()
	require.NoError(t, err)
	_, _, err = base.Execute()
	require.NoError(t, err)
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, url.Values{"limit": {"10"}, "offset": {"10"}, "filters": {`phase eq "ACTIVE"`}}, reqs[0].URL.Query())
	assert.Equal(t, url.Values{"limit": {"10"}}, reqs[1].URL.Query())
}

// TestQueryFilterBuilderOutput sends a filter made with the builder and
// checks it arrives as its String form.
func TestQueryFilterBuilderOutput(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`[]`))
	f := certifications.And(
		certifications.Eq("phase", certifications.CertificationPhaseActive),
		certifications.In("campaign.id", "c1", "c2"),
	)
	_, _, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).Filters(f.String()).Execute()
	require.NoError(t, err)
	got := srv.only(t)
	assert.Equal(t, `phase eq "ACTIVE" and campaign.id in ("c1","c2")`, got.URL.Query().Get("filters"))
	assert.Equal(t, `filters=phase%20eq%20%22ACTIVE%22%20and%20campaign.id%20in%20%28%22c1%22%2C%22c2%22%29`, got.URL.RawQuery)
}
