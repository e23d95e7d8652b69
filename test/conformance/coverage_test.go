package conformance_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/spectest"
)

// ---- Coverage

func coverageFindings(t *testing.T, v *apiVersion) []finding {
	var fs []finding
	compare := func(s *openapi3.SchemaRef, typ reflect.Type, where string) {
		problems, err := spectest.CompareSchema(s, typ, where)
		require.NoError(t, err)
		for _, p := range problems {
			fs = append(fs, finding{p.Check, p.Subject, p.Where + ": " + p.Detail})
		}
	}
	for _, op := range spectest.Operations(t, v.name) {
		result, method, f := operationTypes(v, op)
		if f != nil {
			fs = append(fs, *f)
			continue
		}
		fs = append(fs, parameterFindings(v, op, method)...)
		for _, p := range op.Operation.Parameters {
			if s := p.Value.Schema; s != nil && s.Value != nil && len(s.Value.Enum) > 0 {
				if typ, ok := v.params[op.ID][p.Value.Name]; ok {
					compare(s, typ, op.ID+" parameter "+p.Value.Name)
				}
			}
		}
		if rb := op.Operation.RequestBody; rb != nil && rb.Value != nil {
			body, ok := v.bodies[op.ID]
			require.True(t, ok, "%s: the conformance table names no Go type for the request body", op.ID)
			compare(rb.Value.Content.Get("application/json").Schema, body, op.ID+" request")
		}
		for _, status := range statuses(op) {
			mt := op.Operation.Responses.Value(status).Value.Content.Get("application/json")
			switch {
			case mt == nil || mt.Schema == nil:
			case status == "200":
				compare(mt.Schema, result, op.ID+" 200")
			case errorDtoStatuses[status]:
				compare(mt.Schema, v.errorDto, op.ID+" "+status)
			case messageStatuses[status]:
				// Not a struct: APIError reads the body's one property
				// into Message, which the Responses check verifies.
			default:
				t.Errorf("%s %s: no Go type is known for this status", op.ID, status)
			}
		}
	}
	return fs
}

// operationTypes returns the Go type of op's 200 body and the method that
// implements op, or a finding when there is no such method or it does not
// return a builder with Execute.
func operationTypes(v *apiVersion, op spectest.OperationInfo) (reflect.Type, *reflect.Method, *finding) {
	name := v.methodName(op.ID)
	m, ok := v.service.MethodByName(name)
	if !ok {
		return nil, nil, &finding{checkMethod, op.ID, fmt.Sprintf("%s has no method %s", v.service, name)}
	}
	builder := m.Type.Out(0)
	exec, ok := builder.MethodByName("Execute")
	if !ok || exec.Type.NumOut() != 3 {
		return nil, nil, &finding{checkMethod, op.ID, fmt.Sprintf("%s returns %s, which has no Execute() (T, *http.Response, error)", name, builder)}
	}
	return exec.Type.Out(0), &m, nil
}

// parameterFindings checks op's parameters: an object parameter has no Go
// type; an enum parameter has one in v.params; and, when method is known,
// its arguments after the context are the path parameters in the order of
// the path, of the Go type v.params gives (a string otherwise).
func parameterFindings(v *apiVersion, op spectest.OperationInfo, method *reflect.Method) []finding {
	var fs []finding
	params := map[string]*openapi3.Parameter{}
	for _, p := range op.Operation.Parameters {
		params[p.Value.Name] = p.Value
		subject := op.ID + " " + p.Value.In + " " + p.Value.Name
		s := p.Value.Schema
		switch {
		case s == nil || s.Value == nil:
		case s.Value.Type.Is(openapi3.TypeObject):
			fs = append(fs, finding{spectest.CheckField, subject, "an object parameter has no Go type in this table"})
		case len(s.Value.Enum) > 0 && v.params[op.ID][p.Value.Name] == nil:
			fs = append(fs, finding{spectest.CheckEnum, subject, "an enum parameter has no Go type in the conformance table"})
		}
	}
	if method == nil {
		return fs
	}
	var names []string
	for _, seg := range strings.Split(op.Path, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			names = append(names, strings.Trim(seg, "{}"))
		}
	}
	mt := method.Type // In(0) is the receiver, In(1) the context
	if mt.NumIn() != 2+len(names) {
		return append(fs, finding{checkMethod, op.ID, fmt.Sprintf("%s takes %d arguments after the context; the path has %d parameters (%s)", method.Name, mt.NumIn()-2, len(names), strings.Join(names, ", "))})
	}
	for i, name := range names {
		want := v.params[op.ID][name]
		if want == nil {
			want = reflect.TypeFor[string]()
		}
		if got := mt.In(2 + i); got != want {
			fs = append(fs, finding{spectest.CheckType, op.ID + " path " + name, fmt.Sprintf("argument %d of %s is a %s, not a %s", i+1, method.Name, got, want)})
		}
	}
	return fs
}
