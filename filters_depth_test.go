package certifications

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Validate and QueryRules.CheckFilter refuse a filter far too deep to
// render with a *ValidationError before walking it: a million nots, or a
// hand-built chain of ands, would otherwise exhaust the stack (a fatal
// error, not a panic). The stack is capped at 16 MB here so that walking
// such a chain would crash this test at once.
func TestValidateDeepFilterNeverExhaustsTheStack(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	const depth = 1 << 20
	nots := Eq("x", 1)
	chain := Eq("x", 1)
	for range depth {
		nots = Not(nots)
		chain = &Logical{Op: OpAnd, Operands: []Filter{Eq("y", 2), chain}}
	}
	loop := &Logical{Op: OpOr, Operands: []Filter{Eq("x", 1)}}
	loop.Operands = append(loop.Operands, loop)
	rules := RulesFor("ListIdentityCertifications")
	for name, f := range map[string]Filter{"nots": nots, "chain of ands": chain, "a filter inside itself": loop} {
		for check, err := range map[string]error{"Validate": Validate(f), "CheckFilter": CheckFilter(rules, f)} {
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, "%s: %s", name, check)
			assert.Equal(t, "filters", ve.Parameter)
			assert.Contains(t, ve.Problem, "more than 203 nodes deep", "%s: %s", name, check)
		}
	}
}

// The bound on a built tree's depth refuses nothing that the parser (or
// And, Or and Not) make within maxFilterNesting: the deepest such tree
// alternates or and and, one pair per level of parentheses.
func TestValidateAcceptsTheDeepestParsedFilter(t *testing.T) {
	expr := "a eq 1 or b eq 1 and c eq 1"
	for range maxFilterNesting {
		expr = "a eq 1 or b eq 1 and (" + expr + ")"
	}
	f, err := ParseFilter(expr)
	require.NoError(t, err)
	assert.NoError(t, Validate(f))
	_, err = ParseFilter("a eq 1 or b eq 1 and (" + expr + ")")
	require.Error(t, err, "one level more is refused by the parser")

	nots := strings.Repeat("not ", maxFilterNesting) + "x eq 1"
	f, err = ParseFilter(nots)
	require.NoError(t, err)
	assert.NoError(t, Validate(f))
	assert.NoError(t, Validate(Not(And(Eq("a", 1), Or(Eq("b", 1), Eq("c", 1))))))
}
