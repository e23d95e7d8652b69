package certtest

import (
	"strings"

	"github.com/iscgo/certifications"
)

// Filtered item listings without rendering the certification.
//
// The filter of an item listing is an and of conjuncts. Those that test
// completed (eq or ne, true or false) pick the undecided or the decided
// items, which the certification's rankIndex counts and finds by rank;
// when they are all there is, a page costs O(log n) plus its own items.
// The other conjuncts, when every field they read is one an item's
// coordinates give without rendering it (itemFields), are tested item by
// item on a document of just those fields: a scan of the candidates, but
// no rendering. Anything else (another field, a sorter) is left to the
// scan that renders every item, whose results these must equal.

// itemFields are the item filter fields known without rendering the item,
// each with its value as the rendered document (with itemAliases) shows
// it, or false where that document has none.
var itemFields = map[string]func(t *tenant, ref itemRef) (any, bool){
	"id":          func(t *tenant, ref itemRef) (any, bool) { return t.itemID(ref), true },
	"completed":   func(t *tenant, ref itemRef) (any, bool) { return t.decisions[ref] != nil, true },
	"type":        itemAccessType,
	"access.type": itemAccessType,
	"access.id":   func(t *tenant, ref itemRef) (any, bool) { return t.accessID(t.kindOf(ref)), true },
	"access.name": func(t *tenant, ref itemRef) (any, bool) {
		_, name := t.access(t.kindOf(ref))
		return name, true
	},
	"identitySummary.id": func(t *tenant, ref itemRef) (any, bool) {
		return t.identID(t.identOf(ref)), true
	},
	"identitySummary.name": func(t *tenant, ref itemRef) (any, bool) {
		return t.identPerson(t.identOf(ref)).name, true
	},
	"entitlement.sourceName": func(t *tenant, ref itemRef) (any, bool) {
		k := t.kindOf(ref)
		if k.typ != certifications.DtoTypeEntitlement {
			return nil, false
		}
		return t.cat.sources[t.cat.ents[k.cat].source].name, true
	},
	"accessProfile.sourceName": func(t *tenant, ref itemRef) (any, bool) {
		k := t.kindOf(ref)
		if k.typ != certifications.DtoTypeAccessProfile {
			return nil, false
		}
		return t.cat.sources[t.cat.aps[k.cat].source].name, true
	},
}

// itemAccessType is type and access.type: the kind of access the item grants.
func itemAccessType(t *tenant, ref itemRef) (any, bool) {
	return string(kindTypes[t.kindIndex(ref)]), true
}

// itemPlan is how an item filter is answered without rendering items.
type itemPlan struct {
	want   slot                  // slotUndecided or slotDecided; slotEmpty when any item will do
	none   bool                  // the completed conjuncts contradict each other
	rest   certifications.Filter // the other conjuncts, nil when there are none
	fields []string              // the fields rest reads
}

// planItems splits f into its completed conjuncts and the rest; ok is
// false when the rest reads a field that needs the item rendered.
func planItems(f certifications.Filter) (p itemPlan, ok bool) {
	var rest []certifications.Filter
	for _, c := range conjuncts(f) {
		if v, is := completedTest(c); is {
			p.none = p.none || p.want != slotEmpty && p.want != v
			p.want = v
			continue
		}
		if !readFields(c, &p.fields) {
			return p, false
		}
		rest = append(rest, c)
	}
	switch len(rest) {
	case 0:
	case 1:
		p.rest = rest[0]
	default:
		p.rest = &certifications.Logical{Op: certifications.OpAnd, Operands: rest}
	}
	return p, true
}

// conjuncts returns the operands of a top-level and, or f alone.
func conjuncts(f certifications.Filter) []certifications.Filter {
	l, ok := f.(*certifications.Logical)
	if !ok || l == nil || l.Op != certifications.OpAnd {
		return []certifications.Filter{f}
	}
	var out []certifications.Filter
	for _, o := range l.Operands {
		out = append(out, conjuncts(o)...)
	}
	return out
}

// completedTest returns the items a completed comparison selects, as
// match evaluates it on an item (completed is always a boolean there):
// eq true and ne false the decided ones, eq false and ne true the others.
func completedTest(f certifications.Filter) (slot, bool) {
	c, ok := f.(*certifications.Comparison)
	if !ok || c == nil || c.Field != "completed" || len(c.Values) != 1 ||
		c.Op != certifications.OpEq && c.Op != certifications.OpNe {
		return slotEmpty, false
	}
	b, ok := c.Values[0].Bool()
	if !ok {
		return slotEmpty, false
	}
	if b == (c.Op == certifications.OpEq) {
		return slotDecided, true
	}
	return slotUndecided, true
}

// readFields adds the fields f reads to fields and reports whether all of
// them are itemFields.
func readFields(f certifications.Filter, fields *[]string) bool {
	switch n := f.(type) {
	case *certifications.Comparison:
		if n == nil || itemFields[n.Field] == nil {
			return false
		}
		*fields = append(*fields, n.Field)
		return true
	case *certifications.Logical:
		if n == nil {
			return false
		}
		for _, o := range n.Operands {
			if !readFields(o, fields) {
				return false
			}
		}
		return true
	case *certifications.Negation:
		return n != nil && readFields(n.Operand, fields)
	}
	return false
}

// fieldDoc returns the document of item ref with the given itemFields,
// nested at their dots as in the rendered document.
func (t *tenant) fieldDoc(ref itemRef, fields []string) map[string]any {
	doc := map[string]any{}
	for _, f := range fields {
		v, ok := itemFields[f](t, ref)
		if !ok {
			continue
		}
		m := doc
		path := strings.Split(f, ".")
		for _, seg := range path[:len(path)-1] {
			sub, _ := m[seg].(map[string]any)
			if sub == nil {
				sub = map[string]any{}
				m[seg] = sub
			}
			m = sub
		}
		m[path[len(path)-1]] = v
	}
	return doc
}

// indexedItems finds the items of c a listing selects without rendering
// them (see planItems), in list order; ok is false when the listing needs
// them rendered. keep is the listing's pre-filter, or nil.
func (t *tenant) indexedItems(c *certState, lp listParams, keep func(itemRef) bool) (ranked[itemRef], bool) {
	if lp.filter == nil || len(lp.sorters) > 0 {
		return ranked[itemRef]{}, false
	}
	p, ok := planItems(lp.filter)
	switch {
	case !ok:
		return ranked[itemRef]{}, false
	case p.none:
		return rankedSlice[itemRef](nil), true
	case p.want != slotEmpty && p.rest == nil && keep == nil:
		ix := t.itemIndex(c)
		return ranked[itemRef]{ix.len(p.want), func(off, n int) []itemRef {
			pos := ix.window(p.want, off, n)
			refs := make([]itemRef, len(pos))
			for i, q := range pos {
				refs[i] = c.refAt(q)
			}
			return refs
		}}, true
	}
	var refs []itemRef
	test := func(ref itemRef) {
		if (keep == nil || keep(ref)) && (p.rest == nil || match(p.rest, t.fieldDoc(ref, p.fields))) {
			refs = append(refs, ref)
		}
	}
	if p.want == slotEmpty {
		for ref := range t.refs(c) {
			test(ref)
		}
	} else {
		for q := range t.itemIndex(c).from(p.want, 0) {
			test(c.refAt(q))
		}
	}
	return rankedSlice(refs), true
}
