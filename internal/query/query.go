// Package query holds what each operation accepts in its filters and
// sorters query parameters, as the operation table (internal/optable)
// declares it, and finds an operation's rules from a request's method and
// path. The root package's client checks every request against them before
// sending; the sandbox and the CLI read them too. The filter language
// itself (parsing, the syntax tree) is the root package's.
package query

import (
	"slices"
	"strings"
	"sync"

	"github.com/iscgo/certifications/internal/optable"
)

// TargetRightsPair names the structural rule of the item-permissions
// operations: one comparison, or one and/or joining a target comparison
// and a rights one.
const TargetRightsPair = "targetRightsPair"

// Rules is what one operation accepts in filters and sorters.
type Rules struct {
	// Operation is the operationId, used in messages.
	Operation string
	// Filters maps each filterable field to its operators ("eq", "in").
	// Empty means the operation takes no filters.
	Filters map[string][]string
	// Sorters lists the sortable fields. Empty means the operation takes
	// no sorters.
	Sorters []string
	// Check names a structural rule a filter must also pass
	// (TargetRightsPair), "" for none.
	Check string
}

// rulesOf builds the rules of a declared operation.
func rulesOf(o optable.Op) *Rules {
	r := &Rules{Operation: o.ID, Sorters: slices.Clone(o.Sorters), Check: o.Check}
	if len(o.Filters) > 0 {
		r.Filters = make(map[string][]string, len(o.Filters))
		for _, f := range o.Filters {
			fields := strings.Fields(f)
			r.Filters[fields[0]] = fields[1:]
		}
	}
	return r
}

// route is one operation's path on one generation, split in segments.
type route struct {
	segs     []string
	literals int // the segments that are not parameters
	rules    *Rules
}

// table is built once from the operation table.
type table struct {
	byName  map[string]*Rules  // "Service.Name"
	root    map[string]*Rules  // the root package's, by Name
	byRoute map[string][]route // by method
}

var routes = sync.OnceValue(func() *table {
	t := &table{byName: map[string]*Rules{}, root: map[string]*Rules{}, byRoute: map[string][]route{}}
	for _, o := range optable.Ops {
		r := rulesOf(o)
		t.byName[o.Service+"."+o.Name] = r
		if !strings.HasPrefix(o.Service, "beta.") {
			t.root[o.Name] = r
		}
		for _, gen := range o.Generations {
			segs := strings.Split(strings.Trim(o.Wire(gen), "/"), "/")
			lit := 0
			for _, s := range segs {
				if !isParam(s) {
					lit++
				}
			}
			t.byRoute[o.Method] = append(t.byRoute[o.Method], route{segs: segs, literals: lit, rules: r})
		}
	}
	return t
})

func isParam(seg string) bool { return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") }

// For returns the rules of a service's operation by its Go name
// ("CertificationsApi", "ListIdentityCertifications"; beta's service is
// "beta.CertificationsApi"), or nil when no such operation is declared.
// The rules are shared: callers must not change them.
func For(service, name string) *Rules { return routes().byName[service+"."+name] }

// Root returns the rules of the root package's operation by its Go name
// ("GetActiveCampaigns"), whatever its service, or nil when no such
// operation is declared. Operation names are unique across the root
// package's services (they are methods of one APIClient's services and
// operationIds of one API).
func Root(name string) *Rules { return routes().root[name] }

// MustRoot is Root for a name the caller's code spells out: an
// operation that is not declared is a programming error, and panics.
func MustRoot(name string) *Rules {
	if r := Root(name); r != nil {
		return r
	}
	panic("query: no declared operation " + name)
}

// Lookup returns the rules of the operation that method and path name, the
// path taken below the API root ("v3/certifications/abc/access-review-items";
// a leading slash is ignored), or nil when the path is no declared
// operation's. Where two operations match, the one with more fixed
// segments wins, as /campaigns/reports-configuration over /campaigns/{id}.
func Lookup(method, path string) *Rules {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var best *route
	for i, rt := range routes().byRoute[method] {
		if len(rt.segs) != len(segs) || (best != nil && rt.literals <= best.literals) {
			continue
		}
		if matches(rt.segs, segs) {
			best = &routes().byRoute[method][i]
		}
	}
	if best == nil {
		return nil
	}
	return best.rules
}

func matches(tmpl, segs []string) bool {
	for i, s := range tmpl {
		if isParam(s) {
			if segs[i] == "" {
				return false
			}
		} else if s != segs[i] {
			return false
		}
	}
	return true
}

// Ops returns the operators field accepts, and whether it is filterable.
func (r *Rules) Ops(field string) ([]string, bool) {
	ops, ok := r.Filters[field]
	return ops, ok
}

// Sortable reports whether field is one of the sortable fields.
func (r *Rules) Sortable(field string) bool { return slices.Contains(r.Sorters, field) }

// AllowedFilters lists the filterable fields, sorted, with their
// operators: "campaign.id: eq, in; phase: eq".
func (r *Rules) AllowedFilters() string {
	fields := make([]string, 0, len(r.Filters))
	for field := range r.Filters {
		fields = append(fields, field)
	}
	slices.Sort(fields)
	parts := make([]string, len(fields))
	for i, field := range fields {
		parts[i] = field + ": " + strings.Join(r.Filters[field], ", ")
	}
	return strings.Join(parts, "; ")
}
