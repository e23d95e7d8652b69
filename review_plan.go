package certifications

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

// checkJoin notes a possible gap: a window sent while the one behind it
// was on its way must share an item with what was read before, unless it
// reached the end of the items.
func (r *reviewRun) checkJoin(w reviewWindow, c reviewCall) {
	if !w.checked || c.err != nil || int32(len(c.items)) < w.limit {
		return
	}
	for i := range c.items {
		if _, ok := r.seen[c.items[i].GetID()]; ok {
			return
		}
	}
	r.gap = true
}
