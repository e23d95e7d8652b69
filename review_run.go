package certifications

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"net/http"
)

// Kinds of calls that are not the listing of a window.
const (
	decideCall = -1 // a decide call
	probeCall  = -2 // a listing sent only for its count
)

// reviewCall is the outcome of one call a review sent.
type reviewCall struct {
	window int // index of the window listed, decideCall or probeCall
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
	// once: a 64-bit hash of each (see maxReviewItems for the bound).
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
func (r *reviewRun) pass(second bool) {
	size := int32(r.o.PageSize)
	r.res.ListCalls++
	first := r.list(reviewWindow{limit: size}, true)
	if isOffsetPastEnd(first.err) {
		first.err, first.items = nil, nil
	}
	r.cur = newReviewPass(second, size, first.total)
	onePage := int32(len(first.items)) < size || first.total >= 0 && first.total <= int64(size)
	if !second && first.err == nil {
		switch {
		case first.total >= 0:
			r.res.Total = int(first.total)
		case onePage:
			r.res.Total = len(first.items)
		}
	}
	switch {
	case first.err != nil:
		r.fail(first.err)
	case onePage:
		r.consume(first, reviewWindow{limit: size})
		r.loop(nil)
	case first.total < 0:
		r.consume(first, reviewWindow{limit: size})
		r.forward()
	default:
		// The first page is read again as the last window: its items are
		// not handed to the rule now, or the items behind it would move.
		// Its ids tell whether the windows further back move forward.
		r.cur.first = make(map[uint64]struct{}, len(first.items))
		for i := range first.items {
			if id := first.items[i].GetID(); id != "" {
				r.cur.first[r.idHash(id)] = struct{}{}
			}
		}
		r.report()
		// Pages of one item cannot overlap: they are read one at a time.
		r.loop(&backPlan{end: first.total, size: size, sequential: second || size < 2})
	}
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
	var windows []reviewWindow
	received := map[int]reviewCall{}
	consumed, listing := 0, 0
	recount, probing := false, false
	for {
		for r.inflight < r.o.Concurrency {
			readDone := r.readStop || plan.done() && consumed == len(windows)
			reading := !r.readStop && !plan.done() && !probing
			switch {
			case !r.decideStop && len(r.pending) > 0 && (len(r.pending) >= r.o.ChunkSize || readDone):
				r.sendChunk()
			case reading && recount:
				// A page came back empty: others decided many items. One
				// count tells how many pages are past the end now.
				r.sendList(probeCall, reviewWindow{limit: 1}, true)
				recount, probing = false, true
			case reading && (listing == 0 || !plan.sequential) && (len(windows) < 2 || consumed > 0) &&
				len(windows)-consumed < r.o.Concurrency && len(r.pending) < 2*r.o.ChunkSize:
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
		switch c.window {
		case decideCall:
			r.decided(c)
			r.report()
			continue
		case probeCall:
			probing = false
			if c.total >= 0 {
				plan.shrinkTo(c.total)
				r.cur.count = c.total
			}
			continue
		}
		listing--
		if isOffsetPastEnd(c.err) {
			c.err, c.items = nil, nil // past the end: others decided the rest
		}
		if c.err == nil && len(c.items) == 0 && windows[c.window].offset > 0 {
			recount = true
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
		if r.nSeen >= maxReviewItems {
			r.stopReading(fmt.Errorf("certifications: review of %s stopped after %d items, the most one run reads; run it again for the rest", r.certID, maxReviewItems))
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
