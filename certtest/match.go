package certtest

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/iscgo/certifications"
)

// match reports whether doc satisfies f, the way the tenant evaluates a
// filters parameter. doc is a JSON object as encoding/json decodes it into
// any (strings, float64, bool, nil, []any, map[string]any); a field is a
// dotted path through nested objects, and a path that is missing, null or
// leads through a non-object is absent. A nil filter matches everything.
//
//   - eq, ne: strings compare case-insensitively (two RFC 3339 date-times
//     chronologically), numbers numerically, booleans exactly, date-time
//     values chronologically. ne is the negation of eq, so an absent field
//     is ne any value.
//   - gt, ge, lt, le: the same orders; strings lexicographically. Values of
//     different kinds never match.
//   - co, sw: case-insensitive substring and prefix tests on strings.
//   - in: eq one of the listed values.
//   - ca: the field, an array (a scalar counts as a one-element array),
//     holds an element eq to every listed value.
//   - pr: the field is present; isnull: it is absent.
//
// Apart from ca, pr and isnull, an array field matches when one of its
// elements does (ne: when none is eq). A malformed comparison (unknown
// operator, wrong number of values) matches nothing; the server's rules
// refuse such filters before they get here.
func match(f certifications.Filter, doc map[string]any) bool {
	switch n := f.(type) {
	case *certifications.Comparison:
		return n == nil || matchComparison(n, doc)
	case *certifications.Logical:
		return n == nil || matchLogical(n, doc)
	case *certifications.Negation:
		return n == nil || !match(n.Operand, doc)
	}
	return f == nil
}

func matchLogical(l *certifications.Logical, doc map[string]any) bool {
	switch l.Op {
	case certifications.OpAnd:
		return !slices.ContainsFunc(l.Operands, func(o certifications.Filter) bool { return !match(o, doc) })
	case certifications.OpOr:
		return slices.ContainsFunc(l.Operands, func(o certifications.Filter) bool { return match(o, doc) })
	}
	return false
}

func matchComparison(c *certifications.Comparison, doc map[string]any) bool {
	val, present := lookup(doc, c.Field)
	switch c.Op {
	case certifications.OpPr:
		return present
	case certifications.OpIsNull:
		return !present
	case certifications.OpIn, certifications.OpCa:
		if len(c.Values) == 0 {
			return false
		}
	case certifications.OpEq, certifications.OpNe, certifications.OpGt, certifications.OpGe,
		certifications.OpLt, certifications.OpLe, certifications.OpCo, certifications.OpSw:
		if len(c.Values) != 1 {
			return false
		}
	default:
		return false
	}
	if c.Op == certifications.OpNe {
		return !present || !anyElem(val, func(x any) bool { return equalValue(x, c.Values[0]) })
	}
	if !present {
		return false
	}
	switch c.Op {
	case certifications.OpEq:
		return anyElem(val, func(x any) bool { return equalValue(x, c.Values[0]) })
	case certifications.OpIn:
		return anyElem(val, func(x any) bool {
			return slices.ContainsFunc(c.Values, func(v certifications.Value) bool { return equalValue(x, v) })
		})
	case certifications.OpCa:
		elems := elements(val)
		return !slices.ContainsFunc(c.Values, func(v certifications.Value) bool {
			return !slices.ContainsFunc(elems, func(x any) bool { return equalValue(x, v) })
		})
	case certifications.OpCo, certifications.OpSw:
		v := c.Values[0]
		if v.Kind != certifications.KindString {
			return false
		}
		needle := strings.ToLower(v.Raw)
		return anyElem(val, func(x any) bool {
			s, ok := x.(string)
			if !ok {
				return false
			}
			if c.Op == certifications.OpCo {
				return strings.Contains(strings.ToLower(s), needle)
			}
			return strings.HasPrefix(strings.ToLower(s), needle)
		})
	}
	return anyElem(val, func(x any) bool {
		n, ok := compareValue(x, c.Values[0])
		if !ok {
			return false
		}
		switch c.Op {
		case certifications.OpGt:
			return n > 0
		case certifications.OpGe:
			return n >= 0
		case certifications.OpLt:
			return n < 0
		}
		return n <= 0
	})
}

// elements returns the non-null elements of an array, or a scalar as a
// one-element list.
func elements(val any) []any {
	arr, ok := val.([]any)
	if !ok {
		return []any{val}
	}
	out := make([]any, 0, len(arr))
	for _, e := range arr {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

func anyElem(val any, pred func(any) bool) bool {
	return slices.ContainsFunc(elements(val), pred)
}

func equalValue(x any, v certifications.Value) bool {
	n, ok := compareValue(x, v)
	return ok && n == 0
}

// compareValue orders a document value against a filter value; ok is false
// when they are of different kinds.
func compareValue(x any, v certifications.Value) (n int, ok bool) {
	switch v.Kind {
	case certifications.KindNumber:
		xf, ok1 := x.(float64)
		vf, ok2 := v.Float()
		return cmp.Compare(xf, vf), ok1 && ok2
	case certifications.KindBool:
		xb, ok1 := x.(bool)
		vb, _ := v.Bool()
		return b2i(xb) - b2i(vb), ok1
	case certifications.KindDateTime:
		xs, _ := x.(string)
		xt, ok1 := parseDateTime(xs)
		vt, ok2 := v.Time()
		return xt.Compare(vt), ok1 && ok2
	case certifications.KindString:
		xs, ok1 := x.(string)
		if !ok1 {
			return 0, false
		}
		if xt, ok := parseDateTime(xs); ok {
			if vt, ok := parseDateTime(v.Raw); ok {
				return xt.Compare(vt), true
			}
		}
		return strings.Compare(strings.ToLower(xs), strings.ToLower(v.Raw)), true
	}
	return 0, false
}

// parseDateTime parses an RFC 3339 date-time. The shape test first keeps
// the common case, a string that is no date at all, cheap.
func parseDateTime(s string) (time.Time, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || s[4] != '-' || s[7] != '-' || s[10] != 'T' {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}
