package certifications

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Operator is a filter operator or connective, spelled as in a filter
// expression. The API accepts lower case only.
type Operator string

// The operators of the ISC filter grammar.
const (
	OpEq     Operator = "eq"     // field equals the value
	OpNe     Operator = "ne"     // field differs from the value
	OpGt     Operator = "gt"     // field is greater than the value
	OpGe     Operator = "ge"     // field is greater than or equal to the value
	OpLt     Operator = "lt"     // field is less than the value
	OpLe     Operator = "le"     // field is less than or equal to the value
	OpIn     Operator = "in"     // field equals one of the listed values
	OpCo     Operator = "co"     // string field contains the text
	OpSw     Operator = "sw"     // string field starts with the text
	OpCa     Operator = "ca"     // multi-valued field contains every listed value
	OpPr     Operator = "pr"     // field is present (not null)
	OpIsNull Operator = "isnull" // field is null or absent
	OpAnd    Operator = "and"    // both operands hold
	OpOr     Operator = "or"     // at least one operand holds
	OpNot    Operator = "not"    // the operand does not hold
)

// comparisonOps lists the comparison operators in the order error messages
// name them.
var comparisonOps = []Operator{OpEq, OpNe, OpGt, OpGe, OpLt, OpLe, OpIn, OpCo, OpSw, OpCa, OpPr, OpIsNull}

// arity returns how many values a comparison operator takes: 1 for the
// scalar operators, -1 for a list of at least one, 0 for none. ok is false
// for anything that is not a comparison operator.
func (op Operator) arity() (n int, ok bool) {
	switch op {
	case OpEq, OpNe, OpGt, OpGe, OpLt, OpLe, OpCo, OpSw:
		return 1, true
	case OpIn, OpCa:
		return -1, true
	case OpPr, OpIsNull:
		return 0, true
	}
	return 0, false
}

// MaxFilterNesting bounds how deeply a filter expression may nest: each
// "not" and each pair of parentheses counts one level. The API documents no
// limit; this one keeps the parser's recursion bounded.
const MaxFilterNesting = 100

// maxFilterDepth bounds how many nodes deep Validate walks a built filter.
// The parser and And, Or and Not build no deeper tree for MaxFilterNesting
// levels: an or, an and inside it, then (in parentheses, one level) an or
// again, and so on, ending in a comparison. A hand-built tree can be deeper
// for the same text (an and directly inside an and, a connective of one
// operand), or hold a cycle; Validate refuses it before any recursion
// that could exhaust the stack.
const maxFilterDepth = 2*(MaxFilterNesting+1) + 1

// maxFilterLength bounds the text of a filter: 64 KiB, far more than a
// request line carries (gateways refuse URLs of a few KiB), so that a
// built filter that shares its nodes cannot make String or Validate walk
// or write an exponential tree.
const maxFilterLength = 64 << 10

// Filter is a parsed or built filter expression: a *Comparison, a *Logical
// or a *Negation. String renders it in the API's syntax, ready for the filters
// query parameter (before URL encoding). The node types are exported so that
// code such as a fake server can walk a filter; Match evaluates one.
//
// "No filter" (list everything) is a nil Filter, a nil node, or a *Logical
// without operands, which is what And and Or return when given no filter:
// its String is "", Validate and QueryRules.CheckFilter accept it and Match
// matches everything. Its String cannot be sent: a builder's Filters("") is
// refused, so leave Filters unset instead. As an operand of a hand-built
// *Logical or *Negation it is a missing operand, which Validate reports.
// No method of the node types panics on a nil node.
type Filter interface {
	// String renders the filter in ISC filter syntax.
	String() string
	filterNode()
}

// ValueKind says what kind of literal a Value holds.
type ValueKind int

// The kinds of filter values. The zero kind marks a value the builder could
// not represent.
const (
	KindInvalid  ValueKind = iota // a Go value with no filter literal; Raw describes it
	KindString                    // a double-quoted string
	KindNumber                    // a bare decimal number such as 7, -2 or 1.5
	KindBool                      // true or false
	KindDateTime                  // a bare RFC 3339 date-time
)

// String names the kind.
func (k ValueKind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindNumber:
		return "number"
	case KindBool:
		return "boolean"
	case KindDateTime:
		return "date-time"
	}
	return "invalid"
}

// Value is one literal in a filter. Raw holds the unescaped text of a
// string, the literal as written for a number, boolean or date-time, and a
// description of the problem for KindInvalid.
type Value struct {
	Kind ValueKind
	Raw  string
}

// String renders the value in filter syntax: strings double-quoted with `"`
// and `\` escaped by a backslash, other kinds bare. An invalid value renders
// as "<invalid value: ...>", which ParseFilter and the server reject.
func (v Value) String() string {
	switch v.Kind {
	case KindString:
		return quote(v.Raw)
	case KindNumber, KindBool, KindDateTime:
		return v.Raw
	}
	return "<invalid value: " + v.Raw + ">"
}

// Float returns a number value as a float64; ok is false for other kinds.
func (v Value) Float() (f float64, ok bool) {
	if v.Kind != KindNumber {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.Raw, 64)
	return f, err == nil || isRangeErr(err)
}

// Bool returns a boolean value; ok is false for other kinds.
func (v Value) Bool() (b bool, ok bool) {
	if v.Kind != KindBool {
		return false, false
	}
	return v.Raw == "true", true
}

// Time returns a date-time value; ok is false for other kinds.
func (v Value) Time() (t time.Time, ok bool) {
	if v.Kind != KindDateTime {
		return time.Time{}, false
	}
	return parseDateTime(v.Raw)
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// quote renders s as a filter string literal.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

var (
	timeType  = reflect.TypeOf(time.Time{})
	valueType = reflect.TypeOf(Value{})
)

// ValueOf converts a Go value to a filter Value:
//   - strings, and named string types such as CertificationPhase, become
//     quoted strings;
//   - bool becomes true or false;
//   - every int, uint and float kind becomes a bare decimal number (never an
//     exponent), and a json.Number is kept as written when it is a plain
//     decimal;
//   - time.Time becomes a bare RFC 3339 date-time in UTC, with fractional
//     seconds only when non-zero;
//   - a Value is returned unchanged, and non-nil pointers are followed.
//
// Anything else (nil, NaN, infinities, years outside 0000-9999, maps,
// structs, ...) gives a Value of KindInvalid: it never panics, Validate
// reports it, and its String form is rejected by ParseFilter and the server.
// There is no null literal: use IsNull or Pr.
func ValueOf(v any) Value {
	if v == nil {
		return Value{Raw: "nil (there is no null literal: use IsNull or Pr)"}
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return Value{Raw: "nil " + rv.Type().String()}
		}
		rv = rv.Elem()
	}
	switch rv.Type() {
	case valueType:
		return rv.Interface().(Value)
	case timeType:
		return timeValue(rv.Interface().(time.Time))
	case reflect.TypeOf(json.Number("")):
		if s := rv.String(); isNumberLiteral(s) {
			return Value{Kind: KindNumber, Raw: s}
		}
		return Value{Raw: fmt.Sprintf("json.Number %q is not a plain decimal number", rv.String())}
	}
	switch rv.Kind() {
	case reflect.String:
		return Value{Kind: KindString, Raw: rv.String()}
	case reflect.Bool:
		return Value{Kind: KindBool, Raw: strconv.FormatBool(rv.Bool())}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return Value{Kind: KindNumber, Raw: strconv.FormatInt(rv.Int(), 10)}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return Value{Kind: KindNumber, Raw: strconv.FormatUint(rv.Uint(), 10)}
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return Value{Raw: fmt.Sprintf("%v has no filter literal", f)}
		}
		bits := 64
		if rv.Kind() == reflect.Float32 {
			bits = 32
		}
		return Value{Kind: KindNumber, Raw: strconv.FormatFloat(f, 'f', -1, bits)}
	}
	return Value{Raw: "unsupported type " + rv.Type().String()}
}

func timeValue(t time.Time) Value {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return Value{Raw: fmt.Sprintf("time in year %d is outside RFC 3339's 0000-9999", y)}
	}
	return Value{Kind: KindDateTime, Raw: t.Format(time.RFC3339Nano)}
}

// Comparison is one field test: `field op value`, `field in (v1,v2)`,
// `pr field` or `field isnull`. Values holds one value for eq, ne, gt, ge,
// lt, le, co and sw, at least one for in and ca, and none (nil) for pr and
// isnull.
type Comparison struct {
	Field  string
	Op     Operator
	Values []Value
}

// Logical joins two or more operands with "and" or "or". The builder and
// the parser flatten nested connectives of the same kind, so an operand of
// an "and" is never itself an "and".
type Logical struct {
	Op       Operator
	Operands []Filter
}

// Negation is `not operand`: it holds when its operand does not. (The
// constructor is Not.)
type Negation struct {
	Operand Filter
}

func (*Comparison) filterNode() {}
func (*Logical) filterNode()    {}
func (*Negation) filterNode()   {}

// String renders the comparison. It does not check the value count (see
// Validate): a missing value renders as text the parser rejects, and values
// given to pr or isnull are not rendered. A nil comparison renders as "".
func (c *Comparison) String() string {
	if c == nil {
		return ""
	}
	switch c.Op {
	case OpPr:
		return "pr " + c.Field
	case OpIsNull:
		return c.Field + " isnull"
	}
	vals := make([]string, len(c.Values))
	for i, v := range c.Values {
		vals[i] = v.String()
	}
	list := strings.Join(vals, ",")
	if n, _ := c.Op.arity(); n < 0 {
		return c.Field + " " + string(c.Op) + " (" + list + ")"
	}
	if list == "" {
		list = "<missing value>"
	}
	return c.Field + " " + string(c.Op) + " " + list
}

// precedence orders the connectives: not binds tighter than and, and
// tighter than or. Unknown connectives get 0 so that they are always
// parenthesised.
func precedence(op Operator) int {
	switch op {
	case OpOr:
		return 1
	case OpAnd:
		return 2
	case OpNot:
		return 3
	}
	return 0
}

// String renders the operands joined by the connective, parenthesising
// operands that bind more loosely. With no operands (no filter, see Filter)
// it renders as "", and a missing operand as "<missing filter>", which the
// parser rejects. A filter whose text would be longer than 64 KiB (as a
// tree that shares its nodes can be) renders as "<filter longer than ...>",
// which the parser rejects too, after writing no more than that.
func (l *Logical) String() string {
	if l == nil || len(l.Operands) == 0 {
		return ""
	}
	return renderFilter(l)
}

// String renders `not operand`, parenthesising an and/or operand. A
// missing operand renders as "not <missing filter>", which the parser
// rejects; a nil negation renders as "". Its length is bounded as
// Logical's is.
func (n *Negation) String() string {
	if n == nil {
		return ""
	}
	return renderFilter(n)
}

// filterText writes a filter's text, up to maxFilterLength bytes: past
// that it stops writing (over is set), so that rendering costs at most
// that much, however often the tree repeats a node.
type filterText struct {
	b    strings.Builder
	over bool
}

// renderFilter returns f's text, or a marker the parser rejects when the
// text is longer than maxFilterLength.
func renderFilter(f Filter) string {
	var t filterText
	t.filter(f)
	if t.over {
		return fmt.Sprintf("<filter longer than %d bytes>", maxFilterLength)
	}
	return t.b.String()
}

func (t *filterText) write(s string) {
	if t.over || t.b.Len()+len(s) > maxFilterLength {
		t.over = true
		return
	}
	t.b.WriteString(s)
}

func (t *filterText) filter(f Filter) {
	switch n := f.(type) {
	case *Logical:
		if n == nil {
			return
		}
		for i, o := range n.Operands {
			if t.over {
				return
			}
			if i > 0 {
				t.write(" " + string(n.Op) + " ")
			}
			t.operand(o, precedence(n.Op))
		}
	case *Negation:
		if n == nil {
			return
		}
		t.write("not ")
		t.operand(n.Operand, precedence(OpNot))
	case nil:
	default:
		t.write(f.String())
	}
}

// operand writes f as an operand of a connective with precedence prec, in
// parentheses when f is a connective that binds more loosely.
func (t *filterText) operand(f Filter, prec int) {
	if isNoFilter(f) {
		t.write("<missing filter>")
		return
	}
	if l, ok := f.(*Logical); ok && precedence(l.Op) < prec {
		t.write("(")
		t.filter(f)
		t.write(")")
		return
	}
	t.filter(f)
}

// isNoFilter reports whether f is no filter: nil, a typed nil node, or a
// *Logical without operands.
func isNoFilter(f Filter) bool {
	switch n := f.(type) {
	case nil:
		return true
	case *Comparison:
		return n == nil
	case *Logical:
		return n == nil || len(n.Operands) == 0
	case *Negation:
		return n == nil
	}
	rv := reflect.ValueOf(f)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

func compare1(field string, op Operator, v any) Filter {
	return &Comparison{Field: field, Op: op, Values: []Value{ValueOf(v)}}
}

func compareN(field string, op Operator, vs []any) Filter {
	vals := make([]Value, len(vs))
	for i, v := range vs {
		vals[i] = ValueOf(v)
	}
	return &Comparison{Field: field, Op: op, Values: vals}
}

// Eq builds `field eq value`. See ValueOf for how v is rendered.
func Eq(field string, v any) Filter { return compare1(field, OpEq, v) }

// Ne builds `field ne value`.
func Ne(field string, v any) Filter { return compare1(field, OpNe, v) }

// Gt builds `field gt value`.
func Gt(field string, v any) Filter { return compare1(field, OpGt, v) }

// Ge builds `field ge value`.
func Ge(field string, v any) Filter { return compare1(field, OpGe, v) }

// Lt builds `field lt value`.
func Lt(field string, v any) Filter { return compare1(field, OpLt, v) }

// Le builds `field le value`.
func Le(field string, v any) Filter { return compare1(field, OpLe, v) }

// In builds `field in (v1,v2,...)`. It needs at least one value.
func In(field string, vs ...any) Filter { return compareN(field, OpIn, vs) }

// Ca builds `field ca (v1,v2,...)`: the multi-valued field contains every
// value. It needs at least one value.
func Ca(field string, vs ...any) Filter { return compareN(field, OpCa, vs) }

// Co builds `field co "text"`: the string field contains text.
func Co(field, s string) Filter {
	return &Comparison{Field: field, Op: OpCo, Values: []Value{{Kind: KindString, Raw: s}}}
}

// Sw builds `field sw "text"`: the string field starts with text.
func Sw(field, s string) Filter {
	return &Comparison{Field: field, Op: OpSw, Values: []Value{{Kind: KindString, Raw: s}}}
}

// Pr builds `pr field`: the field is present and not null.
func Pr(field string) Filter { return &Comparison{Field: field, Op: OpPr} }

// IsNull builds `field isnull`: the field is null or absent.
func IsNull(field string) Filter { return &Comparison{Field: field, Op: OpIsNull} }

// And joins filters with "and". Operands that are no filter (nil, or an
// And or Or of nothing) are dropped, so And(nil, f) is f, and operands that
// are themselves "and" are flattened into this one. With one operand left
// it returns that operand; with none it returns no filter: a *Logical
// without operands, whose String is "" (see Filter), so that
// And(conditions...).String() never panics.
func And(fs ...Filter) Filter { return join(OpAnd, fs) }

// Or joins filters with "or", with the same rules as And. Or of no filter
// is no filter (it lists everything), not a filter that matches nothing.
func Or(fs ...Filter) Filter { return join(OpOr, fs) }

func join(op Operator, fs []Filter) Filter {
	ops := make([]Filter, 0, len(fs))
	for _, f := range fs {
		if isNoFilter(f) {
			continue
		}
		if l, ok := f.(*Logical); ok && l.Op == op {
			ops = append(ops, l.Operands...)
			continue
		}
		ops = append(ops, f)
	}
	switch len(ops) {
	case 0:
		return &Logical{Op: op}
	case 1:
		return ops[0]
	}
	return &Logical{Op: op, Operands: ops}
}

// Not builds `not f`. The negation of no filter (nil, or an And or Or of
// nothing) has no rendering: Not returns a node that Validate reports and
// whose String, "not <missing filter>", the parser and the server reject.
func Not(f Filter) Filter { return &Negation{Operand: f} }

// Validate reports the first problem that would make f's String form wrong
// or unparsable, as a *ValidationError for the "filters" parameter: an
// invalid value (see ValueOf), a malformed or reserved field name, a wrong
// number of values, a non-string co/sw value, an unknown operator, a missing
// operand, nesting deeper than MaxFilterNesting, or a text longer than 64
// KiB. No filter (see Filter) is valid. Validate does not know any
// endpoint's fields; see QueryRules.
//
// A hand-built tree more than 2*MaxFilterNesting+3 nodes deep (deeper
// than any that the parser or And, Or and Not make within the nesting
// limit), or one that contains itself, is refused as too deep without
// being walked further. A tree that shares nodes (the same sub-filter as
// an operand of several connectives) costs Validate each distinct node
// once, and its text no more than 64 KiB, not what the tree would.
func Validate(f Filter) error {
	if isNoFilter(f) {
		return nil
	}
	w := nestWalk{memo: map[Filter]nestInfo{}}
	n, _, ok := w.nesting(f, 1)
	if !ok {
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("filter tree is more than %d nodes deep (or contains itself)", maxFilterDepth),
			Allowed: fmt.Sprintf("at most %d levels of not and parentheses, built with And, Or and Not (which flatten nested connectives of one kind)", MaxFilterNesting)}
	}
	if err := validateNode(f, map[Filter]bool{}); err != nil {
		return err
	}
	var t filterText
	if t.filter(f); t.over {
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("filter text is longer than %d bytes (a filter that reuses a sub-filter repeats its text each time)", maxFilterLength),
			Allowed: "a shorter filter: fewer comparisons, or in (...) for many values of one field"}
	}
	if n > MaxFilterNesting {
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("filter nests %d levels deep", n),
			Allowed: fmt.Sprintf("at most %d levels of not and parentheses", MaxFilterNesting)}
	}
	return nil
}

// validateNode checks f and the nodes under it that seen does not hold
// yet, and adds them: a node shared by several connectives is checked once.
func validateNode(f Filter, seen map[Filter]bool) error {
	if seen[f] {
		return nil
	}
	seen[f] = true
	switch n := f.(type) {
	case *Comparison:
		return validateComparison(n)
	case *Logical:
		if n.Op != OpAnd && n.Op != OpOr {
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("unknown connective %q", n.Op), Allowed: "and, or"}
		}
		for _, o := range n.Operands {
			if isNoFilter(o) {
				return &ValidationError{Parameter: "filters", Problem: "missing operand of " + string(n.Op) + " (nil, or an And or Or of nothing)", Allowed: "filters with at least one comparison; And and Or drop such operands"}
			}
			if err := validateNode(o, seen); err != nil {
				return err
			}
		}
		return nil
	case *Negation:
		if isNoFilter(n.Operand) {
			return &ValidationError{Parameter: "filters", Problem: "missing operand of not (nil, or an And or Or of nothing)", Allowed: "a filter with at least one comparison"}
		}
		return validateNode(n.Operand, seen)
	}
	return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("unknown filter node %T", f), Allowed: "*Comparison, *Logical, *Negation"}
}

func validateComparison(c *Comparison) error {
	if problem := checkFieldName(c.Field); problem != "" {
		return &ValidationError{Parameter: "filters", Problem: problem, Allowed: "dot-separated names such as campaign.id"}
	}
	want, ok := c.Op.arity()
	if !ok {
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: unknown operator %q", c.Field, c.Op),
			Allowed: joinOps(comparisonOps)}
	}
	switch {
	case want == 0 && len(c.Values) != 0:
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: %s takes no value, got %d", c.Field, c.Op, len(c.Values)), Allowed: "no values"}
	case want == 1 && len(c.Values) != 1:
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: %s takes one value, got %d", c.Field, c.Op, len(c.Values)), Allowed: "exactly one value"}
	case want < 0 && len(c.Values) == 0:
		return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: %s needs at least one value", c.Field, c.Op), Allowed: "one or more values"}
	}
	for _, v := range c.Values {
		switch {
		case v.Kind == KindInvalid:
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: %s", c.Field, v.Raw),
				Allowed: "strings (and named string types), booleans, integer and float kinds, json.Number, time.Time"}
		case v.Kind > KindDateTime:
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: unknown value kind %d", c.Field, v.Kind), Allowed: "string, number, boolean, date-time"}
		case (c.Op == OpCo || c.Op == OpSw) && v.Kind != KindString:
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: %s needs a string, got a %s", c.Field, c.Op, v.Kind), Allowed: "a string"}
		case !validLiteral(v):
			return &ValidationError{Parameter: "filters", Problem: fmt.Sprintf("field %q: %q is not a valid %s literal", c.Field, v.Raw, v.Kind), Allowed: "literals as ValueOf renders them"}
		}
	}
	return nil
}

// validLiteral reports whether a non-string value's Raw text is what the
// parser accepts for its kind.
func validLiteral(v Value) bool {
	switch v.Kind {
	case KindNumber:
		return isNumberLiteral(v.Raw)
	case KindBool:
		return v.Raw == "true" || v.Raw == "false"
	case KindDateTime:
		_, ok := parseDateTime(v.Raw)
		return ok
	}
	return true
}

// nestWalk computes nesting once per distinct node.
type nestWalk struct{ memo map[Filter]nestInfo }

// nestInfo is what nesting found for a node: its levels, and its height
// in nodes (busy while the node is being walked, so that a tree that
// contains itself is caught).
type nestInfo struct {
	levels, height int
	busy           bool
}

// nesting returns how many levels of "not" and parentheses f's String form
// has, counted as the parser counts them, and f's height in nodes, for f
// found depth nodes deep. It walks no deeper than maxFilterDepth: ok is
// false for a deeper tree, whose nesting is not counted, so that the walk
// never exhausts the stack, and for one that contains itself. Each
// distinct node is walked once.
func (w *nestWalk) nesting(f Filter, depth int) (levels, height int, ok bool) {
	if depth > maxFilterDepth {
		return 0, 0, false
	}
	switch n := f.(type) {
	case *Negation:
		if n == nil {
			return 0, 1, true
		}
	case *Logical:
		if n == nil {
			return 0, 1, true
		}
	default:
		return 0, 1, true
	}
	if info, seen := w.memo[f]; seen {
		if info.busy || depth+info.height-1 > maxFilterDepth {
			return 0, 0, false
		}
		return info.levels, info.height, true
	}
	w.memo[f] = nestInfo{busy: true}
	switch n := f.(type) {
	case *Negation:
		d, h, ok := w.nesting(n.Operand, depth+1)
		if !ok {
			return 0, 0, false
		}
		if l, isLogical := n.Operand.(*Logical); isLogical && l != nil && precedence(l.Op) < precedence(OpNot) {
			d++
		}
		levels, height = 1+d, 1+h
	case *Logical:
		for _, o := range n.Operands {
			d, h, ok := w.nesting(o, depth+1)
			if !ok {
				return 0, 0, false
			}
			if l, isLogical := o.(*Logical); isLogical && l != nil && precedence(l.Op) < precedence(n.Op) {
				d++
			}
			levels, height = max(levels, d), max(height, 1+h)
		}
		height = max(height, 1)
	}
	w.memo[f] = nestInfo{levels: levels, height: height}
	return levels, height, true
}

// checkFieldName returns "" for a usable field name, else the problem.
// A field is one or more dot-separated segments, each a letter or
// underscore followed by letters, digits or underscores. The words and,
// or, not and pr (in any case) are reserved.
func checkFieldName(field string) string {
	if field == "" {
		return "empty field name"
	}
	if isReserved(field) {
		return fmt.Sprintf("field name %q is a reserved word", field)
	}
	for _, seg := range strings.Split(field, ".") {
		if seg == "" || !isIdentStart(seg[0]) {
			return fmt.Sprintf("malformed field name %q", field)
		}
		for i := 1; i < len(seg); i++ {
			if !isIdentByte(seg[i]) {
				return fmt.Sprintf("malformed field name %q", field)
			}
		}
	}
	return ""
}

func isReserved(word string) bool {
	for _, r := range []string{"and", "or", "not", "pr"} {
		if strings.EqualFold(word, r) {
			return true
		}
	}
	return false
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isIdentByte(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func joinOps(ops []Operator) string {
	s := make([]string, len(ops))
	for i, op := range ops {
		s[i] = string(op)
	}
	return strings.Join(s, ", ")
}

// Literal shapes, shared by the builders (ValueOf, Validate) and the parser.

// isNumberLiteral reports whether s is -?digits(.digits)?.
func isNumberLiteral(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	return allDigits(intPart) && (!hasFrac || allDigits(frac))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isDateTimeShape reports whether s has the form
// YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), without range checks.
func isDateTimeShape(s string) bool {
	const pattern = "dddd-dd-ddTdd:dd:dd"
	if len(s) < len(pattern)+1 {
		return false
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == 'd' && !isDigit(s[i]) || pattern[i] != 'd' && s[i] != pattern[i] {
			return false
		}
	}
	rest := s[len(pattern):]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n == 1 {
			return false
		}
		rest = rest[n:]
	}
	if rest == "Z" {
		return true
	}
	return len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') &&
		isDigit(rest[1]) && isDigit(rest[2]) && rest[3] == ':' && isDigit(rest[4]) && isDigit(rest[5])
}

// parseDateTime parses an RFC 3339 date-time in the strict form
// isDateTimeShape describes.
func parseDateTime(s string) (time.Time, bool) {
	if !isDateTimeShape(s) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}
