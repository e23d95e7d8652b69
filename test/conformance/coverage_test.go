package conformance_test

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/optable"
	"github.com/iscgo/certifications/internal/spectest"
)

// ---- Coverage

func coverageFindings(t *testing.T, v *apiVersion) []finding {
	var fs []finding
	if v.optService == "" {
		t.Errorf("%s: the conformance table names no service of the operation table", v.name)
	} else {
		fs = append(fs, optableFindings(t, v)...)
	}
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
			mt := jsonMedia(rb.Value.Content)
			require.NotNil(t, mt, "%s: the request body has no JSON media type", op.ID)
			compare(mt.Schema, body, op.ID+" request")
		}
		for _, status := range statuses(op) {
			mt := responseMedia(op, status)
			switch {
			case mt == nil || mt.Schema == nil:
			case strings.HasPrefix(status, "2") && result == nil:
				if s := mt.Schema.Value; len(s.Properties) > 0 || len(s.AllOf) > 0 || s.Items != nil {
					fs = append(fs, finding{checkMethod, op.ID + " " + status, "the definition documents a body; the method's Execute returns none"})
				}
			case strings.HasPrefix(status, "2"):
				compare(mt.Schema, result, op.ID+" "+status)
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

// operationTypes returns the Go type of op's success body and the method
// that implements op, or a finding when there is no such method or it does
// not return a builder with Execute. The type is nil for an Execute that
// returns no body, (*http.Response, error), and for one that streams it,
// (io.ReadCloser, *http.Response, error), whose body is not JSON.
func operationTypes(v *apiVersion, op spectest.OperationInfo) (reflect.Type, *reflect.Method, *finding) {
	name := v.methodName(op.ID)
	m, ok := v.service.MethodByName(name)
	if !ok {
		return nil, nil, &finding{checkMethod, op.ID, fmt.Sprintf("%s has no method %s", v.service, name)}
	}
	builder := m.Type.Out(0)
	exec, ok := builder.MethodByName("Execute")
	switch {
	case ok && exec.Type.NumOut() == 2:
		return nil, &m, nil
	case ok && exec.Type.NumOut() == 3 && exec.Type.Out(0) == reflect.TypeFor[io.ReadCloser]():
		return nil, &m, nil
	case ok && exec.Type.NumOut() == 3:
		return exec.Type.Out(0), &m, nil
	}
	return nil, nil, &finding{checkMethod, op.ID, fmt.Sprintf("%s returns %s, which has no Execute() (T, *http.Response, error) or (*http.Response, error)", name, builder)}
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

// optableFindings checks the operation table (internal/optable), from
// which the SDK's builders and the sandbox's routes are generated, against
// the definition: every operation of the definition is declared for
// v.optService on the definition's API version with its method and path
// (parameter names aside: the SDK names them its own way), and every
// operation the table declares there is in the definition.
func optableFindings(t *testing.T, v *apiVersion) []finding {
	version := v.version(t)
	declared := map[string]optable.Op{}
	for _, o := range optable.Of(v.optService) {
		if slices.Contains(o.Generations, version) {
			declared[o.ID] = o
		}
	}
	var fs []finding
	for _, op := range spectest.Operations(t, v.name) {
		id := strings.TrimSuffix(op.ID, v.suffix)
		o, ok := declared[id]
		if !ok {
			fs = append(fs, finding{checkOptable, op.ID, fmt.Sprintf("the operation table declares no %s.%s on %s", v.optService, id, version)})
			continue
		}
		delete(declared, id)
		if o.Method != op.Method {
			fs = append(fs, finding{checkOptable, op.ID + " method", fmt.Sprintf("declared %s, published %s", o.Method, op.Method)})
		}
		if got, want := pathShape(o.Wire(version)), pathShape(op.Base+op.Path); got != want {
			fs = append(fs, finding{checkOptable, op.ID + " path", fmt.Sprintf("declared %s, published %s", o.Wire(version), op.Base+op.Path)})
		}
	}
	for id := range declared {
		fs = append(fs, finding{checkOptable, id + v.suffix, fmt.Sprintf("the operation table declares %s.%s on %s; the %s definition has no such operation", v.optService, id, version, v.name)})
	}
	return fs
}

// pathShape replaces every {parameter} of a path template with {}.
func pathShape(template string) string {
	segs := strings.Split(template, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}
