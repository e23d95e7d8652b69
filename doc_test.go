package certifications

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The package documentation speaks of both API generations and how to
// choose one, not of v3 only.
func TestPackageDocCoversBothGenerations(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	require.NoError(t, err)
	require.NotNil(t, f.Doc)
	doc := f.Doc.Text()
	for _, want := range []string{"/v3/certifications/", "/certifications/v1/", "APIVersionV1", "APIVersionV3", EnvAPIVersion, "FilterBy"} {
		assert.Contains(t, doc, want)
	}
}
