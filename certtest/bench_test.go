package certtest_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// BenchmarkItemsPage measures one 250-item page of a 100,000-item
// certification, at the start (the baseline) and at the end: items are
// generated for the page only, so the offset must not change the cost.
func BenchmarkItemsPage(b *testing.B) {
	srv := certtest.NewTestServer(b, certtest.WithLargeCertification("big", 100_000))
	token := srv.IssueToken()
	for _, offset := range []int{0, 99_750} {
		b.Run("offset="+strconv.Itoa(offset), func(b *testing.B) {
			benchGet(b, srv, token, "/v3/certifications/big/access-review-items?offset="+strconv.Itoa(offset))
		})
	}
}

// benchGet measures GET path with token; every answer must be a 200.
func benchGet(b *testing.B, srv *certtest.Server, token, path string) {
	hc := srv.Configuration().HTTPClient
	req, err := http.NewRequest(http.MethodGet, srv.URL()+path, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

// BenchmarkSummaries measures the Certification Summaries of a
// 100,000-item certification against one page of its items (the
// baseline): the decision summary is read from counters, an identity page
// is found by position, and an access summary listing scans the items'
// kinds once and keeps the result for the next pages.
func BenchmarkSummaries(b *testing.B) {
	srv := certtest.NewTestServer(b, certtest.WithLargeCertification("big", 100_000))
	token := srv.IssueToken()
	ident := firstIdentity(b, srv)
	for _, bc := range []struct{ name, path string }{
		{"items page (baseline)", "/v3/certifications/big/access-review-items"},
		{"decision summary", "/certifications/v1/big/decision-summary"},
		{"decision summary of an identity", "/certifications/v1/big/decision-summary?filters=" + url.QueryEscape(`identitySummary.id eq "`+ident+`"`)},
		{"last identity summaries", "/certifications/v1/big/identity-summaries?offset=24750"},
		{"identity summary", "/certifications/v1/big/identity-summaries/" + ident},
		{"entitlement access summaries", "/certifications/v1/big/access-summaries/ENTITLEMENT?offset=49750"},
	} {
		b.Run(bc.name, func(b *testing.B) { benchGet(b, srv, token, bc.path) })
	}
}

// firstIdentity returns the id of the large certification's first identity
// summary, read through the API.
func firstIdentity(b *testing.B, srv *certtest.Server) string {
	b.Helper()
	var page []certifications.CertificationIdentitySummary
	req, err := srv.Client().NewRequest(context.Background(), http.MethodGet, "certifications/v1/big/identity-summaries", url.Values{"limit": {"1"}}, nil)
	if err == nil {
		_, err = srv.Client().Do(req, &page)
	}
	if err != nil || len(page) != 1 {
		b.Fatalf("first identity summary: %v (%d found)", err, len(page))
	}
	return page[0].GetID()
}

// BenchmarkUndecidedItemsPage measures a 250-item page of the undecided
// items of a 100,000-item certification of which every other item is
// decided, counted, at the start and at the end, beside an unfiltered page
// (the baseline): the decision index finds the page without rendering
// the items before it, so neither the filter nor the offset may change
// the cost much. Nothing is cached between the pages.
func BenchmarkUndecidedItemsPage(b *testing.B) {
	srv := certtest.NewTestServer(b, certtest.WithLargeCertification("big", 100_000))
	api := newClient(b, srv).CertificationsApi
	ctx := context.Background()
	for off := 0; off < 100_000; off += certifications.MaxPageSize {
		page, _, err := api.ListIdentityAccessReviewItems(ctx, "big").Offset(int32(off)).Execute()
		if err == nil {
			var ds []certifications.ReviewDecision
			for i := 0; i < len(page); i += 2 {
				ds = append(ds, certifications.ReviewDecision{ID: page[i].GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true})
			}
			_, _, err = api.MakeIdentityDecision(ctx, "big").ReviewDecision(ds).Execute()
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	token := srv.IssueToken()
	undecided := "&count=true&filters=" + url.QueryEscape("completed eq false")
	for _, bc := range []struct{ name, query string }{
		{"unfiltered (baseline)", "offset=49750"},
		{"undecided, first page", "offset=0" + undecided},
		{"undecided, last page", "offset=49750" + undecided},
	} {
		b.Run(bc.name, func(b *testing.B) { benchGet(b, srv, token, "/v3/certifications/big/access-review-items?"+bc.query) })
	}
}
