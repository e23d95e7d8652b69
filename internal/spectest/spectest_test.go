package spectest_test

import (
	"encoding/json"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/spectest"
)

// Preload loads definitions side by side into the same cache that Load
// reads, and fails on a name that is not a definition.
func TestPreload(t *testing.T) {
	spectest.Preload(t, spectest.Definitions...)
	for _, name := range spectest.Definitions {
		doc := spectest.Load(t, name)
		require.NotNil(t, doc, name)
		assert.Same(t, doc, spectest.Load(t, name), name)
	}
	rec := newRecorder(t)
	inGoroutine(func() { spectest.Preload(rec, "v3", "v2") })
	assert.True(t, rec.fatal)
	require.Len(t, rec.recorded(), 1)
	assert.Contains(t, rec.recorded()[0], `no OpenAPI definition named "v2"`)
}

func TestLoadIsCachedAndRoutesAnyHost(t *testing.T) {
	servers := map[string]string{"v3": "/v3", "summaries-v3": "/v3", "beta": "/beta", "v1": "/", "summaries-v1": "/",
		"campaigns-v3": "/v3", "campaign-filters-v3": "/v3", "reports-v3": "/v3",
		"campaigns-v1": "/", "campaign-filters-v1": "/", "reports-v1": "/"}
	require.Len(t, spectest.Definitions, len(servers))
	for _, name := range spectest.Definitions {
		doc := spectest.Load(t, name)
		require.NotNil(t, doc)
		assert.Same(t, doc, spectest.Load(t, name), "loaded once")
		require.Len(t, doc.Servers, 1)
		assert.Equal(t, servers[name], doc.Servers[0].URL, name)
	}
	// The report files definitions require applicationAuth without
	// defining it; the loader declares it and keeps the published one.
	for _, name := range []string{"reports-v3", "reports-v1"} {
		schemes := spectest.Load(t, name).Components.SecuritySchemes
		require.Contains(t, schemes, "applicationAuth", name)
		assert.Equal(t, "http", schemes["applicationAuth"].Value.Type, name)
		assert.Equal(t, "oauth2", schemes["userAuth"].Value.Type, name)
	}
}

func TestLoadUnknownDefinitionFails(t *testing.T) {
	rec := newRecorder(t)
	inGoroutine(func() { spectest.Load(rec, "v2") })
	assert.True(t, rec.fatal)
	require.Len(t, rec.recorded(), 1)
	assert.Contains(t, rec.recorded()[0], `no OpenAPI definition named "v2"`)
}

func TestDefinitionsOf(t *testing.T) {
	assert.Equal(t, []string{"v3", "summaries-v3", "campaigns-v3", "campaign-filters-v3", "reports-v3"}, spectest.DefinitionsOf("v3"))
	assert.Equal(t, []string{"beta"}, spectest.DefinitionsOf("beta"))
	assert.Equal(t, []string{"v1", "summaries-v1", "campaigns-v1", "campaign-filters-v1", "reports-v1"}, spectest.DefinitionsOf("v1"))
	assert.Empty(t, spectest.DefinitionsOf("v2"))
	var all []string
	for _, v := range spectest.Versions {
		all = append(all, spectest.DefinitionsOf(v)...)
	}
	assert.Equal(t, spectest.Definitions, all, "every definition belongs to one version")
}

// withSuffix returns ids with suffix appended to each, sorted.
func withSuffix(ids []string, suffix string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id + suffix
	}
	sort.Strings(out)
	return out
}

func TestOperations(t *testing.T) {
	ids := func(name string) []string {
		var out []string
		for _, op := range spectest.Operations(t, name) {
			out = append(out, op.ID)
			assert.Equal(t, name, op.Definition)
			assert.Equal(t, spectest.VersionOf(op.Base+op.Path), op.Version, "%s %s: the path is one of its version", name, op.ID)
			assert.NotNil(t, op.Operation)
			assert.Equal(t, op.Deprecated, name == "beta", "%s %s: only the beta operations are deprecated", name, op.ID)
		}
		return out
	}
	certifications := []string{
		"getCertificationTask", "getIdentityCertification", "getIdentityCertificationItemPermissions",
		"getPendingCertificationTasks", "listCertificationReviewers", "listIdentityAccessReviewItems",
		"listIdentityCertifications", "makeIdentityDecision", "reassignIdentityCertifications",
		"signOffIdentityCertification", "submitReassignCertsAsync",
	}
	summaries := []string{"getIdentityAccessSummaries", "getIdentityDecisionSummary", "getIdentitySummaries", "getIdentitySummary"}
	assert.Equal(t, certifications, ids("v3"))
	assert.Equal(t, withSuffix(certifications, "V1"), ids("v1"))
	assert.Equal(t, summaries, ids("summaries-v3"))
	assert.Equal(t, withSuffix(summaries, "V1"), ids("summaries-v1"))
	assert.Equal(t, []string{
		"getIdentityCertificationItemPermissions", "getIdentityCertificationPendingTasks",
		"getIdentityCertificationTaskStatus", "listCertificationReviewers", "listCertifications",
		"submitReassignCertsAsync",
	}, ids("beta"))

	op := spectest.FindOperation(t, "v3", "makeIdentityDecision")
	assert.Equal(t, "POST", op.Method)
	assert.Equal(t, "/v3", op.Base)
	assert.Equal(t, "/certifications/{id}/decide", op.Path)

	op = spectest.FindOperation(t, "v1", "makeIdentityDecisionV1")
	assert.Equal(t, "", op.Base)
	assert.Equal(t, "/certifications/v1/{id}/decide", op.Path)

	op = spectest.FindOperation(t, "summaries-v1", "getIdentityAccessSummariesV1")
	assert.Equal(t, "v1", op.Version)
	assert.Equal(t, "/certifications/v1/{id}/access-summaries/{type}", op.Path)
}

func TestVersionOf(t *testing.T) {
	for path, want := range map[string]string{
		"/v3/certifications":                     "v3",
		"/v3/certifications/c1/decision-summary": "v3",
		"/beta/certifications/x":                 "beta",
		"/certifications/v1":                     "v1",
		"/certifications/v1/c1/decide":           "v1",
		"/certification-tasks/v1":                "v1",
		"/certification-tasks/v1/t1":             "v1",
		"/oauth/token":                           "",
		"/v3x/certifications":                    "",
		"/certifications":                        "",
		"/certifications/v1x":                    "",
		"/certifications/v2/c1":                  "",
		"/certification-tasks/t1":                "",
		"/v1/certifications":                     "",
	} {
		assert.Equal(t, want, spectest.VersionOf(path), path)
	}
}

func TestV1Path(t *testing.T) {
	for v3, want := range map[string]string{
		"/certifications":                              "/certifications/v1",
		"/certifications/{id}":                         "/certifications/v1/{id}",
		"/certification-tasks":                         "/certification-tasks/v1",
		"/certification-tasks/t%2F1":                   "/certification-tasks/v1/t%2F1",
		"/certifications/{id}/access-summaries/{type}": "/certifications/v1/{id}/access-summaries/{type}",
	} {
		assert.Equal(t, want, spectest.V1Path(v3), v3)
	}
	// Every v1 operation's path is its v3 twin's.
	for _, pair := range [][2]string{{"v3", "v1"}, {"summaries-v3", "summaries-v1"}} {
		v1 := map[string]string{}
		for _, op := range spectest.Operations(t, pair[1]) {
			v1[op.ID] = op.Path
		}
		for _, op := range spectest.Operations(t, pair[0]) {
			assert.Equal(t, v1[op.ID+"V1"], spectest.V1Path(op.Path), op.ID)
		}
	}
}

// schemaFromJSON builds a schema the way the loader does.
func schemaFromJSON(t *testing.T, js string) *openapi3.SchemaRef {
	t.Helper()
	var s openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(js), &s))
	return &openapi3.SchemaRef{Value: &s}
}

func TestExampleAssemblesLikeAMockServer(t *testing.T) {
	s := schemaFromJSON(t, `{
		"type": "object",
		"properties": {
			"id": {"type": "string", "example": "abc"},
			"state": {"type": "string", "enum": ["ON", "OFF"]},
			"at": {"type": "string", "format": "date-time"},
			"size": {"type": "integer", "default": 5},
			"flag": {"type": "boolean"},
			"tags": {"type": "array", "items": {"type": "string", "example": "t"}},
			"trail": {"type": "array", "items": {"type": "object"}, "example": {"one": 1}}
		}
	}`)
	a := spectest.Example(s)
	assert.Equal(t, map[string]any{
		"id":    "abc",
		"state": "ON",
		"at":    "2020-01-01T00:00:00Z",
		"size":  float64(5),
		"flag":  true,
		"tags":  []any{"t"},
		"trail": map[string]any{"one": float64(1)},
	}, a.Value)
	assert.Equal(t, 3, a.Examples)
	assert.Equal(t, []string{".at", ".flag", ".size", ".state"}, a.Placeholders)

	none := spectest.Example(schemaFromJSON(t, `{"type":"object","properties":{"a":{"type":"string"}}}`))
	assert.Zero(t, none.Examples)
}

// TestRequestExampleLeavesOutReadOnly builds a request body from its
// writable properties only, even when the object documents an example that
// shows readOnly ones.
func TestRequestExampleLeavesOutReadOnly(t *testing.T) {
	s := schemaFromJSON(t, `{
		"type": "object",
		"example": {"id": "x", "name": "n"},
		"properties": {
			"id": {"type": "string", "readOnly": true},
			"name": {"type": "string", "example": "n"},
			"owner": {"type": "object", "properties": {
				"id": {"type": "string"},
				"name": {"type": "string", "readOnly": true}
			}}
		}
	}`)
	assert.Equal(t, map[string]any{"name": "n", "owner": map[string]any{"id": "string"}}, spectest.RequestExample(s).Value)
	assert.Equal(t, map[string]any{"id": "x", "name": "n"}, spectest.Example(s).Value, "a response example keeps them")
}

// TestExampleOfAnyOfTakesTheFirstShape assembles an anyOf as its first
// member, as a mock server answers.
func TestExampleOfAnyOfTakesTheFirstShape(t *testing.T) {
	s := schemaFromJSON(t, `{"anyOf": [
		{"type": "object", "properties": {"a": {"type": "string", "example": "first"}}},
		{"type": "object", "properties": {"b": {"type": "string", "example": "second"}}}
	]}`)
	assert.Equal(t, map[string]any{"a": "first"}, spectest.Example(s).Value)
}

func TestBodyExamples(t *testing.T) {
	op := spectest.FindOperation(t, "v3", "getCertificationTask")
	var names []string
	for _, ex := range spectest.BodyExamples(op.Operation.Responses.Value("403").Value.Content.Get("application/json")) {
		names = append(names, ex.Name)
		assert.NotNil(t, ex.Value)
	}
	assert.Equal(t, []string{"examples/403", "assembled"}, names)

	ok := spectest.BodyExamples(op.Operation.Responses.Value("200").Value.Content.Get("application/json"))
	require.Len(t, ok, 1)
	assert.Equal(t, "assembled", ok[0].Name)
	// The published quirk: the array's example is a single object.
	assert.IsType(t, map[string]any{}, ok[0].Value.(map[string]any)["reassignmentTrailDTOs"])

	assert.Empty(t, spectest.BodyExamples(nil))
}

func TestJSONPathsAndLostPaths(t *testing.T) {
	var v any
	require.NoError(t, json.Unmarshal([]byte(`{"a":1,"b":{"c":[{"d":true},{"e":null}]},"f":null,"g":[],"h":{}}`), &v))
	assert.Equal(t, []string{".a", ".b", ".b.c", ".b.c[]", ".b.c[].d", ".g", ".h"}, spectest.JSONPaths(v))

	var got any
	require.NoError(t, json.Unmarshal([]byte(`{"a":2,"b":{"c":[{"x":1}]}}`), &got))
	assert.Equal(t, []string{".b.c[].d", ".g", ".h"}, spectest.LostPaths(v, got))
	assert.Empty(t, spectest.LostPaths(v, v))

	n, err := spectest.Normalize(struct {
		A int       `json:"a"`
		T time.Time `json:"t"`
	}{A: 1})
	require.NoError(t, err)
	assert.Equal(t, []string{".a", ".t"}, spectest.JSONPaths(n))
}

// Go types with deliberate mistakes for TestCompareSchema.
type (
	goodDecision struct {
		ID       string                               `json:"id"`
		Decision certifications.CertificationDecision `json:"decision"`
		Count    *int32                               `json:"count,omitempty"`
		At       *time.Time                           `json:"at,omitempty"`
		Items    []goodItem                           `json:"items,omitempty"`
	}
	goodItem struct {
		Name *string `json:"name,omitempty"`
	}
	embedded struct {
		ID string `json:"id"`
	}
	badDecision struct {
		embedded
		Decision *certifications.CertificationDecision `json:"decision,omitempty"`
		Count    *int64                                `json:"count,omitempty"`
		At       *string                               `json:"at"`
		Items    []badItem                             `json:"items,omitempty"`
		Kind     string                                `json:"kind,omitempty"`
	}
	badItem struct {
		Label *string `json:"label,omitempty"`
	}
)

const decisionSchema = `{
	"type": "object",
	"required": ["id", "decision", "kind"],
	"properties": {
		"id": {"type": "string"},
		"decision": {"type": "string", "enum": ["APPROVE", "REVOKE", "MAYBE", null], "nullable": true},
		"count": {"type": "integer", "format": "int32"},
		"at": {"type": "string", "format": "date-time"},
		"items": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
		"kind": {"type": "string", "enum": ["A"]}
	}
}`

func TestCompareSchema(t *testing.T) {
	s := schemaFromJSON(t, decisionSchema)
	problems, err := spectest.CompareSchema(s, reflect.TypeFor[badDecision](), "op 200")
	require.NoError(t, err)
	type key struct{ check, subject string }
	var got []key
	for _, p := range problems {
		got = append(got, key{p.Check, p.Subject})
		assert.NotEmpty(t, p.Detail)
		assert.NotEmpty(t, p.Where)
	}
	assert.ElementsMatch(t, []key{
		{spectest.CheckRequired, "badDecision.decision"}, // a pointer
		{spectest.CheckRequired, "badDecision.decision (omitempty)"},
		{spectest.CheckRequired, "badDecision.kind (omitempty)"},
		{spectest.CheckEnum, "CertificationDecision=MAYBE"}, // no constant
		{spectest.CheckEnum, "CertificationDecision=null"},  // null has none
		{spectest.CheckEnum, "badDecision.kind"},            // plain string
		{spectest.CheckType, "badDecision.count"},           // int64 for int32
		{spectest.CheckType, "badDecision.at"},              // string for date-time
		{spectest.CheckField, "badItem.name"},               // no such JSON name
	}, got)

	s.Value.Properties["decision"].Value.Enum = []any{"APPROVE", "REVOKE"}
	s.Value.Required = []string{"id", "decision"}
	delete(s.Value.Properties, "kind")
	problems, err = spectest.CompareSchema(s, reflect.TypeFor[goodDecision](), "op request")
	require.NoError(t, err)
	assert.Empty(t, problems)

	problems, err = spectest.CompareSchema(s, reflect.TypeFor[string](), "op 200")
	require.NoError(t, err)
	require.Len(t, problems, 1)
	assert.Equal(t, spectest.CheckType, problems[0].Check)
}

// TestAllOfMembersAreObjectProperties checks that example assembly,
// schema comparison and mismatch pointers see the properties of allOf
// members.
func TestAllOfMembersAreObjectProperties(t *testing.T) {
	s := schemaFromJSON(t, `{
		"type": "object",
		"allOf": [
			{"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["CERTIFICATION"], "example": "IDENTITY"}}},
			{"type": "object", "properties": {"name": {"type": "string", "example": "n"}}}
		]
	}`)
	a := spectest.Example(s)
	assert.Equal(t, map[string]any{"type": "IDENTITY", "name": "n"}, a.Value)

	type ref struct {
		Type certifications.CertificationReferenceType `json:"type"`
	}
	problems, err := spectest.CompareSchema(s, reflect.TypeFor[ref](), "x")
	require.NoError(t, err)
	require.Len(t, problems, 1)
	assert.Equal(t, spectest.Problem{Check: spectest.CheckField, Subject: "ref.name", Where: "x.name", Detail: problems[0].Detail}, problems[0])

	ms := spectest.Mismatches(s.Value.VisitJSON(a.Value, openapi3.MultiErrors()))
	require.Len(t, ms, 1)
	assert.Equal(t, "/type", ms[0].Pointer)
}

// TestCompareSchemaChecksEveryAlternative compares one Go type with each
// member of an anyOf: a property of either shape needs its field.
func TestCompareSchemaChecksEveryAlternative(t *testing.T) {
	s := schemaFromJSON(t, `{"anyOf": [
		{"type": "object", "properties": {"id": {"type": "string"}}},
		{"type": "object", "properties": {"id": {"type": "string"}, "extra": {"type": "string"}}}
	]}`)
	type slim struct {
		ID string `json:"id"`
	}
	problems, err := spectest.CompareSchema(s, reflect.TypeFor[slim](), "op 200")
	require.NoError(t, err)
	require.Len(t, problems, 1)
	assert.Equal(t, spectest.CheckField, problems[0].Check)
	assert.Equal(t, "slim.extra", problems[0].Subject)
	assert.Equal(t, "op 200(alternative 1).extra", problems[0].Where)
}

func TestEnumConstants(t *testing.T) {
	consts, err := spectest.EnumConstants(reflect.TypeFor[certifications.CertificationDecision]())
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"APPROVE": "CertificationDecisionApprove", "REVOKE": "CertificationDecisionRevoke"}, consts)

	_, err = spectest.EnumConstants(reflect.TypeFor[time.Month]())
	assert.Error(t, err, "a type outside the module")
}

// TestSpecProblems pins the contradictions of the published definitions
// that the shared spec README lists, and those the v1 definition adds.
func TestSpecProblems(t *testing.T) {
	type key struct{ check, subject string }
	found := func(version string) []key {
		var out []key
		for _, p := range spectest.SpecProblems(t, version) {
			out = append(out, key{p.Check, p.Subject})
		}
		return out
	}
	assert.Equal(t, []key{{spectest.CheckExample, "Certification Task.reassignmentTrailDTOs"}}, found("v3"))
	assert.ElementsMatch(t, []key{
		{spectest.CheckUndefinedRequired, "Certification Dto.campaignOwner"},
		{spectest.CheckExample, "Certification Reference Dto.type"}, // inside an allOf
	}, found("beta"))
	assert.ElementsMatch(t, []key{
		{spectest.CheckExample, "Certification Task.reassignmentTrailDTOs"},
		{spectest.CheckExample, "Certification Task.errors"}, // an object for an array
		{spectest.CheckExample, "Permission DTO.rights"},     // a string for an array
	}, found("v1"))
	assert.Empty(t, found("summaries-v3"))
	assert.Empty(t, found("summaries-v1"))
}
