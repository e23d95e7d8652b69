package certifications

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// DefaultPageSize is the page size All uses when the builder sets no Limit.
const DefaultPageSize = MaxPageSize

// MaxReadAhead bounds the pages a Pager fetches concurrently.
const MaxReadAhead = 16

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
	total     atomic.Int64 // -1 until a page reports X-Total-Count
	requests  atomic.Int64
}

// NewPager returns a pager that calls fetch with opts: Limit is the page
// size (DefaultPageSize when unset or 0), Offset the start, filters and
// sorters are kept.
func NewPager[T any](ctx context.Context, opts ListOptions, fetch PageFunc[T]) *Pager[T] {
	p := &Pager[T]{ctx: ctx, opts: opts, fetch: fetch, readAhead: 1}
	p.total.Store(-1)
	return p
}

// ReadAhead lets the pager fetch up to n pages concurrently once the total
// is known, still yielding items in order and holding at most n pages in
// memory. It trades memory (n pages) and a burst of n requests against the
// rate limit for lower latency on large listings; the client's pacing and
// retries apply to every fetch. n is clamped to 1..MaxReadAhead; 1 (the
// default) fetches one page at a time.
func (p *Pager[T]) ReadAhead(n int) *Pager[T] {
	p.readAhead = min(max(n, 1), MaxReadAhead)
	return p
}

// Total returns the X-Total-Count reported during the last iteration, and
// whether the server reported one.
func (p *Pager[T]) Total() (int64, bool) {
	t := p.total.Load()
	return t, t >= 0
}

// Requests returns how many page requests the pager has made in all.
func (p *Pager[T]) Requests() int64 { return p.requests.Load() }

// All returns an iterator over every item. It stops after a short page, at
// the reported total, when the server stops advancing, or when a request
// past the end answers 400 "offset is invalid". An error is yielded once
// and ends the iteration; breaking out of the loop stops all paging.
func (p *Pager[T]) All() iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
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

		// The first page asks for the total, so that an exactly full last
		// page costs no request past the end and read-ahead knows the offsets.
		items, resp, err := p.page(ctx, offset, size, true)
		if err != nil {
			yieldErr(err, yield)
			return
		}
		if t, ok := TotalCount(resp); ok {
			p.total.Store(t)
		}
		if !yieldAll(items, yield) {
			return
		}
		next, more := advance(offset, size, int32(len(items)), p.total.Load())
		if !more {
			return
		}
		if total := p.total.Load(); p.readAhead > 1 && total >= 0 {
			p.concurrent(ctx, next, size, total, yield)
			return
		}
		p.sequential(ctx, next, size, yield)
	}
}

// page fetches one page with the pager's options at offset.
func (p *Pager[T]) page(ctx context.Context, offset, size int32, count bool) ([]T, *http.Response, error) {
	o := p.opts
	o.Offset, o.Limit = &offset, &size
	o.Count = nil
	if count {
		o.Count = &count
	}
	p.requests.Add(1)
	return p.fetch(ctx, o)
}

// advance returns the next offset and whether another page may exist
// after a page of n items at offset.
func advance(offset, size, n int32, total int64) (int32, bool) {
	if n == 0 || n < size {
		return offset, false // end of data, or the server stopped advancing
	}
	next := offset + n
	if next < offset {
		return offset, false // int32 overflow: nothing can live past it
	}
	if total >= 0 && int64(next) >= total {
		return next, false
	}
	return next, true
}

func (p *Pager[T]) sequential(ctx context.Context, offset, size int32, yield func(T, error) bool) {
	for {
		items, _, err := p.page(ctx, offset, size, false)
		if err != nil {
			yieldErr(err, yield)
			return
		}
		if !yieldAll(items, yield) {
			return
		}
		var more bool
		if offset, more = advance(offset, size, int32(len(items)), p.total.Load()); !more {
			return
		}
	}
}

// concurrent fetches the pages from offset to total with up to readAhead
// requests in flight and yields them in order. A page is requested only
// when fewer than readAhead pages are held, so memory stays bounded. All
// fetches stop when the loop ends: ctx is cancelled and every goroutine is
// waited for before returning.
func (p *Pager[T]) concurrent(ctx context.Context, offset, size int32, total int64, yield func(T, error) bool) {
	type result struct {
		items []T
		err   error
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	var pending []chan result
	launch := func() {
		ch := make(chan result, 1)
		off := offset
		offset += size
		wg.Add(1)
		go func() {
			defer wg.Done()
			items, _, err := p.page(ctx, off, size, false)
			ch <- result{items, err}
		}()
		pending = append(pending, ch)
	}
	for len(pending) < p.readAhead && int64(offset) < total {
		launch()
	}
	for len(pending) > 0 {
		r := <-pending[0]
		pending = pending[1:]
		if r.err != nil {
			yieldErr(r.err, yield)
			return
		}
		if !yieldAll(r.items, yield) {
			return
		}
		if int32(len(r.items)) < size {
			return // the collection shrank: what follows would be misaligned
		}
		if int64(offset) < total {
			launch()
		}
	}
}

func yieldAll[T any](items []T, yield func(T, error) bool) bool {
	for i := range items {
		if !yield(items[i], nil) {
			return false
		}
	}
	return true
}

// yieldErr ends an iteration on err: the tenants' 400 "offset is invalid"
// past the end is the end of the data, anything else is yielded once.
func yieldErr[T any](err error, yield func(T, error) bool) {
	if !isOffsetInvalid(err) {
		var zero T
		yield(zero, err)
	}
}

// isOffsetInvalid reports the 400 some tenants answer for an offset past
// the end of a collection, which means the end was reached.
func isOffsetInvalid(err error) bool {
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusBadRequest {
		return false
	}
	return strings.Contains(strings.ToLower(ae.Message+" "+string(ae.Body)), "offset")
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
