package beta_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// certPage renders n certifications whose campaignRef ids are c<start>...
func certPage(start, n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"campaignRef":{"id":"c%d"},"phase":"ACTIVE"}`, start+i)
	}
	return "[" + strings.Join(items, ",") + "]"
}

// TestAllPagesThroughListCertifications streams five certifications in
// pages of two: three requests at offsets 0, 2 and 4, the short last page
// ending the iteration. The filter, sorter and reviewer go on every page.
func TestAllPagesThroughListCertifications(t *testing.T) {
	api, mt := newAPI(t)
	rec := answer(t, mt, func(r recorded) (int, http.Header, string) {
		offset, _ := strconv.Atoi(r.Query.Get("offset"))
		return 200, nil, certPage(offset, min(2, 5-offset))
	})
	pager := api.ListCertifications(context.Background()).
		ReviewerIdentity("me").
		Filters(`phase eq "ACTIVE"`).
		Sorters("-due").
		Limit(2).
		Pager()
	var ids []string
	for cert, err := range pager.All() {
		require.NoError(t, err)
		ids = append(ids, cert.GetCampaignRef().GetID())
	}
	assert.Equal(t, []string{"c0", "c1", "c2", "c3", "c4"}, ids)
	reqs := rec.all()
	require.Len(t, reqs, 3)
	assert.EqualValues(t, 3, pager.Requests())
	for i, r := range reqs {
		assert.Equal(t, "/beta/certifications", r.EscapedPath)
		assert.Equal(t, strconv.Itoa(2*i), r.Query.Get("offset"), "page %d", i)
		assert.Equal(t, "2", r.Query.Get("limit"), "page %d", i)
		assert.Equal(t, "me", r.Query.Get("reviewer-identitiy"), "page %d", i)
		assert.Equal(t, `phase eq "ACTIVE"`, r.Query.Get("filters"), "page %d", i)
		assert.Equal(t, "-due", r.Query.Get("sorters"), "page %d", i)
	}
	assert.Equal(t, "true", reqs[0].Query.Get("count"), "the first page asks for the total")
	assert.Empty(t, reqs[1].Query.Get("count"))
}

// TestAllConfirmsTheReportedTotal lists four reviewers in pages of two with
// X-Total-Count 4: the total is a hint, so the full second page is
// followed by one request that finds the end.
func TestAllConfirmsTheReportedTotal(t *testing.T) {
	api, mt := newAPI(t)
	rec := answer(t, mt, func(r recorded) (int, http.Header, string) {
		offset, _ := strconv.Atoi(r.Query.Get("offset"))
		if offset >= 4 {
			return 200, http.Header{"X-Total-Count": {"4"}}, `[]`
		}
		body := fmt.Sprintf(`[{"id":"r%d"},{"id":"r%d"}]`, offset, offset+1)
		return 200, http.Header{"X-Total-Count": {"4"}}, body
	})
	pager := api.ListCertificationReviewers(context.Background(), "cert/1").Limit(2).Pager()
	got, err := certifications.Collect(pager.All())
	require.NoError(t, err)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.GetID())
	}
	assert.Equal(t, []string{"r0", "r1", "r2", "r3"}, ids)
	assert.Len(t, rec.all(), 3)
	total, ok := pager.Total()
	assert.True(t, ok)
	assert.EqualValues(t, 4, total)
	assert.Equal(t, "/beta/certifications/cert%2F1/reviewers", rec.all()[1].EscapedPath)
}

// TestAllBreakStopsPaging checks that leaving the loop early sends no
// further request.
func TestAllBreakStopsPaging(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, `[{"target":"A"},{"target":"B"}]`)
	n := 0
	for p, err := range api.GetIdentityCertificationItemPermissions(context.Background(), "c", "i").Limit(2).All() {
		require.NoError(t, err)
		assert.Equal(t, "A", p.GetTarget())
		n++
		break
	}
	assert.Equal(t, 1, n)
	assert.Len(t, rec.all(), 1)
}

// TestAllYieldsAnErrorOnce checks that a failing page ends the iteration
// with its *APIError, and that a validation error is yielded before any
// request.
func TestAllYieldsAnErrorOnce(t *testing.T) {
	t.Run("server error on page two", func(t *testing.T) {
		api, mt := newAPI(t, noRetries)
		answer(t, mt, func(r recorded) (int, http.Header, string) {
			if r.Query.Get("offset") == "2" {
				return 500, nil, fixture(t, "errors/500.json")
			}
			return 200, nil, certPage(0, 2)
		})
		var items, errs int
		for _, err := range api.ListCertifications(context.Background()).Limit(2).All() {
			if err != nil {
				errs++
				var ae *certifications.APIError
				assert.ErrorAs(t, err, &ae)
				continue
			}
			items++
		}
		assert.Equal(t, 2, items)
		assert.Equal(t, 1, errs)
	})
	t.Run("invalid filter", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, `[]`)
		var got []error
		for _, err := range api.ListCertifications(context.Background()).Filters(`campaign.id eq "x"`).All() {
			got = append(got, err)
		}
		require.Len(t, got, 1)
		var ve *certifications.ValidationError
		assert.ErrorAs(t, got[0], &ve)
		assert.Equal(t, 0, mt.GetTotalCallCount())
	})
}

// TestPagerCopiesTheBuilder checks that a builder stays reusable after
// Pager: its own Execute still sends its own parameters.
func TestPagerCopiesTheBuilder(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, `[]`)
	req := api.ListCertifications(context.Background()).Limit(7)
	_, err := certifications.Collect(req.Offset(50).All())
	require.NoError(t, err)
	_, _, err = req.Execute()
	require.NoError(t, err)
	reqs := rec.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, "50", reqs[0].Query.Get("offset"))
	assert.Equal(t, "", reqs[1].Query.Get("offset"), "the builder was not changed by paging")
	assert.Equal(t, "7", reqs[1].Query.Get("limit"))
}

// TestReadAheadFetchesEachPageOnceInOrder streams 11 certifications in
// pages of 2 with three pages in flight: every offset is asked once, items
// come in order (run with -race: the fetches share no builder state).
func TestReadAheadFetchesEachPageOnceInOrder(t *testing.T) {
	api, mt := newAPI(t)
	rec := answer(t, mt, func(r recorded) (int, http.Header, string) {
		offset, _ := strconv.Atoi(r.Query.Get("offset"))
		h := http.Header{}
		if r.Query.Get("count") == "true" {
			h.Set("X-Total-Count", "11")
		}
		return 200, h, certPage(offset, max(0, min(2, 11-offset)))
	})
	pager := api.ListCertifications(context.Background()).Limit(2).Pager().ReadAhead(3)
	var ids []string
	for cert, err := range pager.All() {
		require.NoError(t, err)
		ids = append(ids, cert.GetCampaignRef().GetID())
	}
	want := []string{}
	for i := 0; i < 11; i++ {
		want = append(want, fmt.Sprintf("c%d", i))
	}
	assert.Equal(t, want, ids)
	offsets := map[string]int{}
	for _, r := range rec.all() {
		offsets[r.Query.Get("offset")]++
	}
	assert.Equal(t, map[string]int{"0": 1, "2": 1, "4": 1, "6": 1, "8": 1, "10": 1}, offsets)
}
