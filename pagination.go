package certifications

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"iter"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// DefaultPageSize is the page size All uses when the builder sets no Limit.
const DefaultPageSize = MaxPageSize

// MaxReadAhead bounds the pages a Pager fetches concurrently.
const MaxReadAhead = 16

// MaxPagerItems bounds the distinct items one iteration of a Pager yields,
// and so the set it keeps to recognise repeats: at most about 300 MB (18
// bytes an item), whatever the server sends. An iteration that reaches it
// ends with a *PagingError whose MaxItems is set; a new Pager starting at
// the offset the error names reads on.
const MaxPagerItems = 1 << 24

// PageFunc fetches one page: it sends the list request with opts (Limit,
// Offset and Count set by the pager) under ctx.
type PageFunc[T any] func(ctx context.Context, opts ListOptions) ([]T, *http.Response, error)

// Pager streams a list operation page by page. Get one from a list
// builder's Pager method; it copies the builder, so the builder can be
// reused. A Pager may be iterated more than once; each iteration starts
// over. It is not meant for concurrent iterations.
type Pager[T any] struct {
	ctx       context.Context
	opts      ListOptions
	fetch     PageFunc[T]
	readAhead int
	maxItems  int64        // MaxPagerItems; smaller in tests
	total     atomic.Int64 // -1 until a page reports X-Total-Count
	requests  atomic.Int64
}

// NewPager returns a pager that calls fetch with opts: Limit is the page
// size (DefaultPageSize when unset or 0), Offset the start, filters and
// sorters are kept. A nil fetch makes a pager whose iterations yield a
// *ValidationError and nothing else.
func NewPager[T any](ctx context.Context, opts ListOptions, fetch PageFunc[T]) *Pager[T] {
	p := &Pager[T]{ctx: ctx, opts: opts, fetch: fetch, readAhead: 1, maxItems: MaxPagerItems}
	p.total.Store(-1)
	return p
}

// ReadAhead lets the pager fetch up to n pages concurrently once the total
// is known, still yielding items in order and holding at most n pages in
// memory. It trades memory (n pages) and a burst of n requests against the
// rate limit for lower latency on large listings; the client's pacing and
// retries apply to every fetch. n is clamped to 1..MaxReadAhead; 1 (the
// default) fetches one page at a time.
//
// Read-ahead starts only after the first two pages came back full and the
// second brought new items, so that a server which ignores offset costs no
// burst of requests. A page longer than the limit turns it off for the
// rest of the iteration (the offsets it computed no longer line up), and
// paging goes on one page at a time; see All.
func (p *Pager[T]) ReadAhead(n int) *Pager[T] {
	if p != nil {
		p.readAhead = min(max(n, 1), MaxReadAhead)
	}
	return p
}

// Total returns the X-Total-Count reported during the last iteration, and
// whether the server reported one.
func (p *Pager[T]) Total() (int64, bool) {
	if p == nil {
		return -1, false
	}
	t := p.total.Load()
	return t, t >= 0
}

// Requests returns how many page requests the pager has made in all.
func (p *Pager[T]) Requests() int64 {
	if p == nil {
		return 0
	}
	return p.requests.Load()
}

// All returns an iterator over every item, each yielded once. An error is
// yielded once and ends the iteration; breaking out of the loop stops all
// paging.
//
// Paging ends after a page shorter than the limit (or empty), or when a
// request after a successful page answers the tenants' 400 "Specified
// offset is invalid." (their answer for an offset past the end). Any other
// error, the first page's included, is yielded. The X-Total-Count of the
// first page is a hint, never the end: when the last full page reaches it,
// one more request confirms that nothing follows.
//
// The server is not trusted to page correctly, so that the loop always ends
// and never yields an item twice:
//   - Items are told apart by GetID() when the item type has it (every
//     model with an id), otherwise, or when the id is empty, by their JSON
//     encoding. An item already yielded in this iteration is not yielded
//     again: a page that mixes new and repeated items (as when records are
//     inserted while paging) gives its new items only.
//   - A page that brings no new item at all means the server does not
//     advance (it ignores offset, or repeats pages): the iteration ends with
//     a *PagingError naming the offset, limit, items received and the first
//     repeated id. Against a server that ignores offset from the start, this
//     happens on the second request.
//   - A page longer than the limit is taken whole: its items are records
//     offset, offset+1, ... by the API's record-based offset, so none is
//     dropped, and the next page is asked at offset + items received, one
//     page at a time (read-ahead is turned off for the rest of the
//     iteration).
//   - An X-Total-Count smaller than what the pages hold (on a page
//     boundary or not) is ignored from the page that contradicts it on, and
//     paging goes on to a short page; one larger than the data ends at the
//     first short page as usual. Read-ahead sends no request past it.
//   - An element the server sent as null (the reviewers list allows them)
//     is skipped: it is not an item, not yielded and not a repeat, so a page
//     of nulls does not end paging. It still counts towards the page's
//     length. Execute returns the page as sent, nulls as zero values.
//
// To recognise repeats, an iteration keeps a set of 64-bit hashes (with a
// random per-iteration seed) of the items it yielded, in tables kept
// between 7/16 and 7/8 full: 4 KB for a small listing, 9 to 18 bytes an
// item for a large one (at most 1.8 MB for 100,000), freed when the
// iteration ends. Two different items share a
// hash with a probability of about n²/2⁶⁵ (10⁻⁸ for a million items); the
// second would then be taken as a repeat and skipped.
//
// The set is bounded: an iteration yields at most MaxPagerItems items (the
// set then holds about 300 MB at most, plus one page), however many the
// server offers. The next new item ends it with a *PagingError whose
// MaxItems is MaxPagerItems and whose Next is the offset to read on from.
//
// A pager without a PageFunc (a nil *Pager, or NewPager with a nil fetch)
// yields a *ValidationError and sends nothing.
func (p *Pager[T]) All() iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		if p == nil || p.fetch == nil {
			var zero T
			yield(zero, &ValidationError{Parameter: "fetch", Problem: "the pager has no PageFunc", Allowed: "a pager from a list builder's Pager method, or NewPager with a non-nil PageFunc"})
			return
		}
		size := int32(DefaultPageSize)
		if p.opts.Limit != nil && *p.opts.Limit > 0 {
			size = *p.opts.Limit
		}
		var offset int32
		if p.opts.Offset != nil {
			offset = *p.opts.Offset
		}
		p.total.Store(-1)
		ctx := p.ctx
		if ctx == nil {
			ctx = context.Background()
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		r := &pageRun[T]{p: p, size: size, total: -1, aligned: true, yield: yield, seen: newSeenSet()}

		// The first page asks for the total, so that read-ahead knows how
		// many requests it may send at once. The total is a hint: paging
		// ends only on a short or empty page or the tenants' 400.
		items, resp, err := r.page(ctx, offset, true)
		if err != nil {
			r.fail(err)
			return
		}
		if t, ok := TotalCount(resp); ok {
			p.total.Store(t)
			r.total = t
		}
		next, more := r.take(offset, items, resp)
		if !more {
			return
		}
		if p.readAhead > 1 && r.total >= 0 && r.aligned {
			// One more page alone shows whether the server advances
			// before a burst of requests is sent.
			if next, more = r.sequential(ctx, next, 1); !more {
				return
			}
			if r.total >= 0 && r.aligned {
				if next, more = r.concurrent(ctx, next); !more {
					return
				}
			}
		}
		r.sequential(ctx, next, -1)
	}
}

// pageRun is the state of one iteration. Only the iterating goroutine
// touches it, except requests, which read-ahead fetches count.
type pageRun[T any] struct {
	p        *Pager[T]
	size     int32
	total    int64 // the X-Total-Count to stop at; -1 when unknown or contradicted
	aligned  bool  // every page so far had at most size items
	pages    int   // pages received without an error
	yielded  int64
	requests atomic.Int64
	seen     *seenSet
	yield    func(T, error) bool
}

// page fetches one page with the pager's options at offset.
func (r *pageRun[T]) page(ctx context.Context, offset int32, count bool) ([]T, *http.Response, error) {
	o := r.p.opts
	size := r.size
	o.Offset, o.Limit = &offset, &size
	o.Count = nil
	if count {
		o.Count = &count
	}
	r.p.requests.Add(1)
	r.requests.Add(1)
	return r.p.fetch(ctx, o)
}

// take yields the new items of the page received at offset and returns the
// next offset and whether paging goes on. It ends the iteration, with a
// *PagingError, on a page that brings nothing new. Elements the server
// sent as null are no items: they are skipped, neither yielded nor taken
// for repeats, but they count towards the page's length.
func (r *pageRun[T]) take(offset int32, items []T, resp *http.Response) (int32, bool) {
	r.pages++
	n := len(items)
	nulls := nullElements(items, resp)
	fresh := make([]bool, n)
	newItems, firstRepeat := 0, -1
	for i := range items {
		switch {
		case nulls != nil && nulls[i]:
		case add(r.seen, &items[i]):
			fresh[i] = true
			newItems++
		case firstRepeat < 0:
			firstRepeat = i
		}
	}
	if firstRepeat >= 0 && newItems == 0 {
		if n >= int(r.size) { // a short page of repeats is the end anyway
			r.yieldErr(r.repeatError(offset, items, firstRepeat, resp))
		}
		return offset, false
	}
	for i := range items {
		if !fresh[i] {
			continue
		}
		if r.yielded >= r.p.maxItems {
			r.yieldErr(r.capError(offset, int32(i), resp))
			return offset, false
		}
		r.yielded++
		if !r.yield(items[i], nil) {
			return offset, false
		}
	}
	if n < int(r.size) {
		return offset, false // a short or empty page is the end
	}
	if n > int(r.size) {
		r.aligned = false
	}
	end := int64(offset) + int64(n)
	if end > int64(^uint32(0)>>1) {
		return offset, false // offsets are int32: no record can live past it
	}
	if r.total >= 0 && end > r.total {
		r.total = -1 // the pages hold more than the total: stop trusting it
	}
	// A full page is never the end, whatever the total says: the next
	// request finds out (an empty or short page, or the tenants' 400).
	return int32(end), true
}

// sequential fetches pages one at a time from offset, at most max pages
// (all when max < 0), and returns where it stopped and whether more may
// follow.
func (r *pageRun[T]) sequential(ctx context.Context, offset int32, max int) (int32, bool) {
	for i := 0; max < 0 || i < max; i++ {
		items, resp, err := r.page(ctx, offset, false)
		if err != nil {
			r.fail(err)
			return offset, false
		}
		var more bool
		if offset, more = r.take(offset, items, resp); !more {
			return offset, false
		}
	}
	return offset, true
}

// concurrent fetches the pages from offset to the total with up to
// readAhead requests in flight and yields them in order; the total only
// bounds the burst, and the caller reads on from where it stops. A page is
// requested only when fewer than readAhead pages are held, so memory stays
// bounded. It returns early, with more set, when a page turns out longer
// than the limit (or contradicts the total): the offsets it computed no
// longer line up, so the caller goes on one page at a time. All fetches
// stop when it returns: ctx is cancelled and every goroutine is waited for.
func (r *pageRun[T]) concurrent(ctx context.Context, offset int32) (int32, bool) {
	type result struct {
		items []T
		resp  *http.Response
		err   error
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	type pending struct {
		offset int32
		ch     chan result
	}
	var queue []pending
	launch := offset
	start := func() {
		ch := make(chan result, 1)
		off := launch
		launch += r.size
		wg.Add(1)
		go func() {
			defer wg.Done()
			items, resp, err := r.page(ctx, off, false)
			ch <- result{items, resp, err}
		}()
		queue = append(queue, pending{off, ch})
	}
	room := func() bool { return int64(launch) < r.total && launch >= offset }
	for len(queue) < r.p.readAhead && room() {
		start()
	}
	for len(queue) > 0 {
		head := queue[0]
		queue = queue[1:]
		res := <-head.ch
		if res.err != nil {
			r.fail(res.err)
			return head.offset, false
		}
		next, more := r.take(head.offset, res.items, res.resp)
		if !more {
			return next, false
		}
		if !r.aligned || r.total < 0 {
			return next, true
		}
		if room() {
			start()
		}
	}
	// Every page up to the total was full: the next request, one at a
	// time, tells whether the total was right.
	return launch, true
}

// fail ends the iteration on err: the tenants' answer for an offset past the
// end, after a successful page, is the end of the data; anything else is
// yielded once.
func (r *pageRun[T]) fail(err error) {
	if r.pages > 0 && isOffsetPastEnd(err) {
		return
	}
	r.yieldErr(err)
}

func (r *pageRun[T]) yieldErr(err error) {
	var zero T
	r.yield(zero, err)
}

// repeatError describes a page that brought no new item.
func (r *pageRun[T]) repeatError(offset int32, items []T, first int, resp *http.Response) *PagingError {
	return &PagingError{
		Offset:        offset,
		Limit:         r.size,
		Received:      len(items),
		RepeatedIndex: first,
		RepeatedID:    itemID(&items[first]),
		Yielded:       r.yielded,
		Requests:      r.requests.Load(),
		Total:         r.p.total.Load(),
		Path:          pagePath(resp),
	}
}

// capError describes an iteration that yielded maxItems items and stopped
// before item i of the page received at offset.
func (r *pageRun[T]) capError(offset, i int32, resp *http.Response) *PagingError {
	return &PagingError{
		Offset:   offset,
		Limit:    r.size,
		Yielded:  r.yielded,
		Requests: r.requests.Load(),
		Total:    r.p.total.Load(),
		MaxItems: r.p.maxItems,
		Next:     int32(min(int64(offset)+int64(i), math.MaxInt32)),
		Path:     pagePath(resp),
	}
}

// maxNullScan bounds the body read to find the null elements of a page:
// more than a page the client reads by default, whatever a PageFunc of the
// caller's returns.
const maxNullScan = 4 * DefaultMaxResponseBytes

// nullElements reports which elements of a page the server sent as JSON
// null, or nil when none did or it cannot tell. A null decodes as the zero
// value, as an empty object does, so only a page with a zero item is
// looked at again, in the body the client kept readable: element by
// element, holding at most one element at a time. A body that is not an
// array of len(items) elements tells nothing.
func nullElements[T any](items []T, resp *http.Response) []bool {
	zero := false
	for i := range items {
		if itemID(&items[i]) == "" && reflect.ValueOf(&items[i]).Elem().IsZero() {
			zero = true
			break
		}
	}
	if !zero || resp == nil || resp.Body == nil {
		return nil
	}
	dec := json.NewDecoder(io.LimitReader(resp.Body, maxNullScan))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil
	}
	nulls := make([]bool, len(items))
	for i := 0; dec.More(); i++ {
		var raw json.RawMessage
		if i >= len(items) || dec.Decode(&raw) != nil {
			return nil
		}
		nulls[i] = string(raw) == "null"
	}
	if t, err := dec.Token(); err != nil || t != json.Delim(']') {
		return nil
	}
	return nulls
}

// pagePath is the request path of a page's response, or "" when unknown.
func pagePath(resp *http.Response) string {
	if resp == nil || resp.Request == nil || resp.Request.URL == nil {
		return ""
	}
	return resp.Request.URL.Path
}

// offsetPastEnd is the detailMessage tenants send with a 400 for an offset
// past the last record (see the API conventions, pagination).
const offsetPastEnd = "Specified offset is invalid."

// isOffsetPastEnd reports the tenants' 400 for an offset past the end of a
// collection: status 400 and a JSON body whose detailMessage is exactly
// offsetPastEnd. Other 400s, whatever their text, are real errors.
func isOffsetPastEnd(err error) bool {
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusBadRequest {
		return false
	}
	var body struct {
		DetailMessage *string `json:"detailMessage"`
	}
	if json.Unmarshal(ae.Body, &body) != nil || body.DetailMessage == nil {
		return false
	}
	return strings.TrimSpace(*body.DetailMessage) == offsetPastEnd
}

// TotalCount reads X-Total-Count from a list response sent with Count(true).
func TotalCount(resp *http.Response) (int64, bool) {
	if resp == nil {
		return 0, false
	}
	v := resp.Header.Get("X-Total-Count")
	if v == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// Collect gathers every item of seq into a slice. It returns the items read
// before the first error, and that error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// PagingError ends an iteration early. Either the server does not advance:
// a page brought only items the iteration had already yielded, so the
// server ignores offset or repeats pages, and going on would loop. Or the
// iteration yielded MaxPagerItems items, the most one iteration yields
// (MaxItems is then set). The items yielded before it are distinct, but
// the collection may hold more.
type PagingError struct {
	// Path is the request path of the page, when known.
	Path string
	// Offset and Limit are the parameters the page was asked with.
	Offset int32
	Limit  int32
	// Received is how many items the page held, all of them yielded before.
	Received int
	// RepeatedID is the GetID() of the first repeated item; it is empty
	// when the item type has no id (the item was recognised by its JSON
	// encoding) and RepeatedIndex, its index in the page, tells it apart.
	RepeatedID    string
	RepeatedIndex int
	// Yielded is how many distinct items the iteration yielded before.
	Yielded int64
	// Requests is how many page requests the iteration made, this one
	// included.
	Requests int64
	// Total is the X-Total-Count of the first page, or -1 when none came.
	Total int64
	// MaxItems is the bound the iteration reached (MaxPagerItems), or 0
	// when it stopped because the server repeated itself.
	MaxItems int64
	// Next is the offset of the first item not yielded, where a new Pager
	// reads on, when MaxItems is set.
	Next int32
}

// Error says what the page repeated, or which bound was reached, and what
// to do about it.
func (e *PagingError) Error() string {
	var b strings.Builder
	b.WriteString("certifications: paging")
	if e.Path != "" {
		b.WriteString(" " + e.Path)
	}
	if e.MaxItems > 0 {
		fmt.Fprintf(&b, " stopped after %d items in %d requests, the most one iteration yields (MaxPagerItems); to read the rest, start a new Pager at offset %d, or narrow the listing with Filters", e.Yielded, e.Requests, e.Next)
		return b.String()
	}
	fmt.Fprintf(&b, " stopped: the page at offset %d (limit %d) held %d items, all yielded before", e.Offset, e.Limit, e.Received)
	if e.RepeatedID != "" {
		fmt.Fprintf(&b, " (first repeat: id %q)", e.RepeatedID)
	} else {
		fmt.Fprintf(&b, " (first repeat: item %d of the page, same JSON as an earlier item)", e.RepeatedIndex)
	}
	fmt.Fprintf(&b, ", so the server ignores offset or repeats pages; %d distinct items were yielded in %d requests", e.Yielded, e.Requests)
	if e.Total >= 0 {
		fmt.Fprintf(&b, " of a reported total of %d", e.Total)
	}
	fmt.Fprintf(&b, "; to read the rest, narrow the listing with Filters until it fits in one page of at most %d items, or have the server's paging fixed", MaxPageSize)
	return b.String()
}

// idGetter is implemented by every model with an id.
type idGetter interface{ GetID() string }

// itemID returns the item's GetID(), or "" when its type has none.
func itemID[T any](item *T) string {
	if g, ok := any(item).(idGetter); ok {
		return g.GetID()
	}
	if g, ok := any(*item).(idGetter); ok { // T is itself a pointer or interface
		return g.GetID()
	}
	return ""
}

// seenSet holds 64-bit hashes of the items an iteration yielded. The seed
// is random per set, so that ids crafted to collide on one run do not on
// another. The hashes live in 64 open-addressing tables chosen by the top
// six bits; each starts with 8 slots and doubles when 7/8 full, so a hash
// costs 8 bytes a slot, 9 to 18 bytes an item once every table was used,
// and a doubling briefly needs at most 1/64 of the set again.
type seenSet struct {
	seed   maphash.Seed
	shards [64]hashTable
}

// hashTable is one shard: a power-of-two slice of hashes, 0 marking an
// empty slot, probed linearly.
type hashTable struct {
	slots []uint64
	n     int
}

func newSeenSet() *seenSet { return &seenSet{seed: maphash.MakeSeed()} }

// insert adds h and reports whether it was new.
func (s *seenSet) insert(h uint64) bool {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	t := &s.shards[h>>58]
	if t.slots == nil {
		t.slots = make([]uint64, 8)
	}
	i := t.find(h)
	if t.slots[i] == h {
		return false
	}
	if (t.n+1)*8 > len(t.slots)*7 {
		old := t.slots
		t.slots = make([]uint64, 2*len(old))
		for _, v := range old {
			if v != 0 {
				t.slots[t.find(v)] = v
			}
		}
		i = t.find(h)
	}
	t.slots[i] = h
	t.n++
	return true
}

// find returns the slot holding h, or the empty slot where it belongs.
func (t *hashTable) find(h uint64) int {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if v := t.slots[i]; v == 0 || v == h {
			return int(i)
		}
	}
}

// add records item and reports whether it was new. An item is recognised
// by its id, or by its JSON encoding when it has no id (or its %#v form if
// it cannot be encoded); the prefix byte keeps an id from matching a JSON
// text.
func add[T any](s *seenSet, item *T) bool {
	var h maphash.Hash
	h.SetSeed(s.seed)
	if id := itemID(item); id != "" {
		h.WriteByte('i')
		h.WriteString(id)
	} else if b, err := json.Marshal(item); err == nil {
		h.WriteByte('j')
		h.Write(b)
	} else {
		h.WriteByte('v')
		h.WriteString(fmt.Sprintf("%#v", *item)) // not Fprintf: h would escape
	}
	return s.insert(h.Sum64())
}
