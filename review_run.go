package certifications

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"net/http"
)

// decideCall marks a call that is not the listing of a window.
const decideCall = -1

// reviewCall is the outcome of one call a review sent.
type reviewCall struct {
	window int // index of the window listed, or decideCall
	items  []AccessReviewItem
	total  int64 // X-Total-Count, -1 when not asked for, not sent or past int32
	path   string
	chunk  []ReviewDecision
	cert   *IdentityCertificationDto
	err    error
}

// reviewRun is the state of one Review. Only the goroutine running run
// touches it; the calls report back on done.
type reviewRun struct {
	ctx    context.Context
	s      *CertificationsApiService
	certID string
	filter string
	rule   ReviewRule
	o      ReviewOptions

	res *ReviewResult
	// seen records the ids read in this run, so that the rule sees each
	// once: a 64-bit hash of each (see MaxReviewItems for the bound).
	seed      maphash.Seed
	seen      *seenSet
	nSeen     int
	cur       *reviewPass // the pass being read
	leftAlone int
	keepAlone bool // list the items left alone in the result, not only count them
	errs      []error

	pending    []ReviewDecision // made by the rule, not yet sent
	inDecide   int              // decisions in flight
	inflight   int              // calls in flight
	done       chan reviewCall
	gap        bool // items may have slipped between two pages
	readStop   bool // no more listings, and no more rule calls
	decideStop bool // no more decide calls: the rest fails with stopErr
	stopErr    error
}

func newReviewRun(ctx context.Context, s *CertificationsApiService, certID, filter string, rule ReviewRule, o ReviewOptions) *reviewRun {
	return &reviewRun{
		ctx: ctx, s: s, certID: certID, filter: filter, rule: rule, o: o,
		res:  &ReviewResult{Total: -1, Failed: map[string]error{}},
		seed: maphash.MakeSeed(), seen: newSeenSet(), keepAlone: true,
		done: make(chan reviewCall, o.Concurrency),
	}
}

// run reads every undecided item, then once more when items may have
// slipped between pages, and sends every decision.
func (r *reviewRun) run() error {
	r.pass(false)
	if r.gap && !r.readStop {
		r.pass(true)
	}
	return r.finish()
}

// pass reads the undecided items once: the first page with the count, and
// when there are more, every page from the back. Without a count it reads
// from the front (see forward). The first pass sets the result's Total.
// A second pass reads one page at a time.
//
// The count is a hint. A short first page is the end whatever it says;
// after a full one, findEnd confirms the count with one listing at it, or
// finds the real end when items lie past it, before anything is decided.
func (r *reviewRun) pass(second bool) {
	size := int32(r.o.PageSize)
	r.res.ListCalls++
	first := r.list(reviewWindow{limit: size}, true)
	if isOffsetPastEnd(first.err) {
		first.err, first.items = nil, nil
	}
	r.cur = newReviewPass(second, size, first.total)
	full := int32(len(first.items)) >= size
	switch {
	case first.err != nil:
		r.fail(first.err)
		return
	case !full:
		r.setTotal(second, int64(len(first.items)))
		r.consume(first, reviewWindow{limit: size})
		r.loop(nil)
		return
	case first.total < 0:
		r.consume(first, reviewWindow{limit: size})
		r.forward()
		return
	}
	// The first page is read again as the last window: its items are not
	// handed to the rule now, or the items behind it would move. Its ids
	// tell whether the windows further back move forward.
	r.cur.first = make(map[uint64]struct{}, len(first.items))
	for i := range first.items {
		if id := first.items[i].GetID(); id != "" {
			r.cur.first[r.idHash(id)] = struct{}{}
		}
	}
	end, ok := r.findEnd(int64(len(first.items)), -1, max(first.total, int64(len(first.items))))
	if !ok {
		return
	}
	r.cur.total, r.cur.count = end, end
	r.setTotal(second, end)
	if end <= int64(len(first.items)) {
		r.consume(first, reviewWindow{limit: size})
		r.loop(nil)
		return
	}
	r.report()
	// Pages of one item cannot overlap: they are read one at a time.
	r.loop(&backPlan{end: end, size: size, sequential: second || size < 2})
}

// setTotal sets the result's Total in the first pass.
func (r *reviewRun) setTotal(second bool, total int64) {
	if !second {
		r.res.Total = int(total)
	}
}

// maxEndProbes bounds the listings of one findEnd: doubling, then halving,
// an int32 range of offsets takes at most about 64.
const maxEndProbes = 80

// findEnd finds the end of the undecided items with listings of a page
// whose items are not handed to the rule. Every offset below lo is taken
// to hold an item, and none at hi or past it (hi < 0: not known). Without
// hi it lists at hint first: nothing there confirms it as the end; items
// there mean a count too low, and the offset doubles until a listing comes
// back empty. Then the range halves until a listing comes back short. So a
// right count costs one listing, and a wrong one O(log n) for n items,
// never one per page. A failed listing stops the reading (ok is false); so
// does a full one at an offset of a page or more that holds only items of
// the first page, as from a server that ignores offset.
func (r *reviewRun) findEnd(lo, hi, hint int64) (end int64, ok bool) {
	size := int64(r.o.PageSize)
	off := hint
	for probe := 0; probe < maxEndProbes; probe++ {
		if hi >= 0 {
			if lo >= hi {
				return lo, true
			}
			off = lo
			if hi-lo > size {
				off = lo + (hi-lo)/2
			}
		}
		if off > math.MaxInt32 {
			return lo, true // no offset reaches further
		}
		w := reviewWindow{offset: int32(off), limit: int32(size)}
		r.res.ListCalls++
		c := r.list(w, false)
		if isOffsetPastEnd(c.err) {
			c.err, c.items = nil, nil
		}
		if c.err != nil {
			r.fail(c.err)
			return 0, false
		}
		n := int64(len(c.items))
		switch {
		case n == 0 && hi < 0 && off == hint:
			return hint, true // the count is right
		case n == 0:
			hi = off
		case n < size:
			return off + n, true
		case off >= size && r.onlyFirst(c):
			r.stopReading(r.pagingError(w, c, 0))
			return 0, false
		default:
			lo = off + n
			if hi < 0 {
				off = 2 * lo
			}
		}
	}
	return lo, true
}

// onlyFirst reports whether every item of a listing with an id is one of
// the pass's first listing.
func (r *reviewRun) onlyFirst(c reviewCall) bool {
	ids := 0
	for i := range c.items {
		id := c.items[i].GetID()
		if id == "" {
			continue
		}
		if _, ok := r.cur.first[r.idHash(id)]; !ok {
			return false
		}
		ids++
	}
	return ids > 0
}

// loop sends the listings of plan (none if nil), consumes them in order
// and sends the decisions as chunks fill up, keeping up to Concurrency
// calls in flight, until every window is read and every decision answered.
//
// A window is consumed only after every window before it: its decisions
// remove items behind the windows before it, never in front of a window
// still to be read, whatever the order the calls reach the server in.
//
// The first two windows are sent alone, and the others only once the
// first was read without ending the reading (see checkAdvance): a server
// that ignores offset costs two listings past the first, not a burst of
// Concurrency.
func (r *reviewRun) loop(plan *backPlan) {
	if plan == nil {
		plan = &backPlan{}
	}
	size := plan.size
	var windows []reviewWindow
	received := map[int]reviewCall{}
	consumed, listing := 0, 0
	// lastEnd is the end the windows are planned from; searchBelow, when
	// positive, the offset of a window below it that came back empty.
	lastEnd, searchBelow := plan.end, int64(0)
	for {
		for r.inflight < r.o.Concurrency {
			readDone := r.readStop || plan.done() && consumed == len(windows)
			reading := !r.readStop && !plan.done()
			switch {
			case !r.decideStop && len(r.pending) > 0 && (len(r.pending) >= r.o.ChunkSize || readDone):
				r.sendChunk()
			case reading && searchBelow > 0:
				// A page came back empty: others decided many items, or
				// the count was too high. The end lies below that page;
				// a few listings find it, rather than one per page.
				if end, ok := r.findEnd(0, searchBelow, 0); ok {
					plan.shrinkTo(end)
					r.cur.count = min(r.cur.count, end)
					lastEnd = end
				}
				searchBelow = 0
			case reading && (listing == 0 || !plan.sequential) && (len(windows) < 2 || consumed > 0) &&
				len(windows)-consumed < r.o.Concurrency && r.held(windows[consumed:])+int(size)+1 <= r.window():
				w := plan.next(listing > 0)
				windows = append(windows, w)
				r.sendList(len(windows)-1, w, false)
				listing++
			default:
				goto wait
			}
		}
	wait:
		if r.inflight == 0 {
			return
		}
		c := <-r.done
		r.inflight--
		if c.window == decideCall {
			r.decided(c)
			r.report()
			continue
		}
		listing--
		if isOffsetPastEnd(c.err) {
			c.err, c.items = nil, nil // past the end: others decided the rest
		}
		if off := int64(windows[c.window].offset); c.err == nil && len(c.items) == 0 && off > 0 && off < lastEnd {
			searchBelow, lastEnd = off, off
		}
		received[c.window] = c
		for {
			rc, ok := received[consumed]
			if !ok {
				break
			}
			delete(received, consumed)
			w := windows[consumed]
			consumed++
			t := r.consume(rc, w)
			r.checkJoin(w, rc, t)
			r.checkAdvance(plan, w, rc, t)
		}
		r.report()
	}
}

// window is the most items a review holds listed and not yet decided (see
// Review): Concurrency calls, each a page or a chunk, and the chunk being
// filled.
func (r *reviewRun) window() int { return r.o.Concurrency*r.o.PageSize + r.o.ChunkSize }

// held counts the items listed and not yet decided: in the windows sent
// and not consumed (as many as they may hold), waiting to be sent, and in
// decide calls on their way. Consuming a window and sending or answering
// a decide call never makes it grow, so a listing sent only while there
// is room for it keeps it within window.
func (r *reviewRun) held(open []reviewWindow) int {
	n := len(r.pending) + r.inDecide
	for _, w := range open {
		n += int(w.limit)
	}
	return n
}

// forward reads from the front when the server gives no count: each page
// is read only after the decisions before it are answered, at the offset
// of the items this run left undecided. Decisions of failed calls are
// taken as applied, so their items, when still undecided, come back as
// repeats rather than push items out of reach. A full page that brings no
// new id ends the reading: with a *PagingError unless failed decisions
// explain it (see checkAdvance).
func (r *reviewRun) forward() {
	size := int32(r.o.PageSize)
	for {
		r.loop(nil) // send and answer every decision first
		if r.readStop || r.leftAlone > math.MaxInt32-int(size) {
			return
		}
		r.res.ListCalls++
		w := reviewWindow{offset: int32(r.leftAlone), limit: size}
		c := r.list(w, false)
		if isOffsetPastEnd(c.err) {
			c.err, c.items = nil, nil
		}
		t := r.consume(c, w)
		r.checkAdvance(nil, w, c, t)
		if c.err != nil || int32(len(c.items)) < size || t.fresh == 0 {
			r.loop(nil)
			return
		}
	}
}

// list sends one listing and waits for it.
func (r *reviewRun) list(w reviewWindow, count bool) reviewCall {
	req := r.s.ListIdentityAccessReviewItems(r.ctx, r.certID).Filters(r.filter).Offset(w.offset).Limit(w.limit)
	if count {
		req = req.Count(true)
	}
	items, resp, err := req.Execute()
	c := reviewCall{items: items, total: -1, err: err}
	// A count past int32 is bad data: no offset reaches it, so it is
	// taken as no count rather than wrapped into negative offsets.
	if t, ok := TotalCount(resp); ok && count && err == nil && t <= math.MaxInt32 {
		c.total = t
	}
	if resp != nil && resp.Request != nil && resp.Request.URL != nil {
		c.path = resp.Request.URL.Path
	}
	return c
}

func (r *reviewRun) sendList(i int, w reviewWindow, count bool) {
	r.inflight++
	r.res.ListCalls++
	go func() {
		c := r.list(w, count)
		c.window = i
		r.done <- c
	}()
}

func (r *reviewRun) sendChunk() {
	n := min(len(r.pending), r.o.ChunkSize)
	chunk := r.pending[:n:n]
	r.pending = r.pending[n:]
	r.inflight++
	r.inDecide += len(chunk)
	r.res.DecideCalls++
	go func() {
		cert, _, err := r.s.MakeIdentityDecision(r.ctx, r.certID).ReviewDecision(chunk).Execute()
		r.done <- reviewCall{window: decideCall, chunk: chunk, cert: cert, err: err}
	}()
}

// consume hands the new items of a listing at w to the rule and says what
// it found in them. A failed listing stops the reading.
func (r *reviewRun) consume(c reviewCall, w reviewWindow) reviewTake {
	t := reviewTake{repeat: -1}
	if c.err != nil {
		r.fail(c.err)
		return t
	}
	hashes := make([]uint64, 0, len(c.items))
	for i := range c.items {
		if r.readStop {
			return t
		}
		item := &c.items[i]
		id := item.GetID()
		if id == "" {
			r.res.Ignored++
			continue
		}
		h := r.idHash(id)
		isNew := r.note(w, i, h, hashes, &t)
		hashes = append(hashes, h)
		if !isNew {
			r.res.Ignored++
			continue
		}
		if r.nSeen >= MaxReviewItems {
			r.stopReading(fmt.Errorf("certifications: review of %s stopped after %d items, the most one run reads; run it again for the rest", r.certID, MaxReviewItems))
			return t
		}
		r.nSeen++
		if item.GetCompleted() || item.Decision != nil {
			r.res.Ignored++ // the server listed a decided item: leave it be
			continue
		}
		d, ok := r.rule(*item)
		if !ok {
			r.leftAlone++
			if r.keepAlone {
				r.res.LeftAlone = append(r.res.LeftAlone, id)
			}
			continue
		}
		if d.Decision == "" {
			r.stopReading(&ValidationError{Parameter: "rule", Problem: fmt.Sprintf("returned a decision without decision for item %s", id), Allowed: "APPROVE or REVOKE"})
			return t
		}
		d.ID = id
		r.pending = append(r.pending, d)
	}
	return t
}

// decided records the outcome of a decide call.
func (r *reviewRun) decided(c reviewCall) {
	r.inDecide -= len(c.chunk)
	if c.err != nil {
		for _, d := range c.chunk {
			r.res.Failed[d.ID] = c.err
		}
		r.errs = append(r.errs, c.err)
		if refusedCall(c.err) {
			r.stopAll(c.err)
		}
		return
	}
	r.res.Certification = c.cert
	for _, d := range c.chunk {
		r.res.Decided = append(r.res.Decided, d.ID)
	}
}

// fail records a failed listing: nothing more is read, the decisions
// already made are still sent, unless the context ended.
func (r *reviewRun) fail(err error) {
	r.errs = append(r.errs, err)
	if r.ctx.Err() != nil {
		r.stopAll(r.ctx.Err())
		return
	}
	r.readStop = true
}

// stopReading ends the reading for err, which the result reports.
func (r *reviewRun) stopReading(err error) {
	r.errs = append(r.errs, err)
	r.readStop = true
}

// stopAll ends the run: nothing more is read or sent, and the decisions
// not yet sent fail with err.
func (r *reviewRun) stopAll(err error) {
	r.readStop, r.decideStop = true, true
	if r.stopErr == nil {
		r.stopErr = err
	}
}

// finish marks the decisions never sent as failed and returns the run's
// error.
func (r *reviewRun) finish() error {
	if len(r.pending) > 0 {
		reason := r.stopErr
		if reason == nil {
			reason = r.ctx.Err()
		}
		if reason == nil {
			reason = errors.New("certifications: review stopped before these decisions were sent")
		}
		for _, d := range r.pending {
			r.res.Failed[d.ID] = reason
		}
		r.pending = nil
	}
	r.report()
	return joinDistinct(r.errs)
}

// report calls Progress with the current state.
func (r *reviewRun) report() {
	if r.o.Progress == nil {
		return
	}
	pending := len(r.pending) + r.inDecide
	r.o.Progress(ReviewProgress{
		Total:     r.res.Total,
		Listed:    r.leftAlone + len(r.res.Decided) + len(r.res.Failed) + pending,
		Decided:   len(r.res.Decided),
		LeftAlone: r.leftAlone,
		Failed:    len(r.res.Failed),
		Pending:   pending,
		Requests:  r.res.ListCalls + r.res.DecideCalls,
	})
}

// refusedCall reports an error that sending again cannot fix: the input
// was refused before sending, the context ended, or the server answered
// with a 4xx other than 429.
func refusedCall(err error) bool {
	var ve *ValidationError
	if errors.As(err, &ve) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ae *APIError
	return errors.As(err, &ae) && ae.StatusCode >= 400 && ae.StatusCode < 500 && ae.StatusCode != http.StatusTooManyRequests
}

// joinDistinct joins errs, each distinct message once.
func joinDistinct(errs []error) error {
	var out []error
	seen := map[string]bool{}
	for _, e := range errs {
		if msg := e.Error(); !seen[msg] {
			seen[msg] = true
			out = append(out, e)
		}
	}
	return errors.Join(out...)
}
