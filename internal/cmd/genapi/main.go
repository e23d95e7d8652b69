// Command genapi writes the request builders of every operation from the
// declarations in operations.go: the builder type, its constructor on the
// service, the fluent setters, Execute, and Pager and All for lists.
//
// Run it from the module root (go generate ./... does):
//
//	go run ./internal/cmd/genapi
//
// The files it writes start with the standard "Code generated" line; a
// test fails when they differ from what the declarations produce.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"github.com/iscgo/certifications/internal/apigen"
)

// service is one generated file: the builders of one service type.
type service struct {
	File    string // path below the module root
	Package string
	Type    string   // the service type the constructors hang on
	Root    bool     // the root package, else beta
	Gens    []string // the API generations the operations are served on
	Doc     string   // the page whose method reference is generated
	Ops     []op
}

// op declares one operation.
type op struct {
	Name   string // the constructor's name, the operationId in Go case
	ID     string // the operationId, when it is not Name with a lower-case first letter
	Method string // GET, POST, PUT, PATCH or DELETE
	Path   string // the path without API version, {name} for parameters
	V1Path string // the v1 path, when its parameters are named otherwise (docs only)
	Args   []arg  // the path parameters, in path order
	Result string // the model the 200 answer decodes into; empty when the success has no body worth reading
	List   bool   // the answer is an array of Result
	Items  string // with startPaging: Result is a page wrapping an Items array of this type
	Stream string // the answer is a file, streamed, asked for with this Accept header
	Set    int    // the list setters the builder has (paging, filters, sorters)
	Noun   string // what Pager and All stream, for their docs

	Rules       *rules // what the filters and sorters accept; nil: no filters
	SortExample string

	Query []query // optional string query parameters
	Body  *body   // the request body, if any

	ContentType string // the body's content type when not application/json

	Doc        string // what the operation does, after its name
	More       string // a further paragraph of the constructor's doc
	Result2    string // what Execute returns, for its doc
	Deprecated string
	No404      bool   // the API reference lists no 404 answer
	Scope      string // the OAuth scope the reference asks for, when not idn:campaign:read or :manage by method
}

// rules are the filters and sorters an operation accepts, as its API
// reference documents them. The generator writes them as the operation's
// rules variable and its exported Rules function.
type rules struct {
	Doc     string       // why they are what they are, for the variable's comment
	Filters []filterRule // the filterable fields, in the reference's order
	Sorters []string     // the sortable fields
	Check   string       // the name of an extra structural rule (internal/query)
}

// filterRule is one filterable field and its operators, space-separated
// ("eq in").
type filterRule struct{ Field, Ops string }

// arg is a path parameter.
type arg struct {
	Name string // Go name of the constructor parameter and builder field
	Type string // its Go type; empty means string
}

// query is an optional query parameter with a setter.
type query struct {
	Name     string // the setter
	Wire     string // the API's name
	Doc      string // the setter's doc after its name
	OneOf    bool   // at most one parameter so marked may be set
	Type     string // "" for a string, "bool", or an enum type checked against its Values
	Required bool   // Execute refuses a request where it was never set
}

// body is the request body and its setter.
type body struct {
	Name     string // the setter, and the parameter's name in errors (lower case first)
	Type     string
	Required bool   // Execute refuses a request whose body was never set
	Check    string // a Go expression validating it; %s is the body
	Doc      string
}

func main() {
	flag.Parse()
	files, err := generate(".")
	if err != nil {
		log.Fatal(err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.FromSlash(name), src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// generate renders every service's file, formatted, the operation table
// and the docs pages, which are read from below root.
func generate(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, s := range services {
		var buf bytes.Buffer
		if err := fileTmpl.Execute(&buf, view(s)); err != nil {
			return nil, fmt.Errorf("%s: %w", s.File, err)
		}
		src, err := format.Source(buf.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s: generated code does not parse: %w\n%s", s.File, err, buf.Bytes())
		}
		out[s.File] = src
	}
	table, err := format.Source(opTable())
	if err != nil {
		return nil, fmt.Errorf("%s: generated code does not parse: %w", opTableFile, err)
	}
	out[opTableFile] = table
	pages, err := genDocs(root)
	if err != nil {
		return nil, err
	}
	for name, page := range pages {
		out[name] = page
	}
	return out, nil
}

// opID is the operation's operationId.
func (o op) opID() string {
	if o.ID != "" {
		return o.ID
	}
	return lowerFirst(o.Name)
}

// opTableFile is the machine-readable operation table.
const opTableFile = "internal/optable/ops_gen.go"

// opTable writes every declaration as an optable.Op.
func opTable() []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/cmd/genapi; DO NOT EDIT.\n\npackage optable\n\n")
	b.WriteString("// Ops lists every declared operation, service by service.\nvar Ops = []Op{\n")
	for _, s := range services {
		name := serviceName(s)
		for _, o := range s.Ops {
			fmt.Fprintf(&b, "\t{Service: %q, Name: %q, ID: %q, Method: %q, Path: %q, Generations: %#v, Result: %q",
				name, o.Name, o.opID(), o.Method, o.Path, s.Gens, o.Result)
			if o.List {
				b.WriteString(", List: true")
			}
			if o.Set&paging != 0 {
				b.WriteString(", Paging: true")
			}
			if o.Rules != nil && len(o.Rules.Filters) > 0 {
				var fs []string
				for _, f := range o.Rules.Filters {
					fs = append(fs, f.Field+" "+f.Ops)
				}
				fmt.Fprintf(&b, ", Filters: %#v", fs)
			}
			if o.Rules != nil && len(o.Rules.Sorters) > 0 {
				fmt.Fprintf(&b, ", Sorters: %#v", o.Rules.Sorters)
			}
			if o.Rules != nil && o.Rules.Check != "" {
				fmt.Fprintf(&b, ", Check: %q", o.Rules.Check)
			}
			if o.Body != nil {
				fmt.Fprintf(&b, ", Body: %q", o.Body.Type)
			}
			b.WriteString("},\n")
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// fileView is what the template sees of a service.
type fileView struct {
	service
	Q       string // qualifier of the root package's types ("" or "certifications.")
	Imports []string
	Std     []string // standard library imports
	Module  []string // the module's own and others
	Ops     []opView
}

// opView is what the template sees of an operation.
type opView struct {
	op
	Req        string // the builder type
	PathDoc    string
	Params     string // the constructor's parameter list
	Fields     []field
	Opts       bool // the builder holds ListOptions
	Paging     bool
	Filters    bool
	Sorters    bool
	OneOf      []query
	OneOfDoc   string
	Enums      []enumArg
	FillArgs   string
	Ret        string // Execute's first result type
	Call       string // call.One or call.List
	ConsDoc    string
	BodyWire   string
	BodyArg    string
	FiltersDoc string // the filterable fields and operators, for the setter's doc
	SortersDoc string // the sortable fields, for the setter's doc
	BodyPtr    bool   // the builder holds the body by pointer
	Sig        string // Execute's results
	Fail       string // what Execute returns before its error
	HTTP       string // the http.Method constant
	Start      bool   // pages with limit and start
}

type field struct{ Name, Type string }

// enumArg is a path parameter of an enum type, checked before sending.
type enumArg struct{ Name, Type, Wire string }

func view(s service) fileView {
	v := fileView{service: s}
	if !s.Root {
		v.Q = "certifications."
	}
	imports := map[string]bool{`"context"`: true, `"net/http"`: true, `"github.com/iscgo/certifications/internal/call"`: true}
	if !s.Root {
		imports[`"github.com/iscgo/certifications"`] = true
	}
	for _, o := range s.Ops {
		ov := opView{op: o, Req: "Api" + o.Name + "Request"}
		ov.Paging, ov.Filters, ov.Sorters = o.Set&paging != 0, o.Set&filters != 0, o.Set&sorters != 0
		ov.Start = o.Set&startPaging != 0
		ov.Opts = o.Set != 0
		if ov.Paging || ov.Start {
			imports[`"iter"`] = true
		}
		if !ov.Opts && len(o.Query) > 0 {
			imports[`"net/url"`] = true
		}
		ov.HTTP = httpMethods[o.Method]
		if ov.HTTP == "" {
			panic(fmt.Sprintf("%s: method %s is not one of GET, POST, PUT, PATCH, DELETE", o.Name, o.Method))
		}
		ov.PathDoc = pathDoc(s, o)
		var params, fill []string
		wires := pathParams(o.Path)
		if len(wires) != len(o.Args) {
			panic(fmt.Sprintf("%s: path %s has %d parameters, the declaration %d", o.Name, o.Path, len(wires), len(o.Args)))
		}
		for i, a := range o.Args {
			t := a.Type
			if t == "" {
				t = "string"
				fill = append(fill, "r."+a.Name)
			} else {
				fill = append(fill, "string(r."+a.Name+")")
				ov.Enums = append(ov.Enums, enumArg{a.Name, a.Type, wires[i]})
			}
			params = append(params, a.Name+" "+t)
			ov.Fields = append(ov.Fields, field{a.Name, t})
		}
		ov.Params = strings.Join(params, ", ")
		ov.FillArgs = strings.Join(fill, ", ")
		if ov.Opts {
			ov.Fields = append(ov.Fields, field{"opts", v.Q + "ListOptions"})
		}
		var oneOfNames []string
		for _, q := range o.Query {
			t := q.Type
			if t == "" {
				t = "string"
			}
			ov.Fields = append(ov.Fields, field{lowerFirst(q.Name), "*" + t})
			if q.OneOf {
				ov.OneOf = append(ov.OneOf, q)
				oneOfNames = append(oneOfNames, q.Name)
			}
		}
		ov.OneOfDoc = joinAnd(oneOfNames)
		if o.Body != nil {
			t := o.Body.Type
			ov.BodyPtr = !strings.HasPrefix(t, "[]")
			if ov.BodyPtr {
				t = "*" + t
			}
			ov.Fields = append(ov.Fields, field{"body", t})
			ov.BodyWire = lowerFirst(o.Body.Name)
			ov.BodyArg = "r.body"
			if ov.BodyPtr && !o.Body.Required {
				ov.BodyArg = "body" // nil, not a nil pointer, when unset
			}
			if o.ContentType != "" {
				ov.BodyArg = "call.WithContentType(" + fmt.Sprintf("%q", o.ContentType) + ", " + ov.BodyArg + ")"
			}
		} else {
			ov.BodyArg = "nil"
		}
		switch {
		case o.Stream != "":
			imports[`"io"`] = true
			ov.Fields = append(ov.Fields, field{"maxBytes", "*int64"})
			ov.Sig, ov.Fail, ov.Call = "(io.ReadCloser, *http.Response, error)", "nil, nil, ", "Stream"
		case o.Result == "":
			ov.Sig, ov.Fail, ov.Call = "(*http.Response, error)", "nil, ", "None"
		case o.List:
			ov.Ret, ov.Call = "[]"+o.Result, "List"
		default:
			ov.Ret, ov.Call = "*"+o.Result, "One"
		}
		if ov.Sig == "" {
			ov.Sig, ov.Fail = "("+ov.Ret+", *http.Response, error)", "nil, nil, "
		}
		ov.ConsDoc = consDoc(ov)
		if o.Rules != nil {
			var fs []string
			for _, f := range o.Rules.Filters {
				fs = append(fs, f.Field+": "+strings.Join(strings.Fields(f.Ops), ", "))
			}
			ov.FiltersDoc, ov.SortersDoc = strings.Join(fs, "; "), strings.Join(o.Rules.Sorters, ", ")
		} else if ov.Opts {
			panic(fmt.Sprintf("%s: takes list options but declares no rules", o.Name))
		}
		v.Ops = append(v.Ops, ov)
	}
	for imp := range imports {
		v.Imports = append(v.Imports, imp)
	}
	sort.Strings(v.Imports)
	for _, imp := range v.Imports {
		if strings.Contains(imp, ".") {
			v.Module = append(v.Module, imp)
		} else {
			v.Std = append(v.Std, imp)
		}
	}
	return v
}

// httpMethods maps a declaration's method to net/http's constant.
var httpMethods = map[string]string{"GET": "MethodGet", "POST": "MethodPost", "PUT": "MethodPut", "PATCH": "MethodPatch", "DELETE": "MethodDelete"}

// pathDoc names the operation's method and path on each generation.
func pathDoc(s service, o op) string {
	if !s.Root {
		return o.Method + " /" + apigen.Path(o.Path, apigen.Beta)
	}
	p1 := "/" + apigen.Path(o.Path, apigen.V1)
	if o.V1Path != "" {
		p1 = o.V1Path
	}
	return o.Method + " /" + apigen.Path(o.Path, apigen.V3) + ", or " + o.Method + " " + p1 + " with APIVersionV1"
}

// consDoc is the constructor's doc comment.
func consDoc(o opView) string {
	text := o.Name + " " + o.Doc + " (" + o.PathDoc + ")."
	if o.More != "" {
		text += " " + o.More
	}
	doc := comment(text)
	if o.Deprecated != "" {
		doc += "//\n" + comment(o.Deprecated)
	}
	return strings.TrimSuffix(doc, "\n")
}

// comment wraps text into // lines of at most 80 columns.
func comment(text string) string {
	var b strings.Builder
	line := "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 80 && line != "//" {
			b.WriteString(line + "\n")
			line = "//"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}

// pathParams lists the {name} parameters of a path, in order.
func pathParams(p string) []string {
	var names []string
	for {
		open := strings.IndexByte(p, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(p[open:], '}')
		if end < 0 {
			return names
		}
		names = append(names, p[open+1:open+end])
		p = p[open+end+1:]
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// joinAnd joins names as "A, B and C".
func joinAnd(names []string) string { return joinList(names, "and") }

// joinOr joins names as "A, B or C".
func joinOr(names []string) string { return joinList(names, "or") }

// joinList joins names with commas and conj before the last.
func joinList(names []string, conj string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}

func wireNames(qs []query) string {
	var ws []string
	for _, q := range qs {
		ws = append(ws, q.Wire)
	}
	return strings.Join(ws, ", ")
}

var fileTmpl = template.Must(template.New("file").Funcs(template.FuncMap{
	"lower":     lowerFirst,
	"comment":   comment,
	"wireNames": wireNames,
	"check": func(expr string) string {
		return fmt.Sprintf(expr, "r.body")
	},
	"quote": func(s string) string { return fmt.Sprintf("%q", s) },
}).Parse(fileSrc))
