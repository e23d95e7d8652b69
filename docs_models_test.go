package certifications

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/models from the model source")

const modelDocsDir = "docs/models"

// TestModelDocs checks that docs/models holds one page per model and enum
// and that each page matches what the source says: descriptions come from
// the godoc comments, the tables from the struct fields, JSON tags and
// constants. Run `go test -run TestModelDocs -update-docs` to rewrite them.
func TestModelDocs(t *testing.T) {
	pages := renderModelDocs(t)
	if *updateDocs {
		require.NoError(t, os.MkdirAll(modelDocsDir, 0o755))
		old, _ := filepath.Glob(filepath.Join(modelDocsDir, "*.md"))
		for _, name := range old {
			require.NoError(t, os.Remove(name))
		}
		for name, content := range pages {
			require.NoError(t, os.WriteFile(filepath.Join(modelDocsDir, name), []byte(content), 0o644))
		}
		return
	}
	onDisk, err := filepath.Glob(filepath.Join(modelDocsDir, "*.md"))
	require.NoError(t, err)
	var names []string
	for _, p := range onDisk {
		names = append(names, filepath.Base(p))
	}
	var want []string
	for name := range pages {
		want = append(want, name)
	}
	sort.Strings(want)
	assert.Equal(t, want, names, "docs/models pages; run go test -run TestModelDocs -update-docs")
	for _, name := range want {
		got, err := os.ReadFile(filepath.Join(modelDocsDir, name))
		if !assert.NoError(t, err) {
			continue
		}
		assert.Equal(t, pages[name], string(got), "%s is stale; run go test -run TestModelDocs -update-docs", name)
	}
}

// docModel is what a page needs to know about one type.
type docModel struct {
	name   string
	doc    string
	kind   string // "struct", "enum" or "slice"
	fields []docField
	consts []docConst
	elem   string
}

type docField struct {
	name, json, typ, doc string
	required             bool
}

type docConst struct {
	name, value, doc string
}

func renderModelDocs(t *testing.T) map[string]string {
	t.Helper()
	models := parseModels(t)
	names := map[string]bool{}
	for _, m := range models {
		names[m.name] = true
	}
	pages := map[string]string{}
	for _, m := range models {
		pages[m.name+".md"] = renderPage(m, names)
	}
	pages["README.md"] = renderIndex(models)
	return pages
}

func parseModels(t *testing.T) []docModel {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("model_*.go")
	require.NoError(t, err)
	var files []*ast.File
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/iscgo/certifications")
	require.NoError(t, err)

	var models []docModel
	for _, typ := range pkg.Types {
		spec := typ.Decl.Specs[0].(*ast.TypeSpec)
		m := docModel{name: typ.Name, doc: oneLine(typ.Doc)}
		switch st := spec.Type.(type) {
		case *ast.StructType:
			m.kind = "struct"
			for _, f := range st.Fields.List {
				tag := reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Get("json")
				jsonName, opts, _ := strings.Cut(tag, ",")
				m.fields = append(m.fields, docField{
					name:     f.Names[0].Name,
					json:     jsonName,
					typ:      types.ExprString(f.Type),
					doc:      oneLine(f.Doc.Text()),
					required: opts != "omitempty",
				})
			}
		case *ast.ArrayType:
			m.kind = "slice"
			m.elem = types.ExprString(st.Elt)
		case *ast.Ident:
			require.Equal(t, "string", st.Name, typ.Name)
			m.kind = "enum"
			for _, group := range typ.Consts {
				for _, s := range group.Decl.Specs {
					vs := s.(*ast.ValueSpec)
					m.consts = append(m.consts, docConst{
						name:  vs.Names[0].Name,
						value: strings.Trim(vs.Values[0].(*ast.BasicLit).Value, `"`),
						doc:   oneLine(vs.Doc.Text()),
					})
				}
			}
		default:
			t.Fatalf("%s: unexpected type kind %T", typ.Name, spec.Type)
		}
		models = append(models, m)
	}
	sort.Slice(models, func(i, j int) bool { return models[i].name < models[j].name })
	return models
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func cell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}

// typeLink renders a Go type, linking the model it names, if any.
func typeLink(typ string, names map[string]bool) string {
	base := strings.TrimLeft(typ, "*[]")
	if names[base] {
		return fmt.Sprintf("[`%s`](%s.md)", typ, base)
	}
	return "`" + typ + "`"
}

// constDoc turns "XFoo means bar." into "Means bar.".
func constDoc(c docConst) string {
	d := strings.TrimSpace(strings.TrimPrefix(c.doc, c.name))
	if d == "" {
		return ""
	}
	r := []rune(d)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func renderPage(m docModel, names map[string]bool) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", m.name, m.doc)
	switch m.kind {
	case "struct":
		b.WriteString("## Fields\n\n")
		b.WriteString("| Field | JSON name | Type | Required | Description |\n")
		b.WriteString("|-------|-----------|------|----------|-------------|\n")
		for _, f := range m.fields {
			req := "no"
			if f.required {
				req = "yes"
				if strings.HasPrefix(f.typ, "*") {
					req = "yes, may be null"
				}
			}
			fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s | %s |\n", f.name, f.json, typeLink(f.typ, names), req, cell(f.doc))
		}
		fmt.Fprintf(&b, "\nEach field has a getter (`Get%s()` and so on) that is safe to call on a nil "+
			"`*%s` and returns the zero value when the field is unset. Optional fields are "+
			"pointers; build them with `Ptr(v)`. When decoding, unknown JSON properties are ignored and "+
			"a missing or null property leaves the field at its zero value.\n",
			m.fields[0].name, m.name)
	case "enum":
		fmt.Fprintf(&b, "Underlying type: `string`. `IsKnown()` reports whether a value is one of the values "+
			"below and `%sValues()` lists them. Other values decode unchanged, so data from newer API "+
			"versions is kept.\n\n", m.name)
		b.WriteString("## Values\n\n")
		b.WriteString("| Constant | Value | Description |\n")
		b.WriteString("|----------|-------|-------------|\n")
		for _, c := range m.consts {
			fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", c.name, c.value, cell(constDoc(c)))
		}
	case "slice":
		fmt.Fprintf(&b, "Underlying type: `[]%s`; element type: %s.\n", m.elem, typeLink(m.elem, names))
	}
	b.WriteString("\n[Back to the model list](README.md)\n")
	return b.String()
}

func renderIndex(models []docModel) string {
	var b bytes.Buffer
	b.WriteString("# Models\n\n")
	b.WriteString("Request and response models of the v3 Certifications API. Each page lists the " +
		"fields with their JSON names, Go types and whether the API requires them. These pages are " +
		"generated from the source by `go test -run TestModelDocs -update-docs`.\n\n")
	for _, section := range []struct{ title, kind string }{
		{"Structs", "struct"}, {"Enums", "enum"}, {"Other types", "slice"},
	} {
		fmt.Fprintf(&b, "## %s\n\n| Type | Description |\n|------|-------------|\n", section.title)
		for _, m := range models {
			if m.kind == section.kind {
				fmt.Fprintf(&b, "| [%s](%s.md) | %s |\n", m.name, m.name, cell(firstSentence(m.doc)))
			}
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
