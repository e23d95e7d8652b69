package certifications_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cert "github.com/iscgo/certifications"
)

// phase stands in for a named string enum such as CertificationPhase.
type phase string

// validExamples are the valid expressions of api-conventions.md §2, in
// canonical form.
var validExamples = []string{
	`phase eq "ACTIVE"`,
	`campaign.id in ("c0ffee01","c0ffee02")`,
	`completed eq false and campaign.id eq "c0ffee01"`,
	`identitySummary.name sw "jo" and access.type eq "ENTITLEMENT"`,
	`completed ne true`,
	`type in ("REASSIGN","ADMIN_REASSIGN")`,
	`target eq "HR.PAYROLL" and rights ca ("READ","UPDATE")`,
	`email sw "ops." or name eq "Pat \"PJ\" Lee"`,
}

const precedenceExample = `not completed eq true or phase eq "STAGED" and campaign.id eq "c1"`

func TestRenderOperators(t *testing.T) {
	for _, tc := range []struct {
		f    cert.Filter
		want string
	}{
		{cert.Eq("phase", "ACTIVE"), `phase eq "ACTIVE"`},
		{cert.Ne("completed", true), `completed ne true`},
		{cert.Gt("decisionsMade", 5), `decisionsMade gt 5`},
		{cert.Ge("score", -2.5), `score ge -2.5`},
		{cert.Lt("n", uint8(7)), `n lt 7`},
		{cert.Le("ratio", float32(0.1)), `ratio le 0.1`},
		{cert.In("campaign.id", "c1", "c2"), `campaign.id in ("c1","c2")`},
		{cert.In("id", "only"), `id in ("only")`},
		{cert.Co("name", "ann"), `name co "ann"`},
		{cert.Sw("email", "ops."), `email sw "ops."`},
		{cert.Ca("rights", "READ", "UPDATE"), `rights ca ("READ","UPDATE")`},
		{cert.Pr("signed"), `pr signed`},
		{cert.IsNull("signed"), `signed isnull`},
		{cert.Not(cert.Eq("completed", true)), `not completed eq true`},
		{cert.And(cert.Eq("phase", "ACTIVE"), cert.In("campaign.id", "c1", "c2")), `phase eq "ACTIVE" and campaign.id in ("c1","c2")`},
		{cert.Or(cert.Eq("a", 1), cert.Eq("b", 2)), `a eq 1 or b eq 2`},
	} {
		assert.Equal(t, tc.want, tc.f.String())
		assert.NoError(t, cert.Validate(tc.f), tc.want)
	}
}

func TestRenderValues(t *testing.T) {
	s := "pointed"
	n := 42
	var nilPtr *string
	for _, tc := range []struct {
		name string
		v    any
		want string
		kind cert.ValueKind
	}{
		{"plain string", "ACTIVE", `"ACTIVE"`, cert.KindString},
		{"empty string", "", `""`, cert.KindString},
		{"quotes", `#Ops "EU"`, `"#Ops \"EU\""`, cert.KindString},
		{"backslash", `DOMAIN\user`, `"DOMAIN\\user"`, cert.KindString},
		{"backslash before quote", `a\"b`, `"a\\\"b"`, cert.KindString},
		{"trailing backslash", `end\`, `"end\\"`, cert.KindString},
		{"hash percent ampersand", "#1 & 100%", `"#1 & 100%"`, cert.KindString},
		{"unicode", "Zoë 日本 🙂", `"Zoë 日本 🙂"`, cert.KindString},
		{"typed string", phase("SIGNED"), `"SIGNED"`, cert.KindString},
		{"pointer to string", &s, `"pointed"`, cert.KindString},
		{"pointer to int", &n, `42`, cert.KindNumber},
		{"true", true, `true`, cert.KindBool},
		{"false", false, `false`, cert.KindBool},
		{"int", -7, `-7`, cert.KindNumber},
		{"int64 min", int64(math.MinInt64), `-9223372036854775808`, cert.KindNumber},
		{"uint64 max", uint64(math.MaxUint64), `18446744073709551615`, cert.KindNumber},
		{"float", 1.25, `1.25`, cert.KindNumber},
		{"float whole", 3.0, `3`, cert.KindNumber},
		{"float huge, no exponent", 1e21, `1000000000000000000000`, cert.KindNumber},
		{"float tiny, no exponent", 1e-7, `0.0000001`, cert.KindNumber},
		{"float32 shortest", float32(0.3), `0.3`, cert.KindNumber},
		{"json.Number", json.Number("12.50"), `12.50`, cert.KindNumber},
		{"time UTC", time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), `2024-01-31T00:00:00Z`, cert.KindDateTime},
		{"time zone converted to UTC", time.Date(2024, 1, 31, 2, 0, 0, 0, time.FixedZone("CEST", 2*3600)), `2024-01-31T00:00:00Z`, cert.KindDateTime},
		{"time fraction", time.Date(2024, 1, 31, 0, 0, 0, 500_000_000, time.UTC), `2024-01-31T00:00:00.5Z`, cert.KindDateTime},
		{"Value passes through", cert.Value{Kind: cert.KindNumber, Raw: "2024"}, `2024`, cert.KindNumber},
		{"nil", nil, "", cert.KindInvalid},
		{"nil pointer", nilPtr, "", cert.KindInvalid},
		{"NaN", math.NaN(), "", cert.KindInvalid},
		{"Inf", math.Inf(-1), "", cert.KindInvalid},
		{"struct", struct{ A int }{1}, "", cert.KindInvalid},
		{"map", map[string]any{}, "", cert.KindInvalid},
		{"slice", []string{"a"}, "", cert.KindInvalid},
		{"chan", make(chan int), "", cert.KindInvalid},
		{"exponent json.Number", json.Number("1e5"), "", cert.KindInvalid},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "", cert.KindInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := cert.ValueOf(tc.v)
			assert.Equal(t, tc.kind, v.Kind)
			if tc.kind == cert.KindInvalid {
				assert.True(t, strings.HasPrefix(v.String(), "<invalid value: "), v.String())
				f := cert.Eq("x", tc.v)
				var ve *cert.ValidationError
				require.ErrorAs(t, cert.Validate(f), &ve)
				assert.Equal(t, "filters", ve.Parameter)
				assert.Contains(t, ve.Problem, `field "x"`)
				_, err := cert.ParseFilter(f.String())
				assert.Error(t, err, "the rendering of an invalid value must not parse")
				return
			}
			assert.Equal(t, tc.want, v.String())
			assert.Equal(t, "x eq "+tc.want, cert.Eq("x", tc.v).String())
		})
	}
}

func TestValueAccessors(t *testing.T) {
	f, ok := cert.ValueOf(2.5).Float()
	assert.True(t, ok)
	assert.Equal(t, 2.5, f)
	_, ok = cert.ValueOf("2.5").Float()
	assert.False(t, ok)
	b, ok := cert.ValueOf(true).Bool()
	assert.True(t, ok && b)
	_, ok = cert.ValueOf(1).Bool()
	assert.False(t, ok)
	tm, ok := cert.ValueOf(time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)).Time()
	assert.True(t, ok)
	assert.True(t, tm.Equal(time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)))
	_, ok = cert.ValueOf("2024-01-31T00:00:00Z").Time()
	assert.False(t, ok, "a quoted string is not a date-time value")
	assert.Equal(t, "date-time", cert.KindDateTime.String())
	assert.Equal(t, "invalid", cert.KindInvalid.String())
}

func TestRenderPrecedence(t *testing.T) {
	a, b, c, d := cert.Eq("a", 1), cert.Eq("b", 2), cert.Eq("c", 3), cert.Eq("d", 4)
	for _, tc := range []struct {
		f    cert.Filter
		want string
	}{
		{cert.And(a, cert.Or(b, c)), `a eq 1 and (b eq 2 or c eq 3)`},
		{cert.And(cert.Or(a, b), c), `(a eq 1 or b eq 2) and c eq 3`},
		{cert.And(cert.Or(a, b), cert.Or(c, d)), `(a eq 1 or b eq 2) and (c eq 3 or d eq 4)`},
		{cert.Or(cert.And(a, b), c), `a eq 1 and b eq 2 or c eq 3`},
		{cert.Or(a, cert.And(b, c), d), `a eq 1 or b eq 2 and c eq 3 or d eq 4`},
		{cert.Not(cert.And(a, b)), `not (a eq 1 and b eq 2)`},
		{cert.Not(cert.Or(a, b)), `not (a eq 1 or b eq 2)`},
		{cert.Not(cert.Not(a)), `not not a eq 1`},
		{cert.And(cert.Not(a), b), `not a eq 1 and b eq 2`},
		{cert.Or(a, cert.Not(cert.Or(b, c))), `a eq 1 or not (b eq 2 or c eq 3)`},
		{cert.And(a, cert.Not(cert.Pr("x"))), `a eq 1 and not pr x`},
		{cert.Or(cert.And(a, cert.Or(b, cert.Not(cert.And(c, d)))), a), `a eq 1 and (b eq 2 or not (c eq 3 and d eq 4)) or a eq 1`},
		// Nested connectives of one kind are flattened.
		{cert.And(a, cert.And(b, c)), `a eq 1 and b eq 2 and c eq 3`},
		{cert.Or(cert.Or(a, b), cert.Or(c, d)), `a eq 1 or b eq 2 or c eq 3 or d eq 4`},
	} {
		assert.Equal(t, tc.want, tc.f.String())
	}
}

func TestAndOrNormalisation(t *testing.T) {
	a, b, c := cert.Eq("a", 1), cert.Eq("b", 2), cert.Eq("c", 3)
	for _, none := range []cert.Filter{cert.And(), cert.Or(nil, nil), cert.And((*cert.Comparison)(nil)), cert.Or(cert.And(), nil)} {
		l, ok := none.(*cert.Logical)
		require.True(t, ok, "no filter is a *Logical without operands, got %T", none)
		assert.Empty(t, l.Operands)
		assert.Equal(t, "", none.String())
	}
	assert.Same(t, a, cert.And(cert.Or(), a, nil), "no filter is dropped")
	assert.Same(t, a, cert.And(a))
	assert.Same(t, a, cert.Or(nil, a))
	l, ok := cert.And(a, cert.And(b, c)).(*cert.Logical)
	require.True(t, ok)
	assert.Equal(t, cert.OpAnd, l.Op)
	assert.Equal(t, []cert.Filter{a, b, c}, l.Operands)
	l, ok = cert.Or(a, cert.And(b, c)).(*cert.Logical)
	require.True(t, ok)
	assert.Len(t, l.Operands, 2, "an and inside an or is not flattened")
}

func TestValidate(t *testing.T) {
	deep := cert.Eq("x", 1)
	for i := 0; i < maxFilterNesting; i++ {
		deep = cert.Not(deep)
	}
	assert.NoError(t, cert.Validate(deep))
	assert.NoError(t, cert.Validate(nil))
	// These render as well-formed expressions that mean something else;
	// Validate is what catches them.
	parses := map[string]bool{"pr with a value": true, "unknown connective": true}
	for _, tc := range []struct {
		name    string
		f       cert.Filter
		problem string
	}{
		{"empty field", cert.Eq("", 1), "empty field name"},
		{"field with space", cert.Eq("a b", 1), "malformed field name"},
		{"field with empty segment", cert.Eq("a..b", 1), "malformed field name"},
		{"field starting with digit", cert.Eq("1a", 1), "malformed field name"},
		{"reserved field", cert.Eq("not", 1), "reserved word"},
		{"reserved field any case", cert.Pr("PR"), "reserved word"},
		{"in without values", cert.In("id"), "at least one value"},
		{"ca without values", cert.Ca("rights"), "at least one value"},
		{"unknown operator", &cert.Comparison{Field: "x", Op: "EQ", Values: []cert.Value{cert.ValueOf(1)}}, "unknown operator"},
		{"eq with two values", &cert.Comparison{Field: "x", Op: cert.OpEq, Values: []cert.Value{cert.ValueOf(1), cert.ValueOf(2)}}, "takes one value"},
		{"pr with a value", &cert.Comparison{Field: "x", Op: cert.OpPr, Values: []cert.Value{cert.ValueOf(1)}}, "takes no value"},
		{"co with number", &cert.Comparison{Field: "x", Op: cert.OpCo, Values: []cert.Value{cert.ValueOf(1)}}, "needs a string"},
		{"bad number literal", cert.Eq("x", cert.Value{Kind: cert.KindNumber, Raw: "1e5"}), "not a valid number literal"},
		{"bad bool literal", cert.Eq("x", cert.Value{Kind: cert.KindBool, Raw: "TRUE"}), "not a valid boolean literal"},
		{"bad date-time literal", cert.Eq("x", cert.Value{Kind: cert.KindDateTime, Raw: "2024-01-31"}), "not a valid date-time literal"},
		{"unknown kind", cert.Eq("x", cert.Value{Kind: 99, Raw: "?"}), "unknown value kind"},
		{"not nil", cert.Not(nil), "missing operand of not"},
		{"not of no filter", cert.Not(cert.And()), "missing operand of not"},
		{"nil operand", &cert.Logical{Op: cert.OpAnd, Operands: []cert.Filter{cert.Eq("x", 1), nil}}, "missing operand of and"},
		{"empty operand", &cert.Logical{Op: cert.OpOr, Operands: []cert.Filter{cert.Eq("x", 1), &cert.Logical{Op: cert.OpAnd}}}, "missing operand of or"},
		{"unknown connective", &cert.Logical{Op: "xor", Operands: []cert.Filter{cert.Eq("x", 1)}}, "unknown connective"},
		{"unknown connective joining two", &cert.Logical{Op: "xor", Operands: []cert.Filter{cert.Eq("x", 1), cert.Eq("y", 2)}}, "unknown connective"},
		{"invalid value deep inside", cert.Or(cert.Eq("a", 1), cert.Not(cert.And(cert.Eq("b", 2), cert.Eq("c", struct{}{})))), `field "c"`},
		{"too deep", cert.Not(deep), "nests 101 levels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ve *cert.ValidationError
			require.ErrorAs(t, cert.Validate(tc.f), &ve)
			assert.Equal(t, "filters", ve.Parameter)
			assert.Contains(t, ve.Problem, tc.problem)
			assert.NotEmpty(t, ve.Allowed)
			assert.NotPanics(t, func() { _ = tc.f.String() })
			if !parses[tc.name] {
				_, err := cert.ParseFilter(tc.f.String())
				assert.Error(t, err, "%s renders as %q, which must not parse", tc.name, tc.f.String())
			}
		})
	}
}

func TestParseDocumentedExamples(t *testing.T) {
	want := []cert.Filter{
		cert.Eq("phase", "ACTIVE"),
		cert.In("campaign.id", "c0ffee01", "c0ffee02"),
		cert.And(cert.Eq("completed", false), cert.Eq("campaign.id", "c0ffee01")),
		cert.And(cert.Sw("identitySummary.name", "jo"), cert.Eq("access.type", "ENTITLEMENT")),
		cert.Ne("completed", true),
		cert.In("type", "REASSIGN", "ADMIN_REASSIGN"),
		cert.And(cert.Eq("target", "HR.PAYROLL"), cert.Ca("rights", "READ", "UPDATE")),
		cert.Or(cert.Sw("email", "ops."), cert.Eq("name", `Pat "PJ" Lee`)),
	}
	for i, s := range validExamples {
		f, err := cert.ParseFilter(s)
		require.NoError(t, err, s)
		assert.Equal(t, want[i], f, s)
		assert.Equal(t, s, f.String())
	}
}

func TestParsePrecedenceExample(t *testing.T) {
	f, err := cert.ParseFilter(precedenceExample)
	require.NoError(t, err)
	want := cert.Or(
		cert.Not(cert.Eq("completed", true)),
		cert.And(cert.Eq("phase", "STAGED"), cert.Eq("campaign.id", "c1")),
	)
	assert.Equal(t, want, f)
	assert.Equal(t, precedenceExample, f.String())

	explicit, err := cert.ParseFilter(`(not (completed eq true)) or ((phase eq "STAGED") and (campaign.id eq "c1"))`)
	require.NoError(t, err)
	assert.Equal(t, want, explicit)
}

func TestParseForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want cert.Filter
		out  string // canonical rendering
	}{
		{`pr signed`, cert.Pr("signed"), `pr signed`},
		{`signed pr`, cert.Pr("signed"), `pr signed`},
		{`signed isnull`, cert.IsNull("signed"), `signed isnull`},
		{"  x \t in\n( \"a\" ,\"b\" )  ", cert.In("x", "a", "b"), `x in ("a","b")`},
		{`x eq"a"`, cert.Eq("x", "a"), `x eq "a"`},
		{`((x eq 1))`, cert.Eq("x", 1), `x eq 1`},
		{`(a eq 1 and b eq 2) and c eq 3`, cert.And(cert.Eq("a", 1), cert.Eq("b", 2), cert.Eq("c", 3)), `a eq 1 and b eq 2 and c eq 3`},
		{`a eq 1 or (b eq 2 or c eq 3)`, cert.Or(cert.Eq("a", 1), cert.Eq("b", 2), cert.Eq("c", 3)), `a eq 1 or b eq 2 or c eq 3`},
		{`not (a eq 1) and b eq 2`, cert.And(cert.Not(cert.Eq("a", 1)), cert.Eq("b", 2)), `not a eq 1 and b eq 2`},
		{`not (a eq 1 and b eq 2)`, cert.Not(cert.And(cert.Eq("a", 1), cert.Eq("b", 2))), `not (a eq 1 and b eq 2)`},
		{`x eq -3`, cert.Eq("x", -3), `x eq -3`},
		{`x ge 1.25`, cert.Ge("x", 1.25), `x ge 1.25`},
		{`x eq 007`, cert.Eq("x", cert.Value{Kind: cert.KindNumber, Raw: "007"}), `x eq 007`},
		{`created gt 2024`, cert.Gt("created", 2024), `created gt 2024`},
		{`created gt 2024-01-31T00:00:00Z`, cert.Gt("created", time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)), `created gt 2024-01-31T00:00:00Z`},
		{`created lt 2024-01-31T01:00:00.123+02:00`, cert.Lt("created", cert.Value{Kind: cert.KindDateTime, Raw: "2024-01-31T01:00:00.123+02:00"}), `created lt 2024-01-31T01:00:00.123+02:00`},
		{`created gt "2024-01-31T00:00:00Z"`, cert.Gt("created", "2024-01-31T00:00:00Z"), `created gt "2024-01-31T00:00:00Z"`},
		{`x in (1,true,"s",2024-01-31T00:00:00Z)`, cert.In("x", 1, true, "s", time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)), `x in (1,true,"s",2024-01-31T00:00:00Z)`},
		{`name eq "a\\b\"c"`, cert.Eq("name", `a\b"c`), `name eq "a\\b\"c"`},
		{`name eq "日本 #1"`, cert.Eq("name", "日本 #1"), `name eq "日本 #1"`},
		{`_a.b_2.c eq 1`, cert.Eq("_a.b_2.c", 1), `_a.b_2.c eq 1`},
		{`eq eq 1`, cert.Eq("eq", 1), `eq eq 1`},
		{`isnull isnull`, cert.IsNull("isnull"), `isnull isnull`},
	} {
		f, err := cert.ParseFilter(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, f, tc.in)
		assert.Equal(t, tc.out, f.String(), tc.in)
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("(", maxFilterNesting+1) + "x eq 1" + strings.Repeat(")", maxFilterNesting+1)
	for _, tc := range []struct {
		in       string
		pos      int
		expected string
		found    string
	}{
		{``, 0, "a filter expression (the input is empty)", "end of input"},
		{"   ", 3, "a filter expression", "end of input"},
		{`phase EQ "ACTIVE"`, 6, "eq (operators are lower case)", "EQ"},
		{`phase Eq "ACTIVE"`, 6, "operators are lower case", "Eq"},
		{`x ISNULL`, 2, "isnull (operators are lower case)", "ISNULL"},
		{`a eq 1 AND b eq 2`, 7, "and (operators are lower case)", "AND"},
		{`(a eq 1 Or b eq 2)`, 8, "or (operators are lower case)", "Or"},
		{`NOT a eq 1`, 0, "not (operators are lower case)", "NOT"},
		{`phase eq "ACTIVE`, 16, `a closing " for the string opened at byte 9`, "end of input"},
		{`phase eq "ACTIVE\`, 17, `a closing "`, "end of input"},
		{`x eq "日本`, 12, `a closing "`, "end of input"},
		{`x eq "a\nb"`, 7, `\" or \\`, `\n`},
		{`x eq "a\'"`, 7, `\" or \\`, `\'`},
		{`phase eq`, 8, "a value", "end of input"},
		{`phase eq ACTIVE`, 9, `strings must be "double-quoted"`, "ACTIVE"},
		{`x eq null`, 5, "there is no null literal", "null"},
		{`x eq TRUE`, 5, "booleans are lower case", "TRUE"},
		{`x eq 'a'`, 5, "a value", "'"},
		{`x eq (1)`, 5, "a value", "("},
		{`(phase eq "A"`, 13, "and, or or )", "end of input"},
		{`(phase eq "A" x`, 14, "and, or or )", "x"},
		{`phase eq "A")`, 12, "and, or or end of input", ")"},
		{`phase eq "A" x eq "B"`, 13, "and, or or end of input", "x"},
		{`x eq 1 # note`, 7, "and, or or end of input", "#"},
		{`x eq 1 and`, 10, "a field name, not, pr or (", "end of input"},
		{`x eq 1 or or y eq 2`, 10, "a field name (or is a reserved word)", "or"},
		{`not`, 3, "a field name, not, pr or (", "end of input"},
		{`()`, 1, "a field name, not, pr or (", ")"},
		{`"x" eq 1`, 0, "a field name, not, pr or (", `"x"`},
		{`and eq 1`, 0, "a field name (and is a reserved word)", "and"},
		{`pr`, 2, "a field name", "end of input"},
		{`pr pr`, 3, "pr is a reserved word", "pr"},
		{`pr "x"`, 3, "a field name", `"x"`},
		{`x`, 1, "an operator", "end of input"},
		{`x xx 1`, 2, "an operator: eq, ne", "xx"},
		{`x 1`, 2, "an operator", "1"},
		{`x in "a"`, 5, "( to open the list of values after in", `"a"`},
		{`x ca "a"`, 5, "( to open the list of values after ca", `"a"`},
		{`x in ()`, 6, "a value", ")"},
		{`x in ("a" "b")`, 10, ", or ) in the list of values", `"b"`},
		{`x in ("a",)`, 10, "a value", ")"},
		{`x in ("a"`, 9, ", or ) in the list of values", "end of input"},
		{`x co 5`, 5, `a "quoted string" after co`, "5"},
		{`x sw true`, 5, `a "quoted string" after sw`, "true"},
		{`x eq 1and y eq 2`, 5, "a number", "1and"},
		{`x eq -`, 5, "a number", "-"},
		{`x eq 1.`, 5, "a number", "1."},
		{`x eq .5`, 5, "a value", "."},
		{`x eq 1e5`, 5, "a number", "1e5"},
		{`x gt 2024-01-31`, 5, "an RFC 3339 date-time", "2024-01-31"},
		{`x gt 2024-01-31t00:00:00z`, 5, "an RFC 3339 date-time", "2024-01-31t00:00:00z"},
		{`x gt 2024-13-01T00:00:00Z`, 5, "a valid RFC 3339 date-time", "2024-13-01T00:00:00Z"},
		{`x. eq 1`, 0, "a field name made of dot-separated words", "x."},
		{`a..b eq 1`, 0, "dot-separated words", "a..b"},
		{`a.1 eq 1`, 0, "dot-separated words", "a.1"},
		{"x eq 1 \xff", 7, "and, or or end of input", "\xff"},
		{`x eq 1 é`, 7, "and, or or end of input", "é"},
		{deep, maxFilterNesting, "at most 100 levels of not and parentheses", "("},
		{strings.Repeat("not ", maxFilterNesting+1) + "x eq 1", 4 * maxFilterNesting, "at most 100 levels", "not"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			f, err := cert.ParseFilter(tc.in)
			assert.Nil(t, f)
			var se *cert.FilterSyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.pos, se.Pos, "position")
			assert.Contains(t, se.Expected, tc.expected)
			assert.Equal(t, tc.found, se.Found)
			assert.Equal(t, tc.in, se.Input)
			assert.Contains(t, se.Error(), fmt.Sprintf("at byte %d: expected %s", tc.pos, se.Expected))
			assert.NotContains(t, se.Error(), "\n", "the message is one line")
		})
	}
}

func TestParseNestingLimit(t *testing.T) {
	ok := strings.Repeat("(", maxFilterNesting) + "x eq 1" + strings.Repeat(")", maxFilterNesting)
	_, err := cert.ParseFilter(ok)
	assert.NoError(t, err)
	ok = strings.Repeat("not ", maxFilterNesting) + "x eq 1"
	f, err := cert.ParseFilter(ok)
	require.NoError(t, err)
	assert.NoError(t, cert.Validate(f))
	assert.Equal(t, ok, f.String())
}

func TestFilterSyntaxErrorContext(t *testing.T) {
	_, err := cert.ParseFilter(`phase EQ "ACTIVE"`)
	var se *cert.FilterSyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "phase EQ \"ACTIVE\"\n      ^", se.Context())
	assert.Equal(t, `certifications: filter syntax error at byte 6: expected eq (operators are lower case), found "EQ"`, se.Error())

	_, err = cert.ParseFilter("name eq \"Zoë\"\tand x")
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "name eq \"Zoë\" and x\n                   ^", se.Context(), "columns count runes and tabs show as spaces")

	long := strings.Repeat("a eq 1 and ", 20) + "b EQ 1"
	_, err = cert.ParseFilter(long)
	require.ErrorAs(t, err, &se)
	lines := strings.Split(se.Context(), "\n")
	require.Len(t, lines, 2)
	assert.True(t, strings.HasPrefix(lines[0], "..."))
	assert.Equal(t, "EQ", lines[0][len(lines[1])-1:len(lines[1])+1], "the caret sits under the offending token")
}

func TestFilterSyntaxErrorAsValidationError(t *testing.T) {
	_, err := cert.ParseFilter(`phase EQ "ACTIVE"`)
	var ve *cert.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "filters", ve.Parameter)
	assert.Equal(t, `syntax error at byte 6: found "EQ"`, ve.Problem)
	assert.Equal(t, "eq (operators are lower case)", ve.Allowed)

	_, err = cert.ParseFilter(`x eq`)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "syntax error at byte 4: found end of input", ve.Problem)
}

// builderFilters are filters made with the builder, for round trips.
func builderFilters() []cert.Filter {
	at := time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.FixedZone("x", -5*3600))
	return []cert.Filter{
		cert.Eq("phase", phase("ACTIVE")),
		cert.Ne("completed", false),
		cert.Gt("decisionsMade", int16(-3)),
		cert.Ge("ratio", 0.000125),
		cert.Lt("due", at),
		cert.Le("big", uint64(math.MaxUint64)),
		cert.In("campaign.id", "c1", `q"uote`, `back\slash`),
		cert.Ca("rights", "READ", 1, true, at),
		cert.Co("name", `#Ops "EU" \ 100% & more`),
		cert.Sw("email", "日本"),
		cert.Pr("signed"),
		cert.IsNull("signed"),
		cert.Not(cert.Pr("signed")),
		cert.Not(cert.Not(cert.Eq("a", ""))),
		cert.And(cert.Eq("a", 1), cert.Or(cert.Eq("b", 2), cert.Not(cert.And(cert.Eq("c", 3), cert.IsNull("d")))), cert.Eq("e", 1.5)),
		cert.Or(cert.And(cert.Eq("a", 1), cert.Eq("b", 2)), cert.And(cert.Eq("c", 3), cert.Eq("d", 4))),
		cert.And(cert.Or(cert.Eq("a", 1), cert.Eq("b", 2)), cert.Or(cert.Eq("c", 3), cert.Eq("d", 4))),
		cert.Not(cert.Or(cert.Eq("a", 1), cert.Not(cert.Eq("b", 2)))),
		cert.And(cert.And(cert.Eq("a", 1), cert.Eq("b", 2)), cert.And(cert.Eq("c", 3))),
		cert.Eq("x", "\x00\xff\n"),
	}
}

func TestRoundTripBuilder(t *testing.T) {
	for _, f := range builderFilters() {
		require.NoError(t, cert.Validate(f), f.String())
		back, err := cert.ParseFilter(f.String())
		require.NoError(t, err, f.String())
		assert.Equal(t, f, back, f.String())
	}
}

// FuzzParseFilter checks that the parser never panics and that whatever it
// accepts renders to text that parses back to the same filter.
func FuzzParseFilter(f *testing.F) {
	for _, s := range validExamples {
		f.Add(s)
	}
	for _, s := range []string{
		precedenceExample,
		`phase EQ "ACTIVE"`,
		`name co "ann"`,
		`rights ca ("READ") and rights ca ("UPDATE")`,
		`name eq "#Ops"`,
		`name eq "#Ops \"EU\""`,
		`signed pr`,
		`pr signed or signed isnull`,
		`not not (a eq 1 or b eq 2) and c in (1,-2.5,true,2024-01-31T00:00:00Z)`,
		`created gt 2024-01-31T01:00:00.123+02:00`,
		`x eq "unterminated`,
		`x eq "bad \escape"`,
		`(x eq 1`,
		`x eq 1)`,
		``,
		`x in ()`,
		`x eq 1and`,
		"x eq \"\xff\"",
		strings.Repeat("(", 120) + "x eq 1",
	} {
		f.Add(s)
	}
	for _, flt := range builderFilters() {
		f.Add(flt.String())
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := cert.ParseFilter(s)
		if err != nil {
			var se *cert.FilterSyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseFilter(%q) returned %T, want *FilterSyntaxError", s, err)
			}
			if se.Pos < 0 || se.Pos > len(s) {
				t.Fatalf("ParseFilter(%q): position %d outside the input", s, se.Pos)
			}
			_ = se.Context()
			return
		}
		if err := cert.Validate(flt); err != nil {
			t.Fatalf("ParseFilter(%q) gave a filter Validate rejects: %v", s, err)
		}
		out := flt.String()
		back, err := cert.ParseFilter(out)
		if err != nil {
			t.Fatalf("ParseFilter(%q) = %q, which does not parse: %v", s, out, err)
		}
		if !assert.ObjectsAreEqual(flt, back) {
			t.Fatalf("round trip changed the filter:\n in: %q\nout: %q\n%#v\n%#v", s, out, flt, back)
		}
		if again := back.String(); again != out {
			t.Fatalf("rendering is not stable: %q then %q", out, again)
		}
	})
}

func ExampleAnd() {
	f := cert.And(
		cert.Eq("phase", "ACTIVE"),
		cert.In("campaign.id", "c1", "c2"),
		cert.Or(cert.Eq("completed", false), cert.IsNull("signed")),
	)
	fmt.Println(f)
	// Output: phase eq "ACTIVE" and campaign.id in ("c1","c2") and (completed eq false or signed isnull)
}

func ExampleParseFilter() {
	_, err := cert.ParseFilter(`phase EQ "ACTIVE"`)
	var se *cert.FilterSyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Context())
		fmt.Println("expected", se.Expected)
	}
	// Output:
	// phase EQ "ACTIVE"
	//       ^
	// expected eq (operators are lower case)
}

// maxFilterNesting is the parser's documented limit of nesting levels.
const maxFilterNesting = 100
