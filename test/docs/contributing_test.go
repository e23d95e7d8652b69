package docs_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codeSpan is a `...` span of a Markdown page.
var codeSpan = regexp.MustCompile("`([^`\n]+)`")

// TestContributingPathsExist keeps CONTRIBUTING.md true: every file or
// folder it names in a code span exists. A name with a placeholder
// (<name>) stands for a pattern and is checked by its folder.
func TestContributingPathsExist(t *testing.T) {
	root := moduleRoot(t)
	raw, err := os.ReadFile(filepath.Join(root, "CONTRIBUTING.md"))
	require.NoError(t, err)
	checked := 0
	for _, m := range codeSpan.FindAllStringSubmatch(string(raw), -1) {
		p := m[1]
		if strings.ContainsAny(p, " (){}") || !(strings.Contains(p, "/") || strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".md")) {
			continue // code, not a path
		}
		if i := strings.Index(p, "<"); i >= 0 {
			p = filepath.Dir(p[:i] + "x")
		}
		if strings.Contains(p, "*") {
			matches, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(p)))
			require.NoError(t, err)
			assert.NotEmpty(t, matches, "CONTRIBUTING.md names %s, which matches nothing", m[1])
		} else {
			_, err := os.Stat(filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(p, "/"))))
			assert.NoError(t, err, "CONTRIBUTING.md names %s", m[1])
		}
		checked++
	}
	assert.Greater(t, checked, 20, "paths found in CONTRIBUTING.md")
}
