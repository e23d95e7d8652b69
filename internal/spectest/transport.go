package spectest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// TokenPath is the OAuth2 token endpoint, which is not part of the
// definitions; requests to it are never validated.
const TokenPath = "/oauth/token"

// Violation is a request that does not conform to the API definition.
type Violation struct {
	// Version is the API version the path names, or "" when it names none.
	Version string
	// Definition names the definition the request was routed to, or ""
	// when no operation of the version matches its method and path.
	Definition string
	// OperationID is the operation the request was routed to, or "" when
	// no operation matches its method and path.
	OperationID string
	// Method and URL identify the request.
	Method string
	URL    string
	// Err says what is wrong, as kin-openapi reports it.
	Err error
}

// Error names the operation, the request and the violation in one line.
func (v *Violation) Error() string {
	op := v.OperationID
	if op == "" {
		op = "(no operation)"
	}
	where := v.Definition
	if where == "" {
		where = v.Version
	}
	if where == "" {
		where = "(no version)"
	}
	return fmt.Sprintf("spectest: %s %s: %s %s: request violates the API definition: %s",
		where, op, v.Method, v.URL, oneLine(v.Err.Error()))
}

// Unwrap returns the underlying validation error.
func (v *Violation) Unwrap() error { return v.Err }

// Parts names each part of the request that violates the definition, in
// the order kin-openapi reports them: "route" when no operation matches,
// "query NAME" or "path NAME" for a parameter, "body POINTER" for a value
// of the JSON body ("body" for the body as a whole), and "request" for
// anything else.
func (v *Violation) Parts() []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case openapi3.MultiError:
			for _, inner := range e {
				walk(inner)
			}
		case *openapi3filter.RequestError:
			switch {
			case e.Parameter != nil:
				out = append(out, e.Parameter.In+" "+e.Parameter.Name)
			case e.RequestBody != nil:
				n := len(out)
				for _, m := range Mismatches(e.Err) {
					if m.Pointer != "" {
						out = append(out, "body "+m.Pointer)
					}
				}
				if len(out) == n {
					out = append(out, "body")
				}
			default:
				out = append(out, "request")
			}
		case *routers.RouteError:
			out = append(out, "route")
		default:
			out = append(out, "request")
		}
	}
	walk(v.Err)
	return out
}

// oneLine joins a multi-line kin-openapi message with " | ".
func oneLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " | ")
}

// requestOptions validates path and query parameters and the JSON body,
// without authentication and without changing the request (no defaults
// are filled in), and reports every violation, not only the first.
func requestOptions() *openapi3filter.Options {
	o := &openapi3filter.Options{
		AuthenticationFunc:  func(context.Context, *openapi3filter.AuthenticationInput) error { return nil },
		SkipSettingDefaults: true,
		MultiError:          true,
	}
	o.WithCustomSchemaErrorFunc(shortSchemaError)
	return o
}

// shortSchemaError renders a schema error as its JSON pointer and reason,
// without the schema and value dumps kin-openapi adds by default.
func shortSchemaError(err *openapi3.SchemaError) string {
	if p := err.JSONPointer(); len(p) > 0 {
		return fmt.Sprintf("at %q: %s", "/"+strings.Join(p, "/"), err.Reason)
	}
	return err.Reason
}

// CheckRequest validates req against the API version its path names
// (see VersionOf): one operation of the version's definitions must match
// its method and path, and its path and query parameters and JSON body
// must conform to that operation. versions, when given, are the only API
// versions req may address: a request to the path of any other version
// violates them, even where that version would take it. It returns nil for
// a conforming request and for requests to TokenPath. req and its body are
// left as they were: the body is read and put back.
func CheckRequest(req *http.Request, versions ...string) *Violation {
	if req.URL.Path == TokenPath {
		return nil
	}
	v := &Violation{Method: req.Method, URL: req.URL.String(), Version: VersionOf(req.URL.Path)}
	if v.Version == "" {
		v.Err = fmt.Errorf("no API definition for path %q: want %s", req.URL.Path, knownPrefixes())
		return v
	}
	if len(versions) > 0 && !slices.Contains(versions, v.Version) {
		v.Err = &routers.RouteError{Reason: fmt.Sprintf("the path is one of API version %s; this client may only call %s", v.Version, strings.Join(versions, ", "))}
		return v
	}
	body, err := readBody(req)
	if err != nil {
		v.Err = err
		return v
	}
	vr := req.Clone(req.Context())
	vr.Body = bodyReader(body)
	d, route, params, err := findRoute(v.Version, vr)
	if err != nil {
		v.Err = err
		return v
	}
	v.Definition, v.OperationID = d.name, route.Operation.OperationID
	in := &openapi3filter.RequestValidationInput{Request: vr, PathParams: params, Route: route, Options: requestOptions()}
	if err := openapi3filter.ValidateRequest(req.Context(), in); err != nil {
		v.Err = err
		return v
	}
	return nil
}

// findRoute finds the operation of version's definitions that req routes
// to. When none has one, the error is routers.ErrMethodNotAllowed if some
// definition has the path with other methods, else routers.ErrPathNotFound
// (or the error of a definition that could not be loaded).
func findRoute(version string, req *http.Request) (*definition, *routers.Route, map[string]string, error) {
	var miss error = routers.ErrPathNotFound
	for _, name := range DefinitionsOf(version) {
		d, err := load(name)
		if err != nil {
			return nil, nil, nil, err
		}
		route, params, err := d.router.FindRoute(req)
		if err == nil {
			return d, route, params, nil
		}
		if errors.Is(err, routers.ErrMethodNotAllowed) {
			miss = err
		}
	}
	return nil, nil, nil, miss
}

// OperationOf returns the definition and the operation that req routes to
// in the API version its path names, or an error when none matches.
func OperationOf(req *http.Request) (definition, operationID string, err error) {
	version := VersionOf(req.URL.Path)
	if version == "" {
		return "", "", fmt.Errorf("no API definition for path %q: want %s", req.URL.Path, knownPrefixes())
	}
	d, route, _, err := findRoute(version, req)
	if err != nil {
		return "", "", err
	}
	return d.name, route.Operation.OperationID, nil
}

// readBody reads req.Body, if any, and puts an equal reader back.
func readBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	b, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	req.Body = bodyReader(b)
	if err != nil {
		return nil, fmt.Errorf("reading the request body: %w", err)
	}
	return b, nil
}

// bodyReader returns a fresh body over b, or http.NoBody for none.
func bodyReader(b []byte) io.ReadCloser {
	if b == nil {
		return http.NoBody
	}
	return io.NopCloser(bytes.NewReader(b))
}

// checkingTransport validates each request, reports violations and
// forwards the request, unchanged, to next.
type checkingTransport struct {
	next     http.RoundTripper
	report   func(*Violation)
	versions []string
}

// RoundTrip validates req, reports a violation, and forwards req to next.
func (c *checkingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := readBody(req)
	if err != nil {
		return nil, err
	}
	vr := req.Clone(req.Context())
	vr.Body = bodyReader(body)
	if v := CheckRequest(vr, c.versions...); v != nil {
		c.report(v)
	}
	fwd := req.Clone(req.Context())
	fwd.Body = bodyReader(body)
	return c.next.RoundTrip(fwd)
}

// NewValidatingTransport returns a RoundTripper that validates every
// request against the API version its path names (see CheckRequest) and
// then forwards it to next, unchanged. A request that matches no operation
// of that version's definitions, or violates the one it matches, fails tb
// through tb.Errorf, naming the definition, operation, method, URL and
// violation; the request is still forwarded, so the test goes on and
// reports everything. versions, when given, are the only API versions the
// client under test may call, so that a client set to one version cannot
// fall back to another unnoticed. Requests to /oauth/token pass through
// unvalidated. It is safe for concurrent use when next is (httpmock's
// *MockTransport is). next nil means http.DefaultTransport.
func NewValidatingTransport(tb testing.TB, next http.RoundTripper, versions ...string) http.RoundTripper {
	return NewCheckingTransport(next, func(v *Violation) { tb.Errorf("%s", v.Error()) }, versions...)
}

// NewCheckingTransport is NewValidatingTransport with the violations handed
// to report instead of failing a test, for tests that sort violations out
// themselves. report may be called from several goroutines at once.
func NewCheckingTransport(next http.RoundTripper, report func(*Violation), versions ...string) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return &checkingTransport{next: next, report: report, versions: slices.Clone(versions)}
}

// CheckResponse validates a JSON response body of the given status to the
// operation operationID of the named definition: the status must be
// documented and the body must match its JSON schema. It returns nil, or
// an error holding every mismatch (see Mismatches).
func CheckResponse(tb testing.TB, name, operationID string, status int, body []byte) error {
	tb.Helper()
	return CheckResponseBody(tb, name, operationID, status, "application/json", body)
}

// CheckResponseBody is CheckResponse for a body of any media type, as
// given by its Content-Type header (parameters such as charset are
// ignored): the status must be documented, and so must the media type
// when the status documents any body. A JSON body (application/json, or a
// type ending in +json) must match its schema; a body of another type,
// such as a CSV or PDF report file, is not decoded, and an empty body
// without a media type is a response without content.
func CheckResponseBody(tb testing.TB, name, operationID string, status int, contentType string, body []byte) error {
	tb.Helper()
	op := FindOperation(tb, name, operationID)
	doc := Load(tb, name)
	req, err := http.NewRequest(op.Method, op.Base+op.Path, nil)
	if err != nil {
		return err
	}
	mediaType, _, _ := strings.Cut(contentType, ";")
	mediaType = strings.TrimSpace(mediaType)
	isJSON := mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
	route := &routers.Route{Spec: doc, Server: doc.Servers[0], Path: op.Path, PathItem: op.PathItem, Method: op.Method, Operation: op.Operation}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, Route: route, Options: requestOptions()},
		Status:                 status,
		Header:                 http.Header{"Content-Type": {mediaType}},
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true, ExcludeResponseBody: !isJSON},
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil || isJSON {
		return err
	}
	var content openapi3.Content
	if r := op.Operation.Responses.Status(status); r != nil && r.Value != nil {
		content = r.Value.Content
	}
	switch {
	case mediaType == "" && len(body) == 0:
		if len(content) > 0 {
			return &openapi3filter.ResponseError{Input: in, Reason: fmt.Sprintf("the response has no body; status %d documents one", status)}
		}
	case content.Get(mediaType) == nil:
		return &openapi3filter.ResponseError{Input: in, Reason: fmt.Sprintf("media type %q is not documented for status %d", mediaType, status)}
	}
	return nil
}

// Mismatch is one place where a JSON value does not match its schema.
type Mismatch struct {
	// Pointer is the JSON pointer of the value, e.g. "/0/campaign/id"
	// ("" for the whole value).
	Pointer string
	// Reason says what is wrong, e.g. `property "id" is missing`.
	Reason string
}

// String returns "at POINTER: REASON", or the reason alone for the whole
// value.
func (m Mismatch) String() string {
	if m.Pointer == "" {
		return m.Reason
	}
	return fmt.Sprintf("at %q: %s", m.Pointer, m.Reason)
}

// Mismatches flattens the error of CheckResponse or of a schema's
// VisitJSON into its schema mismatches. An error that holds no schema
// error is returned as one Mismatch with an empty Pointer.
func Mismatches(err error) []Mismatch {
	var out []Mismatch
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case openapi3.MultiError:
			for _, inner := range e {
				walk(inner)
			}
		case *openapi3filter.ResponseError:
			if e.Err == nil {
				out = append(out, Mismatch{Reason: e.Reason})
				return
			}
			walk(e.Err)
		case *openapi3filter.RequestError:
			if e.Err == nil {
				out = append(out, Mismatch{Reason: e.Reason})
				return
			}
			walk(e.Err)
		case *openapi3.SchemaError:
			// allOf and friends wrap the members' own errors: report
			// those, which point at the offending value.
			for o := e.Origin; o != nil; o = errors.Unwrap(o) {
				switch o.(type) {
				case openapi3.MultiError, *openapi3.SchemaError:
					walk(o)
					return
				}
			}
			ptr := ""
			if p := e.JSONPointer(); len(p) > 0 {
				ptr = "/" + strings.Join(p, "/")
			}
			out = append(out, Mismatch{Pointer: ptr, Reason: e.Reason})
		default:
			if inner := errors.Unwrap(err); inner != nil {
				walk(inner)
				return
			}
			out = append(out, Mismatch{Reason: oneLine(err.Error())})
		}
	}
	walk(err)
	return out
}
