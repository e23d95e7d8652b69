package certifications

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A count too low, on a page boundary or not, never hides items from
// Review: it reads and decides every undecided item.
func TestReviewCountTooLow(t *testing.T) {
	for _, count := range []string{"250", "500", "260", "0"} {
		for _, conc := range []int{1, 8} {
			t.Run(fmt.Sprintf("count %s/concurrency %d", count, conc), func(t *testing.T) {
				f, c := newFakeCert(t, 600)
				f.countHeader = count
				res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), &ReviewOptions{Concurrency: conc})
				require.NoError(t, err)
				t.Logf("count %s, 600 items: %d listings, %d decided", count, res.ListCalls, len(res.Decided))
				all := fakeIDs(600, func(int) bool { return true })
				assertSameIDs(t, all, res.Decided)
				f.assertDecidedOnce(t, all)
				assert.Equal(t, 600, res.Total, "the end found, not the count")
				assert.LessOrEqual(t, res.ListCalls, 12, "listings")
			})
		}
	}
}

// DecideAll against a count too low decides every undecided item and
// skips none: an item is skipped only when the listing, read to its end,
// does not hold it.
func TestDecideAllCountTooLow(t *testing.T) {
	for _, count := range []string{"250", "500"} {
		t.Run("count "+count, func(t *testing.T) {
			f, c := newFakeCert(t, 600)
			f.countHeader = count
			f.decideNow(fakeItemID(3))
			ds := make([]ReviewDecision, 600)
			for i := range ds {
				ds[i] = ReviewDecision{ID: fakeItemID(i), Decision: CertificationDecisionApprove}
			}
			res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, nil)
			require.NoError(t, err)
			t.Logf("count %s, 600 items: %d listings, %d decided, %d skipped", count, f.count(http.MethodGet), len(res.Decided), len(res.Skipped))
			assert.Equal(t, []string{fakeItemID(3)}, res.Skipped, "only the item decided before")
			assert.Len(t, res.Decided, 599)
			f.mu.Lock()
			assert.Empty(t, f.undecided())
			f.mu.Unlock()
		})
	}
}

// A count far too high costs a few listings to find the real end, not one
// per missing page.
func TestReviewCountTooHigh(t *testing.T) {
	for _, conc := range []int{1, 8} {
		t.Run(fmt.Sprintf("concurrency %d", conc), func(t *testing.T) {
			f, c := newFakeCert(t, 600)
			f.countHeader = "25000"
			res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), &ReviewOptions{Concurrency: conc})
			require.NoError(t, err)
			t.Logf("count 25000, 600 items: %d listings, %d decided", res.ListCalls, len(res.Decided))
			all := fakeIDs(600, func(int) bool { return true })
			assertSameIDs(t, all, res.Decided)
			f.assertDecidedOnce(t, all)
			assert.LessOrEqual(t, res.ListCalls, 16, "listings: the pages, and O(log n) to find the end")
		})
	}
}

// The window in which another reviewer's decision can be overwritten is
// bounded as Review's documentation says: at no moment does the server
// hold more than Concurrency×250+250 items that Review listed and has not
// decided yet: Concurrency calls of a page or a chunk each, and the chunk
// being filled.
func TestReviewUndecidedWindowIsBounded(t *testing.T) {
	for _, conc := range []int{1, 4, 8} {
		t.Run(fmt.Sprintf("concurrency %d", conc), func(t *testing.T) {
			f, c := newFakeCert(t, 6000)
			_, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), &ReviewOptions{Concurrency: conc})
			require.NoError(t, err)
			// An item is open from the last listing that showed it before
			// its decide call (the one the rule saw: the first page is
			// listed again at the end) until that call.
			reqs := f.requests()
			lastListed, change := map[string]int{}, make([]int, len(reqs)+1)
			for i, r := range reqs {
				for _, id := range r.ids {
					if r.method == http.MethodGet {
						lastListed[id] = i
					} else {
						change[lastListed[id]]++
						change[i]--
					}
				}
			}
			open, most := 0, 0
			for _, d := range change {
				open += d
				most = max(most, open)
			}
			t.Logf("concurrency %d: at most %d items listed and not decided", conc, most)
			assert.LessOrEqual(t, most, conc*MaxPageSize+MaxDecisionsPerCall)
		})
	}
}
