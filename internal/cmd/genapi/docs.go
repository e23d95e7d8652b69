package main

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/iscgo/certifications/internal/apigen"
)

// The method reference of each docs/*Api.md page is generated: between
// its "begin generated" and "end generated" markers the generator writes
// the method table and, per operation, its parameters, rules, result,
// errors and example. The prose around the markers is the page's own; the
// prose of one operation (what it is for, its example, notes on its result
// and errors) is its note, notes/<service>/<Operation>.md.

//go:embed notes
var notesFS embed.FS

// note is the hand-written part of an operation's section. The file is
// the intro, then optional parts each opened by a <!-- name --> line:
// args ("- `wire`: description" lines), result, errors (appended to the
// *APIError line), params (after the parameter table) and example.
type note struct {
	Intro, Result, Errors, Params, Example string
	Args                                   map[string]string
}

var notePart = regexp.MustCompile(`(?m)^<!-- (\w+) -->\n`)

// readNote reads the note of an operation; a missing note is an empty one.
func readNote(svc, name string) (note, error) {
	raw, err := notesFS.ReadFile("notes/" + svc + "/" + name + ".md")
	if os.IsNotExist(err) {
		return note{}, nil
	}
	if err != nil {
		return note{}, err
	}
	src := string(raw)
	n := note{Args: map[string]string{}}
	locs := notePart.FindAllStringSubmatchIndex(src, -1)
	end := len(src)
	if len(locs) > 0 {
		end = locs[0][0]
	}
	n.Intro = strings.TrimSpace(src[:end])
	for i, l := range locs {
		end := len(src)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := strings.TrimSpace(src[l[1]:end])
		switch part := src[l[2]:l[3]]; part {
		case "args":
			for _, line := range strings.Split(body, "\n") {
				wire, doc, ok := strings.Cut(strings.TrimPrefix(line, "- "), ": ")
				if !ok {
					return note{}, fmt.Errorf("note %s/%s: args line %q is not \"- `name`: description\"", svc, name, line)
				}
				n.Args[strings.Trim(wire, "`")] = doc
			}
		case "result":
			n.Result = body
		case "errors":
			n.Errors = body
		case "params":
			n.Params = body
		case "example":
			n.Example = body
		default:
			return note{}, fmt.Errorf("note %s/%s: unknown part %q", svc, name, part)
		}
	}
	return n, nil
}

// serviceName is a service's name in notes and in the operation table.
func serviceName(s service) string {
	name := strings.TrimSuffix(s.Type, "Service")
	if !s.Root {
		name = s.Package + "." + name
	}
	return name
}

// genDocs returns every page with its generated regions rewritten. root
// is the module root the pages are read from.
func genDocs(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, s := range services {
		if s.Doc == "" {
			continue
		}
		page := out[s.Doc]
		if page == nil {
			raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(s.Doc)))
			if err != nil {
				return nil, err
			}
			page = raw
		}
		table, methods, err := docRegions(s)
		if err != nil {
			return nil, err
		}
		if page, err = splice(page, "table", table); err != nil {
			return nil, fmt.Errorf("%s: %w", s.Doc, err)
		}
		if page, err = splice(page, "methods", methods); err != nil {
			return nil, fmt.Errorf("%s: %w", s.Doc, err)
		}
		out[s.Doc] = page
	}
	return out, nil
}

// splice replaces what lies between a region's markers.
func splice(page []byte, region, text string) ([]byte, error) {
	begin := []byte("<!-- begin generated: " + region + " -->\n")
	end := []byte("<!-- end generated: " + region + " -->")
	i := bytes.Index(page, begin)
	j := bytes.Index(page, end)
	if i < 0 || j < i {
		return nil, fmt.Errorf("no %q region", region)
	}
	var b bytes.Buffer
	b.Write(page[:i+len(begin)])
	b.WriteString(text)
	b.Write(page[j:])
	return b.Bytes(), nil
}

// docRegions renders a service's method table and method sections.
func docRegions(s service) (table, methods string, err error) {
	var t, m strings.Builder
	if s.Root {
		t.WriteString("| Method | HTTP request (v3) | HTTP request (v1) | Description |\n|---|---|---|---|\n")
	} else {
		t.WriteString("| Method | HTTP request | Description |\n|---|---|---|\n")
	}
	for _, o := range s.Ops {
		n, err := readNote(serviceName(s), o.Name)
		if err != nil {
			return "", "", err
		}
		if err := checkNoteArgs(serviceName(s), o, n); err != nil {
			return "", "", err
		}
		fmt.Fprintf(&t, "| [%s](#%s) |", o.Name, strings.ToLower(o.Name))
		for _, g := range s.Gens {
			fmt.Fprintf(&t, " `%s %s` |", o.Method, wirePath(o, g))
		}
		fmt.Fprintf(&t, " %s |\n", upperFirst(o.Doc))
		methodSection(&m, s, o, n)
	}
	return t.String(), m.String(), nil
}

// checkNoteArgs refuses a note that describes a path parameter the
// operation does not have: a renamed parameter would otherwise lose its
// description without a word.
func checkNoteArgs(svc string, o op, n note) error {
	for wire := range n.Args {
		if !slices.Contains(pathParams(o.Path), wire) {
			return fmt.Errorf("note %s/%s: args describe %q, which is not a path parameter of %s (%v)", svc, o.Name, wire, o.Path, pathParams(o.Path))
		}
	}
	return nil
}

// wirePath is an operation's path on generation gen, as the API reference
// writes it: a declared v1 path names its parameters as v1 does.
func wirePath(o op, gen string) string {
	if gen == apigen.V1 && o.V1Path != "" {
		return o.V1Path
	}
	return "/" + apigen.Path(o.Path, gen)
}

// scope is the OAuth scope an operation needs: the one its declaration
// names, else what the certifications' API reference asks for,
// idn:campaign:read to read and idn:campaign:manage to change.
func scope(o op) string {
	if o.Scope != "" {
		return o.Scope
	}
	if o.Method == "GET" {
		return "idn:campaign:read"
	}
	return "idn:campaign:manage"
}

func methodSection(b *strings.Builder, s service, o op, n note) {
	fmt.Fprintf(b, "## %s\n\n", o.Name)
	if n.Intro != "" {
		b.WriteString(n.Intro + "\n\n")
	} else {
		b.WriteString(upperFirst(o.Doc) + ".\n\n")
	}
	var paths []string
	for _, g := range s.Gens {
		paths = append(paths, "`"+o.Method+" "+wirePath(o, g)+"`")
	}
	fmt.Fprintf(b, "%s · scope `%s`\n\n", strings.Join(paths, " or "), scope(o))

	b.WriteString("### Parameters\n\n")
	if !hasParams(o) {
		b.WriteString("None.\n\n")
	} else {
		b.WriteString("| Name | In | Type | Required | Set with | Description |\n|---|---|---|---|---|---|\n")
	}
	wires := pathParams(o.Path)
	for i, a := range o.Args {
		t := a.Type
		if t == "" {
			t = "string"
		}
		doc := n.Args[wires[i]]
		if doc == "" {
			doc = "The " + wires[i]
		}
		fmt.Fprintf(b, "| `%s` | path | `%s` | yes | argument `%s` | %s |\n", wires[i], t, a.Name, doc)
	}
	for _, q := range o.Query {
		typ, req := "`string`", "no"
		switch q.Type {
		case "":
		case "bool":
			typ = "`bool`"
		default:
			typ = modelLink(s, q.Type)
		}
		if q.Required {
			req = "yes"
		}
		fmt.Fprintf(b, "| `%s` | query | %s | %s | `%s(v)` | %s |\n", q.Wire, typ, req, q.Name, upperFirst(strings.TrimSuffix(strings.TrimPrefix(q.Doc, "sets "), ".")))
	}
	if o.Set&(paging|startPaging) != 0 {
		b.WriteString("| `limit` | query | `int32` | no | `Limit(n)` | Page size, 0 to 250 (server default 250) |\n")
		if o.Set&startPaging != 0 {
			// The page carries its own count: there is no count parameter.
			b.WriteString("| `start` | query | `int32` | no | `Start(n)` | Index of the first record, 0 or more (this operation's name for the offset) |\n")
		} else {
			b.WriteString("| `offset` | query | `int32` | no | `Offset(n)` | Index of the first record, 0 or more |\n")
			b.WriteString("| `count` | query | `bool` | no | `Count(b)` | With `true` the total comes in `X-Total-Count` (see `TotalCount`) |\n")
		}
	}
	if o.Set&filters != 0 {
		b.WriteString("| `filters` | query | `string` | no | `Filters(f)` | A filter on the fields below |\n")
	}
	if o.Set&sorters != 0 {
		fmt.Fprintf(b, "| `sorters` | query | `string` | no | `Sorters(s)` | Comma-separated fields below, `-` for descending, e.g. `%s` |\n", o.SortExample)
	}
	if o.Body != nil {
		req := "no"
		if bodyRequired(o.Body) {
			req = "yes"
		}
		doc := upperFirst(strings.TrimPrefix(o.Body.Doc, "sets "))
		if o.ContentType != "" {
			doc += " Sent as `" + o.ContentType + "`."
		}
		fmt.Fprintf(b, "| body | body | %s | %s | `%s(v)` | %s |\n", bodyLink(s, o.Body.Type), req, o.Body.Name, doc)
	}
	if o.Stream != "" {
		b.WriteString("| (cap) | client | `int64` | no | `MaxBytes(n)` | The file's size cap, `DefaultMaxReportBytes` (1 GiB) when unset |\n")
	}
	if hasParams(o) {
		b.WriteString("\n")
	}
	if len(o.Query) > 0 {
		var oneOf []string
		for _, q := range o.Query {
			if q.OneOf {
				oneOf = append(oneOf, "`"+q.Wire+"`")
			}
		}
		if len(oneOf) > 1 {
			fmt.Fprintf(b, "At most one of %s may be set.\n\n", joinAnd(oneOf))
		}
	}
	if n.Params != "" {
		b.WriteString(n.Params + "\n\n")
	}

	if r := o.Rules; r != nil && o.Set&(filters|sorters) != 0 {
		b.WriteString("### Filters and sorters\n\n")
		if len(r.Filters) > 0 {
			b.WriteString("| Field | Filter operators |\n|---|---|\n")
			for _, f := range r.Filters {
				fmt.Fprintf(b, "| `%s` | %s |\n", f.Field, strings.Join(strings.Fields(f.Ops), ", "))
			}
			b.WriteString("\n")
		}
		if len(r.Sorters) > 0 {
			fmt.Fprintf(b, "Sortable: `%s`.", strings.Join(r.Sorters, "`, `"))
		} else {
			b.WriteString("The operation takes no `sorters`.")
		}
		if r.Doc != "" {
			b.WriteString(" " + r.Doc)
		}
		fmt.Fprintf(b, " The client checks every request against these rules before sending it; [Filters.md](%sFilters.md) explains the syntax.\n\n", docRoot(s))
	}

	b.WriteString("### Return type\n\n")
	var ret string
	switch {
	case o.Stream != "":
		ret = "`io.ReadCloser`: the file, streamed (`Accept: " + o.Stream + "`); read it and close it. Reading past the cap fails with a `*ResponseTooLargeError`"
	case o.Result == "":
		ret = "None: `Execute` returns `(*http.Response, error)`"
	case o.List:
		ret = strings.Replace(modelLink(s, o.Result), "`"+o.Result, "`[]"+o.Result, 1)
	default:
		ret = strings.Replace(modelLink(s, o.Result), "`"+o.Result, "`*"+o.Result, 1)
	}
	if o.Items != "" {
		ret += ", a page whose `Items` are " + modelLink(s, o.Items)
	}
	b.WriteString(ret)
	switch {
	case strings.HasPrefix(n.Result, "("):
		b.WriteString(" " + n.Result)
	case n.Result != "":
		b.WriteString(". " + n.Result)
	default:
		b.WriteString(".")
	}
	if o.Set&(paging|startPaging) != 0 && !strings.Contains(n.Result, "All()") {
		b.WriteString(" `Pager()` and `All()` stream every page.")
	}
	b.WriteString("\n\n")

	b.WriteString("### Errors\n\n")
	statuses := "400, 401, 403, 404, 429 and 500"
	if o.No404 {
		statuses = "400, 401, 403, 429 and 500 (the API lists no 404 for this operation)"
	}
	fmt.Fprintf(b, "- `*%sAPIError` for %s.", pkgQ(s), statuses)
	if n.Errors != "" {
		b.WriteString(" " + n.Errors)
	}
	b.WriteString("\n")
	if cases := validationCases(o); cases != "" {
		fmt.Fprintf(b, "- `*%sValidationError` (nothing sent): %s.\n\n", pkgQ(s), cases)
	} else {
		fmt.Fprintf(b, "- No `*%sValidationError`: the operation takes no input to check.\n\n", pkgQ(s))
	}

	if n.Example != "" {
		b.WriteString("### Example\n\n" + n.Example + "\n\n")
	}
}

// hasParams reports whether an operation takes any parameter: path,
// query, body, or the client-side cap of a streamed file.
func hasParams(o op) bool {
	return len(o.Args) > 0 || len(o.Query) > 0 || o.Body != nil || o.Stream != "" ||
		o.Set&(paging|startPaging|filters|sorters) != 0
}

// bodyRequired reports whether Execute refuses a request without the
// body: a required one, or a slice whose check refuses an empty one (a
// slice is never nil-checked, its check counts the elements).
func bodyRequired(b *body) bool {
	return b.Required || (strings.HasPrefix(b.Type, "[]") && b.Check != "")
}

// validationCases lists what Execute refuses before sending, "" when
// nothing.
func validationCases(o op) string {
	var cases []string
	var ids []string
	for _, w := range pathParams(o.Path) {
		ids = append(ids, "`"+w+"`")
	}
	if len(ids) > 0 {
		cases = append(cases, joinOr(ids)+" empty, blank, `.` or `..`")
	}
	for _, a := range o.Args {
		if a.Type != "" {
			cases = append(cases, "a `"+a.Type+"` value the API does not define")
		}
	}
	var oneOf []string
	for _, q := range o.Query {
		if q.OneOf {
			oneOf = append(oneOf, "`"+q.Name+"`")
		}
		if q.Required {
			cases = append(cases, "`"+q.Name+"` not set")
		}
		switch q.Type {
		case "":
			cases = append(cases, "`"+q.Name+"` set but blank")
		case "bool":
		default:
			cases = append(cases, "`"+q.Name+"` set to a value the API does not define")
		}
	}
	if len(oneOf) > 1 {
		cases = append(cases, "more than one of "+joinAnd(oneOf))
	}
	if b := o.Body; b != nil {
		var c []string
		if b.Required {
			c = append(c, "no body")
		}
		if b.Check != "" {
			c = append(c, "a body that fails `"+strings.ReplaceAll(b.Check, "%s", b.Name)+"`")
		}
		if len(c) > 0 {
			cases = append(cases, strings.Join(c, ", or "))
		}
	}
	switch {
	case o.Set&startPaging != 0:
		cases = append(cases, "`limit` outside 0..250", "a negative `start`")
	case o.Set&paging != 0:
		cases = append(cases, "`limit` outside 0..250", "a negative `offset`")
	}
	if o.Set&filters != 0 {
		cases = append(cases, "`filters` that does not parse or uses a field or operator not listed")
	}
	if o.Set&sorters != 0 {
		cases = append(cases, "`sorters` that is malformed or names a field not listed")
	}
	if len(cases) == 0 {
		return ""
	}
	return strings.Join(cases, "; ")
}

// modelLink links a model type to its page, where pages exist.
func modelLink(s service, typ string) string {
	base := strings.TrimPrefix(typ, "[]")
	if s.Root {
		return "[`" + typ + "`](models/" + base + ".md)"
	}
	return "`" + typ + "`"
}

// bodyLink links a body's type to its model page; a slice of strings has
// none.
func bodyLink(s service, typ string) string {
	if typ == "[]string" {
		return "`[]string`"
	}
	return modelLink(s, typ)
}

// pkgQ qualifies the root package's names on a beta page.
func pkgQ(s service) string {
	if s.Root {
		return ""
	}
	return "certifications."
}

// docRoot is the way from a page to docs/.
func docRoot(s service) string {
	if s.Root {
		return ""
	}
	return "../"
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
