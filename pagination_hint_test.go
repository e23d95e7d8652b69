package certifications

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An X-Total-Count is a hint: a count too low, on a page boundary or not,
// never ends paging while full pages keep coming.
func TestPagingCountTooLowOnAPageBoundary(t *testing.T) {
	for _, total := range []int{250, 500, 260, 0} {
		for _, ra := range []int{1, 4} {
			t.Run(fmt.Sprintf("total %d, read-ahead %d", total, ra), func(t *testing.T) {
				checkLeaks(t)
				f := &fakeList{n: 600, total: total}
				got, err := collectFake(NewPager(context.Background(), ListOptions{}, f.fetch).ReadAhead(ra))
				t.Logf("600 items, count %d, read-ahead %d: %d items in %d requests, err %v", total, ra, len(got), len(f.asked()), err)
				require.NoError(t, err)
				assert.Equal(t, ids(0, 600), got)
				assert.Equal(t, []int{0, 250, 500}, f.asked(), "the short page at 500 is the end")
			})
		}
	}
}

// A count that says "done" on a full page is confirmed by one more
// request, which finds the end (an empty page or the tenants' 400).
func TestPagingCountOnAFullPageIsConfirmed(t *testing.T) {
	for _, pastEnd400 := range []bool{false, true} {
		for _, ra := range []int{1, 4} {
			t.Run(fmt.Sprintf("400 %t, read-ahead %d", pastEnd400, ra), func(t *testing.T) {
				checkLeaks(t)
				f := &fakeList{n: 500, total: 500, pastEnd400: pastEnd400}
				got, err := collectFake(NewPager(context.Background(), ListOptions{}, f.fetch).ReadAhead(ra))
				require.NoError(t, err)
				assert.Equal(t, ids(0, 500), got)
				assert.Equal(t, []int{0, 250, 500}, f.asked())
			})
		}
	}
}

// reviewerPages serves the reviewers of certification c1 through httpmock:
// n reviewers, where nullAt says which positions the server sends as null.
func reviewerPages(t *testing.T, n int, nullAt func(i int) bool) (*APIClient, func() []int) {
	t.Helper()
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
	})
	var mu sync.Mutex
	var offsets []int
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications/c1/reviewers", func(req *http.Request) (*http.Response, error) {
		q := req.URL.Query()
		offset, _ := strconv.Atoi(q.Get("offset"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		mu.Lock()
		offsets = append(offsets, offset)
		asked := len(offsets)
		mu.Unlock()
		if asked > maxTestRequests {
			return httpmock.NewStringResponse(http.StatusTeapot, errTooManyRequests.Error()), nil
		}
		var parts []string
		for i := offset; i < min(offset+limit, n); i++ {
			if nullAt(i) {
				parts = append(parts, "null")
			} else {
				parts = append(parts, fmt.Sprintf(`{"id":"r%d","name":"Reviewer %d","type":"IDENTITY"}`, i, i))
			}
		}
		return httpmock.NewStringResponse(http.StatusOK, "["+strings.Join(parts, ",")+"]"), nil
	})
	return c, func() []int {
		mu.Lock()
		defer mu.Unlock()
		return append([]int(nil), offsets...)
	}
}

// A null element is no item and no repeat: the pager skips it, and a page
// made only of nulls does not end paging. Execute still returns what the
// server sent.
func TestPagingSkipsNullElements(t *testing.T) {
	nullAt := func(i int) bool { return i >= 250 && i < 500 || i == 510 || i == 520 }
	c, asked := reviewerPages(t, 600, nullAt)
	req := c.CertificationsApi.ListCertificationReviewers(context.Background(), "c1")
	var got []string
	var err error
	for r, e := range req.All() {
		if err = e; e != nil {
			break
		}
		got = append(got, r.GetID())
	}
	t.Logf("600 reviewers, 252 of them null: %d items in %d requests, err %v", len(got), len(asked()), err)
	require.NoError(t, err)
	var want []string
	for i := range 600 {
		if !nullAt(i) {
			want = append(want, "r"+strconv.Itoa(i))
		}
	}
	assert.Equal(t, want, got)
	assert.Equal(t, []int{0, 250, 500}, asked())

	page, _, err := req.Offset(250).Limit(250).Execute()
	require.NoError(t, err)
	assert.Len(t, page, 250, "Execute returns every element the server sent, nulls as zero values")
	assert.Equal(t, IdentityReferenceWithNameAndEmail{}, page[0])
}

// Nulls with a read-ahead pager, and a page of nothing but nulls past a
// full page of them: neither is taken for the server repeating itself.
func TestPagingNullPagesWithReadAhead(t *testing.T) {
	nullAt := func(i int) bool { return i >= 100 && i < 300 }
	c, _ := reviewerPages(t, 420, nullAt)
	p := c.CertificationsApi.ListCertificationReviewers(context.Background(), "c1").Limit(100).Pager().ReadAhead(4)
	n, empty := 0, 0
	var err error
	for r, e := range p.All() {
		if err = e; e != nil {
			break
		}
		if r.GetID() == "" {
			empty++
		}
		n++
	}
	t.Logf("420 reviewers, 200 of them null, pages of 100: %d items (%d without id) in %d requests, err %v", n, empty, p.Requests(), err)
	require.NoError(t, err)
	assert.Zero(t, empty)
	assert.Equal(t, 220, n)
}
