package docs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/optable"
)

// operationSection returns the generated section of an operation in a
// page: from its "## Name" heading to the next level 2 heading or the end
// of the generated methods, or "" when the page has none.
func operationSection(doc, name string) string {
	start := strings.Index(doc, "\n## "+name+"\n")
	if start < 0 {
		return ""
	}
	rest := doc[start+1:]
	end := len(rest)
	if i := strings.Index(rest[1:], "\n## "); i >= 0 {
		end = i + 1
	}
	if i := strings.Index(rest, "<!-- end generated: methods -->"); i >= 0 && i < end {
		end = i
	}
	return rest[:end]
}

// TestAPIDocsEveryOperationHasExample fails when the method reference of an
// operation has no Go example: each operation's note under
// internal/cmd/genapi/notes must give one (the snippet compiler then
// compiles it).
func TestAPIDocsEveryOperationHasExample(t *testing.T) {
	pages := map[string]string{"beta.CertificationsApi": "docs/beta/CertificationsApi.md"}
	for _, d := range apiDocs {
		pages[strings.TrimSuffix(d.service, "Service")] = d.doc
	}
	for svc, page := range pages {
		ops := optable.Of(svc)
		require.NotEmpty(t, ops, "no operations declared for %s", svc)
		raw, err := os.ReadFile(filepath.Join(moduleRoot(t), filepath.FromSlash(page)))
		require.NoError(t, err)
		for _, o := range ops {
			sec := operationSection(string(raw), o.Name)
			if !assert.NotEmpty(t, sec, "%s has no section for %s", page, o.Name) {
				continue
			}
			assert.True(t, strings.Contains(sec, "\n### Example\n") && strings.Contains(sec, "```go\n"),
				"%s: the section of %s has no Go example; add an example part to its note, notes/%s/%s.md", page, o.Name, svc, o.Name)
		}
	}
}

// TestOperationSectionStopsAtNextSection checks the section reader on a
// page whose first section has no example and whose second, the last, has
// one: the example of the second must not count for the first.
func TestOperationSectionStopsAtNextSection(t *testing.T) {
	doc := "# Page\n\n<!-- begin generated: methods -->\n## A\n\nNo example.\n\n## B\n\n### Example\n\n```go\nx()\n```\n\n<!-- end generated: methods -->\n\n## Workflows\n\n### Example\n"
	assert.NotContains(t, operationSection(doc, "A"), "### Example")
	assert.Contains(t, operationSection(doc, "B"), "### Example")
	assert.NotContains(t, operationSection(doc, "B"), "Workflows")
	assert.Empty(t, operationSection(doc, "C"))
}
