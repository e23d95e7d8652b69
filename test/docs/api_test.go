package docs_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/optable"
	"github.com/iscgo/certifications/internal/spectest"
)

// moduleRoot is the SDK's module root, where the pages and sources are.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := spectest.ModuleRoot()
	require.NoError(t, err)
	return root
}

// apiDocs pairs each root service with its page in docs/, the generated
// file of its operations and how many operations the table declares.
var apiDocs = []struct {
	doc, file, service string
	ops                int
}{
	{"docs/CertificationsApi.md", "api_certifications.go", "CertificationsApiService", len(optable.Of("CertificationsApi"))},
	{"docs/CertificationSummariesApi.md", "api_certification_summaries.go", "CertificationSummariesApiService", len(optable.Of("CertificationSummariesApi"))},
	{"docs/CertificationCampaignsApi.md", "api_certification_campaigns.go", "CertificationCampaignsApiService", len(optable.Of("CertificationCampaignsApi"))},
	{"docs/CertificationCampaignFiltersApi.md", "api_certification_campaign_filters.go", "CertificationCampaignFiltersApiService", len(optable.Of("CertificationCampaignFiltersApi"))},
	{"docs/ReportsApi.md", "api_reports.go", "ReportsApiService", len(optable.Of("ReportsApi"))},
}

// serviceMethods parses the package's non-test Go files and returns the
// exported methods declared on *service, sorted.
func serviceMethods(t *testing.T, service string) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(moduleRoot(t), "*.go"))
	require.NoError(t, err)
	var names []string
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		require.NoError(t, err, p)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 || !fn.Name.IsExported() {
				continue
			}
			star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			if id, ok := star.X.(*ast.Ident); ok && id.Name == service {
				names = append(names, fn.Name.Name)
			}
		}
	}
	sort.Strings(names)
	return names
}

var (
	docHeading = regexp.MustCompile(`(?m)^#{2,4}[ \t]+(.+?)[ \t]*$`)
	docAnchor  = regexp.MustCompile(`<a\s+(?:id|name)="([^"]+)"`)
	docLink    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
)

// docSections returns the section names of an API doc: the text of every
// level 2 to 4 heading and every explicit HTML anchor.
func docSections(doc string) map[string]bool {
	found := map[string]bool{}
	for _, m := range docHeading.FindAllStringSubmatch(doc, -1) {
		found[strings.Trim(m[1], "`")] = true
	}
	for _, m := range docAnchor.FindAllStringSubmatch(doc, -1) {
		found[m[1]] = true
	}
	return found
}

// TestAPIDocsCoverEveryServiceMethod fails when an exported method of a
// service has no "## <Method>" heading (levels 2 to 4) or <a id="<Method>">
// anchor in its page.
func TestAPIDocsCoverEveryServiceMethod(t *testing.T) {
	for _, d := range apiDocs {
		methods := serviceMethods(t, d.service)
		require.GreaterOrEqual(t, len(methods), d.ops, "the operations at least: %v", methods)
		raw, err := os.ReadFile(filepath.Join(moduleRoot(t), d.doc))
		require.NoError(t, err)
		sections := docSections(string(raw))
		var missing []string
		for _, m := range methods {
			if !sections[m] {
				missing = append(missing, m)
			}
		}
		assert.Empty(t, missing, "%s has no section for these *%s methods; add a \"## <Method>\" heading for each", d.doc, d.service)
	}
}

// githubSlug turns a heading into the anchor GitHub gives it: lower case,
// punctuation other than - and _ dropped, spaces turned into dashes.
func githubSlug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestAPIDocsLinksResolve checks that every in-page link of the API doc
// points at a heading and every relative file link (the model pages among
// them) at a file that exists.
func TestAPIDocsLinksResolve(t *testing.T) {
	for _, d := range apiDocs {
		checkDocLinks(t, d.doc)
	}
}

func checkDocLinks(t *testing.T, apiDocPath string) {
	apiDocPath = filepath.Join(moduleRoot(t), apiDocPath)
	raw, err := os.ReadFile(apiDocPath)
	require.NoError(t, err)
	doc := string(raw)
	anchors := map[string]bool{}
	for _, m := range docHeading.FindAllStringSubmatch(doc, -1) {
		anchors[githubSlug(m[1])] = true
	}
	links := docLink.FindAllStringSubmatch(doc, -1)
	require.NotEmpty(t, links)
	for _, m := range links {
		target := m[1]
		switch {
		case strings.HasPrefix(target, "http://"), strings.HasPrefix(target, "https://"):
		case strings.HasPrefix(target, "#"):
			assert.True(t, anchors[target[1:]], "link %s points at no heading", target)
		default:
			file, _, _ := strings.Cut(target, "#")
			_, err := os.Stat(filepath.Join(filepath.Dir(apiDocPath), file))
			assert.NoError(t, err, "link %s points at a missing file", target)
		}
	}
}

// TestAPIDocsMethodTableListsEveryOperation checks that the method table
// has one row per operation (every service method returning a request
// builder), with its HTTP method and path as the method's godoc states it.
func TestAPIDocsMethodTableListsEveryOperation(t *testing.T) {
	for _, d := range apiDocs {
		checkMethodTable(t, d.doc, d.file, d.service, d.ops)
	}
}

func checkMethodTable(t *testing.T, apiDocPath, file, service string, want int) {
	raw, err := os.ReadFile(filepath.Join(moduleRoot(t), apiDocPath))
	require.NoError(t, err)
	doc := string(raw)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(moduleRoot(t), file), nil, parser.ParseComments)
	require.NoError(t, err)
	// "(GET /v3/certifications/{id}, or GET /certifications/v1/{id} with APIVersionV1)"
	godocRoute := regexp.MustCompile(`\((GET|POST|PUT|PATCH|DELETE) /v3(/[^,)\s]+), or (?:GET|POST|PUT|PATCH|DELETE) (/[^\s]+) with APIVersionV1\)`)
	ops := 0
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || fn.Doc == nil || !fn.Name.IsExported() {
			continue
		}
		if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); !ok || types.ExprString(star.X) != service {
			continue // a builder's setter, not an operation
		}
		res := fn.Type.Results
		if res == nil || len(res.List) != 1 {
			continue
		}
		if id, ok := res.List[0].Type.(*ast.Ident); !ok || !strings.HasPrefix(id.Name, "Api") {
			continue
		}
		m := godocRoute.FindStringSubmatch(strings.Join(strings.Fields(fn.Doc.Text()), " "))
		if !assert.NotNil(t, m, "%s: godoc names no (METHOD /v3/path)", fn.Name.Name) {
			continue
		}
		ops++
		row := "| [" + fn.Name.Name + "](#" + strings.ToLower(fn.Name.Name) + ") | `" + m[1] + " /v3" + m[2] + "` | `" + m[1] + " " + m[3] + "` |"
		assert.Contains(t, doc, row, "method table row for %s", fn.Name.Name)
	}
	assert.Equal(t, want, ops, "operations found in %s", file)
}
