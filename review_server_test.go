package certifications

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stuckServer answers every listing with the same first page of items
// whatever the offset, as a server that ignores offset does, with total
// as X-Total-Count when it is asked to count (none when total is ""). It
// accepts every decide call and counts the requests.
type stuckServer struct {
	mu       sync.Mutex
	listings int
	decides  int
	decided  int
}

func newStuckServer(t *testing.T, items int, total string) (*stuckServer, *APIClient) {
	t.Helper()
	s := &stuckServer{}
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	base := testBase + "/v3/certifications/cert-1"
	mt.RegisterResponder(http.MethodGet, "=~^"+base+"/access-review-items", func(req *http.Request) (*http.Response, error) {
		s.mu.Lock()
		s.listings++
		s.mu.Unlock()
		limit, _ := strconv.Atoi(req.URL.Query().Get("limit"))
		page := []map[string]any{}
		for i := range min(items, max(limit, 1)) {
			page = append(page, map[string]any{"id": fakeItemID(i), "completed": false})
		}
		resp, err := httpmock.NewJsonResponse(http.StatusOK, page)
		if req.URL.Query().Get("count") == "true" && total != "" {
			resp.Header.Set("X-Total-Count", total)
		}
		return resp, err
	})
	mt.RegisterResponder(http.MethodPost, base+"/decide", func(req *http.Request) (*http.Response, error) {
		var ds []ReviewDecision
		require.NoError(t, json.NewDecoder(req.Body).Decode(&ds))
		s.mu.Lock()
		s.decides++
		s.decided += len(ds)
		s.mu.Unlock()
		return httpmock.NewJsonResponse(http.StatusOK, map[string]any{"id": "cert-1"})
	})
	return s, c
}

func (s *stuckServer) counts() (listings, decides, decided int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.listings, s.decides, s.decided
}

// A server that ignores offset stops Review with a *PagingError that says
// what was seen, after at most two listings past the first, whether it
// counts 100,000 items or does not count, and whatever the concurrency.
func TestReviewStopsWhenTheServerDoesNotAdvance(t *testing.T) {
	for _, total := range []string{"100000", ""} {
		for _, conc := range []int{1, 8} {
			t.Run(fmt.Sprintf("count %q/concurrency %d", total, conc), func(t *testing.T) {
				s, c := newStuckServer(t, MaxPageSize, total)
				res, err := c.CertificationsApi.Review(context.Background(), "cert-1", leaveIf(func(int) bool { return false }), &ReviewOptions{Concurrency: conc})
				var pe *PagingError
				require.ErrorAs(t, err, &pe)
				require.NotNil(t, res)
				listings, _, decided := s.counts()
				assert.LessOrEqual(t, listings, 3, "listings")
				assert.Equal(t, listings, res.ListCalls)
				assert.Equal(t, int32(MaxPageSize), pe.Limit)
				assert.Equal(t, MaxPageSize, pe.Received)
				assert.NotEmpty(t, pe.RepeatedID)
				assert.Equal(t, pe.RepeatedID, fakeItemID(pe.RepeatedIndex))
				assert.Contains(t, pe.Path, "/access-review-items")
				assert.LessOrEqual(t, pe.Requests, int64(listings))
				assert.LessOrEqual(t, pe.Yielded, int64(MaxPageSize))
				if total == "" {
					assert.Equal(t, int64(-1), pe.Total)
				} else {
					assert.Equal(t, int64(100000), pe.Total)
					assert.Positive(t, pe.Offset)
				}
				// What was handed to the rule is still decided, once.
				assert.Equal(t, len(res.Decided), decided)
				assert.LessOrEqual(t, decided, MaxPageSize)
				assert.Equal(t, 1, strings.Count(err.Error(), "certifications:"), err.Error())
			})
		}
	}
}

// DecideAll against a server that ignores offset sends no decision: it
// cannot tell which items are undecided, so it skips nothing and returns
// the *PagingError, after at most two listings past the first.
func TestDecideAllStopsWhenTheServerDoesNotAdvance(t *testing.T) {
	for _, total := range []string{"100000", ""} {
		t.Run(fmt.Sprintf("count %q", total), func(t *testing.T) {
			s, c := newStuckServer(t, MaxPageSize, total)
			ds := make([]ReviewDecision, 1000)
			for i := range ds {
				ds[i] = ReviewDecision{ID: fakeItemID(i), Decision: CertificationDecisionApprove}
			}
			res, err := c.CertificationsApi.DecideAll(context.Background(), "cert-1", ds, nil)
			var pe *PagingError
			require.ErrorAs(t, err, &pe)
			assert.Nil(t, res, "no decision is taken as skipped")
			listings, decides, _ := s.counts()
			assert.LessOrEqual(t, listings, 3, "listings")
			assert.Zero(t, decides, "no decide call")
		})
	}
}

// Another reviewer deciding more than a page of items in front of the
// pages still to read makes whole pages of items read before: that is no
// stalled server, and Review goes on to the end.
func TestReviewRepeatsFromAnotherReviewerAreNoStall(t *testing.T) {
	for _, conc := range []int{1, 3} {
		t.Run(fmt.Sprintf("concurrency %d", conc), func(t *testing.T) {
			const items, page = 1000, 50
			f, c := newFakeCert(t, items)
			alone := func(i int) bool { return i%2 == 0 }
			theirs := 0
			f.before = func(f *fakeCert, n int, req *http.Request) {
				if req.Method != http.MethodGet || n%4 != 0 {
					return
				}
				// Decide 2 pages of items at the front.
				u := f.undecided()
				for _, id := range u[:min(2*page, len(u))] {
					if fakeIndex(id) < items/2 {
						f.decideNow(id)
						theirs++
					}
				}
			}
			_, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(alone), &ReviewOptions{PageSize: page, Concurrency: conc})
			require.NoError(t, err)
			f.before = nil
			// Whole pages of items listed before were read: the case the
			// test is about.
			listed, stalePages := map[string]bool{}, 0
			for _, r := range f.requests() {
				fresh := 0
				for _, id := range r.ids {
					if !listed[id] {
						listed[id], fresh = true, fresh+1
					}
				}
				if r.method == http.MethodGet && !r.count && len(r.ids) == page && fresh == 0 {
					stalePages++
				}
			}
			assert.Positive(t, stalePages, "full pages of repeats")
			f.mu.Lock()
			defer f.mu.Unlock()
			for _, id := range f.undecided() {
				assert.True(t, alone(fakeIndex(id)), "item %s is left undecided by the rule, not skipped", id)
			}
			assert.Positive(t, theirs)
		})
	}
}

// An X-Total-Count past what an int32 offset can reach is bad data: Review
// takes the count as unknown and reads from the front, rather than turning
// it into negative offsets and blaming the caller.
func TestReviewWithACountPastInt32(t *testing.T) {
	for _, count := range []string{"4294967546", "2147483648", "9223372036854775807"} {
		t.Run(count, func(t *testing.T) {
			f, c := newFakeCert(t, 600)
			f.countHeader = count
			// Reading 600 items takes a few calls, not a walk down from
			// the count: the context ends the run at 50.
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			f.before = func(_ *fakeCert, n int, _ *http.Request) {
				if n >= 50 {
					cancel()
				}
			}
			res, err := c.CertificationsApi.Review(ctx, f.id, leaveIf(func(int) bool { return false }), nil)
			require.NoError(t, err)
			assert.Equal(t, -1, res.Total)
			assertSameIDs(t, fakeIDs(600, func(int) bool { return true }), res.Decided)
			f.assertDecidedOnce(t, res.Decided)
			for _, r := range f.requests() {
				assert.GreaterOrEqual(t, r.offset, 0)
			}
		})
	}
}

// The record DecideAll keeps to tell undecided items apart holds a small
// hash per item, not the ids: while it reads 40,000 undecided items with
// ids of 1 KB, the heap grows by far less than the ids take.
func TestDecideAllRecordIsSmall(t *testing.T) {
	const items, idLen = 40_000, 1 << 10
	f, c := newFakeCert(t, 0)
	for i := range items {
		id := fakeItemID(i)
		f.ids = append(f.ids, id+strings.Repeat("x", idLen-len(id)))
	}
	var before, during runtime.MemStats
	measured := false
	f.view = func(f *fakeCert, r fakeRequest) []string {
		if !r.count && r.offset == 0 {
			// The last window: the record holds every other item.
			runtime.GC()
			runtime.ReadMemStats(&during)
			measured = true
		}
		return nil
	}
	ds := []ReviewDecision{{ID: f.ids[0], Decision: CertificationDecisionApprove}}
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, &DecideOptions{})
	require.NoError(t, err)
	require.True(t, measured)
	assert.Equal(t, []string{f.ids[0]}, res.Decided)
	grown := int64(during.HeapAlloc) - int64(before.HeapAlloc)
	assert.Less(t, grown, int64(items*idLen/4), "heap grown by %d bytes while reading %d bytes of ids", grown, items*idLen)
}
