package certtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// TestNamedIDs checks which decision summary filters are answered from the
// identities they name, and that those cover every identity they match.
func TestNamedIDs(t *testing.T) {
	for _, tc := range []struct {
		filter string
		ids    []string
		ok     bool
	}{
		{`identitySummary.id eq "a"`, []string{"a"}, true},
		{`identitySummary.id in ("a","b")`, []string{"a", "b"}, true},
		{`identitySummary.id eq "a" or identitySummary.id in ("b","c")`, []string{"a", "b", "c"}, true},
		{`identitySummary.id eq "a" and identitySummary.id in ("a","b")`, []string{"a"}, true},
		{`not identitySummary.id eq "a" and identitySummary.id in ("a","b")`, []string{"a", "b"}, true},
		{`not identitySummary.id eq "a"`, nil, false},
		{`identitySummary.id eq "a" or not identitySummary.id eq "b"`, nil, false},
		{`not identitySummary.id eq "a" and not identitySummary.id eq "b"`, nil, false},
	} {
		f, err := certifications.ParseFilter(tc.filter)
		require.NoError(t, err)
		ids, ok := namedIDs(f)
		assert.Equal(t, tc.ok, ok, tc.filter)
		if tc.ok {
			assert.Equal(t, tc.ids, ids, tc.filter)
		}
	}
}
