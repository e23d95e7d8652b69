package certtest

import (
	"errors"
	"github.com/iscgo/certifications/internal/query"
	"iter"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/iscgo/certifications"
)

// listParams are the standard collection parameters of one request.
type listParams struct {
	limit   int
	offset  int
	count   bool
	filter  certifications.Filter
	sorters []certifications.Sorter
}

// parseList reads limit, offset, count, filters and sorters and checks
// filters and sorters against the endpoint's rules, as the API does: an
// unknown field, operator or sort key is a 400.
func parseList(r *http.Request, rules *query.Rules) (listParams, *apiError) {
	q := r.URL.Query()
	lp := listParams{limit: certifications.MaxPageSize}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > certifications.MaxPageSize {
			return lp, errBadRequest("Invalid limit %q: it must be an integer from 0 to %d.", v, certifications.MaxPageSize)
		}
		lp.limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return lp, errBadRequest("Invalid offset %q: it must be an integer of 0 or more.", v)
		}
		lp.offset = n
	}
	if v := q.Get("count"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil || (v != "true" && v != "false") {
			return lp, errBadRequest("Invalid count %q: it must be true or false.", v)
		}
		lp.count = b
	}
	var e *apiError
	if lp.filter, e = parseFilters(q, rules); e != nil {
		return lp, e
	}
	if q.Has("sorters") {
		var msg string
		if lp.sorters, msg = checkSorterRules(rules, q.Get("sorters")); msg != "" {
			return lp, errBadRequest("Invalid sorters: %s", msg)
		}
	}
	return lp, nil
}

// parseFilters reads the filters parameter, checked against the
// endpoint's rules; the filter is nil when there is none.
func parseFilters(q url.Values, rules *query.Rules) (certifications.Filter, *apiError) {
	if !q.Has("filters") {
		return nil, nil
	}
	f, msg := checkFilterRules(rules, q.Get("filters"))
	if msg != "" {
		return nil, errBadRequest("Invalid filters: %s", msg)
	}
	return f, nil
}

// sdkMessage turns an SDK validation error into message text.
func sdkMessage(err error) string {
	var ve *certifications.ValidationError
	if errors.As(err, &ve) && ve.Problem != "" {
		msg := ve.Problem
		if ve.Allowed != "" {
			msg += "; allowed: " + ve.Allowed
		}
		return msg
	}
	return strings.TrimPrefix(err.Error(), "certifications: ")
}

// lister pages through a collection whose elements are identified by refs
// of type R and rendered as T. Without filters and sorters it renders only
// the requested window (using window when given), and so does a listing
// its index answers; otherwise it renders each element once to test it,
// keeps refs and sort keys of the matches, and renders the page again:
// memory stays proportional to the matches' keys, never to rendered
// elements.
type lister[R, T any] struct {
	all    iter.Seq[R]
	total  int                         // number of elements (for the fast path)
	window func(offset, limit int) []R // optional fast path
	render func(R) T                   // the element as the API shows it
	doc    func(T) map[string]any      // the document filters and sorters see (default: T's JSON)
	alias  func(doc map[string]any)    // adds filter-only fields, optional
	keep   func(R) bool                // a pre-filter, optional
	// index, optional, finds the matches of a filtered listing without
	// rendering the elements, or returns false when it cannot.
	index func(lp listParams) (ranked[R], bool)
	// narrow, optional, returns the only elements a filter can match
	// when a cheap test finds them (one campaign's certifications), or
	// false; the whole filter is still tested on each of them.
	narrow func(lp listParams) (iter.Seq[R], bool)
}

// ranked is a list known by position: its length, and any window of it
// without going through the elements before.
type ranked[R any] struct {
	n      int
	window func(offset, limit int) []R // called with offset < n only
}

// rankedSlice is refs as a ranked list.
func rankedSlice[R any](refs []R) ranked[R] {
	return ranked[R]{len(refs), func(off, n int) []R { return refs[off:min(off+n, len(refs))] }}
}

func (l lister[R, T]) run(lp listParams) (page []T, total int) {
	m, ok := l.direct(lp)
	if !ok {
		m = rankedSlice(l.matching(lp))
	}
	return l.renderWindow(m, lp), m.n
}

// direct returns the elements lp selects, in order, when finding them
// needs no scan of the collection: a listing without filters, sorters and
// pre-filter, or one the index answers.
func (l lister[R, T]) direct(lp listParams) (ranked[R], bool) {
	if !l.slow(lp) {
		return ranked[R]{l.total, l.window}, true
	}
	if l.index != nil && len(lp.sorters) == 0 {
		return l.index(lp)
	}
	return ranked[R]{}, false
}

// slow reports whether the request needs a scan of the whole collection
// without an index.
func (l lister[R, T]) slow(lp listParams) bool {
	return lp.filter != nil || len(lp.sorters) > 0 || l.keep != nil || l.window == nil
}

// renderWindow renders the window lp requests of m.
func (l lister[R, T]) renderWindow(m ranked[R], lp listParams) []T {
	page := []T{} // an empty page is [], never null
	if lp.offset < m.n && lp.limit > 0 {
		for _, ref := range m.window(lp.offset, lp.limit) {
			page = append(page, l.render(ref))
		}
	}
	return page
}

// renderPage renders the requested window of refs.
func (l lister[R, T]) renderPage(refs []R, lp listParams) []T {
	return l.renderWindow(rankedSlice(refs), lp)
}

// matching returns the refs of every element that passes the pre-filter
// and the filter, in sorter order.
func (l lister[R, T]) matching(lp listParams) []R {
	type hit struct {
		ref  R
		keys []any
	}
	var matches []hit
	all := l.all
	if l.narrow != nil && lp.filter != nil {
		if some, ok := l.narrow(lp); ok {
			all = some
		}
	}
	for ref := range all {
		if l.keep != nil && !l.keep(ref) {
			continue
		}
		var keys []any
		if lp.filter != nil || len(lp.sorters) > 0 {
			v := l.render(ref)
			var d map[string]any
			if l.doc != nil {
				d = l.doc(v)
			} else {
				d = toDoc(v)
			}
			if l.alias != nil {
				l.alias(d)
			}
			if lp.filter != nil && !match(lp.filter, d) {
				continue
			}
			keys = make([]any, len(lp.sorters))
			for i, s := range lp.sorters {
				keys[i], _ = lookup(d, s.Field)
			}
		}
		matches = append(matches, hit{ref, keys})
	}
	if len(lp.sorters) > 0 {
		slices.SortStableFunc(matches, func(a, b hit) int {
			for i, s := range lp.sorters {
				c := compareKeys(a.keys[i], b.keys[i])
				if s.Desc {
					c = -c
				}
				if c != 0 {
					return c
				}
			}
			return 0
		})
	}
	refs := make([]R, len(matches))
	for i, m := range matches {
		refs[i] = m.ref
	}
	return refs
}

// matchCache keeps the matching items of recent filtered or sorted item
// listings, so that paging through one costs one scan, not one per page.
// Entries are valid for one state version: any change drops them all.
type matchCache struct {
	version uint64
	keys    []string // oldest first
	refs    map[string][]itemRef
}

const matchCacheSize = 8

func (mc *matchCache) get(version uint64, key string) ([]itemRef, bool) {
	if mc.version != version {
		mc.version, mc.keys, mc.refs = version, nil, nil
		return nil, false
	}
	refs, ok := mc.refs[key]
	return refs, ok
}

func (mc *matchCache) put(key string, refs []itemRef) {
	if mc.refs == nil {
		mc.refs = map[string][]itemRef{}
	}
	if len(mc.keys) == matchCacheSize {
		delete(mc.refs, mc.keys[0])
		mc.keys = mc.keys[1:]
	}
	mc.keys = append(mc.keys, key)
	mc.refs[key] = refs
}

// lookup follows a dotted path through nested objects.
func lookup(d map[string]any, field string) (any, bool) {
	var cur any = d
	for _, seg := range strings.Split(field, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[seg]; !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}

// compareKeys orders two sort keys: date-times chronologically, other
// strings case-insensitively, numbers numerically, false before true.
// Missing values sort after all others (before them in descending order).
func compareKeys(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	switch x := a.(type) {
	case string:
		y, _ := b.(string)
		tx, ok1 := parseDateTime(x)
		ty, ok2 := parseDateTime(y)
		if ok1 && ok2 {
			return tx.Compare(ty)
		}
		if c := strings.Compare(strings.ToLower(x), strings.ToLower(y)); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	case float64:
		y, _ := b.(float64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case bool:
		y, _ := b.(bool)
		return b2i(x) - b2i(y)
	}
	return 0
}

// sliceSeq iterates over the elements of a slice.
func sliceSeq[R any](s []R) iter.Seq[R] { return slices.Values(s) }

// serveList answers a list request from l: the page that limit, offset
// and count select after the filters and sorters, which are checked
// against rules first. t.mu must be held.
func serveList[R, T any](s *Server, w http.ResponseWriter, r *http.Request, rules *query.Rules, l lister[R, T]) {
	lp, e := parseList(r, rules)
	if e != nil {
		s.writeErr(w, r, e)
		return
	}
	page, total := l.run(lp)
	s.writeList(w, r, lp, page, total)
}

// writeList answers a list request: the page, X-Total-Count when asked,
// or the tenant's 400 for an offset past the end.
func (s *Server) writeList(w http.ResponseWriter, r *http.Request, lp listParams, page any, total int) {
	if lp.offset > 0 && lp.offset >= total {
		s.writeErr(w, r, errOffset)
		return
	}
	if lp.count {
		w.Header().Set("X-Total-Count", strconv.Itoa(total))
	}
	writeJSON(w, http.StatusOK, page)
}
