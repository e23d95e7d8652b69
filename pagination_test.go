package certifications

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

type pageItem struct {
	ID string `json:"id"`
}

// pagingServer serves total items at /v3/items with the API's paging rules.
type pagingServer struct {
	total        int
	noTotal      bool // never send X-Total-Count
	offsetErrAt  bool // answer 400 "offset is invalid" for offset >= total
	failAtOffset int  // answer 500 at this offset (0 means never)
	delay        time.Duration

	mu       sync.Mutex
	requests []string // "offset/limit/count"
	inFlight atomic.Int32
	maxIn    atomic.Int32
}

func (s *pagingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxIn.Load()
		if n <= m || s.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	q := r.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	s.mu.Lock()
	s.requests = append(s.requests, fmt.Sprintf("%d/%d/%s", offset, limit, q.Get("count")))
	s.mu.Unlock()
	if s.delay > 0 {
		time.Sleep(s.delay)
	}
	if s.failAtOffset > 0 && offset == s.failAtOffset {
		w.WriteHeader(500)
		_, _ = w.Write([]byte(`{"detailCode":"500.0 Internal Fault","messages":[{"text":"boom"}]}`))
		return
	}
	if s.offsetErrAt && offset >= s.total && offset > 0 {
		w.WriteHeader(400)
		_, _ = w.Write([]byte(`{"detailMessage":"Specified offset is invalid.","stackTrace":[],"suppressedExceptions":[]}`))
		return
	}
	if q.Get("count") == "true" && !s.noTotal {
		w.Header().Set("X-Total-Count", strconv.Itoa(s.total))
	}
	items := []pageItem{}
	for i := offset; i < offset+limit && i < s.total; i++ {
		items = append(items, pageItem{ID: strconv.Itoa(i)})
	}
	_ = json.NewEncoder(w).Encode(items)
}

func (s *pagingServer) log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

func newPagingClient(t *testing.T, s *pagingServer) *APIClient {
	t.Helper()
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	cfg := NewConfiguration()
	cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit = srv.URL, "t", true
	cfg.MaxRetries = 0
	c := NewAPIClient(cfg)
	require.NoError(t, c.Err())
	return c
}

func itemPager(ctx context.Context, c *APIClient, opts ListOptions) *Pager[pageItem] {
	return NewPager(ctx, opts, func(ctx context.Context, o ListOptions) ([]pageItem, *http.Response, error) {
		q, err := o.Values(&QueryRules{}, true)
		if err != nil {
			return nil, nil, err
		}
		var out []pageItem
		resp, err := c.call(ctx, http.MethodGet, "v3/items", q, nil, &out)
		return out, resp, err
	})
}

func ids(from, to int) []string {
	out := []string{}
	for i := from; i < to; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

func collectIDs(t *testing.T, p *Pager[pageItem]) ([]string, error) {
	t.Helper()
	got := []string{}
	var err error
	for it, e := range p.All() {
		if e != nil {
			err = e
			break
		}
		got = append(got, it.ID)
	}
	return got, err
}

func TestPagingSizes(t *testing.T) {
	for _, size := range []int32{250, 7} {
		for _, total := range []int{0, 1, 249, 250, 251, 500, 1003} {
			t.Run(fmt.Sprintf("size %d total %d", size, total), func(t *testing.T) {
				s := &pagingServer{total: total}
				c := newPagingClient(t, s)
				p := itemPager(context.Background(), c, ListOptions{Limit: &size})
				got, err := collectIDs(t, p)
				require.NoError(t, err)
				assert.Equal(t, ids(0, total), got)
				// Pages needed: ceil(total/size), at least one; never one past the end.
				want := (total + int(size) - 1) / int(size)
				if want == 0 {
					want = 1
				}
				assert.Len(t, s.log(), want)
				assert.Equal(t, fmt.Sprintf("0/%d/true", size), s.log()[0], "the total is asked once, on the first page")
				for _, r := range s.log()[1:] {
					assert.NotContains(t, r, "true")
				}
				tot, ok := p.Total()
				assert.True(t, ok)
				assert.EqualValues(t, total, tot)
			})
		}
	}
}

func TestPagingWithoutTotalStopsOnShortPage(t *testing.T) {
	s := &pagingServer{total: 500, noTotal: true}
	c := newPagingClient(t, s)
	got, err := collectIDs(t, itemPager(context.Background(), c, ListOptions{}))
	require.NoError(t, err)
	assert.Equal(t, ids(0, 500), got)
	// 250, 250, then an empty page ends it.
	assert.Equal(t, []string{"0/250/true", "250/250/", "500/250/"}, s.log())
}

func TestPagingOffsetInvalidAtEndEndsCleanly(t *testing.T) {
	s := &pagingServer{total: 500, noTotal: true, offsetErrAt: true}
	c := newPagingClient(t, s)
	got, err := collectIDs(t, itemPager(context.Background(), c, ListOptions{}))
	require.NoError(t, err)
	assert.Equal(t, ids(0, 500), got)
	assert.Len(t, s.log(), 3)
}

func TestPagingStartsAtOffset(t *testing.T) {
	s := &pagingServer{total: 30}
	c := newPagingClient(t, s)
	size, off := int32(7), int32(10)
	opts := ListOptions{Limit: &size, Offset: &off}
	got, err := collectIDs(t, itemPager(context.Background(), c, opts))
	require.NoError(t, err)
	assert.Equal(t, ids(10, 30), got)
	assert.Equal(t, int32(10), *opts.Offset, "the caller's options are not changed")
}

func TestPagingErrorMidwayYieldedOnce(t *testing.T) {
	s := &pagingServer{total: 1003, failAtOffset: 500}
	c := newPagingClient(t, s)
	var got []string
	var errs []error
	for it, err := range itemPager(context.Background(), c, ListOptions{}).All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, it.ID)
	}
	assert.Equal(t, ids(0, 500), got)
	require.Len(t, errs, 1)
	var ae *APIError
	require.ErrorAs(t, errs[0], &ae)
	assert.Equal(t, 500, ae.StatusCode)
	assert.Len(t, s.log(), 3)
}

func TestPagingBreakStopsRequests(t *testing.T) {
	s := &pagingServer{total: 1003}
	c := newPagingClient(t, s)
	size := int32(2)
	n := 0
	for _, err := range itemPager(context.Background(), c, ListOptions{Limit: &size}).All() {
		require.NoError(t, err)
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
	assert.Len(t, s.log(), 2, "a page of 2 and one more; nothing after break")
}

func TestPagingContextCancelledMidway(t *testing.T) {
	s := &pagingServer{total: 1003}
	c := newPagingClient(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	size := int32(10)
	n := 0
	var lastErr error
	for _, err := range itemPager(ctx, c, ListOptions{Limit: &size}).All() {
		if err != nil {
			lastErr = err
			break
		}
		n++
		if n == 15 {
			cancel()
		}
	}
	assert.ErrorIs(t, lastErr, context.Canceled)
	assert.Equal(t, 20, n, "the page in hand is finished, no further page is fetched")
	assert.Len(t, s.log(), 2)
}

func TestPagingReadAheadOrderAndBounds(t *testing.T) {
	checkLeaks(t)
	s := &pagingServer{total: 1003, delay: 5 * time.Millisecond}
	c := newPagingClient(t, s)
	size := int32(7)
	p := itemPager(context.Background(), c, ListOptions{Limit: &size}).ReadAhead(4)
	got, err := collectIDs(t, p)
	require.NoError(t, err)
	assert.Equal(t, ids(0, 1003), got)
	assert.Len(t, s.log(), 144) // ceil(1003/7)
	assert.LessOrEqual(t, s.maxIn.Load(), int32(4))
	assert.Greater(t, s.maxIn.Load(), int32(1), "pages were fetched concurrently")
}

func TestPagingReadAheadBreakLeavesNoGoroutine(t *testing.T) {
	checkLeaks(t)
	s := &pagingServer{total: 5000, delay: 20 * time.Millisecond}
	c := newPagingClient(t, s)
	size := int32(10)
	n := 0
	for _, err := range itemPager(context.Background(), c, ListOptions{Limit: &size}).ReadAhead(8).All() {
		require.NoError(t, err)
		n++
		if n == 25 {
			break
		}
	}
	assert.Equal(t, 25, n)
}

func TestPagingReadAheadErrorYieldedOnce(t *testing.T) {
	checkLeaks(t)
	s := &pagingServer{total: 100, failAtOffset: 40}
	c := newPagingClient(t, s)
	size := int32(10)
	got, err := collectIDs(t, itemPager(context.Background(), c, ListOptions{Limit: &size}).ReadAhead(3))
	require.Error(t, err)
	assert.Equal(t, ids(0, 40), got)
}

// checkLeaks fails t if goroutines started during the test outlive it. It
// runs after the test's other cleanups, so local servers are closed first.
func checkLeaks(t *testing.T) {
	t.Helper()
	opt := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opt) })
}

func TestAdvance(t *testing.T) {
	next, more := advance(0, 250, 250, -1)
	assert.Equal(t, int32(250), next)
	assert.True(t, more)
	_, more = advance(0, 250, 249, -1)
	assert.False(t, more, "short page")
	_, more = advance(0, 250, 0, -1)
	assert.False(t, more, "server stopped advancing")
	_, more = advance(250, 250, 250, 500)
	assert.False(t, more, "total reached")
}

func TestCollect(t *testing.T) {
	s := &pagingServer{total: 12}
	c := newPagingClient(t, s)
	size := int32(5)
	items, err := Collect(itemPager(context.Background(), c, ListOptions{Limit: &size}).All())
	require.NoError(t, err)
	assert.Len(t, items, 12)
}

func TestTotalCount(t *testing.T) {
	r := &http.Response{Header: http.Header{}}
	_, ok := TotalCount(r)
	assert.False(t, ok)
	r.Header.Set("x-total-count", "42")
	n, ok := TotalCount(r)
	assert.True(t, ok)
	assert.EqualValues(t, 42, n)
	_, ok = TotalCount(nil)
	assert.False(t, ok)
}
