package certtest_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

func TestPagingAndTotalCount(t *testing.T) {
	srv := certtest.NewTestServer(t)
	cert := srv.Certifications()[0]
	path := "/v3/certifications/" + cert.GetID() + "/access-review-items"
	all := srv.Items(cert.GetID())
	require.Len(t, all, 32)

	var got []certifications.AccessReviewItem
	for off := 0; off < len(all); off += 10 {
		resp, body := raw(t, srv, http.MethodGet, path, url.Values{"limit": {"10"}, "offset": {strconv.Itoa(off)}, "count": {"true"}}, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
		assert.Equal(t, "32", resp.Header.Get("X-Total-Count"))
		page := decode[[]certifications.AccessReviewItem](t, body)
		assert.Len(t, page, min(10, len(all)-off))
		got = append(got, page...)
	}
	assert.Equal(t, all, got, "pages are consecutive windows of the list")

	// No count: no header.
	resp, _ := raw(t, srv, http.MethodGet, path, url.Values{"limit": {"5"}}, "")
	assert.Empty(t, resp.Header.Get("X-Total-Count"))

	// Offset at or past the end: the tenant's 400.
	for _, off := range []string{"32", "100"} {
		resp, body := raw(t, srv, http.MethodGet, path, url.Values{"offset": {off}}, "")
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.JSONEq(t, `{"detailMessage":"Specified offset is invalid.","stackTrace":[],"suppressedExceptions":[]}`, string(body))
	}
	// Offset 0 of an empty result is fine.
	resp, body := raw(t, srv, http.MethodGet, path, url.Values{"filters": {`id eq "none"`}, "count": {"true"}}, "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `[]`, string(body))
	assert.Equal(t, "0", resp.Header.Get("X-Total-Count"))

	// limit=0 is in range: an empty page with the count.
	resp, body = raw(t, srv, http.MethodGet, path, url.Values{"limit": {"0"}, "count": {"true"}}, "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `[]`, string(body))
	assert.Equal(t, "32", resp.Header.Get("X-Total-Count"))

	for name, q := range map[string]url.Values{
		"limit 251":    {"limit": {"251"}},
		"limit -1":     {"limit": {"-1"}},
		"limit text":   {"limit": {"ten"}},
		"offset -1":    {"offset": {"-1"}},
		"count yes":    {"count": {"yes"}},
		"sorters junk": {"sorters": {"+name"}},
	} {
		t.Run(name, func(t *testing.T) {
			resp, body := raw(t, srv, http.MethodGet, "/v3/certifications", q, "")
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
			errorDto(t, body, "400.1 Bad Request Content")
		})
	}
}

func TestPagerStreamsEverythingWithOneConfirmingRequest(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 1000))
	c := newClient(t, srv)
	srv.ResetRequests()
	pager := c.CertificationsApi.ListIdentityAccessReviewItems(ctx(t), "big").Limit(250).Pager()
	n := 0
	seen := map[string]bool{}
	for it, err := range pager.All() {
		require.NoError(t, err)
		seen[it.GetID()] = true
		n++
	}
	assert.Equal(t, 1000, n)
	assert.Len(t, seen, 1000)
	total, ok := pager.Total()
	assert.True(t, ok)
	assert.EqualValues(t, 1000, total)
	// The total is a hint: the fourth page is full, so one more request
	// (the tenants' 400 past the end) confirms that nothing follows.
	assert.Len(t, srv.Requests(), 6, "token, 4 pages, and the one past the end that confirms the total")
}

func TestFiltersAndSorters(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	mine := myCerts(t, c)
	cert := mine[0]
	items := srv.Items(cert.GetID())

	t.Run("certifications", func(t *testing.T) {
		got, _, err := api.ListIdentityCertifications(ctx(t)).Filters(`campaign.id eq "` + cert.GetCampaign().GetID() + `" and phase eq "ACTIVE"`).Execute()
		require.NoError(t, err)
		assert.Len(t, got, certtest.DefaultSizes().Reviewers)
		for _, g := range got {
			assert.Equal(t, cert.GetCampaign().GetID(), g.GetCampaign().GetID())
		}
		got, _, err = api.ListIdentityCertifications(ctx(t)).Filters(`id in ("` + mine[0].GetID() + `","` + mine[1].GetID() + `") and completed eq false`).Execute()
		require.NoError(t, err)
		assert.Len(t, got, 2)

		got, _, err = api.ListIdentityCertifications(ctx(t)).Sorters("-name").Execute()
		require.NoError(t, err)
		names := make([]string, len(got))
		for i, g := range got {
			names[i] = strings.ToLower(g.GetName())
		}
		assert.True(t, slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(b, a) }), "%v", names)
		got, _, err = api.ListIdentityCertifications(ctx(t)).Sorters("due,name").Execute()
		require.NoError(t, err)
		for i := 1; i < len(got); i++ {
			assert.False(t, got[i].GetDue().Before(got[i-1].GetDue()))
		}
	})

	t.Run("items", func(t *testing.T) {
		name := items[0].GetIdentitySummary().GetName()
		got, _, err := api.ListIdentityAccessReviewItems(ctx(t), cert.GetID()).
			Filters(`identitySummary.name sw "` + strings.ToUpper(name[:3]) + `" and access.type eq "ENTITLEMENT"`).Execute()
		require.NoError(t, err)
		require.NotEmpty(t, got)
		for _, g := range got {
			assert.True(t, strings.HasPrefix(strings.ToLower(g.GetIdentitySummary().GetName()), strings.ToLower(name[:3])))
			assert.Equal(t, certifications.DtoTypeEntitlement, g.GetAccessSummary().GetAccess().GetType())
		}
		got, _, err = api.ListIdentityAccessReviewItems(ctx(t), cert.GetID()).Filters(`entitlement.sourceName eq "workday" or accessProfile.sourceName sw "x"`).Execute()
		require.NoError(t, err)
		for _, g := range got {
			assert.Equal(t, "Workday", g.GetAccessSummary().GetEntitlement().GetSourceName())
		}
		got, _, err = api.ListIdentityAccessReviewItems(ctx(t), cert.GetID()).Filters(`completed ne true`).Execute()
		require.NoError(t, err)
		assert.Len(t, got, len(items))

		got, _, err = api.ListIdentityAccessReviewItems(ctx(t), cert.GetID()).Sorters("access.type,-access.name").Execute()
		require.NoError(t, err)
		require.Len(t, got, len(items))
		for i := 1; i < len(got); i++ {
			a, b := got[i-1].GetAccessSummary().GetAccess(), got[i].GetAccessSummary().GetAccess()
			require.LessOrEqual(t, a.GetType(), b.GetType())
			if a.GetType() == b.GetType() {
				assert.GreaterOrEqual(t, strings.ToLower(a.GetName()), strings.ToLower(b.GetName()))
			}
		}
		// Sorted and paged: the pages are windows of the sorted list.
		p1, _, err := api.ListIdentityAccessReviewItems(ctx(t), cert.GetID()).Sorters("access.type,-access.name").Limit(7).Offset(7).Execute()
		require.NoError(t, err)
		assert.Equal(t, got[7:14], p1)
	})

	t.Run("refused by the server", func(t *testing.T) {
		for name, tc := range map[string]struct{ path, param, value string }{
			"unknown cert field":         {"/v3/certifications", "filters", `name eq "x"`},
			"operator not allowed":       {"/v3/certifications", "filters", `phase ne "ACTIVE"`},
			"upper-case operator":        {"/v3/certifications", "filters", `phase EQ "ACTIVE"`},
			"syntax":                     {"/v3/certifications", "filters", `phase eq`},
			"unsortable cert field":      {"/v3/certifications", "sorters", "created"},
			"item field":                 {"/v3/certifications/" + cert.GetID() + "/access-review-items", "filters", `access.name co "HR"`},
			"item sorter":                {"/v3/certifications/" + cert.GetID() + "/access-review-items", "sorters", "id"},
			"reviewer operator":          {"/v3/certifications/" + cert.GetID() + "/reviewers", "filters", `name co "ann"`},
			"task sorters not supported": {"/v3/certification-tasks", "sorters", "id"},
			"task field":                 {"/v3/certification-tasks", "filters", `status eq "QUEUED"`},
			"beta field":                 {"/beta/certifications", "filters", `campaign.id eq "x"`},
		} {
			t.Run(name, func(t *testing.T) {
				resp, body := raw(t, srv, http.MethodGet, tc.path, url.Values{tc.param: {tc.value}}, "")
				assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", body)
				dto := errorDto(t, body, "400.1 Bad Request Content")
				assert.Contains(t, dto.Messages[0].GetText(), "Invalid "+tc.param)
			})
		}
	})

	t.Run("accepted by the server, refused by the SDK", func(t *testing.T) {
		// The SDK checks filters before sending; SkipFilterValidation lets
		// the request through and the server's 400 comes back.
		skip := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.SkipFilterValidation = true })
		_, _, err := skip.CertificationsApi.ListIdentityCertifications(ctx(t)).Filters(`name eq "x"`).Execute()
		apiError(t, err, http.StatusBadRequest)
	})
}

func TestFilteredListingSeesChanges(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 600))
	c := newClient(t, srv)
	api := c.CertificationsApi
	list := func() []certifications.AccessReviewItem {
		page, _, err := api.ListIdentityAccessReviewItems(ctx(t), "big").Filters(`completed eq false`).Sorters("identitySummary.name").Limit(10).Execute()
		require.NoError(t, err)
		return page
	}
	first := list()
	require.Len(t, first, 10)
	assert.Equal(t, first, list(), "same query, same answer")
	_, _, err := api.MakeIdentityDecision(ctx(t), "big").ReviewDecision(decisions(first, "APPROVE", "")).Execute()
	require.NoError(t, err)
	second := list()
	require.Len(t, second, 10)
	for _, it := range second {
		assert.False(t, it.GetCompleted())
		for _, f := range first {
			assert.NotEqual(t, f.GetID(), it.GetID())
		}
	}
	_, resp, err := api.ListIdentityAccessReviewItems(ctx(t), "big").Filters(`completed eq true`).Count(true).Execute()
	require.NoError(t, err)
	n, _ := certifications.TotalCount(resp)
	assert.EqualValues(t, 10, n)
}
