package docs_test

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/iscgo/certifications/internal/spectest"
)

// The documentation's Go snippets are compiled by TestDocSnippetsCompile.
// Every ```go block of README.md and docs/**/*.md is one snippet:
//   - a block that starts with a package clause is a whole file, compiled
//     as is in a package of its own;
//   - a block of function declarations without bodies documents signatures:
//     each is checked against the SDK's real function or method;
//   - a block of other top-level declarations gets a package of its own,
//     with the prelude's variables it does not declare itself;
//   - anything else is a fragment, put in a function body (returning error)
//     of one shared package, after the prelude.
//
// Imports are added for the packages a snippet names (snippetPackages).
// Everything goes into one temporary module that uses this one through a
// replace directive and is vetted by one `go vet ./...`, offline. A
// snippet that cannot be compiled fails the test with its file and line
// (//line directives map the generated code back to the Markdown).

// snippetPackages maps the package names a snippet may use to their import
// paths. A snippet that uses another package must be a whole file.
var snippetPackages = map[string]string{
	"assert":         "github.com/stretchr/testify/assert",
	"beta":           "github.com/iscgo/certifications/beta",
	"bytes":          "bytes",
	"certifications": "github.com/iscgo/certifications",
	"certtest":       "github.com/iscgo/certifications/certtest",
	"context":        "context",
	"errors":         "errors",
	"fmt":            "fmt",
	"http":           "net/http",
	"httptest":       "net/http/httptest",
	"io":             "io",
	"iter":           "iter",
	"json":           "encoding/json",
	"log":            "log",
	"math":           "math",
	"oauth2":         "golang.org/x/oauth2",
	"os":             "os",
	"rate":           "golang.org/x/time/rate",
	"require":        "github.com/stretchr/testify/require",
	"signal":         "os/signal",
	"slices":         "slices",
	"slog":           "log/slog",
	"sort":           "sort",
	"strconv":        "strconv",
	"strings":        "strings",
	"sync":           "sync",
	"synctest":       "testing/synctest",
	"testing":        "testing",
	"time":           "time",
	"url":            "net/url",
}

// snippetPrelude declares, by name, the variables snippets use without
// declaring them: a client and the service, ids (of certifications,
// items, tasks, reviewers, campaigns, templates, filters and report
// results), and inputs.
func snippetPrelude(sdk string) map[string]string {
	api := "client.CertificationsApi"
	if sdk == "beta" {
		api = "beta.NewCertificationsApi(client)"
	}
	return map[string]string{
		"ctx":           "ctx = context.Background()",
		"cfg":           "cfg = certifications.NewConfiguration()",
		"client":        "client = certifications.NewAPIClient(cfg)",
		"api":           "api = " + api,
		"id":            `id = "2c9180835d2e5168015d32f890ca1581"`,
		"certID":        `certID = "ef38f94347e94562b5bb8424a56397d8"`,
		"itemID":        `itemID = "2c9180857182305e0171993737b51d8d"`,
		"itemA":         `itemA = "2c9180857182305e0171993737b51d8e"`,
		"itemB":         `itemB = "2c9180857182305e0171993737b51d8f"`,
		"taskID":        `taskID = "2c918086719eec070171a7e3355a360a"`,
		"deputyID":      `deputyID = "ef38f94347e94562b5bb8424a56397d9"`,
		"newReviewerID": `newReviewerID = "ef38f94347e94562b5bb8424a56397da"`,
		"campaignID":    `campaignID = "2c91808571bcfcf80171c23e4b4221fc"`,
		"templateID":    `templateID = "2c9180835d191a86015d28455b4a2329"`,
		"filterID":      `filterID = "e0adaae69852e8fe8b8a3d48e5ce757c"`,
		"taskResultID":  `taskResultID = "ef38f94347e94562b5bb8424a56397db"`,
		"onlyActive":    "onlyActive = true",
		"decisions":     "decisions []certifications.ReviewDecision",
		"refs":          "refs []certifications.ReassignReference",
		"body":          "body certifications.ReviewReassign",
	}
}

// snippet is one ```go block.
type snippet struct {
	file string // relative to the module root, with forward slashes
	line int    // line of the block's first code line
	src  string
}

func (s snippet) String() string { return fmt.Sprintf("%s:%d", s.file, s.line) }

// sdkPackage names the SDK package a snippet's unqualified names and its
// api variable refer to: beta for docs/beta, the root package otherwise.
func (s snippet) sdkPackage() string {
	if strings.HasPrefix(s.file, "docs/beta/") {
		return "beta"
	}
	return "certifications"
}

// docSnippets returns the ```go blocks of README.md and docs/**/*.md.
func docSnippets(t *testing.T, root string) []snippet {
	t.Helper()
	files := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(root, "docs"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files[1:])
	var out []snippet
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		blocks, err := goBlocks(f, b)
		if err != nil {
			t.Error(err)
		}
		out = append(out, blocks...)
	}
	return out
}

// goBlocks extracts the fenced go (or golang) blocks of a Markdown file:
// ``` or ~~~ fences, indented ones included, closed by a fence of the same
// character at least as long. An unclosed block is an error.
func goBlocks(file string, md []byte) ([]snippet, error) {
	var out []snippet
	var cur *snippet
	var indent, fence string
	var body []string
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimLeft(line, " \t")
		if cur == nil {
			f := fenceOf(trimmed)
			if f == "" {
				continue
			}
			info := strings.Fields(strings.ToLower(trimmed[len(f):]))
			if len(info) > 0 && (info[0] == "go" || info[0] == "golang") {
				cur = &snippet{file: file, line: n + 1}
				indent, fence, body = line[:len(line)-len(trimmed)], f, nil
			}
			continue
		}
		if f := fenceOf(trimmed); f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(trimmed[len(f):]) == "" {
			cur.src = strings.Join(body, "\n") + "\n"
			out = append(out, *cur)
			cur = nil
			continue
		}
		body = append(body, strings.TrimPrefix(line, indent))
	}
	if cur != nil {
		return out, fmt.Errorf("%s: the go block is not closed", cur)
	}
	return out, sc.Err()
}

// fenceOf returns the run of three or more backticks or tildes that starts
// s, or "".
func fenceOf(s string) string {
	if s == "" || (s[0] != '`' && s[0] != '~') {
		return ""
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return s[:n]
}

// lineDirective maps the lines after it to the snippet's lines.
func lineDirective(abs string, line int) string {
	return fmt.Sprintf("//line %s:%d\n", abs, line)
}

// usedPackages returns the import paths of the packages src refers to:
// selectors whose left side is a name src does not declare (the parser
// leaves those unresolved) and that snippetPackages knows.
func usedPackages(f *ast.File) []string {
	seen := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				if path, ok := snippetPackages[id.Name]; ok {
					seen[path] = true
				}
			}
		}
		return true
	})
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// withImports parses src (a file without imports) and returns it with the
// imports it needs inserted after the package clause.
func withImports(fset *token.FileSet, name, src string) (string, error) {
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return "", err
	}
	pkgLine := strings.Index(src, "\n") + 1
	var imp strings.Builder
	for _, p := range usedPackages(f) {
		fmt.Fprintf(&imp, "import %q\n", p)
	}
	return src[:pkgLine] + imp.String() + src[pkgLine:], nil
}

// snippetModule is the temporary module the snippets are compiled in.
type snippetModule struct {
	root, dir string // the SDK's module root, the temporary module
	fset      *token.FileSet
	files     map[string]string // path in dir -> content
	frags     map[string]int    // fragment package -> snippets in it
	errs      []string
}

func (m *snippetModule) fail(s snippet, format string, args ...any) {
	m.errs = append(m.errs, fmt.Sprintf("%s: %s", s, fmt.Sprintf(format, args...)))
}

func (m *snippetModule) abs(s snippet) string {
	return filepath.Join(m.root, filepath.FromSlash(s.file))
}

// add classifies one snippet and writes the code that compiles it.
func (m *snippetModule) add(i int, s snippet) {
	if f, err := parser.ParseFile(token.NewFileSet(), "", s.src, parser.PackageClauseOnly); err == nil && f.Name != nil {
		dir := fmt.Sprintf("file%03d", i)
		m.files[dir+"/main.go"] = lineDirective(m.abs(s), s.line) + s.src
		return
	}
	asFile := "package p\n" + lineDirective(m.abs(s), s.line) + s.src
	if f, err := parser.ParseFile(m.fset, "", asFile, 0); err == nil {
		bodyless := 0
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
				bodyless++
			}
		}
		switch bodyless {
		case 0:
			m.addDecls(i, s, f)
		case len(f.Decls):
			m.addSignatures(i, s, f)
		default:
			m.fail(s, "mixes function signatures without bodies with other declarations; put them in separate blocks")
		}
		return
	}
	m.addFragment(i, s)
}

// addFragment puts a fragment into a function of its SDK package's
// fragment package.
func (m *snippetModule) addFragment(i int, s snippet) {
	pkg := "frag" + s.sdkPackage()
	src := fmt.Sprintf("package %s\n\nfunc snippet%03d() error {\n%s%s", pkg, i, lineDirective(m.abs(s), s.line), s.src)
	f, err := parser.ParseFile(m.fset, "", src+"}\n", 0)
	if err != nil {
		m.errs = append(m.errs, scannerErrors(err)...)
		return
	}
	fn := f.Decls[0].(*ast.FuncDecl)
	if n := len(fn.Body.List); n == 0 || !terminates(fn.Body.List[n-1]) {
		src += "\treturn nil\n"
	}
	src += "}\n"
	m.checkErrorsRead(s, fn.Body)
	out, err := withImports(m.fset, "", src)
	if err != nil {
		m.errs = append(m.errs, scannerErrors(err)...)
		return
	}
	m.files[fmt.Sprintf("%s/s%03d.go", pkg, i)] = out
	m.frags[pkg]++
}

// addDecls gives a block of top-level declarations a package of its own,
// with the prelude variables it uses but does not declare.
func (m *snippetModule) addDecls(i int, s snippet, f *ast.File) {
	pkg := fmt.Sprintf("decl%03d", i)
	declared := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				declared[d.Name.Name] = true
			}
			if d.Body != nil {
				m.checkErrorsRead(s, d.Body)
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						declared[n.Name] = true
					}
				case *ast.TypeSpec:
					declared[sp.Name.Name] = true
				}
			}
		}
	}
	src, err := withImports(m.fset, "", "package "+pkg+"\n"+lineDirective(m.abs(s), s.line)+s.src)
	if err != nil {
		m.errs = append(m.errs, scannerErrors(err)...)
		return
	}
	m.files[pkg+"/snippet.go"] = src
	m.writePrelude(pkg, s.sdkPackage(), declared)
}

// addSignatures checks each documented signature against the real one:
// `var _ func(<receiver>, <params>) <results> = (<receiver>).Name`, inside
// a generic function when the signature has type parameters.
func (m *snippetModule) addSignatures(i int, s snippet, f *ast.File) {
	pkg := s.sdkPackage()
	var b strings.Builder
	b.WriteString("package signatures\n")
	for _, d := range f.Decls {
		fd := d.(*ast.FuncDecl)
		var typeParams []string
		typeParamNames := map[string]bool{}
		if fd.Type.TypeParams != nil {
			for _, fl := range fd.Type.TypeParams.List {
				for _, n := range fl.Names {
					typeParams = append(typeParams, n.Name+" "+m.render(qualify(fl.Type, pkg, nil)))
					typeParamNames[n.Name] = true
				}
			}
		}
		var params []string
		target := pkg + "." + fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			recv := fd.Recv.List[0].Type
			for _, name := range receiverTypeParams(recv) {
				typeParams = append(typeParams, name+" any")
				typeParamNames[name] = true
			}
			rt := m.render(qualify(recv, pkg, typeParamNames))
			params = append(params, rt)
			target = "(" + rt + ")." + fd.Name.Name
		} else if len(typeParams) > 0 {
			names := make([]string, 0, len(typeParams))
			for _, tp := range typeParams {
				names = append(names, strings.Fields(tp)[0])
			}
			target += "[" + strings.Join(names, ", ") + "]"
		}
		params = append(params, m.fieldTypes(fd.Type.Params, pkg, typeParamNames)...)
		results := m.fieldTypes(fd.Type.Results, pkg, typeParamNames)
		fnType := "func(" + strings.Join(params, ", ") + ")"
		switch len(results) {
		case 0:
		case 1:
			fnType += " " + results[0]
		default:
			fnType += " (" + strings.Join(results, ", ") + ")"
		}
		pos := m.fset.Position(fd.Pos()).Line
		tp := ""
		if len(typeParams) > 0 {
			tp = "[" + strings.Join(typeParams, ", ") + "]"
		}
		fmt.Fprintf(&b, "\nfunc _%s() {\n%s\tvar _ %s = %s\n}\n", tp, lineDirective(m.abs(s), pos), fnType, target)
	}
	out, err := withImports(m.fset, "", b.String())
	if err != nil {
		m.errs = append(m.errs, scannerErrors(err)...)
		return
	}
	m.files[fmt.Sprintf("signatures/s%03d.go", i)] = out
}

// fieldTypes lists the types of a parameter or result list, one per name.
func (m *snippetModule) fieldTypes(fl *ast.FieldList, pkg string, typeParams map[string]bool) []string {
	if fl == nil {
		return nil
	}
	var out []string
	for _, f := range fl.List {
		t := m.render(qualify(f.Type, pkg, typeParams))
		for range max(len(f.Names), 1) {
			out = append(out, t)
		}
	}
	return out
}

func (m *snippetModule) render(n ast.Node) string {
	var b bytes.Buffer
	_ = printer.Fprint(&b, token.NewFileSet(), n)
	return b.String()
}

// receiverTypeParams returns the type parameter names of a receiver such as
// *Pager[T].
func receiverTypeParams(recv ast.Expr) []string {
	if st, ok := recv.(*ast.StarExpr); ok {
		recv = st.X
	}
	var idx []ast.Expr
	switch x := recv.(type) {
	case *ast.IndexExpr:
		idx = []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		idx = x.Indices
	}
	var out []string
	for _, e := range idx {
		if id, ok := e.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
	}
	return out
}

// qualify returns a copy of the type expression e in which the exported
// names of the documented package (written unqualified, as in its godoc)
// are qualified with pkg.
func qualify(e ast.Expr, pkg string, typeParams map[string]bool) ast.Expr {
	q := func(e ast.Expr) ast.Expr { return qualify(e, pkg, typeParams) }
	switch x := e.(type) {
	case *ast.Ident:
		if ast.IsExported(x.Name) && !typeParams[x.Name] {
			return &ast.SelectorExpr{X: ast.NewIdent(pkg), Sel: ast.NewIdent(x.Name)}
		}
		return ast.NewIdent(x.Name)
	case *ast.StarExpr:
		return &ast.StarExpr{X: q(x.X)}
	case *ast.ArrayType:
		return &ast.ArrayType{Len: x.Len, Elt: q(x.Elt)}
	case *ast.MapType:
		return &ast.MapType{Key: q(x.Key), Value: q(x.Value)}
	case *ast.ChanType:
		return &ast.ChanType{Dir: x.Dir, Value: q(x.Value)}
	case *ast.Ellipsis:
		return &ast.Ellipsis{Elt: q(x.Elt)}
	case *ast.ParenExpr:
		return q(x.X)
	case *ast.IndexExpr:
		return &ast.IndexExpr{X: q(x.X), Index: q(x.Index)}
	case *ast.IndexListExpr:
		idx := make([]ast.Expr, len(x.Indices))
		for i, ix := range x.Indices {
			idx[i] = q(ix)
		}
		return &ast.IndexListExpr{X: q(x.X), Indices: idx}
	case *ast.FuncType:
		return &ast.FuncType{Params: qualifyFields(x.Params, q), Results: qualifyFields(x.Results, q)}
	}
	return e // selectors (context.Context) and literal types stay as written
}

func qualifyFields(fl *ast.FieldList, q func(ast.Expr) ast.Expr) *ast.FieldList {
	if fl == nil {
		return nil
	}
	out := &ast.FieldList{}
	for _, f := range fl.List {
		out.List = append(out.List, &ast.Field{Names: f.Names, Type: q(f.Type)})
	}
	return out
}

// writePrelude writes the prelude of package pkg: the prelude variables not
// in skip, and their imports.
func (m *snippetModule) writePrelude(pkg, sdk string, skip map[string]bool) {
	prelude := snippetPrelude(sdk)
	names := make([]string, 0, len(prelude))
	for name := range prelude {
		if !skip[name] {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nvar (\n", pkg)
	for _, n := range names {
		fmt.Fprintf(&b, "\t%s\n", prelude[n])
	}
	b.WriteString(")\n")
	src, err := withImports(token.NewFileSet(), "prelude.go", b.String())
	if err != nil {
		m.errs = append(m.errs, fmt.Sprintf("prelude of %s: %v", pkg, err))
		return
	}
	m.files[pkg+"/prelude.go"] = src
}

// checkErrorsRead reports a variable named err that is assigned and then
// assigned again, or left, without being read in between: an error the
// snippet ignores. (An error dropped with _ is not seen here; it takes type
// information.)
func (m *snippetModule) checkErrorsRead(s snippet, body *ast.BlockStmt) {
	type event struct {
		pos   token.Pos
		write bool
	}
	var events []event
	writes := map[*ast.Ident]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == "err" {
					writes[id] = true
				}
			}
		case *ast.RangeStmt:
			for _, l := range []ast.Expr{x.Key, x.Value} {
				if id, ok := l.(*ast.Ident); ok && id.Name == "err" {
					writes[id] = true
				}
			}
		case *ast.ValueSpec:
			for _, id := range x.Names {
				if id.Name == "err" {
					writes[id] = true
				}
			}
		case *ast.Ident:
			if x.Name == "err" {
				events = append(events, event{x.Pos(), writes[x]})
			}
		}
		return true
	})
	var pending token.Pos
	for _, e := range events {
		switch {
		case !e.write:
			pending = token.NoPos
		case pending.IsValid():
			m.errs = append(m.errs, fmt.Sprintf("%s: err is assigned again before it is checked", m.fset.Position(pending)))
			pending = e.pos
		default:
			pending = e.pos
		}
	}
	if pending.IsValid() {
		m.errs = append(m.errs, fmt.Sprintf("%s: err is never checked", m.fset.Position(pending)))
	}
}

// terminates reports whether a fragment's last statement ends the function,
// so that no `return nil` may follow it (vet reports unreachable code).
func terminates(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if c, ok := x.X.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	case *ast.ForStmt:
		return x.Cond == nil && !hasBreak(x.Body)
	}
	return false
}

func hasBreak(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if br, ok := n.(*ast.BranchStmt); ok && br.Tok == token.BREAK {
			found = true
		}
		return !found
	})
	return found
}

// scannerErrors renders parse errors, whose positions the line directives
// already map to the Markdown files.
func scannerErrors(err error) []string {
	if list, ok := err.(scanner.ErrorList); ok {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Error()
		}
		return out
	}
	return []string{err.Error()}
}

// moduleInfo reads the module path and go version of go.mod.
func moduleInfo(t *testing.T, root string) (path, goVersion string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "module" {
			path = f[1]
		}
		if len(f) == 2 && f[0] == "go" {
			goVersion = f[1]
		}
	}
	if path == "" || goVersion == "" {
		t.Fatalf("go.mod: no module path or go version")
	}
	return path, goVersion
}

// goTool finds the go command that runs this test.
func goTool(t *testing.T) string {
	t.Helper()
	// go test puts its own toolchain first on PATH.
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command on PATH: the snippets cannot be compiled: %v", err)
	}
	return p
}

// TestDocSnippetsCompile compiles every Go snippet of README.md and
// docs/**/*.md against this module, and checks that each error a snippet
// assigns to err is read.
func TestDocSnippetsCompile(t *testing.T) {
	root, err := spectest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	snippets := docSnippets(t, root)
	if len(snippets) == 0 {
		t.Fatal("no go blocks found in README.md and docs/")
	}
	if report := checkSnippets(t, root, snippets); report != "" {
		t.Errorf("Go snippets of README.md and docs/ (%d in all) that are not right:\n%s", len(snippets), report)
	}
}

// TestDocSnippetsCheckerReportsFailures feeds the checker one snippet of
// each kind that must fail, beside good ones, and checks that each failure
// is reported with its file and line.
func TestDocSnippetsCheckerReportsFailures(t *testing.T) {
	root, err := spectest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	md := "# Doc\n\n" +
		"```go\ncerts, _, err := api.ListIdentityCertifications(ctx).Execute()\nif err != nil {\n\treturn err\n}\n```\n\n" + // line 4: unused result
		"```go\nfmt.Println(\"ok\")\n```\n\n" + // line 11: right
		"```go\nfunc (s *CertificationsApiService) GetCertificationTask(ctx context.Context, id int) ApiGetCertificationTaskRequest\n```\n\n" + // line 15: wrong signature
		"```go\nfunc (s *CertificationsApiService) GetCertificationTask(ctx context.Context, id string) ApiGetCertificationTaskRequest\n```\n\n" + // line 19: right
		"```go\nreq, err := client.NewRequest(ctx, \"GET\", \"v3/x\", nil, nil)\n_, err = client.Do(req, nil)\nreturn err\n```\n\n" + // line 23: first err unread
		"```go\nif x := ; x {\n}\n```\n\n" + // line 29: a syntax error
		"```go\npackage main\n\nfunc main() { undefinedThing() }\n```\n\n" + // line 36: in a whole file
		"  ```go\n  for p := range certifications.Pager[int]{} {\n  }\n  ```\n\n" + // line 40: indented, a syntax error
		"~~~go\nvar x int = \"s\"\n~~~\n\n" + // line 45: tilde fence, a declaration
		"```go\nfunc NewPager[T any](ctx context.Context, opts ListOptions, fetch PageFunc[T]) *Pager[T]\n\n" + // line 49: right
		"func (p *Pager[T]) Total() (int64, bool)\n\n" + // line 51: right
		"func (p *Pager[T]) Requests() int\n```\n" // line 53: wrong
	snippets, err := goBlocks("docs/fake.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if len(snippets) != 10 {
		t.Fatalf("found %d blocks, want 10", len(snippets))
	}
	report := checkSnippets(t, root, snippets)
	for _, want := range []string{
		"docs/fake.md:4: declared and not used: certs",
		"docs/fake.md:15",
		"docs/fake.md:23:",
		"docs/fake.md:29:",
		"docs/fake.md:36: undefined: undefinedThing",
		"docs/fake.md:40",
		"docs/fake.md:45:",
		"docs/fake.md:53:",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report does not name %s:\n%s", want, report)
		}
	}
	for _, good := range []string{"docs/fake.md:11", "docs/fake.md:19", "docs/fake.md:49", "docs/fake.md:51"} {
		if strings.Contains(report, good+":") {
			t.Errorf("the report names the good snippet at %s:\n%s", good, report)
		}
	}
}

// checkSnippets compiles snippets in a temporary module and returns the
// problems found, one a line with its Markdown file and line, or "".
func checkSnippets(t *testing.T, root string, snippets []snippet) string {
	t.Helper()
	m := &snippetModule{root: root, dir: t.TempDir(), fset: token.NewFileSet(), files: map[string]string{}, frags: map[string]int{}}
	for i, s := range snippets {
		m.add(i, s)
	}
	for pkg := range m.frags {
		m.writePrelude(pkg, strings.TrimPrefix(pkg, "frag"), nil)
	}

	modPath, goVersion := moduleInfo(t, root)
	m.files["go.mod"] = fmt.Sprintf("module snippets.test\n\ngo %s\n\nrequire %s v0.0.0-00010101000000-000000000000\n\nreplace %s => %s\n",
		goVersion, modPath, modPath, root)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	m.files["go.sum"] = string(sum)
	for name, content := range m.files {
		path := filepath.Join(m.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	goCmd := func(args ...string) ([]byte, error) {
		cmd := exec.Command(goTool(t), args...)
		cmd.Dir = m.dir
		// Offline, with the module cache, outside any workspace.
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local")
		return cmd.CombinedOutput()
	}
	if out, err := goCmd("vet", "./..."); err != nil {
		m.errs = append(m.errs, "go vet of the snippets failed ("+err.Error()+"):\n"+string(out))
		// vet shows one type error per package; the compiler lists them all.
		if out, err := goCmd("build", "-gcflags=-e", "./..."); err != nil {
			m.errs = append(m.errs, "go build -gcflags=-e of the snippets:\n"+string(out))
		}
	}
	return strings.ReplaceAll(strings.Join(m.errs, "\n"), root+string(filepath.Separator), "")
}
