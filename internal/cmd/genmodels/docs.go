package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode"
)

// The pages under docs/models are generated from the model files: the
// descriptions from their godoc comments, the tables from the struct
// fields, JSON tags and constants.

// modelDocsDir is where the pages go, below the module root.
const modelDocsDir = "docs/models"

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

// renderModelDocs returns the pages of docs/models, by file name, from
// the model files in dir.
func renderModelDocs(dir string) (map[string]string, error) {
	models, err := parseModels(dir)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, m := range models {
		names[m.name] = true
	}
	pages := map[string]string{}
	for _, m := range models {
		pages[m.name+".md"] = renderPage(m, names)
	}
	pages["README.md"] = renderIndex(models)
	return pages, nil
}

func parseModels(dir string) ([]docModel, error) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "model_*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/iscgo/certifications")
	if err != nil {
		return nil, err
	}

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
					typ:      exprString(f.Type),
					doc:      oneLine(f.Doc.Text()),
					required: opts != "omitempty",
				})
			}
		case *ast.ArrayType:
			m.kind = "slice"
			m.elem = exprString(st.Elt)
		case *ast.Ident:
			if st.Name != "string" {
				return nil, fmt.Errorf("%s: a named %s; models are structs, slices and string enums", typ.Name, st.Name)
			}
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
			return nil, fmt.Errorf("%s: unexpected type kind %T", typ.Name, spec.Type)
		}
		models = append(models, m)
	}
	sort.Slice(models, func(i, j int) bool { return models[i].name < models[j].name })
	return models, nil
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
		"generated from the source by `go generate ./...` (internal/cmd/genmodels).\n\n")
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
