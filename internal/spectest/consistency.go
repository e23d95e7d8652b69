package spectest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Checks that SpecProblems makes: places where a definition contradicts
// itself.
const (
	// CheckExample: a documented example does not match its own schema.
	CheckExample = "example"
	// CheckUndefinedRequired: a schema requires a property it does not
	// define.
	CheckUndefinedRequired = "undefined-required"
)

// SpecProblems returns the places where the named definition contradicts
// itself: every `example` of a schema, parameter or media type that does
// not match its schema, and every required property that the schema does
// not define. The Subject of a schema-level problem is the title of the
// nearest titled schema and the path below it, e.g.
// "Certification Task.reassignmentTrailDTOs", so that a schema inlined in
// many operations is reported once; that of a media-type example is
// "operationId status example-name".
func SpecProblems(tb testing.TB, name string) []Problem {
	tb.Helper()
	c := &comparer{seen: map[string]bool{}}
	for _, op := range Operations(tb, name) {
		for _, p := range op.Operation.Parameters {
			if p.Value == nil {
				continue
			}
			where := op.ID + " parameter " + p.Value.Name
			if p.Value.Example != nil && p.Value.Schema != nil {
				c.example(p.Value.Schema.Value, p.Value.Example, where, where)
			}
			c.consistency(p.Value.Schema, where, where)
		}
		if rb := op.Operation.RequestBody; rb != nil && rb.Value != nil {
			c.media(rb.Value.Content.Get("application/json"), op.ID+" request")
		}
		statuses := make([]string, 0, op.Operation.Responses.Len())
		for status := range op.Operation.Responses.Map() {
			statuses = append(statuses, status)
		}
		sort.Strings(statuses)
		for _, status := range statuses {
			if r := op.Operation.Responses.Value(status); r != nil && r.Value != nil {
				c.media(r.Value.Content.Get("application/json"), op.ID+" "+status)
			}
		}
	}
	return c.problems
}

// media checks a media type's examples and its schema.
func (c *comparer) media(mt *openapi3.MediaType, where string) {
	if mt == nil || mt.Schema == nil {
		return
	}
	for _, ex := range BodyExamples(mt) {
		if ex.Name == "assembled" {
			continue // built from property examples, which are checked one by one
		}
		c.example(mt.Schema.Value, ex.Value, where+" "+ex.Name, where+" "+ex.Name)
	}
	c.consistency(mt.Schema, where, "")
}

// consistency walks a schema tree checking property examples and required
// lists. title is the subject prefix: the nearest titled schema and the
// path below it.
func (c *comparer) consistency(ref *openapi3.SchemaRef, where, title string) {
	if ref == nil || ref.Value == nil {
		return
	}
	s := ref.Value
	if s.Title != "" {
		title = s.Title
	}
	if title == "" {
		title = where
	}
	if s.Example != nil {
		c.example(s, s.Example, where, title)
	}
	if isObject(s) {
		props, _ := properties(s)
		for _, name := range s.Required {
			if _, ok := props[name]; !ok {
				c.report(CheckUndefinedRequired, title+"."+name, where, "%q is required but not among the properties", name)
			}
		}
	}
	for _, name := range sortedNames(s.Properties) {
		c.consistency(s.Properties[name], where+"."+name, title+"."+name)
	}
	for i, m := range s.AllOf {
		c.consistency(m, fmt.Sprintf("%s(allOf %d)", where, i), title)
	}
	for i, m := range alternatives(s) {
		c.consistency(m, fmt.Sprintf("%s(alternative %d)", where, i), title)
	}
	if s.Items != nil {
		c.consistency(s.Items, where+"[]", title+"[]")
	}
}

// example reports an example that its schema rejects.
func (c *comparer) example(s *openapi3.Schema, value any, where, subject string) {
	err := s.VisitJSON(value, openapi3.MultiErrors())
	if err == nil {
		return
	}
	var reasons []string
	for _, m := range Mismatches(err) {
		reasons = append(reasons, m.String())
	}
	c.report(CheckExample, subject, where, "the example does not match its schema: %s", strings.Join(reasons, "; "))
}
