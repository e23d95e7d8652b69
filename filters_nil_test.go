package certifications_test

import (
	"github.com/iscgo/certifications/internal/query"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cert "github.com/iscgo/certifications"
)

// allRules is every operation's rules, a nil *query.Rules (syntax only) and
// an empty one (an operation that takes nothing).
func allRules() map[string]*query.Rules {
	return map[string]*query.Rules{
		"nil":                           nil,
		"empty":                         {},
		"listIdentityCertifications":    cert.RulesFor("ListIdentityCertifications"),
		"listCertificationReviewers":    cert.RulesFor("ListCertificationReviewers"),
		"listIdentityAccessReviewItems": cert.RulesFor("ListIdentityAccessReviewItems"),
		"getIdentityCertificationItemPermissions": cert.RulesFor("GetIdentityCertificationItemPermissions"),
		"getPendingCertificationTasks":            cert.RulesFor("GetPendingCertificationTasks"),
		"getIdentityDecisionSummary":              cert.RulesFor("GetIdentityDecisionSummary"),
		"getIdentitySummaries":                    cert.RulesFor("GetIdentitySummaries"),
		"getIdentityAccessSummaries":              cert.RulesFor("GetIdentityAccessSummaries"),
	}
}

// TestFilterBuildersNilAndEmpty calls every filter builder with nil and
// empty arguments, then String, Validate, Match, ParseFilter and every
// operation's CheckFilter on the result: nothing panics, no filter is
// valid and renders as "", and anything else that cannot be rendered
// properly is a *ValidationError for "filters" whose rendering does not
// parse.
func TestFilterBuildersNilAndEmpty(t *testing.T) {
	x := cert.Eq("x", 1)
	var nilStr *string
	tests := []struct {
		name string
		f    cert.Filter
		// want is the rendering; "" for no filter.
		want string
		// valid says Validate accepts it.
		valid bool
	}{
		{"Eq empty field nil value", cert.Eq("", nil), "", false},
		{"Ne empty field nil value", cert.Ne("", nil), "", false},
		{"Gt empty field nil value", cert.Gt("", nil), "", false},
		{"Ge empty field nil value", cert.Ge("", nil), "", false},
		{"Lt empty field nil value", cert.Lt("", nil), "", false},
		{"Le empty field nil value", cert.Le("", nil), "", false},
		{"Eq nil value", cert.Eq("x", nil), "", false},
		{"Eq nil pointer", cert.Eq("x", nilStr), "", false},
		{"Eq empty string", cert.Eq("x", ""), `x eq ""`, true},
		{"In no values", cert.In("x"), "", false},
		{"In empty field", cert.In("", "a"), "", false},
		{"In nil value", cert.In("x", nil), "", false},
		{"In nil slice", cert.In("x", []any(nil)...), "", false},
		{"Ca no values", cert.Ca("x"), "", false},
		{"Ca nil value", cert.Ca("x", nil), "", false},
		{"Co empty", cert.Co("", ""), "", false},
		{"Co empty text", cert.Co("x", ""), `x co ""`, true},
		{"Sw empty", cert.Sw("", ""), "", false},
		{"Pr empty field", cert.Pr(""), "", false},
		{"IsNull empty field", cert.IsNull(""), "", false},
		{"And of nothing", cert.And(), "", true},
		{"And nil", cert.And(nil), "", true},
		{"And nil nil", cert.And(nil, nil), "", true},
		{"And typed nils", cert.And((*cert.Comparison)(nil), (*cert.Logical)(nil), (*cert.Negation)(nil)), "", true},
		{"And nil and x", cert.And(nil, x), "x eq 1", true},
		{"And x and no filter", cert.And(x, cert.Or()), "x eq 1", true},
		{"Or of nothing", cert.Or(), "", true},
		{"Or nil nil", cert.Or(nil, nil), "", true},
		{"Or nil and x", cert.Or(x, nil), "x eq 1", true},
		{"Or of And of nothing", cert.Or(cert.And(), cert.And(nil)), "", true},
		{"Not nil", cert.Not(nil), "not <missing filter>", false},
		{"Not no filter", cert.Not(cert.And()), "not <missing filter>", false},
		{"Not typed nil comparison", cert.Not((*cert.Comparison)(nil)), "not <missing filter>", false},
		{"Not typed nil logical", cert.Not((*cert.Logical)(nil)), "not <missing filter>", false},
		{"Not typed nil negation", cert.Not((*cert.Negation)(nil)), "not <missing filter>", false},
		{"Not Not nil", cert.Not(cert.Not(nil)), "not not <missing filter>", false},
		{"And with Not nil", cert.And(x, cert.Not(nil)), "x eq 1 and not <missing filter>", false},
		{"typed nil comparison", (*cert.Comparison)(nil), "", true},
		{"typed nil logical", (*cert.Logical)(nil), "", true},
		{"typed nil negation", (*cert.Negation)(nil), "", true},
		{"zero comparison", &cert.Comparison{}, "", false},
		{"zero logical", &cert.Logical{}, "", true},
		{"zero negation", &cert.Negation{}, "not <missing filter>", false},
		{"logical of nils", &cert.Logical{Op: cert.OpAnd, Operands: []cert.Filter{nil, nil}}, "<missing filter> and <missing filter>", false},
		{"logical with an empty operand", &cert.Logical{Op: cert.OpOr, Operands: []cert.Filter{x, &cert.Logical{}}}, "x eq 1 or <missing filter>", false},
		{"ValueOf nil", cert.Eq("x", cert.ValueOf(nil)), "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s string
			require.NotPanics(t, func() { s = tc.f.String() })
			if tc.want != "" || tc.valid {
				assert.Equal(t, tc.want, s)
			}
			var verr error
			require.NotPanics(t, func() { verr = cert.Validate(tc.f) })
			if tc.valid {
				assert.NoError(t, verr)
			} else {
				var ve *cert.ValidationError
				require.ErrorAs(t, verr, &ve)
				assert.Equal(t, "filters", ve.Parameter)
				assert.NotEmpty(t, ve.Allowed)
				_, perr := cert.ParseFilter(s)
				assert.Error(t, perr, "%q must not parse", s)
			}
			require.NotPanics(t, func() { _, _ = cert.ParseFilter(s) })
			for name, rules := range allRules() {
				var err error
				require.NotPanics(t, func() { err = cert.CheckFilter(rules, tc.f) }, name)
				if !tc.valid {
					assert.Error(t, err, name)
				}
				if s == "" && tc.valid {
					assert.NoError(t, err, "%s: no filter passes every operation", name)
				}
				require.NotPanics(t, func() { _ = cert.CheckFilters(rules, s) }, name)
				require.NotPanics(t, func() { _ = cert.CheckFiltersSyntax(s) }, name)
			}
		})
	}
	t.Run("nil interface", func(t *testing.T) {
		var f cert.Filter
		assert.NoError(t, cert.Validate(f))
		for name, rules := range allRules() {
			assert.NoError(t, cert.CheckFilter(rules, f), name)
		}
	})
}

// TestSorterBuildersNilAndEmpty does the same for the sorter builders and
// the sorter checks: an empty rendering is refused with a
// *ValidationError for "sorters", and nothing panics.
func TestSorterBuildersNilAndEmpty(t *testing.T) {
	for name, s := range map[string]string{
		"Sorters()":                cert.Sorters(),
		"Sorters(nil...)":          cert.Sorters([]cert.Sorter(nil)...),
		"Sorters(Asc(\"\"))":       cert.Sorters(cert.Asc("")),
		"Sorters(Desc(\"\"))":      cert.Sorters(cert.Desc("")),
		"Sorters(Asc, Desc empty)": cert.Sorters(cert.Asc(""), cert.Desc("")),
		"zero Sorter":              cert.Sorter{}.String(),
		"blank":                    "  ",
	} {
		t.Run(name, func(t *testing.T) {
			var err error
			require.NotPanics(t, func() { _, err = cert.ParseSorters(s) })
			var ve *cert.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "sorters", ve.Parameter)
			for rname, rules := range allRules() {
				require.NotPanics(t, func() { err = cert.CheckSorters(rules, s) }, rname)
				assert.Error(t, err, rname)
				require.NotPanics(t, func() { err = cert.CheckSortersSyntax(s) }, rname)
				assert.Error(t, err, rname)
			}
		})
	}
	assert.Equal(t, "", cert.Asc("").String())
	assert.Equal(t, "-", cert.Desc("").String())
}

// TestQueryChecksNilSafe applies every check with nil rules (a path of no
// declared operation) and with empty ones.
func TestQueryChecksNilSafe(t *testing.T) {
	var r *query.Rules
	assert.NoError(t, cert.CheckFilter(r, nil))
	assert.NoError(t, cert.CheckFilters(r, `x eq 1`), "a nil *query.Rules checks syntax only")
	assert.NoError(t, cert.CheckSorters(r, `-x`))
	empty := &query.Rules{}
	assert.Error(t, cert.CheckFilters(empty, `x eq 1`), "an operation without filters")
	assert.Error(t, cert.CheckSorters(empty, `x`), "an operation without sorters")
	assert.NoError(t, cert.CheckFilter(empty, cert.And()))
}
