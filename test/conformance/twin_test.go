package conformance_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/spectest"
)

// ---- Twin

// twinFindings compares every operation of v with the operation of v.twin
// whose operationId is its own without v.suffix: both must exist, have the
// same method, a path that is the twin's with /v1 after the resource, and
// the same parameters, request body and responses, down to every schema
// keyword and example. A difference is reported where it is, e.g.
// "listCertificationReviewers 200 [].email nullable".
func twinFindings(t *testing.T, v *apiVersion) []finding {
	twins := map[string]spectest.OperationInfo{}
	for _, op := range spectest.Operations(t, v.twin) {
		twins[op.ID] = op
	}
	var fs []finding
	for _, op := range spectest.Operations(t, v.name) {
		id := strings.TrimSuffix(op.ID, v.suffix)
		twin, ok := twins[id]
		if !ok || id == op.ID {
			fs = append(fs, finding{checkTwin, op.ID, fmt.Sprintf("%s has no operation %q", v.twin, id)})
			continue
		}
		delete(twins, id)
		if op.Method != twin.Method {
			fs = append(fs, finding{checkTwin, id + " method", fmt.Sprintf("%s in %s, %s in %s", op.Method, v.name, twin.Method, v.twin)})
		}
		if want := spectest.V1Path(twin.Path); op.Path != want {
			fs = append(fs, finding{checkTwin, id + " path", fmt.Sprintf("%s in %s, want %s (from %s in %s)", op.Path, v.name, want, twin.Path, v.twin)})
		}
		a, b := operationTree(t, op), operationTree(t, twin)
		for _, d := range treeDiff(a, b, nil) {
			fs = append(fs, finding{checkTwin, id + twinLocation(d.path), fmt.Sprintf("%s in %s, %s in %s", d.a, v.name, d.b, v.twin)})
		}
	}
	for id := range twins {
		fs = append(fs, finding{checkTwin, id, fmt.Sprintf("%s has no operation %q", v.name, id+v.suffix)})
	}
	return fs
}

// operationTree returns op as generic JSON without its operationId, its
// parameters keyed by "in name".
func operationTree(t *testing.T, op spectest.OperationInfo) map[string]any {
	b, err := json.Marshal(op.Operation)
	require.NoError(t, err)
	var tree map[string]any
	require.NoError(t, json.Unmarshal(b, &tree))
	delete(tree, "operationId")
	if list, ok := tree["parameters"].([]any); ok {
		byName := map[string]any{}
		for _, p := range list {
			pm, _ := p.(map[string]any)
			byName[fmt.Sprint(pm["in"], " ", pm["name"])] = p
		}
		tree["parameters"] = byName
	}
	return tree
}

// difference is one place where two JSON trees differ; a and b render the
// two values ("absent" for none).
type difference struct {
	path []string
	a, b string
}

// treeDiff lists the differences between a and b below path. Examples are
// compared whole: a differing example is one difference, at its key.
func treeDiff(a, b any, path []string) []difference {
	if as, bs, ok := schemaLists(a, b, path); ok {
		// allOf, anyOf and oneOf members are compared one by one, so
		// that a difference inside one is reported where it is.
		var out []difference
		for i := range as {
			out = append(out, treeDiff(as[i], bs[i], append(path[:len(path):len(path)], strconv.Itoa(i)))...)
		}
		return out
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if !aok || !bok || isExampleKey(path) {
		if reflect.DeepEqual(a, b) {
			return nil
		}
		return []difference{{path: path, a: render(a), b: render(b)}}
	}
	keys := map[string]bool{}
	for k := range am {
		keys[k] = true
	}
	for k := range bm {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var out []difference
	for _, k := range sorted {
		sub := append(path[:len(path):len(path)], k)
		av, ain := am[k]
		bv, bin := bm[k]
		switch {
		case !ain:
			out = append(out, difference{path: sub, a: "absent", b: render(bv)})
		case !bin:
			out = append(out, difference{path: sub, a: render(av), b: "absent"})
		default:
			out = append(out, treeDiff(av, bv, sub)...)
		}
	}
	return out
}

// schemaLists returns a and b as lists of the same length when path ends
// at an allOf, anyOf or oneOf keyword.
func schemaLists(a, b any, path []string) ([]any, []any, bool) {
	n := len(path)
	if n == 0 || path[n-1] != "allOf" && path[n-1] != "anyOf" && path[n-1] != "oneOf" || n >= 2 && path[n-2] == "properties" {
		return nil, nil, false
	}
	as, aok := a.([]any)
	bs, bok := b.([]any)
	return as, bs, aok && bok && len(as) == len(bs)
}

// isExampleKey reports whether path ends at an example or examples member
// (not at a property of that name).
func isExampleKey(path []string) bool {
	n := len(path)
	if n == 0 || path[n-1] != "example" && path[n-1] != "examples" {
		return false
	}
	return n < 2 || path[n-2] != "properties"
}

// render shows a JSON value in at most 80 characters.
func render(v any) string {
	if v == nil {
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

// twinLocation renders the path of a difference: " 200 [].email nullable"
// for the nullable keyword of property email of the items of the 200
// schema, " parameter query limit schema maximum" for a parameter.
func twinLocation(path []string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		seg := path[i]
		next := ""
		if i+1 < len(path) {
			next = path[i+1]
		}
		switch {
		case seg == "responses" && next != "":
			b.WriteString(" " + next)
			i++
		case seg == "requestBody":
			b.WriteString(" request")
		case seg == "parameters" && next != "":
			b.WriteString(" parameter " + next)
			i++
		case seg == "content" && next != "":
			i++ // the media type: always application/json
		case seg == "schema" && i >= 2 && path[i-2] == "content":
			b.WriteString(" ")
		case seg == "properties" && next != "":
			b.WriteString("." + next)
			i++
		case seg == "items":
			b.WriteString("[]")
		case (seg == "allOf" || seg == "anyOf" || seg == "oneOf") && next != "":
			b.WriteString("(" + seg + " " + next + ")")
			i++
		case strings.HasSuffix(b.String(), " "):
			b.WriteString(seg)
		default:
			b.WriteString(" " + seg)
		}
	}
	return b.String()
}

// TestTreeDiffLocations checks what the Twin check reports for each kind of
// difference, and that equal trees give none.
func TestTreeDiffLocations(t *testing.T) {
	tree := func(js string) map[string]any {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(js), &m))
		return m
	}
	a := tree(`{
		"parameters": {"query limit": {"schema": {"maximum": 250}}},
		"requestBody": {"content": {"application/json": {"schema": {"required": ["a"]}}}},
		"responses": {"200": {"content": {"application/json": {"schema": {"type": "array", "items": {
			"title": "T",
			"properties": {"email": {"type": "string", "nullable": true}, "example": {"type": "string"}, "n": {"example": {"x": 1}}},
			"allOf": [{"properties": {"a": {"type": "string"}}}]
		}}}}}}
	}`)
	b := tree(`{
		"parameters": {"query limit": {"schema": {"maximum": 100}}},
		"requestBody": {"content": {"application/json": {"schema": {"required": ["a", "b"]}}}},
		"responses": {"200": {"content": {"application/json": {"schema": {"type": "array", "items": {
			"title": "U",
			"properties": {"email": {"type": "string"}, "n": {"example": {"x": 2}}},
			"allOf": [{"properties": {"a": {"type": "string", "nullable": true}}}]
		}}}}}}
	}`)
	var got []string
	for _, d := range treeDiff(a, b, nil) {
		got = append(got, twinLocation(d.path)+": "+d.a+" / "+d.b)
	}
	want := []string{
		" parameter query limit schema maximum: 250 / 100",
		" request required: [\"a\"] / [\"a\",\"b\"]",
		" 200 [].email nullable: true / absent",
		" 200 [].example: {\"type\":\"string\"} / absent",
		" 200 [].n example: {\"x\":1} / {\"x\":2}",
		" 200 [] title: \"T\" / \"U\"",
		" 200 [](allOf 0).a nullable: absent / true",
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := treeDiff(a, a, nil); len(d) != 0 {
		t.Errorf("equal trees differ: %v", d)
	}
}
