package certifications

import (
	"hash/maphash"
	"slices"
)

// reviewWindow is one listing of undecided items. checked marks a listing
// sent while the one behind it was still on its way: it overlaps that one
// by an item, and it must share an item with what was read before, or
// items may have slipped between the two.
type reviewWindow struct {
	offset, limit int32
	checked       bool
}

// backPlan lays out the listings of a pass from the back as they are sent:
// each ends where the one before it started (one item further when that
// one is still on its way), and none reaches past the latest count.
type backPlan struct {
	end        int64 // end of the next window; 0 when all are sent
	size       int32
	sequential bool // one listing at a time
}

func (p *backPlan) done() bool { return p.end <= 0 }

// next returns the next window; behind says whether the window before it
// is still on its way.
func (p *backPlan) next(behind bool) reviewWindow {
	end, checked := p.end, false
	if behind && p.size > 1 {
		end, checked = end+1, true
	}
	start := max(end-int64(p.size), 0)
	p.end = start
	return reviewWindow{offset: int32(start), limit: int32(end - start), checked: checked}
}

// shrinkTo caps the windows still to send at a fresh count: the undecided
// items only get fewer, so nothing lives past it any more.
func (p *backPlan) shrinkTo(total int64) { p.end = min(p.end, total) }

// reviewPass is what a pass knows to tell whether the server moves
// forward. A server that ignores offset, or repeats pages, would otherwise
// keep a review reading up to the count it reported, handing nothing new
// to the rule.
type reviewPass struct {
	// listed records the ids listed in a second pass, which reads again
	// the items the first one left undecided; nil in the first pass,
	// where the run's record serves.
	listed *seenSet
	// first holds the ids of the pass's first listing when it is read
	// again as the last window (at most a page of them). No window at an
	// offset of a page or more can hold them: the undecided items only
	// move towards the front.
	first map[uint64]struct{}
	size  int32
	// total is the pass's first count and count the latest one (-1:
	// none); stale adds up the repeats of the full windows that brought
	// no new id.
	total, count, stale int64
}

func newReviewPass(second bool, size int32, total int64) *reviewPass {
	p := &reviewPass{size: size, total: total, count: total}
	if second {
		p.listed = newSeenSet()
	}
	return p
}

// reviewTake is what consume found in a listing.
type reviewTake struct {
	fresh  int  // ids new to the pass (and not of its first listing)
	repeat int  // index of the first item with an id that was not fresh, or -1
	joined bool // an id read before this listing in the run
}

// idHash is the run's 64-bit hash of an item id.
func (r *reviewRun) idHash(id string) uint64 { return maphash.String(r.seed, id) }

// note records h, the hash of item i of a listing at w, and reports
// whether it is new to the run, and what it tells of the listing in t.
// hashes are those of the listing's items before i.
func (r *reviewRun) note(w reviewWindow, i int, h uint64, hashes []uint64, t *reviewTake) (newToRun bool) {
	newToRun = r.seen.insert(h)
	newToPass := newToRun
	if r.cur.listed != nil {
		newToPass = r.cur.listed.insert(h)
	}
	if _, ok := r.cur.first[h]; ok && w.offset >= r.cur.size {
		newToPass = false
	}
	switch {
	case newToPass:
		t.fresh++
	case t.repeat < 0:
		t.repeat = i
	}
	if !newToRun && !slices.Contains(hashes, h) {
		t.joined = true
	}
	return newToRun
}

// checkJoin notes a possible gap: a window sent while the one behind it
// was on its way must share an item with what was read before, unless it
// reached the end of the items.
func (r *reviewRun) checkJoin(w reviewWindow, c reviewCall, t reviewTake) {
	if !w.checked || c.err != nil || int32(len(c.items)) < w.limit || t.joined {
		return
	}
	r.gap = true
}

// checkAdvance stops the reading with a *PagingError when a full window
// brought no new id and the server's count does not explain it.
//
// Items of the pass's first listing at an offset of a page or more are
// never explained. Other repeats are explained by items leaving the front:
// when another reviewer decides items in front of the pages still to read,
// items read before move into them, each at most once per item that left,
// so the repeats of a pass (less the item a window may share with the one
// behind it) cannot outnumber the fall of the count since its first
// listing. One count (a listing of one item) is sent to find out; plan, if
// not nil, is cut at it. Without a count, repeats are explained only by
// failed decide calls of this run, whose items stay in front (see
// forward).
func (r *reviewRun) checkAdvance(plan *backPlan, w reviewWindow, c reviewCall, t reviewTake) {
	p := r.cur
	if r.readStop || c.err != nil || t.fresh > 0 || t.repeat < 0 || int32(len(c.items)) < w.limit {
		return // short, failed, new ids, or only items without an id: nothing to tell
	}
	_, first := p.first[r.idHash(c.items[t.repeat].GetID())]
	p.stale += int64(len(c.items) - 1)
	switch {
	case first && w.offset >= p.size:
	case p.total < 0:
		if len(r.res.Failed) > 0 {
			return
		}
	default:
		if p.total-p.count < p.stale {
			r.res.ListCalls++
			probe := r.list(reviewWindow{limit: 1}, true)
			if probe.total >= 0 {
				p.count = probe.total
				if plan != nil {
					plan.shrinkTo(probe.total)
				}
			}
		}
		if p.total-p.count >= p.stale {
			return
		}
	}
	r.stopReading(r.pagingError(w, c, t.repeat))
}

// pagingError describes a window that brought no new id.
func (r *reviewRun) pagingError(w reviewWindow, c reviewCall, repeat int) *PagingError {
	return &PagingError{
		Path:          c.path,
		Offset:        w.offset,
		Limit:         w.limit,
		Received:      len(c.items),
		RepeatedID:    c.items[repeat].GetID(),
		RepeatedIndex: repeat,
		Yielded:       int64(r.nSeen),
		Requests:      int64(r.res.ListCalls),
		Total:         r.cur.total,
	}
}
