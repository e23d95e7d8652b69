package certifications

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/iscgo/certifications/internal/query"
)

// Every request goes through Do, and Do checks its filters and sorters
// here, against the rules of the operation its method and path name (the
// operation table's: internal/query). The builders, the workflows, the
// beta package and a caller of NewRequest are checked alike, before
// anything is sent. A path that is no declared operation's is sent as it
// is.

// checkQuery checks the filters and sorters of req against its
// operation's rules: their syntax always, their fields and operators
// unless Configuration.SkipFilterValidation is set.
func (c *APIClient) checkQuery(req *http.Request) error {
	raw := req.URL.RawQuery
	if !strings.Contains(raw, "filters") && !strings.Contains(raw, "sorters") {
		return nil // the common page request, decided without parsing
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return &ValidationError{Parameter: "req.URL", Problem: "the query does not parse: " + err.Error(), Allowed: "a query built with url.Values"}
	}
	_, hasF := q["filters"]
	_, hasS := q["sorters"]
	if !hasF && !hasS {
		return nil
	}
	// The escaped path keeps an id's escaped slash inside its segment.
	rel := strings.TrimPrefix(path.Clean("/"+req.URL.EscapedPath()), c.root.EscapedPath())
	rules := query.Lookup(req.Method, rel)
	skip := c.conf().SkipFilterValidation
	if hasF {
		if err := checkFiltersText(rules, q.Get("filters"), skip); err != nil {
			return err
		}
	}
	if hasS {
		if err := checkSortersText(rules, q.Get("sorters"), skip); err != nil {
			return err
		}
	}
	return nil
}

// checkFiltersText parses expr and checks it against rules, or its syntax
// only with skipFields or nil rules (a path of no declared operation). A
// syntax error is a *FilterSyntaxError (which errors.As also turns into a
// *ValidationError); every other problem is a *ValidationError for the
// "filters" parameter whose Allowed names the filterable fields and their
// operators.
func checkFiltersText(rules *query.Rules, expr string, skipFields bool) error {
	f, err := ParseFilter(expr)
	if err != nil || skipFields {
		return err
	}
	return checkFilterFields(rules, f)
}

// checkFilterFields checks each comparison's field and operator, then the
// operation's structural rule, if any. Nil rules check nothing.
func checkFilterFields(r *query.Rules, f Filter) error {
	if r == nil || isNoFilter(f) {
		return nil
	}
	if len(r.Filters) == 0 {
		return &ValidationError{Parameter: "filters", Problem: r.Operation + " does not support filtering", Allowed: "no filters"}
	}
	var err error
	walkComparisons(f, func(c *Comparison) bool {
		ops, known := r.Ops(c.Field)
		switch {
		case !known:
			err = &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q cannot be filtered on", c.Field), Allowed: r.AllowedFilters()}
		case !containsOp(ops, c.Op):
			err = &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q does not support operator %s", c.Field, c.Op), Allowed: r.AllowedFilters()}
		}
		return err == nil
	})
	if err == nil && r.Check == query.TargetRightsPair {
		err = checkTargetRightsPair(f)
	}
	return err
}

func containsOp(ops []string, op Operator) bool {
	for _, o := range ops {
		if Operator(o) == op {
			return true
		}
	}
	return false
}

// walkComparisons calls fn for each comparison of f, left to right, until
// fn returns false. It reports whether the walk went to the end.
func walkComparisons(f Filter, fn func(*Comparison) bool) bool {
	if isNoFilter(f) {
		return true
	}
	switch n := f.(type) {
	case *Comparison:
		return fn(n)
	case *Logical:
		for _, o := range n.Operands {
			if !walkComparisons(o, fn) {
				return false
			}
		}
	case *Negation:
		return walkComparisons(n.Operand, fn)
	}
	return true
}

// checkSortersText parses expr with ParseSorters and, unless skipFields or
// nil rules, checks that every field is sortable for the operation,
// returning a *ValidationError for the "sorters" parameter whose Allowed
// lists the sortable fields.
func checkSortersText(r *query.Rules, expr string, skipFields bool) error {
	ss, err := ParseSorters(expr)
	if err != nil || r == nil || skipFields {
		return err
	}
	if len(r.Sorters) == 0 {
		return &ValidationError{Parameter: "sorters", Problem: r.Operation + " does not support sorting", Allowed: "no sorters"}
	}
	for _, s := range ss {
		if !r.Sortable(s.Field) {
			return &ValidationError{Parameter: "sorters", Problem: fmt.Sprintf("field %q is not sortable", s.Field),
				Allowed: strings.Join(r.Sorters, ", ") + " (prefix - for descending)"}
		}
	}
	return nil
}

// checkTargetRightsPair enforces the item-permissions rule: one comparison,
// or exactly one and/or joining a target comparison and a rights one.
func checkTargetRightsPair(f Filter) error {
	const allowed = "one clause, or one and/or joining a target clause and a rights clause, e.g. " +
		`target eq "SYS.OBJAUTH2" and rights ca ("CREATE")`
	switch n := f.(type) {
	case *Negation:
		return &ValidationError{Parameter: "filters", Problem: "not is not supported by getIdentityCertificationItemPermissions", Allowed: allowed}
	case *Logical:
		if len(n.Operands) != 2 {
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("%d clauses joined; only one and/or may be used", len(n.Operands)), Allowed: allowed}
		}
		a, okA := n.Operands[0].(*Comparison)
		b, okB := n.Operands[1].(*Comparison)
		if !okA || !okB || a == nil || b == nil {
			return &ValidationError{Parameter: "filters", Problem: "nested connectives; only one and/or may be used", Allowed: allowed}
		}
		pair := map[string]bool{a.Field: true, b.Field: true}
		if !pair["target"] || !pair["rights"] {
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("%s joins %s and %s; it must join target and rights", n.Op, a.Field, b.Field), Allowed: allowed}
		}
	}
	return nil
}
