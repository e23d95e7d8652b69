package certifications_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cert "github.com/iscgo/certifications"
)

// allRules is every operation's rules, a nil *QueryRules (syntax only) and
// an empty one (an operation that takes nothing).
func allRules() map[string]*cert.QueryRules {
	return map[string]*cert.QueryRules{
		"nil":                           nil,
		"empty":                         {},
		"listIdentityCertifications":    cert.RulesListIdentityCertifications(),
		"listCertificationReviewers":    cert.RulesListCertificationReviewers(),
		"listIdentityAccessReviewItems": cert.RulesListIdentityAccessReviewItems(),
		"getIdentityCertificationItemPermissions": cert.RulesGetIdentityCertificationItemPermissions(),
		"getPendingCertificationTasks":            cert.RulesGetPendingCertificationTasks(),
		"getIdentityDecisionSummary":              cert.RulesGetIdentityDecisionSummary(),
		"getIdentitySummaries":                    cert.RulesGetIdentitySummaries(),
		"getIdentityAccessSummaries":              cert.RulesGetIdentityAccessSummaries(),
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
				require.NotPanics(t, func() { err = rules.CheckFilter(tc.f) }, name)
				if !tc.valid {
					assert.Error(t, err, name)
				}
				if s == "" && tc.valid {
					assert.NoError(t, err, "%s: no filter passes every operation", name)
				}
				require.NotPanics(t, func() { _ = rules.CheckFilters(s) }, name)
				require.NotPanics(t, func() { _ = rules.CheckFiltersSyntax(s) }, name)
				if rules != nil && rules.Check != nil {
					require.NotPanics(t, func() { _ = rules.Check(tc.f) }, name)
				}
			}
		})
	}
	t.Run("nil interface", func(t *testing.T) {
		var f cert.Filter
		assert.NoError(t, cert.Validate(f))
		for name, rules := range allRules() {
			assert.NoError(t, rules.CheckFilter(f), name)
			if rules != nil && rules.Check != nil {
				assert.NoError(t, rules.Check(f), name)
			}
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
				require.NotPanics(t, func() { err = rules.CheckSorters(s) }, rname)
				assert.Error(t, err, rname)
				require.NotPanics(t, func() { err = rules.CheckSortersSyntax(s) }, rname)
				assert.Error(t, err, rname)
			}
		})
	}
	assert.Equal(t, "", cert.Asc("").String())
	assert.Equal(t, "-", cert.Desc("").String())
}

// TestQueryRulesNilSafe calls every method of a nil and of an empty
// *QueryRules.
func TestQueryRulesNilSafe(t *testing.T) {
	var r *cert.QueryRules
	assert.Nil(t, r.Clone())
	assert.NoError(t, r.CheckFilter(nil))
	assert.NoError(t, r.CheckFilters(`x eq 1`), "a nil *QueryRules checks syntax only")
	assert.NoError(t, r.CheckSorters(`-x`))
	empty := &cert.QueryRules{}
	assert.NotNil(t, empty.Clone())
	assert.Error(t, empty.CheckFilters(`x eq 1`), "an operation without filters")
	assert.Error(t, empty.CheckSorters(`x`), "an operation without sorters")
	assert.NoError(t, empty.CheckFilter(cert.And()))
}
