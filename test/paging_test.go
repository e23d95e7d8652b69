package test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// pages answers list requests from n review items item-0 ... item-(n-1),
// honouring offset and limit, with X-Total-Count when count=true and
// withTotal is set. failAt, when not 0, is a request number (from 1) that
// gets a 500.
type pages struct {
	n         int
	withTotal bool
	failAt    int
}

func (p pages) answer(t *testing.T) func(int, recorded) reply {
	return func(i int, req recorded) reply {
		if p.failAt == i+1 {
			return reply{status: http.StatusInternalServerError, body: body500}
		}
		q := req.URL.Query()
		offset, limit := 0, 250
		if v := q.Get("offset"); v != "" {
			offset, _ = strconv.Atoi(v)
		}
		if v := q.Get("limit"); v != "" {
			limit, _ = strconv.Atoi(v)
		}
		items := []map[string]any{}
		for i := offset; i < min(offset+limit, p.n); i++ {
			items = append(items, map[string]any{"id": fmt.Sprintf("item-%d", i), "identitySummary": map[string]any{"name": fmt.Sprintf("N%d", i)}})
		}
		b, err := json.Marshal(items)
		require.NoError(t, err)
		r := ok(string(b))
		if p.withTotal && q.Get("count") == "true" {
			r = r.withHeader("X-Total-Count", strconv.Itoa(p.n))
		}
		return r
	}
}

func itemIDs(items []certifications.AccessReviewItem) []string {
	ids := make([]string, len(items))
	for i := range items {
		ids[i] = items[i].GetID()
	}
	return ids
}

func wantIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("item-%d", i)
	}
	return ids
}

// TestPagingAllKeepsQueryOnEveryPage pages through five review items two
// at a time and checks every request: its offset, that limit, filters,
// sorters and entitlements are kept on each page, and that count=true is
// asked on the first page only. The builder is not modified by All.
func TestPagingAllKeepsQueryOnEveryPage(t *testing.T) {
	for _, withTotal := range []bool{true, false} {
		t.Run(fmt.Sprintf("total header %t", withTotal), func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serveFunc(t, mt, pages{n: 5, withTotal: withTotal}.answer(t))
			const filter = `completed eq false and identitySummary.name sw "N"`
			req := c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert/1").
				Limit(2).
				Filters(filter).
				Sorters("identitySummary.name,-access.name").
				Entitlements("e1,e2")

			items, err := certifications.Collect(req.All())
			require.NoError(t, err)
			assert.Equal(t, wantIDs(5), itemIDs(items))

			reqs := srv.requests()
			require.Len(t, reqs, 3, "pages at offsets 0, 2 and 4; the short third page ends it")
			for i, r := range reqs {
				q := url.Values{
					"limit":        {"2"},
					"offset":       {strconv.Itoa(2 * i)},
					"filters":      {filter},
					"sorters":      {"identitySummary.name,-access.name"},
					"entitlements": {"e1,e2"},
				}
				if i == 0 {
					q.Set("count", "true")
				}
				assertRequest(t, r, want{Method: http.MethodGet, Path: "/v3/certifications/cert%2F1/access-review-items", Query: q})
			}

			// The builder still sends exactly what it was given.
			before := len(srv.requests())
			_, _, err = req.Execute()
			require.NoError(t, err)
			last := srv.requests()[before]
			assert.Equal(t, url.Values{
				"limit": {"2"}, "filters": {filter}, "sorters": {"identitySummary.name,-access.name"}, "entitlements": {"e1,e2"},
			}, last.URL.Query())

			// And a second iteration starts over from the beginning.
			again, err := certifications.Collect(req.All())
			require.NoError(t, err)
			assert.Equal(t, wantIDs(5), itemIDs(again))
		})
	}
}

// TestPagingExactlyFullLastPage checks where paging stops when the last
// page is full: after an empty page, whether the server reported a total
// or not, since a total is a hint and one more request confirms it.
func TestPagingExactlyFullLastPage(t *testing.T) {
	for _, tc := range []struct {
		withTotal bool
		requests  int
	}{{true, 3}, {false, 3}} {
		t.Run(fmt.Sprintf("total header %t", tc.withTotal), func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serveFunc(t, mt, pages{n: 4, withTotal: tc.withTotal}.answer(t))
			items, err := certifications.Collect(c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(2).All())
			require.NoError(t, err)
			assert.Equal(t, wantIDs(4), itemIDs(items))
			assert.Len(t, srv.requests(), tc.requests)
		})
	}
}

// TestPagingDefaultPageSizeAndStartOffset checks that All uses 250 when no
// Limit is set and starts at the builder's Offset.
func TestPagingDefaultPageSizeAndStartOffset(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serveFunc(t, mt, pages{n: 5}.answer(t))
	items, err := certifications.Collect(c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Offset(3).All())
	require.NoError(t, err)
	assert.Equal(t, []string{"item-3", "item-4"}, itemIDs(items))
	reqs := srv.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, url.Values{"limit": {"250"}, "offset": {"3"}, "count": {"true"}}, reqs[0].URL.Query())
}

// TestPagingBreakStopsRequests checks that leaving the loop early sends no
// further page request.
func TestPagingBreakStopsRequests(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serveFunc(t, mt, pages{n: 10, withTotal: true}.answer(t))
	var got []string
	for item, err := range c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(2).All() {
		require.NoError(t, err)
		got = append(got, item.GetID())
		if len(got) == 3 {
			break
		}
	}
	assert.Equal(t, wantIDs(3), got)
	assert.Len(t, srv.requests(), 2)
}

// TestPagingErrorEndsIteration checks that a failing page yields its
// *APIError once, after the items already read, and ends the iteration.
func TestPagingErrorEndsIteration(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serveFunc(t, mt, pages{n: 10, withTotal: true, failAt: 2}.answer(t))
	var ids []string
	var errs []error
	for item, err := range c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(2).All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, item.GetID())
	}
	assert.Equal(t, wantIDs(2), ids)
	require.Len(t, errs, 1, "the error is yielded once")
	var ae *certifications.APIError
	require.True(t, errors.As(errs[0], &ae), "got %T: %v", errs[0], errs[0])
	assert.Equal(t, http.StatusInternalServerError, ae.StatusCode)
	assert.Len(t, srv.requests(), 2, "a 500 is not retried and ends paging")
}

// TestPagingValidationErrorYieldedFirst checks that a builder the client
// refuses yields the *ValidationError and sends nothing.
func TestPagingValidationErrorYieldedFirst(t *testing.T) {
	c, mt := newTestClient(t)
	items, err := certifications.Collect(c.CertificationsApi.ListIdentityCertifications(context.Background()).Filters(`nope eq 1`).All())
	assert.Empty(t, items)
	requireValidation(t, mt, err, "filters")
}

// TestPagingOffsetInvalidAtEnd checks that the 400 "offset is invalid"
// some tenants send past the last record ends paging without an error.
func TestPagingOffsetInvalidAtEnd(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serveFunc(t, mt, func(n int, req recorded) reply {
		if req.URL.Query().Get("offset") == "2" {
			return reply{status: http.StatusBadRequest, body: `{"detailMessage":"Specified offset is invalid.","stackTrace":[],"suppressedExceptions":[]}`}
		}
		return ok(`[{"id":"item-0"},{"id":"item-1"}]`)
	})
	items, err := certifications.Collect(c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(2).All())
	require.NoError(t, err)
	assert.Equal(t, wantIDs(2), itemIDs(items))
	assert.Len(t, srv.requests(), 2)
}

// TestPagingPagerTotalAndReadAhead uses the Pager directly: Total reports
// X-Total-Count, Requests counts pages, and ReadAhead fetches the pages
// concurrently while still yielding in order.
func TestPagingPagerTotalAndReadAhead(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serveFunc(t, mt, pages{n: 11, withTotal: true}.answer(t))
	p := c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(2).Pager().ReadAhead(3)
	items, err := certifications.Collect(p.All())
	require.NoError(t, err)
	assert.Equal(t, wantIDs(11), itemIDs(items))
	total, ok := p.Total()
	assert.True(t, ok)
	assert.Equal(t, int64(11), total)
	assert.Equal(t, int64(6), p.Requests())
	offsets := map[string]bool{}
	for _, r := range srv.requests() {
		offsets[r.URL.Query().Get("offset")] = true
	}
	assert.Equal(t, map[string]bool{"0": true, "2": true, "4": true, "6": true, "8": true, "10": true}, offsets)
}

// TestPagingEveryListOperation runs All on each list operation over three
// items with page size 2.
func TestPagingEveryListOperation(t *testing.T) {
	bg := context.Background()
	tests := []struct {
		name string
		ids  func(api *certifications.CertificationsApiService) ([]string, error)
	}{
		{"listIdentityCertifications", func(api *certifications.CertificationsApiService) ([]string, error) {
			var ids []string
			for v, err := range api.ListIdentityCertifications(bg).Limit(2).All() {
				if err != nil {
					return ids, err
				}
				ids = append(ids, v.GetID())
			}
			return ids, nil
		}},
		{"getPendingCertificationTasks", func(api *certifications.CertificationsApiService) ([]string, error) {
			var ids []string
			for v, err := range api.GetPendingCertificationTasks(bg).Limit(2).All() {
				if err != nil {
					return ids, err
				}
				ids = append(ids, v.GetID())
			}
			return ids, nil
		}},
		{"getIdentityCertificationItemPermissions", func(api *certifications.CertificationsApiService) ([]string, error) {
			var ids []string
			for v, err := range api.GetIdentityCertificationItemPermissions(bg, "c", "i").Limit(2).All() {
				if err != nil {
					return ids, err
				}
				ids = append(ids, v.GetTarget())
			}
			return ids, nil
		}},
		{"listCertificationReviewers", func(api *certifications.CertificationsApiService) ([]string, error) {
			var ids []string
			for v, err := range api.ListCertificationReviewers(bg, "c").Limit(2).All() {
				if err != nil {
					return ids, err
				}
				ids = append(ids, v.GetID())
			}
			return ids, nil
		}},
		{"listIdentityAccessReviewItems", func(api *certifications.CertificationsApiService) ([]string, error) {
			var ids []string
			for v, err := range api.ListIdentityAccessReviewItems(bg, "c").Limit(2).All() {
				if err != nil {
					return ids, err
				}
				ids = append(ids, v.GetID())
			}
			return ids, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serve(t, mt,
				ok(`[{"id":"a","target":"a"},{"id":"b","target":"b"}]`).withHeader("X-Total-Count", "3"),
				ok(`[{"id":"c","target":"c"}]`))
			ids, err := tt.ids(c.CertificationsApi)
			require.NoError(t, err)
			assert.Equal(t, []string{"a", "b", "c"}, ids)
			reqs := srv.requests()
			require.Len(t, reqs, 2)
			assert.Equal(t, "0", reqs[0].URL.Query().Get("offset"))
			assert.Equal(t, "true", reqs[0].URL.Query().Get("count"))
			assert.Equal(t, "2", reqs[1].URL.Query().Get("offset"))
			assert.False(t, reqs[1].URL.Query().Has("count"))
		})
	}
}

// TestPagingTotalCountFromExecute reads X-Total-Count from a single call
// made with Count(true).
func TestPagingTotalCountFromExecute(t *testing.T) {
	c, mt := newTestClient(t)
	serve(t, mt, ok(`[]`).withHeader("X-Total-Count", "42"))
	_, resp, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).Count(true).Limit(0).Execute()
	require.NoError(t, err)
	n, ok := certifications.TotalCount(resp)
	assert.True(t, ok)
	assert.Equal(t, int64(42), n)
}
