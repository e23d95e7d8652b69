package certifications

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/iscgo/certifications/internal/query"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

type pageItem struct {
	ID string `json:"id"`
}

// GetID makes pageItem identifiable the way the models are.
func (p *pageItem) GetID() string { return p.ID }

// pagingServer serves total items at /v3/items with the API's paging rules.
type pagingServer struct {
	total        int
	noTotal      bool   // never send X-Total-Count
	offsetErrAt  bool   // answer 400 "offset is invalid" for offset >= total
	failAtOffset int    // answer 500 at this offset (0 means never)
	ignoreOffset bool   // serve every request from offset 0
	fail400      string // answer every request 400 with this body

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
	asked := len(s.requests)
	s.mu.Unlock()
	if asked > maxTestRequests {
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte(errTooManyRequests.Error()))
		return
	}
	if s.fail400 != "" {
		w.WriteHeader(400)
		_, _ = w.Write([]byte(s.fail400))
		return
	}
	if s.failAtOffset > 0 && offset == s.failAtOffset {
		w.WriteHeader(500)
		_, _ = w.Write([]byte(`{"detailCode":"500.0 Internal Fault","messages":[{"text":"boom"}]}`))
		return
	}
	if s.offsetErrAt && offset >= s.total && offset > 0 {
		w.WriteHeader(400)
		_, _ = w.Write([]byte(offsetPastEndBody))
		return
	}
	if q.Get("count") == "true" && !s.noTotal {
		w.Header().Set("X-Total-Count", strconv.Itoa(s.total))
	}
	if s.ignoreOffset {
		offset = 0
	}
	items := []pageItem{}
	for i := offset; i < offset+limit && i < s.total; i++ {
		items = append(items, pageItem{ID: strconv.Itoa(i)})
	}
	_ = json.NewEncoder(w).Encode(items)
}

// offsetPastEndBody is the tenants' answer for an offset past the end.
const offsetPastEndBody = `{"detailMessage":"Specified offset is invalid.","stackTrace":[],"suppressedExceptions":[]}`

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
		q, err := valuesOf(o, &query.Rules{}, true)
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

func limitOf(n int32) ListOptions { return ListOptions{Limit: &n} }

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
				// Pages needed: ceil(total/size), and one more when the
				// last is full, since the total is only a hint.
				want := total/int(size) + 1
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

func TestPagingOffsetInvalidAfterFullPageEndsCleanly(t *testing.T) {
	for _, ra := range []int{1, 4} {
		t.Run(fmt.Sprintf("read-ahead %d", ra), func(t *testing.T) {
			s := &pagingServer{total: 500, noTotal: true, offsetErrAt: true}
			c := newPagingClient(t, s)
			got, err := collectIDs(t, itemPager(context.Background(), c, ListOptions{}).ReadAhead(ra))
			require.NoError(t, err)
			assert.Equal(t, ids(0, 500), got)
			assert.Len(t, s.log(), 3)
		})
	}
}

// TestPagingReadAheadPastEndOffsetInvalid checks read-ahead against a total
// larger than the data, where the pages past the end answer the tenants'
// 400: paging ends after the real items, without an error.
func TestPagingReadAheadPastEndOffsetInvalid(t *testing.T) {
	checkLeaks(t)
	f := &fakeList{n: 23, total: 1000, pastEnd400: true}
	got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch).ReadAhead(4))
	require.NoError(t, err)
	assert.Equal(t, ids(0, 23), got)
}

// TestPagingOffsetErrorIsNotTheEnd checks that a 400 is taken as the end of
// the data only after a successful page and only with the tenants'
// documented body; every other 400 is yielded.
func TestPagingOffsetErrorIsNotTheEnd(t *testing.T) {
	const otherOffset400 = `{"detailCode":"400.1 Bad Request Content","messages":[{"text":"Invalid value for limit/offset"}]}`
	// No page succeeded, so even the documented body is the caller's
	// mistake (an Offset past the end), not the end of the data.
	for name, body := range map[string]string{
		"other 400 about the offset": otherOffset400,
		"the documented body":        offsetPastEndBody,
	} {
		t.Run("first page, Offset(5), "+name, func(t *testing.T) {
			s := &pagingServer{fail400: body}
			c := newPagingClient(t, s)
			off := int32(5)
			got, err := collectIDs(t, itemPager(context.Background(), c, ListOptions{Offset: &off}))
			assert.Empty(t, got)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, 400, ae.StatusCode)
			assert.Equal(t, []string{"5/250/true"}, s.log())
		})
	}
	for name, body := range map[string]string{
		"other text mentioning the offset": otherOffset400,
		"detailMessage with other text":    `{"detailMessage":"offset and filters disagree"}`,
		"not JSON":                         `Specified offset is invalid.`,
	} {
		t.Run("after a full page, "+name, func(t *testing.T) {
			f := &fakeList{n: 10, total: -1, err400At: 5, err400Body: body}
			got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch))
			assert.Equal(t, ids(0, 5), got)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, 400, ae.StatusCode)
		})
	}
	t.Run("after a full page, the documented body ends cleanly", func(t *testing.T) {
		f := &fakeList{n: 10, total: -1, err400At: 5, err400Body: offsetPastEndBody}
		got, err := collectFake(NewPager(context.Background(), limitOf(5), f.fetch))
		require.NoError(t, err)
		assert.Equal(t, ids(0, 5), got)
	})
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
	s := &pagingServer{total: 1003}
	c := newPagingClient(t, s)
	size := int32(7)
	p := itemPager(context.Background(), c, ListOptions{Limit: &size}).ReadAhead(4)
	got, err := collectIDs(t, p)
	require.NoError(t, err)
	assert.Equal(t, ids(0, 1003), got)
	assert.Len(t, s.log(), 144) // ceil(1003/7): every page once
	assert.LessOrEqual(t, s.maxIn.Load(), int32(4))
}

// TestPagingReadAheadRunsPagesConcurrently holds every page request until
// all goroutines of the bubble are blocked, then counts the requests in
// flight: with ReadAhead(4) there are four at once (after the two pages
// fetched alone), never more, and the items still come in order.
func TestPagingReadAheadRunsPagesConcurrently(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := &fakeList{n: 1003, total: 1003, gate: true}
		type result struct {
			ids []string
			err error
		}
		done := make(chan result, 1)
		go func() {
			got, err := collectFake(NewPager(context.Background(), limitOf(7), f.fetch).ReadAhead(4))
			done <- result{got, err}
		}()
		var inFlight []int
		for {
			synctest.Wait() // every fetch started is now blocked at the gate
			held := f.release()
			if held == 0 {
				break
			}
			inFlight = append(inFlight, held)
		}
		res := <-done
		require.NoError(t, res.err)
		assert.Equal(t, ids(0, 1003), res.ids)
		require.Greater(t, len(inFlight), 3)
		assert.Equal(t, []int{1, 1, 4}, inFlight[:3], "two pages alone, then four at once")
		for _, n := range inFlight {
			assert.LessOrEqual(t, n, 4)
		}
		assert.Len(t, f.asked(), 144, "every page once")
	})
}

func TestPagingReadAheadBreakLeavesNoGoroutine(t *testing.T) {
	checkLeaks(t)
	s := &pagingServer{total: 5000}
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

// TestPagerStopsAtMaxItems: against a server that brings new items on
// every page forever (and no total), an iteration yields at most maxItems
// items (maxPagerItems outside this test) and then ends with a
// *PagingError that names the bound and the offset to read on from.
func TestPagerStopsAtMaxItems(t *testing.T) {
	assert.EqualValues(t, maxPagerItems, NewPager[pageItem](context.Background(), ListOptions{}, nil).maxItems)
	endless := func(_ context.Context, o ListOptions) ([]pageItem, *http.Response, error) {
		items := make([]pageItem, *o.Limit)
		for i := range items {
			items[i].ID = strconv.Itoa(int(*o.Offset) + i)
		}
		return items, nil, nil
	}
	for _, readAhead := range []int{1, 4} {
		p := NewPager(context.Background(), ListOptions{Limit: Ptr[int32](10), Offset: Ptr[int32](3)}, endless).ReadAhead(readAhead)
		p.maxItems = 25
		got, last := collectIDs(t, p)
		assert.Equal(t, ids(3, 28), got, "read-ahead %d", readAhead)
		var pe *PagingError
		require.ErrorAs(t, last, &pe)
		assert.EqualValues(t, 25, pe.MaxItems)
		assert.EqualValues(t, 25, pe.Yielded)
		assert.EqualValues(t, 28, pe.Next, "the first record not yielded")
		assert.EqualValues(t, 3, p.Requests())
		assert.Contains(t, pe.Error(), "stopped after 25 items in 3 requests")
		assert.Contains(t, pe.Error(), "start a new Pager at offset 28")
	}
}

// A pager without a PageFunc yields one *ValidationError and ends.
func TestPagerWithoutPageFunc(t *testing.T) {
	for name, p := range map[string]*Pager[pageItem]{
		"nil fetch": NewPager[pageItem](context.Background(), ListOptions{}, nil),
		"nil pager": nil,
	} {
		t.Run(name, func(t *testing.T) {
			var errs []error
			assert.NotPanics(t, func() {
				for _, err := range p.ReadAhead(4).All() {
					errs = append(errs, err)
				}
			})
			require.Len(t, errs, 1)
			var ve *ValidationError
			require.ErrorAs(t, errs[0], &ve)
			assert.Equal(t, "fetch", ve.Parameter)
			assert.Zero(t, p.Requests())
			_, known := p.Total()
			assert.False(t, known)
		})
	}
}
