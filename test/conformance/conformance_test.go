package conformance_test

// Conformance with the published API definitions, checked by machine.
//
// TestConformance loads the OpenAPI definitions in testdata/openapi (see
// internal/spectest) and, for every definition in conformanceVersions,
// checks that:
//
//   - Spec: the definition does not contradict itself (examples that fail
//     their own schema, required properties that are not defined);
//   - Twin: a v1 definition equals its v3 twin, operation by operation
//     (parameters, bodies, responses, schemas, examples), its paths being
//     the v3 ones with /v1 after the resource;
//   - Coverage: every operation has a method on the definition's service;
//     every property of every schema reachable from an operation has a
//     field of that JSON name and a fitting Go type, at every nesting
//     level; every enum value, of a property or a parameter, has a
//     constant; every required property is a non-pointer field without
//     omitempty;
//   - Requests: every operation, called with all its optional parameters
//     and body fields set, sends a request that validates against the
//     definition, goes to that operation and to no other API version,
//     carries every documented query parameter and body property, and
//     nothing the definition does not name;
//   - Responses: every documented or assembled example of every response
//     decodes into the SDK's type for its status and re-encodes without
//     losing a property; 401 and 429 bodies give APIError its Message;
//   - Inverse: what the SDK re-encodes from each example validates against
//     the response schema;
//   - Sandbox: the Requests calls, sent through the SDK to one shared
//     certtest sandbox that does not know their ids, get documented
//     statuses with bodies that validate; and, for the campaign
//     definitions, every operation, called in a scenario that creates
//     what it needs, sends a request that validates and gets its
//     documented success status with a body that validates.
//
// Every finding is matched against specExceptions
// (exceptions_test.go): a finding listed there is logged with
// its reason, any other fails the test, and an exception that matched
// nothing fails it too.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
	"github.com/iscgo/certifications/internal/spectest"
)

// Checks made here besides those of spectest (CheckField, CheckType,
// CheckRequired, CheckEnum, CheckExample, CheckUndefinedRequired).
const (
	// checkMethod: an operation has no method, or its builder no Execute.
	checkMethod = "method"
	// checkRequest: a request the SDK sent does not validate, went to
	// another operation, carried a query parameter or body property the
	// definition does not name, or the call failed before its response
	// (a response that does not decode is the Responses check's).
	checkRequest = "request"
	// checkParam: a documented query parameter or body property was never
	// sent by a call that sets every optional parameter.
	checkParam = "param"
	// checkDecode: an example could not be decoded into the SDK's type.
	checkDecode = "decode"
	// checkRoundTrip: re-encoding a decoded example lost a JSON path.
	checkRoundTrip = "roundtrip"
	// checkErrorMessage: a 401 or 429 example did not become
	// APIError.Message.
	checkErrorMessage = "error-message"
	// checkInverse: the SDK's re-encoded output fails the response schema.
	checkInverse = "inverse"
	// checkTwin: a v1 operation differs from its v3 twin.
	checkTwin = "twin"
	// checkOptable: an operation of the definition is not declared in the
	// operation table (internal/optable) as it is published, or one the
	// table declares for the definition's service and version is not in
	// the definition.
	checkOptable = "optable"
	// checkSandbox: a request sent to the sandbox does not validate, its
	// answer is not the documented success or does not validate against
	// the response schema, or an operation was never called.
	checkSandbox = "sandbox"
)

// subtestChecks lists the checks each subtest of TestConformance makes.
var subtestChecks = map[string][]string{
	"Spec":      {spectest.CheckExample, spectest.CheckUndefinedRequired},
	"Twin":      {checkTwin},
	"Coverage":  {checkMethod, checkOptable, spectest.CheckField, spectest.CheckType, spectest.CheckRequired, spectest.CheckEnum},
	"Requests":  {checkRequest, checkParam},
	"Responses": {checkDecode, checkRoundTrip, checkErrorMessage},
	"Inverse":   {checkInverse},
	"Sandbox":   {checkSandbox},
}

// conformanceVersions lists the definitions TestConformance checks; each
// has its table in <name>_test.go.
var conformanceVersions = []*apiVersion{
	v3Conformance, summariesV3Conformance, betaConformance, v1Conformance, summariesV1Conformance,
	campaignsV3Conformance, campaignsV1Conformance, filtersV3Conformance, filtersV1Conformance,
	reportsV3Conformance, reportsV1Conformance,
}

// apiVersion ties one definition to the SDK surface that implements it.
type apiVersion struct {
	// name is the definition, as spectest names it ("v3",
	// "summaries-v1", ...).
	name string
	// client is the Configuration.APIVersion of the harness's client.
	client certifications.APIVersion
	// twin names the definition this one must equal; its operationIds
	// are this one's without suffix.
	twin   string
	suffix string
	// service is the pointer type whose methods are the operations.
	service reflect.Type
	// optService names the service in the operation table
	// (internal/optable), e.g. "CertificationsApi" or
	// "beta.CertificationsApi".
	optService string
	// methods maps an operationId to its method name when that is not
	// the operationId, less suffix, with its first letter in upper case.
	methods map[string]string
	// calls maps each operationId to calls that together set every
	// optional parameter (several when parameters exclude each other).
	calls map[string][]opCall
	// bodies maps an operationId to the Go type of its request body.
	bodies map[string]reflect.Type
	// params maps an operationId and parameter name to the Go type of
	// each parameter that is an enum.
	params map[string]map[string]reflect.Type
	// errorDto is the Go type of the 400, 403, 404 and 500 bodies.
	errorDto reflect.Type
	// sandbox, when set, are the steps of the Sandbox check, in order,
	// which must call every operation with a success (see
	// sandbox_test.go).
	sandbox []sandboxStep
}

// opCall calls one operation through the harness and returns the first
// result of its Execute.
type opCall func(ctx context.Context, h *harness) (any, error)

// methodName returns the Go method that implements operationID.
func (v *apiVersion) methodName(operationID string) string {
	if m, ok := v.methods[operationID]; ok {
		return m
	}
	name := strings.TrimSuffix(operationID, v.suffix)
	return strings.ToUpper(name[:1]) + name[1:]
}

// version returns the API version of the definition's paths.
func (v *apiVersion) version(t *testing.T) string {
	ops := spectest.Operations(t, v.name)
	require.NotEmpty(t, ops, "%s has no operations", v.name)
	return ops[0].Version
}

// v1Twin returns the checks of the per-resource v1 definition that twins
// v3's: the same service, models, calls and sandbox steps, every
// operationId with the suffix V1, and the client set to APIVersionV1.
func v1Twin(v3 *apiVersion) *apiVersion {
	return &apiVersion{
		name:       strings.TrimSuffix(v3.name, "v3") + "v1",
		client:     certifications.APIVersionV1,
		twin:       v3.name,
		suffix:     "V1",
		service:    v3.service,
		optService: v3.optService,
		errorDto:   v3.errorDto,
		methods:    suffixed(v3.methods, "V1"),
		bodies:     suffixed(v3.bodies, "V1"),
		params:     suffixed(v3.params, "V1"),
		calls:      suffixed(v3.calls, "V1"),
		sandbox:    v3.sandbox,
	}
}

// suffixed returns m with suffix appended to every key, for a twin's
// tables.
func suffixed[T any](m map[string]T, suffix string) map[string]T {
	out := make(map[string]T, len(m))
	for k, v := range m {
		out[k+suffix] = v
	}
	return out
}

// Response statuses by the Go type that decodes them.
var (
	// errorDtoStatuses have the Error Response Dto body.
	errorDtoStatuses = map[string]bool{"400": true, "403": true, "404": true, "500": true}
	// messageStatuses have a one-property body that APIError reads into
	// Message ("error" for 401, "message" for 429).
	messageStatuses = map[string]bool{"401": true, "429": true}
)

// finding is one thing a check found.
type finding struct {
	check   string
	subject string
	detail  string
}

// conformance tracks which checks ran and which exceptions matched.
type conformance struct {
	mu   sync.Mutex
	ran  map[string]bool // definition + "/" + check
	used map[string]bool // index into specExceptions + "/" + definition
}

// start records that subtest's checks run for version.
func (c *conformance) start(version, subtest string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, check := range subtestChecks[subtest] {
		c.ran[version+"/"+check] = true
	}
}

// settle reports the findings of one check run: those listed in
// specExceptions are logged with their reason, all others fail t, every
// one of them on its own line.
func (c *conformance) settle(t *testing.T, version string, fs []finding) {
	t.Helper()
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].check != fs[j].check {
			return fs[i].check < fs[j].check
		}
		return fs[i].subject < fs[j].subject
	})
	// A schema inlined in many places gives the same finding many times:
	// report it once, with the first place and the count.
	var unique []finding
	places := map[[2]string]int{}
	for _, f := range fs {
		key := [2]string{f.check, f.subject}
		if places[key] == 0 {
			unique = append(unique, f)
		}
		places[key]++
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	tolerated := map[int][]string{}
	for _, f := range unique {
		detail := f.detail
		if n := places[[2]string{f.check, f.subject}]; n > 1 {
			detail += fmt.Sprintf(" (and %d more places)", n-1)
		}
		if i, ok := matchException(version, f); ok {
			c.used[fmt.Sprint(i, "/", version)] = true
			tolerated[i] = append(tolerated[i], f.subject+": "+detail)
			continue
		}
		t.Errorf("%s %s %s: %s", version, f.check, f.subject, detail)
	}
	for i, ex := range specExceptions {
		if fs := tolerated[i]; len(fs) > 0 {
			t.Logf("tolerated by specExceptions[%d] (%s): %s\n\t%s", i, ex.check, ex.reason, strings.Join(fs, "\n\t"))
		}
	}
}

// matchException returns the index of the exception that covers f.
func matchException(version string, f finding) (int, bool) {
	for i, ex := range specExceptions {
		if slices.Contains(ex.in, version) && ex.check == f.check && matchSubject(ex.subject, f.subject) {
			return i, true
		}
	}
	return 0, false
}

// matchSubject matches s against pattern, a list of alternatives
// separated by |, in each of which * stands for any run of characters and
// everything else for itself.
func matchSubject(pattern, s string) bool {
	for _, alt := range strings.Split(pattern, "|") {
		if matchGlob(alt, s) {
			return true
		}
	}
	return false
}

// matchGlob matches s against pattern, in which each * stands for any run
// of characters and everything else for itself.
func matchGlob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

func TestConformance(t *testing.T) {
	spectest.Preload(t, spectest.Definitions...)
	c := &conformance{ran: map[string]bool{}, used: map[string]bool{}}
	sb := newSandbox(t)
	for _, v := range conformanceVersions {
		t.Run(v.name, func(t *testing.T) {
			t.Run("Spec", func(t *testing.T) { c.start(v.name, "Spec"); c.settle(t, v.name, specFindings(t, v)) })
			if v.twin != "" {
				t.Run("Twin", func(t *testing.T) { c.start(v.name, "Twin"); c.settle(t, v.name, twinFindings(t, v)) })
			}
			t.Run("Coverage", func(t *testing.T) { c.start(v.name, "Coverage"); c.settle(t, v.name, coverageFindings(t, v)) })
			t.Run("Requests", func(t *testing.T) { c.start(v.name, "Requests"); c.settle(t, v.name, requestFindings(t, v)) })
			t.Run("Responses", func(t *testing.T) { c.start(v.name, "Responses"); c.settle(t, v.name, responseFindings(t, v)) })
			t.Run("Inverse", func(t *testing.T) { c.start(v.name, "Inverse"); c.settle(t, v.name, inverseFindings(t, v)) })
			t.Run("Sandbox", func(t *testing.T) { c.start(v.name, "Sandbox"); c.settle(t, v.name, sandboxFindings(t, v, sb)) })
		})
	}
	for i, ex := range specExceptions {
		for _, name := range ex.in {
			if c.ran[name+"/"+ex.check] && !c.used[fmt.Sprint(i, "/", name)] {
				t.Errorf("specExceptions[%d] (%s %q) matched nothing in %s; remove %s from it or fix its subject", i, ex.check, ex.subject, name, name)
			}
		}
	}
}

// TestSpecExceptionsAreWellFormed keeps the table honest: known
// definitions and check, a subject, a reason, and no two rows for the same
// thing.
func TestSpecExceptionsAreWellFormed(t *testing.T) {
	versions := map[string]bool{}
	for _, v := range conformanceVersions {
		versions[v.name] = true
	}
	checks := map[string]bool{}
	for _, cs := range subtestChecks {
		for _, c := range cs {
			checks[c] = true
		}
	}
	seen := map[string]int{}
	for i, ex := range specExceptions {
		if len(ex.in) == 0 {
			t.Errorf("specExceptions[%d]: names no definition", i)
		}
		for _, name := range ex.in {
			if !versions[name] {
				t.Errorf("specExceptions[%d]: definition %q is not checked", i, name)
			}
		}
		if !checks[ex.check] {
			t.Errorf("specExceptions[%d]: unknown check %q", i, ex.check)
		}
		if strings.TrimSpace(ex.subject) == "" || strings.TrimSpace(ex.reason) == "" {
			t.Errorf("specExceptions[%d]: subject and reason are required", i)
		}
		for _, name := range ex.in {
			key := name + "/" + ex.check + "/" + ex.subject
			if j, dup := seen[key]; dup && j != i {
				t.Errorf("specExceptions[%d] repeats specExceptions[%d] for %s", i, j, name)
			}
			seen[key] = i
		}
	}
}

func TestMatchSubject(t *testing.T) {
	for _, tc := range []struct {
		pattern, s string
		want       bool
	}{
		{"a.b", "a.b", true},
		{"a.b", "a.bc", false},
		{"* 200 x", "op 200 x", true},
		{"* 200 x", "op 404 x", false},
		{"a*c*e", "abcde", true},
		{"a*c*e", "abcd", false},
		{"*", "", true},
		{"a**", "a", true},
		{"a|b*", "a", true},
		{"a|b*", "bc", true},
		{"a|b*", "ab", false},
		{"x 200|y 200", "y 200", true},
	} {
		if got := matchSubject(tc.pattern, tc.s); got != tc.want {
			t.Errorf("matchSubject(%q, %q) = %v, want %v", tc.pattern, tc.s, got, tc.want)
		}
	}
}

// ---- Spec

func specFindings(t *testing.T, v *apiVersion) []finding {
	var fs []finding
	for _, p := range spectest.SpecProblems(t, v.name) {
		fs = append(fs, finding{p.Check, p.Subject, p.Where + ": " + p.Detail})
	}
	return fs
}

// statuses returns the documented statuses of op, sorted.
func statuses(op spectest.OperationInfo) []string {
	var out []string
	for status := range op.Operation.Responses.Map() {
		out = append(out, status)
	}
	sort.Strings(out)
	return out
}

// successStatus returns op's documented success status: its first 2xx.
func successStatus(op spectest.OperationInfo) string {
	for _, s := range statuses(op) {
		if strings.HasPrefix(s, "2") {
			return s
		}
	}
	return ""
}

// jsonMedia returns the JSON media type of a body: application/json, or
// one built on it such as application/json-patch+json; nil for none.
func jsonMedia(content openapi3.Content) *openapi3.MediaType {
	if mt := content.Get("application/json"); mt != nil {
		return mt
	}
	names := make([]string, 0, len(content))
	for name := range content {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasSuffix(name, "+json") {
			return content[name]
		}
	}
	return nil
}

// responseMedia returns the JSON media type of op's response of status.
func responseMedia(op spectest.OperationInfo, status string) *openapi3.MediaType {
	r := op.Operation.Responses.Value(status)
	if r == nil || r.Value == nil {
		return nil
	}
	return jsonMedia(r.Value.Content)
}

// ---- the harness: one client per version over a validating mock

const confBase = "https://acme.api.identitynow.com"

// harness answers every API request with a canned response, records the
// requests and the violations its checking transport reports.
type harness struct {
	v3   *certifications.APIClient
	beta *beta.CertificationsApiService

	mu         sync.Mutex
	status     int
	body       []byte
	seen       []*http.Request
	bodies     [][]byte
	violations []*spectest.Violation
}

// newHarness returns a harness whose client speaks v's API version and
// whose transport takes no request to another version's paths.
func newHarness(t *testing.T, v *apiVersion) *harness {
	t.Helper()
	h := &harness{status: http.StatusOK, body: []byte(`{}`)}
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodPost, confBase+spectest.TokenPath,
		httpmock.NewStringResponder(200, `{"access_token":"conformance-token","token_type":"bearer","expires_in":3600}`))
	mt.RegisterNoResponder(h.respond)
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = confBase
	cfg.ClientID = "conformance"
	cfg.ClientSecret = "conformance-secret"
	cfg.APIVersion = v.client
	cfg.HTTPClient = &http.Client{Transport: spectest.NewCheckingTransport(mt, h.violation, v.version(t))}
	cfg.MaxRetries = 0
	cfg.DisableRateLimit = true
	h.v3 = certifications.NewAPIClient(cfg)
	require.NoError(t, h.v3.Err())
	h.beta = beta.NewCertificationsApi(h.v3)
	return h
}

func (h *harness) respond(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		body = b
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen = append(h.seen, req)
	h.bodies = append(h.bodies, body)
	resp := httpmock.NewBytesResponse(h.status, h.body)
	resp.Header.Set("Content-Type", "application/json")
	return resp, nil
}

func (h *harness) violation(v *spectest.Violation) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.violations = append(h.violations, v)
}

// answer sets the response to the next calls and forgets what was seen.
func (h *harness) answer(t *testing.T, status int, body any) {
	t.Helper()
	b, err := json.Marshal(body)
	require.NoError(t, err)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.status, h.body = status, b
	h.seen, h.bodies, h.violations = nil, nil, nil
}

// take returns the requests, their bodies and the violations seen since
// answer.
func (h *harness) take() ([]*http.Request, [][]byte, []*spectest.Violation) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.seen, h.bodies, h.violations
}

// call runs c. It sets no deadline: go test's -timeout bounds a call
// that hangs, and a busy machine must not fail one that is only slow.
func (h *harness) call(c opCall) (any, error) {
	return c(context.Background(), h)
}

// ---- Requests

func requestFindings(t *testing.T, v *apiVersion) []finding {
	h := newHarness(t, v)
	var fs []finding
	for _, op := range spectest.Operations(t, v.name) {
		calls := v.calls[op.ID]
		if len(calls) == 0 {
			t.Errorf("%s: the conformance table has no call for this operation", op.ID)
			continue
		}
		okStatus, _ := strconv.Atoi(successStatus(op))
		okBody := any(map[string]any{})
		if ex := spectest.BodyExamples(responseMedia(op, successStatus(op))); len(ex) > 0 {
			okBody = ex[0].Value
		}
		sentQuery := map[string]bool{}
		var sentBodies []any
		for i, c := range calls {
			h.answer(t, okStatus, okBody)
			var de *certifications.DecodeError
			if _, err := h.call(c); err != nil && !errors.As(err, &de) {
				fs = append(fs, finding{checkRequest, fmt.Sprintf("%s call %d", op.ID, i), "the call failed: " + err.Error()})
			}
			seen, bodies, violations := h.take()
			if len(seen) == 0 {
				fs = append(fs, finding{checkRequest, fmt.Sprintf("%s call %d", op.ID, i), "no request was sent"})
			}
			for _, vio := range violations {
				for _, part := range vio.Parts() {
					fs = append(fs, finding{checkRequest, op.ID + " " + part, vio.Error()})
				}
			}
			for j, req := range seen {
				if name, id, err := spectest.OperationOf(req); err != nil || name != v.name || id != op.ID {
					fs = append(fs, finding{checkRequest, op.ID + " route", fmt.Sprintf("%s %s is operation %q of %q (%v)", req.Method, req.URL, id, name, err)})
				}
				for name := range req.URL.Query() {
					sentQuery[name] = true
				}
				if len(bodies[j]) > 0 {
					var b any
					require.NoError(t, json.Unmarshal(bodies[j], &b), "%s sent a body that is not JSON", op.ID)
					sentBodies = append(sentBodies, b)
				}
			}
		}
		documented := map[string]bool{}
		for _, p := range op.Operation.Parameters {
			if p.Value.In != openapi3.ParameterInQuery {
				continue
			}
			documented[p.Value.Name] = true
			if !sentQuery[p.Value.Name] {
				fs = append(fs, finding{checkParam, op.ID + " query " + p.Value.Name, "never sent: no builder setter sends it, or the conformance call does not set it"})
			}
		}
		// kin-openapi accepts query parameters and body properties that
		// the definition does not name; the SDK must not send any.
		for name := range sentQuery {
			if !documented[name] {
				fs = append(fs, finding{checkRequest, op.ID + " query " + name, "sent, but not a parameter of the operation"})
			}
		}
		var bodyPaths []string
		if rb := op.Operation.RequestBody; rb != nil && rb.Value != nil {
			// The assembled example holds every property of the schema
			// that a client may send.
			bodyPaths = spectest.JSONPaths(spectest.RequestExample(jsonMedia(rb.Value.Content).Schema).Value)
		}
		sent := map[string]bool{}
		for _, b := range sentBodies {
			for _, p := range spectest.JSONPaths(b) {
				sent[p] = true
			}
		}
		for _, p := range bodyPaths {
			if !sent[p] {
				fs = append(fs, finding{checkParam, op.ID + " body " + p, "no call sent this body property"})
			}
			delete(sent, p)
		}
		for p := range sent {
			fs = append(fs, finding{checkRequest, op.ID + " body " + p, "sent, but not a property of the request body"})
		}
	}
	return fs
}

// ---- Responses

// exampleCase is one example of one response of one operation.
type exampleCase struct {
	op      spectest.OperationInfo
	status  string
	code    int
	example spectest.NamedExample
}

func (e exampleCase) subject() string { return e.op.ID + " " + e.status + " " + e.example.Name }

// exampleCases lists every example of every response of v's operations.
func exampleCases(t *testing.T, v *apiVersion) []exampleCase {
	var out []exampleCase
	for _, op := range spectest.Operations(t, v.name) {
		for _, status := range statuses(op) {
			code, err := strconv.Atoi(status)
			require.NoError(t, err, "%s: status %q", op.ID, status)
			examples := spectest.BodyExamples(responseMedia(op, status))
			if len(examples) == 0 {
				t.Logf("%s %s documents no example", op.ID, status)
			}
			for _, ex := range examples {
				out = append(out, exampleCase{op: op, status: status, code: code, example: ex})
			}
		}
	}
	return out
}

// respondWith answers the operation of ec with its example and returns
// the call's result and error.
func respondWith(t *testing.T, h *harness, v *apiVersion, ec exampleCase) (any, error) {
	t.Helper()
	calls := v.calls[ec.op.ID]
	require.NotEmpty(t, calls, "%s: the conformance table has no call for this operation", ec.op.ID)
	h.answer(t, ec.code, ec.example.Value)
	return h.call(calls[0])
}

func responseFindings(t *testing.T, v *apiVersion) []finding {
	h := newHarness(t, v)
	var fs []finding
	cases := exampleCases(t, v)
	require.NotEmpty(t, cases)
	for _, ec := range cases {
		result, err := respondWith(t, h, v, ec)
		switch {
		case ec.code >= 200 && ec.code < 300:
			if err != nil {
				fs = append(fs, finding{checkDecode, ec.subject(), err.Error()})
				continue
			}
			fs = append(fs, lostPaths(t, ec, result)...)
		case errorDtoStatuses[ec.status]:
			var ae *certifications.APIError
			if !errors.As(err, &ae) || ae.ErrorResponse == nil {
				fs = append(fs, finding{checkDecode, ec.subject(), fmt.Sprintf("no *APIError with an ErrorResponse: %v", err)})
				continue
			}
			if got := reflect.TypeOf(ae.ErrorResponse).Elem(); got != v.errorDto {
				fs = append(fs, finding{checkDecode, ec.subject(), fmt.Sprintf("decoded into %s, not %s", got, v.errorDto)})
			}
			fs = append(fs, lostPaths(t, ec, ae.ErrorResponse)...)
		case messageStatuses[ec.status]:
			var ae *certifications.APIError
			want := exampleMessage(ec.example.Value)
			switch {
			case !errors.As(err, &ae):
				fs = append(fs, finding{checkErrorMessage, ec.subject(), fmt.Sprintf("no *APIError: %v", err)})
			case ae.StatusCode != ec.code:
				fs = append(fs, finding{checkErrorMessage, ec.subject(), fmt.Sprintf("APIError.StatusCode is %d", ae.StatusCode)})
			case want == "" || ae.Message != want:
				fs = append(fs, finding{checkErrorMessage, ec.subject(), fmt.Sprintf("APIError.Message is %q, want %q from the example", ae.Message, want)})
			}
		default:
			t.Errorf("%s: no Go type is known for status %s", ec.op.ID, ec.status)
		}
	}
	return fs
}

// lostPaths re-encodes decoded and reports each JSON path of the example
// that is missing from the result.
func lostPaths(t *testing.T, ec exampleCase, decoded any) []finding {
	got, err := spectest.Normalize(decoded)
	require.NoError(t, err, ec.subject())
	var fs []finding
	for _, p := range spectest.LostPaths(ec.example.Value, got) {
		fs = append(fs, finding{checkRoundTrip, ec.subject() + " " + p, fmt.Sprintf("the example has %s; the re-encoded %T does not", p, decoded)})
	}
	return fs
}

// exampleMessage returns the text of a one-property error example such
// as {"error": "JWT validation failed"}.
func exampleMessage(example any) string {
	m, ok := example.(map[string]any)
	if !ok || len(m) != 1 {
		return ""
	}
	for _, v := range m {
		s, _ := v.(string)
		return s
	}
	return ""
}

// ---- Inverse

func inverseFindings(t *testing.T, v *apiVersion) []finding {
	h := newHarness(t, v)
	var fs []finding
	for _, ec := range exampleCases(t, v) {
		var out any
		result, err := respondWith(t, h, v, ec)
		switch {
		case ec.code >= 200 && ec.code < 300:
			if err != nil || result == nil {
				continue // reported by the Responses check, or no body to re-encode
			}
			out = result
		case errorDtoStatuses[ec.status]:
			var ae *certifications.APIError
			if !errors.As(err, &ae) || ae.ErrorResponse == nil {
				continue // reported by the Responses check
			}
			out = ae.ErrorResponse
		default:
			continue // APIError.Message only: nothing typed to re-encode
		}
		body, err := json.Marshal(out)
		require.NoError(t, err, ec.subject())
		for _, m := range spectest.Mismatches(spectest.CheckResponse(t, v.name, ec.op.ID, ec.code, body)) {
			fs = append(fs, finding{checkInverse, ec.subject() + " " + pointerPath(m.Pointer), m.Reason})
		}
	}
	return fs
}

// pointerPath turns a JSON pointer into the path notation of
// spectest.JSONPaths: "/0/campaign/id" becomes "[].campaign.id".
func pointerPath(ptr string) string {
	var b strings.Builder
	for _, seg := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		switch {
		case seg == "":
		case strings.Trim(seg, "0123456789") == "":
			b.WriteString("[]")
		default:
			b.WriteString("." + seg)
		}
	}
	if b.Len() == 0 {
		return "(body)"
	}
	return b.String()
}
