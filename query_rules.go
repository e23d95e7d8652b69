package certifications

import (
	"fmt"
	"slices"
	"strings"
)

// QueryRules describes what one operation accepts in its filters and
// sorters query parameters, as its API reference documents them. Each
// operation's rules are declared with it in internal/cmd/genapi and
// generated beside its builder, with a Rules<Operation> function that
// returns a copy; the beta package's use the same type.
//
// A nil *QueryRules knows no endpoint: its Check methods check syntax only.
type QueryRules struct {
	// Operation is the operationId, used in messages.
	Operation string
	// Filters maps each filterable field to its allowed operators. The
	// connectives and, or and not are always allowed unless Check refuses
	// them. An empty map means the operation takes no filters.
	Filters map[string][]Operator
	// Sorters lists the sortable fields. Empty means the operation takes no
	// sorters.
	Sorters []string
	// Check, if set, applies an extra structural rule to a filter whose
	// field/operator pairs already passed. It returns a *ValidationError.
	Check func(Filter) error
}

// CheckFiltersSyntax parses expr and returns its *FilterSyntaxError, if
// any, without looking at fields and operators. It is the check left when
// Configuration.SkipFilterValidation is set.
func (r *QueryRules) CheckFiltersSyntax(expr string) error {
	_, err := ParseFilter(expr)
	return err
}

// CheckFilters parses expr and checks it against the operation's rules.
// A syntax error is a *FilterSyntaxError (which errors.As also turns into a
// *ValidationError); every other problem is a *ValidationError for the
// "filters" parameter whose Allowed names the filterable fields and their
// operators.
func (r *QueryRules) CheckFilters(expr string) error {
	f, err := ParseFilter(expr)
	if err != nil {
		return err
	}
	return r.checkFields(f)
}

// CheckFilter checks a built filter: Validate first, then the operation's
// field/operator pairs and extra rule. No filter (nil, or an And or Or of
// nothing) passes.
func (r *QueryRules) CheckFilter(f Filter) error {
	if isNoFilter(f) {
		return nil
	}
	if err := Validate(f); err != nil {
		return err
	}
	return r.checkFields(f)
}

func (r *QueryRules) checkFields(f Filter) error {
	if r == nil {
		return nil
	}
	if len(r.Filters) == 0 {
		return &ValidationError{Parameter: "filters", Problem: r.Operation + " does not support filtering", Allowed: "no filters"}
	}
	var err error
	walkComparisons(f, func(c *Comparison) bool {
		ops, known := r.Filters[c.Field]
		switch {
		case !known:
			err = &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q cannot be filtered on", c.Field), Allowed: r.allowedFilters()}
		case !slices.Contains(ops, c.Op):
			err = &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q does not support operator %s", c.Field, c.Op), Allowed: r.allowedFilters()}
		}
		return err == nil
	})
	if err == nil && r.Check != nil {
		err = r.Check(f)
	}
	return err
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

// allowedFilters lists the filterable fields, sorted, with their operators:
// "campaign.id: eq, in; phase: eq".
func (r *QueryRules) allowedFilters() string {
	fields := make([]string, 0, len(r.Filters))
	for field := range r.Filters {
		fields = append(fields, field)
	}
	slices.Sort(fields)
	parts := make([]string, len(fields))
	for i, field := range fields {
		parts[i] = field + ": " + joinOps(r.Filters[field])
	}
	return strings.Join(parts, "; ")
}

// CheckSortersSyntax parses expr with ParseSorters without checking the
// fields against the operation's list.
func (r *QueryRules) CheckSortersSyntax(expr string) error {
	_, err := ParseSorters(expr)
	return err
}

// CheckSorters parses expr with ParseSorters and checks that every field is
// sortable for the operation, returning a *ValidationError for the
// "sorters" parameter whose Allowed lists the sortable fields.
func (r *QueryRules) CheckSorters(expr string) error {
	ss, err := ParseSorters(expr)
	if err != nil || r == nil {
		return err
	}
	if len(r.Sorters) == 0 {
		return &ValidationError{Parameter: "sorters", Problem: r.Operation + " does not support sorting", Allowed: "no sorters"}
	}
	for _, s := range ss {
		if !slices.Contains(r.Sorters, s.Field) {
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
	if isNoFilter(f) {
		return nil
	}
	switch n := f.(type) {
	case *Comparison:
		return nil
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

// Clone returns a deep copy of r, so that a caller can adjust rules without
// changing those of the SDK's own builders. A nil r clones to nil.
func (r *QueryRules) Clone() *QueryRules {
	if r == nil {
		return nil
	}
	c := *r
	c.Filters = make(map[string][]Operator, len(r.Filters))
	for field, ops := range r.Filters {
		c.Filters[field] = slices.Clone(ops)
	}
	c.Sorters = slices.Clone(r.Sorters)
	return &c
}
