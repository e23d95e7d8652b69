package beta_test

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/beta"
)

const (
	betaDocs      = "../../docs/beta"
	betaModelDocs = betaDocs + "/models"
)

// betaStructs are the struct types the beta package exports, its own and
// its aliases of v3 types.
var betaStructs = []reflect.Type{
	reflect.TypeOf(beta.CertificationDto{}),
	reflect.TypeOf(beta.CertificationReference{}),
	reflect.TypeOf(beta.IdentityCertificationTask{}),
	reflect.TypeOf(beta.Reassignment{}),
	reflect.TypeOf(beta.Reviewer{}),
	reflect.TypeOf(beta.PermissionDto{}),
	reflect.TypeOf(beta.IdentityReferenceWithNameAndEmail{}),
	reflect.TypeOf(beta.CampaignReference{}),
	reflect.TypeOf(beta.ReviewReassign{}),
	reflect.TypeOf(beta.ReassignReference{}),
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestModelDocsMatchTheStructs checks that docs/beta/models has a page per
// beta struct with one row per field: Go name, JSON name, and "yes" in the
// Required column exactly when the JSON tag has no omitempty.
func TestModelDocsMatchTheStructs(t *testing.T) {
	for _, typ := range betaStructs {
		t.Run(typ.Name(), func(t *testing.T) {
			page := readDoc(t, filepath.Join(betaModelDocs, typ.Name()+".md"))
			rows := map[string]string{}
			for _, line := range strings.Split(page, "\n") {
				cells := strings.Split(line, "|")
				if len(cells) > 3 && strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
					rows[strings.Trim(strings.TrimSpace(cells[1]), "`")] = line
				}
			}
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
				row, ok := rows[f.Name]
				if !assert.True(t, ok, "no row for field %s", f.Name) {
					continue
				}
				cells := strings.Split(row, "|")
				assert.Equal(t, "`"+name+"`", strings.TrimSpace(cells[2]), "JSON name of %s", f.Name)
				want := "yes"
				if strings.Contains(opts, "omitempty") {
					want = "no"
				}
				assert.Equal(t, want, strings.TrimSpace(cells[4]), "Required column of %s", f.Name)
			}
			assert.Len(t, rows, typ.NumField(), "rows for fields that do not exist")
		})
	}
}

// TestModelDocsIndex checks that every page is listed in the index, that
// the index names the aliases, and that no page is left for a type that
// does not exist.
func TestModelDocsIndex(t *testing.T) {
	index := readDoc(t, filepath.Join(betaModelDocs, "README.md"))
	want := []string{"IdentityCertificationTaskType.md", "README.md"}
	for _, typ := range betaStructs {
		want = append(want, typ.Name()+".md")
		assert.Contains(t, index, "("+typ.Name()+".md)", "index links %s", typ.Name())
	}
	for _, alias := range []string{"PermissionDto", "IdentityReferenceWithNameAndEmail", "CampaignReference", "ReviewReassign", "ReassignReference"} {
		assert.Contains(t, index, "`certifications."+alias+"`", "index lists %s as a v3 alias", alias)
	}
	sort.Strings(want)
	pages, err := filepath.Glob(filepath.Join(betaModelDocs, "*.md"))
	require.NoError(t, err)
	var got []string
	for _, p := range pages {
		got = append(got, filepath.Base(p))
	}
	assert.Equal(t, want, got)

	enum := readDoc(t, filepath.Join(betaModelDocs, "IdentityCertificationTaskType.md"))
	for _, v := range beta.IdentityCertificationTaskTypeValues() {
		assert.Contains(t, enum, "`"+string(v)+"`")
	}
}

// TestAPIDocCoversEveryMethod checks docs/beta/CertificationsApi.md: a
// table row and a section per method, each section with its deprecation
// note, and the misspelt wire name of ListCertifications.
func TestAPIDocCoversEveryMethod(t *testing.T) {
	doc := readDoc(t, filepath.Join(betaDocs, "CertificationsApi.md"))
	svc := reflect.TypeOf(&beta.CertificationsApiService{})
	require.Equal(t, 6, svc.NumMethod(), "exported beta operations")
	sections := strings.Split(doc, "\n## ")
	for i := 0; i < svc.NumMethod(); i++ {
		m := svc.Method(i).Name
		assert.Contains(t, doc, "| ["+m+"](#"+strings.ToLower(m)+") |", "method table row for %s", m)
		var section string
		for _, s := range sections {
			if strings.HasPrefix(s, m+"\n") {
				section = s
			}
		}
		if assert.NotEmpty(t, section, "section for %s", m) {
			assert.Contains(t, section, "**Deprecated.**")
			assert.Contains(t, section, "### Parameters")
			assert.Contains(t, section, "### Return type")
			assert.Contains(t, section, "```go")
		}
	}
	assert.Contains(t, doc, "`reviewer-identitiy`")
}
