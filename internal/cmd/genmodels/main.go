// Command genmodels writes the accessors of the models, the way go-github
// writes its gen-accessors: for every struct declared in a package's
// model_*.go files, a nil-safe getter per field, and for every string type
// with constants there, its Values function and IsKnown method. A method
// the package already declares by hand is left to it, so a model needs no
// registration: its file is the declaration.
//
// Run it from the module root (go generate ./... does):
//
//	go run ./internal/cmd/genmodels
//
// It also writes the pages under docs/models, the JSON readers of the
// models inside an access review item (see readers.go) and the sandbox's
// writers of the same models (see writers.go). With -check it
// writes nothing and fails when a generated file differs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/iscgo/certifications/internal/genfiles"
)

// packages are the folders, below the module root, whose models get
// accessors.
var packages = []string{".", "beta"}

// genFile is the name of the generated file in each package.
const genFile = "accessors_gen.go"

func main() {
	check := flag.Bool("check", false, "fail when a generated file is not current instead of writing it")
	flag.Parse()
	files, err := generate(".")
	if err != nil {
		log.Fatal(err)
	}
	if *check {
		if stale := genfiles.Stale(".", files); len(stale) > 0 {
			log.Fatalf("%s is not current; run go generate ./...", stale[0])
		}
		return
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.FromSlash(name), src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// generate returns the accessor file of every package below root.
func generate(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	ext := map[string]string{} // the root package's named types, for beta
	for _, dir := range packages {
		p, err := parsePackage(filepath.Join(root, dir), ext)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		src, err := p.render()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		out[filepath.ToSlash(filepath.Join(dir, genFile))] = src
		if p.name == rootPkg {
			if out[decodeFile], err = p.renderReaders(decodeRoots); err != nil {
				return nil, fmt.Errorf("%s: %w", decodeFile, err)
			}
			if out[encodeFile], err = p.renderWriters(encodeRoots); err != nil {
				return nil, fmt.Errorf("%s: %w", encodeFile, err)
			}
		}
	}
	reg, err := genRegistry(root)
	if err != nil {
		return nil, err
	}
	out[registryFile] = reg
	pages, err := renderModelDocs(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", modelDocsDir, err)
	}
	for name, page := range pages {
		out[modelDocsDir+"/"+name] = []byte(page)
	}
	return out, nil
}

// pkgInfo is what the generator learns from a package's files.
type pkgInfo struct {
	name    string
	kinds   map[string]string   // named type -> underlying basic kind ("string", "bool", "int32", "struct", "slice", ...)
	methods map[string]bool     // "Type.Method" declared by hand
	structs []*structDecl       // the models, in file and declaration order
	enums   map[string][]string // string type -> its constants, in order
	enumOrd []string
	ext     map[string]string // kinds of the root package's types, qualified
}

type structDecl struct {
	name   string
	fields []*ast.Field
}

// genPackage writes dir's accessors. ext holds the kinds of the root
// package's types as "certifications.Name"; the root package adds its own.
func genPackage(dir string, ext map[string]string) ([]byte, error) {
	p, err := parsePackage(dir, ext)
	if err != nil {
		return nil, err
	}
	return p.render()
}

// parsePackage reads the types and methods of dir's files, leaving out
// tests and the files this command writes.
func parsePackage(dir string, ext map[string]string) (*pkgInfo, error) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	p := &pkgInfo{kinds: map[string]string{}, methods: map[string]bool{}, enums: map[string][]string{}, ext: ext}
	for _, path := range paths {
		base := filepath.Base(path)
		if strings.HasSuffix(base, "_test.go") || base == genFile || base == decodeFile {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.name = f.Name.Name
		p.collect(f, strings.HasPrefix(base, "model_"))
	}
	if p.name == rootPkg {
		for name := range p.kinds {
			ext[rootPkg+"."+name] = p.basic(name)
		}
	}
	return p, nil
}

// rootPkg is the root package's name, as other packages qualify it.
const rootPkg = "certifications"

// collect records f's types and methods; models is whether f is a model
// file, whose structs and enums get accessors.
func (p *pkgInfo) collect(f *ast.File, models bool) {
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) == 1 {
				p.methods[recvName(d.Recv.List[0].Type)+"."+d.Name.Name] = true
			}
		case *ast.GenDecl:
			switch d.Tok {
			case token.TYPE:
				for _, spec := range d.Specs {
					ts := spec.(*ast.TypeSpec)
					if ts.Assign != 0 {
						continue // an alias: its methods are its target's
					}
					p.kinds[ts.Name.Name] = kindOf(ts.Type)
					if st, ok := ts.Type.(*ast.StructType); ok && models && ts.Name.IsExported() {
						p.structs = append(p.structs, &structDecl{ts.Name.Name, st.Fields.List})
					}
				}
			case token.CONST:
				if !models {
					continue
				}
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					id, ok := vs.Type.(*ast.Ident)
					if !ok {
						continue
					}
					if _, seen := p.enums[id.Name]; !seen {
						p.enumOrd = append(p.enumOrd, id.Name)
					}
					for _, n := range vs.Names {
						p.enums[id.Name] = append(p.enums[id.Name], n.Name)
					}
				}
			}
		}
	}
}

func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// kindOf names the underlying kind of a type expression.
func kindOf(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name // a basic type, or a named type resolved later
	case *ast.StructType:
		return "struct"
	case *ast.ArrayType:
		return "slice"
	case *ast.MapType:
		return "map"
	case *ast.StarExpr:
		return "pointer"
	case *ast.SelectorExpr:
		return types(t)
	}
	return "other"
}

// types names a qualified type: time.Time is a struct, another package's
// named type is resolved by its name alone.
func types(t *ast.SelectorExpr) string {
	if x, ok := t.X.(*ast.Ident); ok && x.Name == "time" && t.Sel.Name == "Time" {
		return "time.Time"
	}
	return "qualified"
}

// basic resolves a type name to its basic kind through named types.
func (p *pkgInfo) basic(name string) string {
	for range 10 { // named types chain a few levels at most
		k, ok := p.kinds[name]
		if !ok || k == name {
			return name
		}
		name = k
	}
	return name
}

// zero returns the zero value expression of a dereferenced field type, or
// "" when the getter returns the pointer itself.
func (p *pkgInfo) zero(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.SelectorExpr:
		if types(t) == "time.Time" {
			return "time.Time{}"
		}
		return basicZero(p.ext[exprString(t)])
	case *ast.Ident:
		return basicZero(p.basic(t.Name))
	}
	return ""
}

// basicZero is the zero value of a basic kind, "" for another kind.
func basicZero(kind string) string {
	switch kind {
	case "string":
		return `""`
	case "bool":
		return "false"
	case "int", "int32", "int64", "float32", "float64", "uint", "uint32", "uint64":
		return "0"
	}
	return ""
}

func (p *pkgInfo) render() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./internal/cmd/genmodels; DO NOT EDIT.\n\npackage %s\n\n", p.name)
	var body bytes.Buffer
	needTime, needSlices, needRoot := false, false, false
	for _, s := range p.structs {
		recv := strings.ToLower(s.name[:1])
		for _, f := range s.fields {
			for _, n := range f.Names {
				if !n.IsExported() || p.methods[s.name+".Get"+n.Name] {
					continue
				}
				getter, usesTime := p.getter(s.name, recv, n.Name, f.Type)
				needTime = needTime || usesTime || strings.Contains(getter, "time.Time")
				needRoot = needRoot || strings.Contains(getter, rootPkg+".")
				body.WriteString(getter)
			}
		}
	}
	for _, e := range p.enumOrd {
		if p.basic(e) != "string" {
			continue
		}
		vals := p.enums[e]
		list := lowerFirst(e) + "Values"
		if !p.methods[e+".IsKnown"] {
			needSlices = true
			fmt.Fprintf(&body, "// %s lists the %s values the API defines, in its order.\nvar %s = []%s{\n", list, e, list, e)
			for _, v := range vals {
				fmt.Fprintf(&body, "\t%s,\n", v)
			}
			body.WriteString("}\n\n")
			fmt.Fprintf(&body, "// %sValues returns the values of %s defined by the API, in the order the\n// API lists them. Each call returns a new slice.\nfunc %sValues() []%s { return slices.Clone(%s) }\n\n", e, e, e, e, list)
			fmt.Fprintf(&body, "// IsKnown reports whether v is one of the values defined by the API.\nfunc (v %s) IsKnown() bool { return slices.Contains(%s, v) }\n\n", e, list)
		}
	}
	var imports []string
	if needSlices {
		imports = append(imports, `"slices"`)
	}
	if needTime {
		imports = append(imports, `"time"`)
	}
	if needRoot {
		imports = append(imports, "", `"github.com/iscgo/certifications"`)
	}
	if len(imports) > 0 {
		fmt.Fprintf(&b, "import (\n\t%s\n)\n\n", strings.Join(imports, "\n\t"))
	}
	b.Write(body.Bytes())
	return formatted(b.Bytes())
}

// getter writes the nil-safe getter of one field: a pointer to a value is
// dereferenced (the zero value when unset), anything else is returned as
// it is (nil when the receiver is nil).
func (p *pkgInfo) getter(typ, recv, field string, t ast.Expr) (string, bool) {
	var b strings.Builder
	if star, ok := t.(*ast.StarExpr); ok {
		if zero := p.zero(star.X); zero != "" {
			ret := exprString(star.X)
			fmt.Fprintf(&b, "// Get%s returns %s, or %s when it is unset or %s is nil.\n", field, field, zeroDoc(zero), recv)
			fmt.Fprintf(&b, "func (%s *%s) Get%s() %s {\n\tif %s == nil || %s.%s == nil {\n\t\treturn %s\n\t}\n\treturn *%s.%s\n}\n\n",
				recv, typ, field, ret, recv, recv, field, zero, recv, field)
			return b.String(), zero == "time.Time{}"
		}
	}
	zero := p.zero(t)
	if zero == "" {
		zero = "nil"
		if id, ok := t.(*ast.Ident); ok && p.kinds[id.Name] == "struct" {
			zero = id.Name + "{}"
		}
	}
	fmt.Fprintf(&b, "// Get%s returns %s, or %s when %s is nil.\n", field, field, zeroDoc(zero), recv)
	fmt.Fprintf(&b, "func (%s *%s) Get%s() %s {\n\tif %s == nil {\n\t\treturn %s\n\t}\n\treturn %s.%s\n}\n\n",
		recv, typ, field, exprString(t), recv, zero, recv, field)
	return b.String(), zero == "time.Time{}"
}

// formatted returns gofmt's form of the generated source src.
func formatted(src []byte) ([]byte, error) {
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse: %w\n%s", err, src)
	}
	return out, nil
}

func zeroDoc(zero string) string {
	switch zero {
	case "time.Time{}":
		return "the zero time"
	case `""`, "0", "false", "nil":
		return zero
	}
	return "the zero value"
}

func exprString(e ast.Expr) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), e); err != nil {
		return fmt.Sprintf("%T", e)
	}
	return b.String()
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// registryFile lists the root package's models for its tests, so that a
// new model is covered by them without being registered by hand.
const registryFile = "models_gen_test.go"

// genRegistry writes the root package's test registry: every struct of
// its model files, and every enum with its values.
func genRegistry(root string) ([]byte, error) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(root, "model_*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	p := &pkgInfo{kinds: map[string]string{}, methods: map[string]bool{}, enums: map[string][]string{}}
	for _, path := range paths {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.collect(f, true)
	}
	var structs, enums []string
	for _, s := range p.structs {
		structs = append(structs, s.name)
	}
	for _, e := range p.enumOrd {
		if p.basic(e) == "string" {
			enums = append(enums, e)
		}
	}
	sort.Strings(structs)
	sort.Strings(enums)
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/cmd/genmodels; DO NOT EDIT.\n\npackage certifications\n\nimport \"reflect\"\n\n")
	b.WriteString("// modelTypes lists every struct model of the package.\nvar modelTypes = []reflect.Type{\n")
	for _, s := range structs {
		fmt.Fprintf(&b, "\treflect.TypeFor[%s](),\n", s)
	}
	b.WriteString("}\n\n// enums lists every enum type with its defined values.\nvar enums = []enumInfo{\n")
	for _, e := range enums {
		fmt.Fprintf(&b, "\tenumOf(%sValues()),\n", e)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
