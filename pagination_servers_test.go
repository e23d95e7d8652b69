package certifications

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeList serves the ids 0..n-1 through a PageFunc, without HTTP. It
// honours offset and limit unless its fields make it misbehave.
type fakeList struct {
	n     int // items in the collection
	total int // X-Total-Count sent with count=true; -1 sends none

	ignoreOffset bool                 // serve every page from offset 0
	pageLen      int                  // when > 0, pages from longFrom on hold this many items, whatever the limit
	longFrom     int                  // see pageLen
	serveAt      func(offset int) int // the offset actually served (nil: the one asked)
	pastEnd400   bool                 // answer the tenants' 400 for an offset >= n (but 0)
	err400At     int                  // when > 0, answer 400 with err400Body at this offset
	err400Body   string
	gate         bool // hold every fetch until release

	mu      sync.Mutex
	offsets []int
	held    []chan struct{}
}

func (f *fakeList) fetch(ctx context.Context, o ListOptions) ([]pageItem, *http.Response, error) {
	offset, limit := int(*o.Offset), int(*o.Limit)
	f.mu.Lock()
	f.offsets = append(f.offsets, offset)
	asked := len(f.offsets)
	var gate chan struct{}
	if f.gate {
		gate = make(chan struct{})
		f.held = append(f.held, gate)
	}
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
	if asked > maxTestRequests {
		return nil, nil, errTooManyRequests
	}
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Request: &http.Request{URL: &url.URL{Path: "/v3/items"}}}
	fail := func(body string) ([]pageItem, *http.Response, error) {
		resp.StatusCode = 400
		return nil, resp, &APIError{Method: http.MethodGet, Path: "/v3/items", StatusCode: 400, Body: []byte(body)}
	}
	switch {
	case f.err400At > 0 && offset == f.err400At:
		return fail(f.err400Body)
	case f.pastEnd400 && offset > 0 && offset >= f.n:
		return fail(offsetPastEndBody)
	}
	if o.Count != nil && *o.Count && f.total >= 0 {
		resp.Header.Set("X-Total-Count", strconv.Itoa(f.total))
	}
	served, length := offset, limit
	if f.ignoreOffset {
		served = 0
	}
	if f.serveAt != nil {
		served = f.serveAt(offset)
	}
	if f.pageLen > 0 && offset >= f.longFrom {
		length = f.pageLen
	}
	items := []pageItem{}
	for i := served; i < served+length && i < f.n; i++ {
		items = append(items, pageItem{ID: strconv.Itoa(i)})
	}
	return items, resp, nil
}

// maxTestRequests bounds the requests a test server answers, so that a
// pager that does not stop fails its test instead of hanging it.
const maxTestRequests = 1000

var errTooManyRequests = errors.New("test server: more than 1000 requests")

// release lets every held fetch go on and returns how many there were.
func (f *fakeList) release() int {
	f.mu.Lock()
	held := f.held
	f.held = nil
	f.mu.Unlock()
	for _, ch := range held {
		close(ch)
	}
	return len(held)
}

// asked returns the offsets requested so far.
func (f *fakeList) asked() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int(nil), f.offsets...)
}

func collectFake(p *Pager[pageItem]) ([]string, error) {
	got := []string{}
	for it, err := range p.All() {
		if err != nil {
			return got, err
		}
		got = append(got, it.ID)
	}
	return got, nil
}

// TestPagingIgnoredOffsetEndsWithPagingError pages a server that answers
// every request with its first page (as a spec-driven mock does with
// Limit(1)): the first page is yielded once, and the second request, which
// repeats it, ends the iteration with a *PagingError, even when the server
// claims 100,000 items and with read-ahead.
func TestPagingIgnoredOffsetEndsWithPagingError(t *testing.T) {
	for _, limit := range []int32{1, 5} {
		for _, noTotal := range []bool{false, true} {
			for _, ra := range []int{1, 4} {
				t.Run(fmt.Sprintf("limit %d no total %t read-ahead %d", limit, noTotal, ra), func(t *testing.T) {
					checkLeaks(t)
					s := &pagingServer{total: 100_000, noTotal: noTotal, ignoreOffset: true}
					c := newPagingClient(t, s)
					p := itemPager(context.Background(), c, limitOf(limit)).ReadAhead(ra)
					got, err := collectIDs(t, p)
					assert.Equal(t, ids(0, int(limit)), got, "the first page, once")
					var pe *PagingError
					require.ErrorAs(t, err, &pe)
					assert.Equal(t, limit, pe.Offset)
					assert.Equal(t, limit, pe.Limit)
					assert.Equal(t, int(limit), pe.Received)
					assert.Equal(t, "0", pe.RepeatedID)
					assert.EqualValues(t, limit, pe.Yielded)
					assert.EqualValues(t, 2, pe.Requests)
					assert.Equal(t, "/v3/items", pe.Path)
					if noTotal {
						assert.EqualValues(t, -1, pe.Total)
					} else {
						assert.EqualValues(t, 100_000, pe.Total)
					}
					assert.Len(t, s.log(), 2, "one request past the page that showed the repeat: none")
				})
			}
		}
	}
}

// TestPagingLongPagesYieldEachItemOnce pages a server that sends 8 items
// for a limit of 5: every item comes once, in order, with and without
// read-ahead, the next page being asked after the items received.
func TestPagingLongPagesYieldEachItemOnce(t *testing.T) {
	for _, total := range []int{40, -1} {
		for _, ra := range []int{1, 4} {
			t.Run(fmt.Sprintf("total %d read-ahead %d", total, ra), func(t *testing.T) {
				checkLeaks(t)
				f := &fakeList{n: 40, total: total, pageLen: 8}
				got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(ra))
				require.NoError(t, err)
				assert.Equal(t, ids(0, 40), got)
				// The empty page ends it, with or without a total.
				assert.Equal(t, []int{0, 8, 16, 24, 32, 40}, f.asked())
			})
		}
	}
	t.Run("long pages after read-ahead started", func(t *testing.T) {
		checkLeaks(t)
		f := &fakeList{n: 40, total: 40, pageLen: 8, longFrom: 10}
		got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(4))
		require.NoError(t, err)
		assert.Equal(t, ids(0, 40), got)
	})
}

// TestPagingLyingTotals pages servers whose X-Total-Count is wrong.
func TestPagingLyingTotals(t *testing.T) {
	for _, ra := range []int{1, 4} {
		t.Run(fmt.Sprintf("larger than the data, read-ahead %d", ra), func(t *testing.T) {
			checkLeaks(t)
			f := &fakeList{n: 40, total: 100_000}
			got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(ra))
			require.NoError(t, err)
			assert.Equal(t, ids(0, 40), got)
			// 8 full pages and the empty one, plus what read-ahead had in flight.
			assert.LessOrEqual(t, len(f.asked()), 9+ra-1)
		})
		t.Run(fmt.Sprintf("smaller than a page holds, read-ahead %d", ra), func(t *testing.T) {
			f := &fakeList{n: 40, total: 10}
			got, err := collectFake(NewPager(context.Background(), limitOf(7), f.fetch).ReadAhead(ra))
			require.NoError(t, err)
			assert.Equal(t, ids(0, 40), got, "the page at 7 holds items past 10, so the total is ignored")
			assert.Equal(t, []int{0, 7, 14, 21, 28, 35}, f.asked())
		})
		t.Run(fmt.Sprintf("zero with items, read-ahead %d", ra), func(t *testing.T) {
			f := &fakeList{n: 12, total: 0}
			got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(ra))
			require.NoError(t, err)
			assert.Equal(t, ids(0, 12), got)
		})
	}
	t.Run("smaller, on a page boundary: paging goes on to the short page", func(t *testing.T) {
		f := &fakeList{n: 40, total: 10}
		got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch))
		require.NoError(t, err)
		assert.Equal(t, ids(0, 40), got)
		assert.Equal(t, []int{0, 5, 10, 15, 20, 25, 30, 35, 40}, f.asked())
	})
}

// TestPagingRepeatedPagesEndWithPagingError pages servers that go back to
// an earlier page: the items before are yielded once, and the repeat ends
// the iteration with a *PagingError naming it.
func TestPagingRepeatedPagesEndWithPagingError(t *testing.T) {
	servers := map[string]func(int) int{
		"page at 20 is the first one": func(off int) int {
			if off == 20 {
				return 0
			}
			return off
		},
		"cycle of three pages": func(off int) int { return off % 15 },
	}
	for name, serveAt := range servers {
		for _, total := range []int{100, -1} {
			for _, ra := range []int{1, 4} {
				t.Run(fmt.Sprintf("%s total %d read-ahead %d", name, total, ra), func(t *testing.T) {
					checkLeaks(t)
					f := &fakeList{n: 100, total: total, serveAt: serveAt}
					got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(ra))
					var pe *PagingError
					require.ErrorAs(t, err, &pe)
					want := 15
					if strings.HasPrefix(name, "page at 20") {
						want = 20
					}
					assert.Equal(t, ids(0, want), got)
					assert.EqualValues(t, want, pe.Offset)
					assert.Equal(t, "0", pe.RepeatedID)
					assert.EqualValues(t, want, pe.Yielded)
					assert.Equal(t, 5, pe.Received)
				})
			}
		}
	}
}

// TestPagingShiftedPagesSkipRepeats pages a collection that gained a record
// in front after the first page, so each later page starts with the last
// item of the one before: the repeats are skipped, nothing is lost, and the
// last page (one repeated item) ends the iteration without an error.
func TestPagingShiftedPagesSkipRepeats(t *testing.T) {
	f := &fakeList{n: 40, total: -1, serveAt: func(off int) int { return max(off-1, 0) }}
	got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch))
	require.NoError(t, err)
	assert.Equal(t, ids(0, 40), got)
}

// permission is an item type without GetID, recognised by its JSON.
type permission struct {
	Target string   `json:"target"`
	Rights []string `json:"rights"`
}

// namedItem has a GetID that may return "", which falls back to the JSON.
type namedItem struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

func (n *namedItem) GetID() string { return n.ID }

// TestPagingItemsWithoutIDUseTheirJSON checks identity for items without
// an id: distinct items all come, and a repeated page ends the iteration
// with a *PagingError that points at the item by its index.
func TestPagingItemsWithoutIDUseTheirJSON(t *testing.T) {
	perms := func(f *fakeList) PageFunc[permission] {
		return func(ctx context.Context, o ListOptions) ([]permission, *http.Response, error) {
			items, resp, err := f.fetch(ctx, o)
			out := make([]permission, len(items))
			for i, it := range items {
				out[i] = permission{Target: "T" + it.ID, Rights: []string{"READ"}}
			}
			return out, resp, err
		}
	}
	all, err := Collect(NewPager(context.Background(), limitOf(5), perms(&fakeList{n: 12, total: -1})).All())
	require.NoError(t, err)
	assert.Len(t, all, 12)

	got, err := Collect(NewPager(context.Background(), limitOf(5), perms(&fakeList{n: 12, total: -1, ignoreOffset: true})).All())
	assert.Len(t, got, 5)
	var pe *PagingError
	require.ErrorAs(t, err, &pe)
	assert.Empty(t, pe.RepeatedID)
	assert.Equal(t, 0, pe.RepeatedIndex)
	assert.Contains(t, pe.Error(), "item 0 of the page, same JSON as an earlier item")

	named := func(ctx context.Context, o ListOptions) ([]namedItem, *http.Response, error) {
		var out []namedItem
		for i := int(*o.Offset); i < min(int(*o.Offset+*o.Limit), 7); i++ {
			out = append(out, namedItem{Name: fmt.Sprint("n", i)})
		}
		return out, nil, nil
	}
	items, err := Collect(NewPager(context.Background(), limitOf(3), named).All())
	require.NoError(t, err)
	assert.Len(t, items, 7, "an empty id is not an identity: the JSON differs")
}

// TestPagingEndsOnAnyServer runs every misbehaving server with every kind
// of total, with and without read-ahead, and checks the guarantees that
// hold whatever the server does: the iteration ends within a few requests
// of the data's size, yields no item twice, and fails, if at all, with a
// *PagingError.
func TestPagingEndsOnAnyServer(t *testing.T) {
	servers := map[string]func() *fakeList{
		"honest":            func() *fakeList { return &fakeList{} },
		"ignores offset":    func() *fakeList { return &fakeList{ignoreOffset: true} },
		"long pages":        func() *fakeList { return &fakeList{pageLen: 8} },
		"long pages later":  func() *fakeList { return &fakeList{pageLen: 8, longFrom: 10} },
		"repeats a page":    func() *fakeList { return &fakeList{serveAt: func(off int) int { return off % 20 }} },
		"pages shifted":     func() *fakeList { return &fakeList{serveAt: func(off int) int { return max(off-2, 0) }} },
		"pages overlapping": func() *fakeList { return &fakeList{pageLen: 9, serveAt: func(off int) int { return off / 2 }} },
		"past end 400":      func() *fakeList { return &fakeList{pastEnd400: true} },
	}
	for name, newList := range servers {
		for _, total := range []int{-1, 0, 10, 40, 100_000} {
			for _, ra := range []int{1, 4, MaxReadAhead} {
				t.Run(fmt.Sprintf("%s total %d read-ahead %d", name, total, ra), func(t *testing.T) {
					f := newList()
					f.n, f.total = 40, total
					got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(ra))
					if err != nil {
						var pe *PagingError
						require.True(t, errors.As(err, &pe), "%T: %v", err, err)
					}
					seen := map[string]bool{}
					for _, id := range got {
						require.False(t, seen[id], "item %s yielded twice", id)
						seen[id] = true
					}
					// At most every offset of a 5-item page over 40 items, the
					// empty one past the end, and what read-ahead had in flight.
					assert.LessOrEqual(t, len(f.asked()), 9+ra)
					if name == "honest" || name == "long pages" || name == "past end 400" {
						assert.NoError(t, err)
						if total != 10 {
							assert.Equal(t, ids(0, 40), got)
						}
					}
				})
			}
		}
	}
}

func TestPagingErrorMessage(t *testing.T) {
	e := &PagingError{Path: "/v3/certifications", Offset: 5, Limit: 5, Received: 5, RepeatedID: "c-1", Yielded: 5, Requests: 2, Total: 100000}
	msg := e.Error()
	for _, want := range []string{
		"certifications: paging /v3/certifications stopped",
		"offset 5 (limit 5)", "held 5 items, all yielded before", `id "c-1"`,
		"ignores offset or repeats pages", "5 distinct items were yielded in 2 requests", "total of 100000",
		"narrow the listing with Filters",
	} {
		assert.Contains(t, msg, want)
	}
	assert.Equal(t, 1, strings.Count(msg, "certifications: "))
	assert.NotContains(t, msg, "\n")
	assert.False(t, strings.HasSuffix(msg, "."))
}

// TestPagingSeenSetBound checks the repeat set: every hash is found again,
// none is lost when tables double, and its slots stay within 18.3 bytes an
// item (the bound All documents) at every size.
func TestPagingSeenSetBound(t *testing.T) {
	s := newSeenSet()
	r := rand.New(rand.NewPCG(1, 2))
	var hashes []uint64
	for n := 1; n <= 200_000; n++ {
		h := r.Uint64()
		hashes = append(hashes, h)
		require.True(t, s.insert(h))
		if n%997 == 0 && n >= 64*8 {
			slots := 0
			for i := range s.shards {
				slots += len(s.shards[i].slots)
			}
			require.LessOrEqual(t, float64(8*slots)/float64(n), 18.3, "at %d items", n)
		}
	}
	for _, h := range hashes {
		require.False(t, s.insert(h))
	}
	assert.True(t, s.insert(0))
	assert.False(t, s.insert(0), "0, which marks an empty slot, is stored too")
}

// TestPagingSeenSetAllocs checks that recognising an item by its id
// allocates nothing beyond the set's own growth.
func TestPagingSeenSetAllocs(t *testing.T) {
	s := newSeenSet()
	item := pageItem{ID: "2c9180857182305e0171993737b51d8d"}
	add(s, &item)
	assert.Zero(t, testing.AllocsPerRun(100, func() { add(s, &item) }))
}

// BenchmarkPagingSeenSet measures the memory the repeat check costs per
// item yielded (reported as B/item).
func BenchmarkPagingSeenSet(b *testing.B) {
	const n = 100_000
	items := make([]pageItem, n)
	for i := range items {
		items[i] = pageItem{ID: fmt.Sprintf("2c9180857182305e0171993737%06d", i)}
	}
	var perItem float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		s := newSeenSet()
		for i := range items {
			add(s, &items[i])
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		perItem = float64(after.HeapAlloc-before.HeapAlloc) / n
		runtime.KeepAlive(s)
	}
	b.ReportMetric(perItem, "B/item")
}
