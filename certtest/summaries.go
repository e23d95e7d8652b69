package certtest

import (
	"iter"

	"github.com/iscgo/certifications"
)

// The Certification Summaries read the same state as the items: the
// tallies the decisions keep up to date, per certification and per
// identity, so that a summary never generates the certification's items.

// identities iterates over the identities with items in c in the order of
// their first item in the item list: c's own identities by index, then
// those that came with items moved in.
func (t *tenant) identities(c *certState) iter.Seq[identKey] {
	return func(yield func(identKey) bool) {
		for i := range c.identCountGenerated() {
			k := identKey{int32(c.idx), int32(i)}
			// Only a reassignment can have taken all of an identity's items.
			if c.removed > 0 && c.peekIdentity(k).total() == 0 {
				continue
			}
			if !yield(k) {
				return
			}
		}
		for k := range t.movedInIdentities(c) {
			if !yield(k) {
				return
			}
		}
	}
}

// movedInIdentities iterates over the identities of the items moved into
// c, each once, in the order their first item arrived.
func (t *tenant) movedInIdentities(c *certState) iter.Seq[identKey] {
	return func(yield func(identKey) bool) {
		seen := map[identKey]bool{}
		for ref := range t.addedRefs(c) {
			k := t.identOf(ref)
			if seen[k] {
				continue
			}
			seen[k] = true
			if !yield(k) {
				return
			}
		}
	}
}

// identWindow returns the identities of c at positions [off, off+n) of
// identities; while no item has left, c's own identities are not iterated.
func (t *tenant) identWindow(c *certState, off, n int) []identKey {
	if c.removed > 0 {
		return pageOf(off, n, c.identTot, 0, nil, t.identities(c))
	}
	own := func(i int) identKey { return identKey{int32(c.idx), int32(i)} }
	return pageOf(off, n, c.identTot, c.identCountGenerated(), own, t.movedInIdentities(c))
}

// identDoc is the filter document of an identity summary, built directly:
// an identity listing may test every identity of a large certification.
func identDoc(s certifications.CertificationIdentitySummary) map[string]any {
	return map[string]any{"id": s.GetID(), "name": s.GetName(), "identityId": s.GetIdentityID(), "completed": s.GetCompleted()}
}

// decisionTally sums the tallies of c's identities that f selects (its
// field is identitySummary.id); without a filter it is c's own tally. A
// filter that names its identities (eq and in, joined by and or or) costs
// as many steps as it names; only one with not has every identity tested.
func (t *tenant) decisionTally(c *certState, f certifications.Filter) tally {
	if f == nil {
		return c.sum
	}
	selects := func(k identKey) bool {
		return match(f, map[string]any{"identitySummary": map[string]any{"id": t.identID(k)}})
	}
	var sum tally
	if ids, ok := namedIDs(f); ok {
		seen := map[identKey]bool{}
		for _, id := range ids {
			k, ok := t.parseIdentID(id)
			if ok && !seen[k] && selects(k) {
				seen[k] = true
				sum.addTimes(c.peekIdentity(k), 1) // nothing for an identity not in c
			}
		}
		return sum
	}
	for k := range t.identities(c) {
		if selects(k) {
			sum.addTimes(c.peekIdentity(k), 1)
		}
	}
	return sum
}

// namedIDs returns the values f can match at all when f holds only if one
// of its eq or in comparisons does; ok is false when it cannot tell (not).
func namedIDs(f certifications.Filter) (ids []string, ok bool) {
	switch n := f.(type) {
	case *certifications.Comparison:
		for _, v := range n.Values {
			ids = append(ids, v.Raw)
		}
		return ids, n.Op == certifications.OpEq || n.Op == certifications.OpIn
	case *certifications.Logical:
		for _, o := range n.Operands {
			sub, ok := namedIDs(o)
			switch {
			case n.Op == certifications.OpAnd && ok:
				return sub, true // every match is among those of one operand
			case n.Op == certifications.OpOr && !ok:
				return nil, false
			}
			ids = append(ids, sub...)
		}
		return ids, n.Op == certifications.OpOr
	}
	return nil, false
}

// accessRow is one entry of an access summary listing: an AccessSummary,
// and whether its item is decided, which filters can test but the shape
// does not show.
type accessRow struct {
	certifications.AccessSummary
	completed bool
}

func (t *tenant) accessRow(ref itemRef) accessRow {
	r := t.itemRnd(ref)
	sum := t.accessSummary(ref, t.identPerson(t.identOf(ref)), &r)
	return accessRow{AccessSummary: *sum, completed: t.decisions[ref] != nil}
}

func (t *tenant) accessRowDoc(a accessRow) map[string]any {
	d := toDoc(a.AccessSummary)
	d["completed"] = a.completed
	t.apSourceName(d)
	return d
}
