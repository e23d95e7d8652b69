package certtest

import (
	"fmt"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/query"
)

// The sandbox refuses what the API refuses: a filter or sorter on a field
// the operation does not document, or with an operator it does not take,
// is a 400. The fields and operators are the operation table's
// (internal/query), the same the SDK's client checks before sending; the
// sandbox checks them on its own side, as a server would.

// betaRulesOf returns the rules of a beta operation, by its Go name.
func betaRulesOf(name string) *query.Rules {
	if r := query.For("beta.CertificationsApi", name); r != nil {
		return r
	}
	panic("certtest: no declared beta operation " + name)
}

// checkFilterRules parses expr and checks each comparison, and the
// operation's structural rule, against r. The message says what is wrong
// and what the operation takes.
func checkFilterRules(r *query.Rules, expr string) (certifications.Filter, string) {
	f, err := certifications.ParseFilter(expr)
	if err != nil {
		return nil, sdkMessage(err)
	}
	if len(r.Filters) == 0 {
		return nil, r.Operation + " does not support filtering"
	}
	if msg := checkComparisons(r, f); msg != "" {
		return nil, msg
	}
	if r.Check == query.TargetRightsPair {
		if msg := targetRightsPair(f); msg != "" {
			return nil, msg
		}
	}
	return f, ""
}

// checkComparisons checks every comparison of f against r's fields.
func checkComparisons(r *query.Rules, f certifications.Filter) string {
	switch n := f.(type) {
	case *certifications.Comparison:
		ops, ok := r.Ops(n.Field)
		if !ok {
			return fmt.Sprintf("field %q cannot be filtered on; allowed: %s", n.Field, r.AllowedFilters())
		}
		for _, op := range ops {
			if op == string(n.Op) {
				return ""
			}
		}
		return fmt.Sprintf("field %q does not support operator %s; allowed: %s", n.Field, n.Op, r.AllowedFilters())
	case *certifications.Logical:
		for _, o := range n.Operands {
			if msg := checkComparisons(r, o); msg != "" {
				return msg
			}
		}
	case *certifications.Negation:
		return checkComparisons(r, n.Operand)
	}
	return ""
}

// targetRightsPair is the item permissions' rule: one comparison, or one
// and/or joining a target comparison and a rights one.
func targetRightsPair(f certifications.Filter) string {
	switch n := f.(type) {
	case *certifications.Negation:
		return "not is not supported by getIdentityCertificationItemPermissions"
	case *certifications.Logical:
		a, okA := n.Operands[0].(*certifications.Comparison)
		b, okB := n.Operands[len(n.Operands)-1].(*certifications.Comparison)
		if len(n.Operands) != 2 || !okA || !okB {
			return "only one and/or, joining a target clause and a rights clause, may be used"
		}
		if (a.Field != "target" || b.Field != "rights") && (a.Field != "rights" || b.Field != "target") {
			return fmt.Sprintf("%s joins %s and %s; it must join target and rights", n.Op, a.Field, b.Field)
		}
	}
	return ""
}

// checkSorterRules parses expr and checks every field is sortable.
func checkSorterRules(r *query.Rules, expr string) ([]certifications.Sorter, string) {
	ss, err := certifications.ParseSorters(expr)
	if err != nil {
		return nil, sdkMessage(err)
	}
	if len(r.Sorters) == 0 {
		return nil, r.Operation + " does not support sorting"
	}
	for _, s := range ss {
		if !r.Sortable(s.Field) {
			return nil, fmt.Sprintf("field %q is not sortable; allowed: %s", s.Field, strings.Join(r.Sorters, ", "))
		}
	}
	return ss, ""
}
