package certifications

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedFilter builds a filter of n comparisons in which every level holds
// the whole filter below it twice: n nodes, 2ⁿ⁻¹ of them as a tree.
func sharedFilter(n int) Filter {
	f := Eq("name", "a")
	for i := 1; i < n; i++ {
		f = And(f, Or(f, Eq(fmt.Sprintf("f%d", i), i)))
	}
	return f
}

// Validate and String walk each distinct node of a filter a bounded number
// of times, so a filter that shares its nodes costs what its nodes cost,
// not what its tree would. String stops at the longest filter a request can
// carry; Validate refuses a longer one. (go test's -timeout bounds the
// exponential walk this test guards against.)
func TestFilterWithSharedNodes(t *testing.T) {
	f := sharedFilter(31)
	err := Validate(f)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Problem, "longer than")
	s := f.String()
	assert.LessOrEqual(t, len(s), maxFilterLength+64)
	_, perr := ParseFilter(s)
	assert.Error(t, perr, "the text of a filter too long to render does not parse")
	assert.Error(t, CheckFilter(RulesFor("ListIdentityAccessReviewItems"), f))

	// A small shared filter is valid and renders in full.
	small := sharedFilter(4)
	require.NoError(t, Validate(small))
	assert.Equal(t, 8, strings.Count(small.String(), "name eq"), small.String())
	back, err := ParseFilter(small.String())
	require.NoError(t, err)
	assert.Equal(t, small.String(), back.String())
}

func BenchmarkValidateSharedFilter(b *testing.B) {
	f := sharedFilter(31)
	b.ReportAllocs()
	for b.Loop() {
		_ = Validate(f)
	}
}
