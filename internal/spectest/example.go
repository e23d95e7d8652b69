package spectest

import (
	"encoding/json"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
)

// Assembled is an example value built from a schema by Example.
type Assembled struct {
	// request leaves out readOnly properties, as a request body must.
	request bool

	// Value is the example, as encoding/json would decode it.
	Value any
	// Examples counts the values taken from an `example` of the schema or
	// of one of its sub-schemas. Zero means the schema documents no
	// example at all.
	Examples int
	// Placeholders are the JSON paths (see JSONPaths) of the values made
	// up because nothing was documented for them.
	Placeholders []string
}

// Example assembles an example of s the way a spec-driven mock server
// (Prism, static mode) and testdata/gen_fixtures.py do: a schema's own
// example wins; an object is built from its properties (those of its
// allOf members included); an array holds one assembled item; anything else falls back to its default, its first enum
// value or a placeholder of its type.
func Example(s *openapi3.SchemaRef) Assembled {
	var a Assembled
	a.Value = a.build(s, "")
	return a
}

// RequestExample is Example for a request body: readOnly properties,
// which a client must not send, are left out, and an object is always
// built from its properties, so that an object example that shows
// readOnly ones does not bring them back.
func RequestExample(s *openapi3.SchemaRef) Assembled {
	a := Assembled{request: true}
	a.Value = a.build(s, "")
	return a
}

func (a *Assembled) build(ref *openapi3.SchemaRef, path string) any {
	if ref == nil || ref.Value == nil {
		a.Placeholders = append(a.Placeholders, path)
		return nil
	}
	s := ref.Value
	if s.Example != nil && !(a.request && isObject(s)) {
		a.Examples++
		return s.Example
	}
	if alts := alternatives(s); len(alts) > 0 && s.Type == nil && !isObject(s) {
		return a.build(alts[0], path) // a mock server answers with the first shape
	}
	switch {
	case isObject(s):
		props, _ := properties(s)
		out := make(map[string]any, len(props))
		for _, name := range sortedNames(props) {
			if p := props[name]; a.request && p != nil && p.Value != nil && p.Value.ReadOnly {
				continue
			}
			out[name] = a.build(props[name], path+"."+name)
		}
		return out
	case s.Type.Is(openapi3.TypeArray):
		return []any{a.build(s.Items, path+"[]")}
	}
	a.Placeholders = append(a.Placeholders, path)
	switch {
	case s.Default != nil:
		return s.Default
	case len(s.Enum) > 0:
		return s.Enum[0]
	case s.Type.Is(openapi3.TypeString) && s.Format == "date-time":
		return "2020-01-01T00:00:00Z"
	case s.Type.Is(openapi3.TypeString):
		return "string"
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		return float64(0)
	case s.Type.Is(openapi3.TypeBoolean):
		return true
	}
	return nil
}

// NamedExample is one documented or assembled example of a body.
type NamedExample struct {
	// Name says where the example comes from: "example" for a media
	// type's example, "examples/NAME" for an entry of its examples, and
	// "assembled" for one built by Example.
	Name string
	// Value is the example.
	Value any
}

// BodyExamples returns the examples of a JSON body: the media type's
// example and examples, then the one assembled from its schema's property
// examples, when the schema has any. It returns nothing for a body that
// documents no example at all.
func BodyExamples(mt *openapi3.MediaType) []NamedExample {
	if mt == nil {
		return nil
	}
	var out []NamedExample
	if mt.Example != nil {
		out = append(out, NamedExample{Name: "example", Value: mt.Example})
	}
	names := make([]string, 0, len(mt.Examples))
	for name := range mt.Examples {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if ex := mt.Examples[name]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
			out = append(out, NamedExample{Name: "examples/" + name, Value: ex.Value.Value})
		}
	}
	if mt.Schema != nil {
		if a := Example(mt.Schema); a.Examples > 0 {
			out = append(out, NamedExample{Name: "assembled", Value: a.Value})
		}
	}
	return out
}

// JSONPaths returns, sorted, the paths of every member and array element
// of a decoded JSON value whose value is not null: ".a" for member a,
// "[]" for the elements of an array, so ".a[].b" is member b of the
// elements of array a. The root itself has no path. A null member is
// left out: the SDK encodes an optional value it does not hold by
// omitting it, which the API reads the same as null.
func JSONPaths(v any) []string {
	set := map[string]bool{}
	collectPaths(v, "", set)
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func collectPaths(v any, path string, set map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e == nil {
				continue
			}
			set[path+"."+k] = true
			collectPaths(e, path+"."+k, set)
		}
	case []any:
		for _, e := range x {
			if e == nil {
				continue
			}
			set[path+"[]"] = true
			collectPaths(e, path+"[]", set)
		}
	}
}

// LostPaths returns the JSON paths of want that got does not have. Both
// are decoded JSON values; use Normalize for anything else.
func LostPaths(want, got any) []string {
	have := map[string]bool{}
	for _, p := range JSONPaths(got) {
		have[p] = true
	}
	var lost []string
	for _, p := range JSONPaths(want) {
		if !have[p] {
			lost = append(lost, p)
		}
	}
	return lost
}

// Normalize encodes v as JSON and decodes it into the generic form
// (maps, slices, float64, string, bool, nil) that JSONPaths reads.
func Normalize(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}
