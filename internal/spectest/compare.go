package spectest

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// Checks that CompareSchema makes; a Problem names the one it failed.
const (
	// CheckField: a property has no field with its JSON name.
	CheckField = "field"
	// CheckType: the Go type cannot hold the property's JSON type.
	CheckType = "type"
	// CheckRequired: a required property is a pointer (subject
	// "GoType.jsonName"), or is tagged omitempty so the SDK may leave it
	// out (subject "GoType.jsonName (omitempty)").
	CheckRequired = "required"
	// CheckEnum: an enum value has no constant of the property's Go type,
	// or the property's Go type is not a named type that could have any.
	CheckEnum = "enum"
)

// Problem is one place where a Go type does not model its schema.
type Problem struct {
	// Check is one of the Check* constants.
	Check string
	// Subject names what is wrong so that one exception can cover every
	// place the same schema is used: "GoType.jsonName" for a property,
	// "GoType=VALUE" for an enum value ("GoType=null" for null).
	Subject string
	// Where is the first schema path the problem was seen at, e.g.
	// "getIdentityCertification 200 .campaign.description".
	Where string
	// Detail says what was expected and what was found.
	Detail string
}

// String returns "check subject (where): detail".
func (p Problem) String() string {
	return fmt.Sprintf("%s %s (%s): %s", p.Check, p.Subject, p.Where, p.Detail)
}

// CompareSchema walks the schema s and the Go type t together, at every
// nesting level, following pointers and slices (named slice types too),
// and reports each property without a field of that JSON name, each field
// whose Go type cannot hold its property (a date-time must be a
// time.Time, an int32 an int32), each required property that is a pointer
// or omitempty, and each enum value without a constant of the property's
// type (constants are read from the Go source of the type's package, see
// EnumConstants). where prefixes the schema paths in the problems. Each
// (check, subject) pair is reported once per call.
func CompareSchema(s *openapi3.SchemaRef, t reflect.Type, where string) ([]Problem, error) {
	c := &comparer{seen: map[string]bool{}}
	c.value(s, t, where, typeName(t))
	return c.problems, c.err
}

type comparer struct {
	problems []Problem
	seen     map[string]bool
	err      error
}

func (c *comparer) report(check, subject, where, format string, args ...any) {
	key := check + "\x00" + subject
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.problems = append(c.problems, Problem{Check: check, Subject: subject, Where: where, Detail: fmt.Sprintf(format, args...)})
}

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// value compares the schema of one value with its Go type. subject names
// the value in problems.
func (c *comparer) value(ref *openapi3.SchemaRef, t reflect.Type, where, subject string) {
	if ref == nil || ref.Value == nil {
		return
	}
	s := ref.Value
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Interface || t == rawType {
		return // holds any JSON value
	}
	if alts := alternatives(s); len(alts) > 0 && s.Type == nil && !isObject(s) {
		// One Go type stands for every shape of an anyOf or oneOf (the
		// slim and the full campaign): it must model each of them.
		for i, alt := range alts {
			c.value(alt, t, fmt.Sprintf("%s(alternative %d)", where, i), subject)
		}
		return
	}
	switch {
	case s.Type.Is(openapi3.TypeArray):
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			c.report(CheckType, subject, where, "the schema is an array; the Go type is %s", t)
			return
		}
		c.value(s.Items, t.Elem(), where+"[]", subject)
	case isObject(s):
		switch t.Kind() {
		case reflect.Struct:
			c.object(s, t, where)
		case reflect.Map:
		default:
			c.report(CheckType, subject, where, "the schema is an object; the Go type is %s", t)
		}
	case s.Type.Is(openapi3.TypeString):
		switch {
		case s.Format == "date-time":
			if t != timeType {
				c.report(CheckType, subject, where, "the schema is a date-time string; the Go type is %s, not time.Time", t)
			}
		case t.Kind() == reflect.String:
			if len(s.Enum) > 0 {
				c.enum(s, t, where, subject)
			}
		default:
			c.report(CheckType, subject, where, "the schema is a string (format %q); the Go type is %s", s.Format, t)
		}
	case s.Type.Is(openapi3.TypeInteger):
		want := map[string]reflect.Kind{"int32": reflect.Int32, "int64": reflect.Int64}[s.Format]
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			if want != reflect.Invalid && t.Kind() != want {
				c.report(CheckType, subject, where, "the schema is an integer of format %s; the Go type is %s", s.Format, t)
			}
		default:
			c.report(CheckType, subject, where, "the schema is an integer; the Go type is %s", t)
		}
	case s.Type.Is(openapi3.TypeNumber):
		if k := t.Kind(); k != reflect.Float64 && k != reflect.Float32 {
			c.report(CheckType, subject, where, "the schema is a number; the Go type is %s", t)
		}
	case s.Type.Is(openapi3.TypeBoolean):
		if t.Kind() != reflect.Bool {
			c.report(CheckType, subject, where, "the schema is a boolean; the Go type is %s", t)
		}
	}
}

// isObject reports whether s describes a JSON object.
func isObject(s *openapi3.Schema) bool {
	return s.Type.Is(openapi3.TypeObject) || len(s.Properties) > 0 || len(s.AllOf) > 0
}

// alternatives returns the members of an anyOf or oneOf schema.
func alternatives(s *openapi3.Schema) openapi3.SchemaRefs {
	return append(append(openapi3.SchemaRefs{}, s.AnyOf...), s.OneOf...)
}

// properties returns the properties of an object schema and the names of
// its required ones, with those of its allOf members merged in.
func properties(s *openapi3.Schema) (map[string]*openapi3.SchemaRef, map[string]bool) {
	props := map[string]*openapi3.SchemaRef{}
	required := map[string]bool{}
	var merge func(*openapi3.Schema)
	merge = func(s *openapi3.Schema) {
		for name, p := range s.Properties {
			props[name] = p
		}
		for _, name := range s.Required {
			required[name] = true
		}
		for _, m := range s.AllOf {
			if m != nil && m.Value != nil {
				merge(m.Value)
			}
		}
	}
	merge(s)
	return props, required
}

// sortedNames returns the keys of props in order.
func sortedNames(props map[string]*openapi3.SchemaRef) []string {
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// object compares the properties of s, allOf members included, with the
// fields of the struct t.
func (c *comparer) object(s *openapi3.Schema, t reflect.Type, where string) {
	props, required := properties(s)
	for _, name := range sortedNames(props) {
		subject := t.Name() + "." + name
		f, ok := fieldByJSONName(t, name)
		if !ok {
			c.report(CheckField, subject, where+"."+name, "%s has no field with JSON name %q", typeName(t), name)
			continue
		}
		if required[name] {
			if f.Type.Kind() == reflect.Pointer {
				c.report(CheckRequired, subject, where+"."+name, "the property is required; %s.%s is a pointer (%s)", typeName(t), f.Name, f.Type)
			}
			if _, opts, _ := strings.Cut(f.Tag.Get("json"), ","); hasOption(opts, "omitempty") {
				c.report(CheckRequired, subject+" (omitempty)", where+"."+name, "the property is required; %s.%s is tagged omitempty, so the SDK leaves it out when it is empty", typeName(t), f.Name)
			}
		}
		c.value(props[name], f.Type, where+"."+name, subject)
	}
}

// enum checks that every value of a string enum has a constant of t.
func (c *comparer) enum(s *openapi3.Schema, t reflect.Type, where, subject string) {
	if t.PkgPath() == "" {
		c.report(CheckEnum, subject, where, "the property is an enum of %d values; its Go type is %s, which has no constants", len(s.Enum), t)
		return
	}
	consts, err := EnumConstants(t)
	if err != nil {
		if c.err == nil {
			c.err = err
		}
		return
	}
	for _, v := range s.Enum {
		switch v := v.(type) {
		case nil:
			c.report(CheckEnum, t.Name()+"=null", where, "the enum lists null; %s has no constant for it", typeName(t))
		case string:
			if _, ok := consts[v]; !ok {
				c.report(CheckEnum, t.Name()+"="+v, where, "no constant of type %s has the value %q", typeName(t), v)
			}
		default:
			c.report(CheckEnum, fmt.Sprintf("%s=%v", t.Name(), v), where, "the enum of a string lists the non-string %v", v)
		}
	}
}

// fieldByJSONName finds the field encoding/json uses for the JSON member
// name, looking into embedded structs.
func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		tagName, _, _ := strings.Cut(tag, ",")
		if tag == "-" {
			continue
		}
		if f.Anonymous && tagName == "" {
			et := f.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				if ef, ok := fieldByJSONName(et, name); ok {
					return ef, true
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if tagName == "" {
			tagName = f.Name
		}
		if tagName == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func hasOption(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// typeName returns t's name qualified by its package name, e.g.
// "certifications.CertificationTask" or "[]beta.CertificationDto".
func typeName(t reflect.Type) string { return t.String() }

var constCache = struct {
	sync.Mutex
	byDir map[string]map[string]map[string]string // dir → type → value → constant
}{byDir: map[string]map[string]map[string]string{}}

// EnumConstants returns the string constants declared for the named type
// t in its package's source (non-test .go files), keyed by value, with the
// constant's name. It reads declarations of the forms
//
//	Name T = "VALUE"
//	Name = T("VALUE")
//
// The package must belong to this module.
func EnumConstants(t reflect.Type) (map[string]string, error) {
	pkg := t.PkgPath()
	if pkg != ModulePath && !strings.HasPrefix(pkg, ModulePath+"/") {
		return nil, fmt.Errorf("spectest: %s is not declared in module %s", t, ModulePath)
	}
	root, err := ModuleRoot()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(pkg, ModulePath)))
	constCache.Lock()
	defer constCache.Unlock()
	byType, ok := constCache.byDir[dir]
	if !ok {
		if byType, err = parseConstants(dir); err != nil {
			return nil, err
		}
		constCache.byDir[dir] = byType
	}
	return byType[t.Name()], nil
}

// parseConstants reads the typed string constants of the package in dir.
func parseConstants(dir string) (map[string]map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	add := func(typ, value, name string) {
		if out[typ] == nil {
			out[typ] = map[string]string{}
		}
		out[typ][value] = name
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						break
					}
					typ, lit := constTypeAndValue(vs.Type, vs.Values[i])
					if typ == "" || lit == nil || lit.Kind != token.STRING {
						continue
					}
					value, err := strconv.Unquote(lit.Value)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", fset.Position(lit.Pos()), err)
					}
					add(typ, value, name.Name)
				}
			}
		}
	}
	return out, nil
}

// constTypeAndValue returns the type name and literal of `T = "v"` or of
// `= T("v")`.
func constTypeAndValue(typ ast.Expr, value ast.Expr) (string, *ast.BasicLit) {
	if id, ok := typ.(*ast.Ident); ok {
		lit, _ := value.(*ast.BasicLit)
		return id.Name, lit
	}
	if call, ok := value.(*ast.CallExpr); ok && typ == nil && len(call.Args) == 1 {
		id, _ := call.Fun.(*ast.Ident)
		lit, _ := call.Args[0].(*ast.BasicLit)
		if id != nil {
			return id.Name, lit
		}
	}
	return "", nil
}
