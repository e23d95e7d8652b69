package certifications

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGettersOnNilReceivers calls every Get method of every model on a nil
// pointer and expects the zero value of its result, without a panic.
func TestGettersOnNilReceivers(t *testing.T) {
	for _, typ := range modelTypes {
		t.Run(typ.Name(), func(t *testing.T) {
			ptr := reflect.PointerTo(typ)
			nilValue := reflect.Zero(ptr)
			getters := 0
			for i := 0; i < ptr.NumMethod(); i++ {
				m := ptr.Method(i)
				if !strings.HasPrefix(m.Name, "Get") {
					continue
				}
				getters++
				require.Equal(t, 1, m.Type.NumIn(), "%s takes arguments", m.Name)
				require.Equal(t, 1, m.Type.NumOut(), "%s returns %d values", m.Name, m.Type.NumOut())
				var out []reflect.Value
				require.NotPanics(t, func() { out = nilValue.Method(i).Call(nil) }, m.Name)
				assert.True(t, out[0].IsZero(), "%s on nil returned %v", m.Name, out[0])
			}
			assert.Equal(t, typ.NumField(), getters, "every field needs exactly one getter")
		})
	}
}

// filled returns a value of typ with every field, at every depth, set to
// something other than its zero value.
func filled(typ reflect.Type, seed string) reflect.Value {
	v := reflect.New(typ).Elem()
	switch {
	case typ == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(2024, 2, 29, 12, 30, 0, 0, time.UTC)))
	case typ.Kind() == reflect.Pointer:
		p := reflect.New(typ.Elem())
		p.Elem().Set(filled(typ.Elem(), seed))
		v.Set(p)
	case typ.Kind() == reflect.Slice && strings.Count(seed, "[0]") >= 3:
		// A recursive model (CampaignFilterCriteria.Children) ends here.
	case typ.Kind() == reflect.Slice:
		v.Set(reflect.MakeSlice(typ, 0, 1))
		v.Set(reflect.Append(v, filled(typ.Elem(), seed+"[0]")))
	case typ.Kind() == reflect.Struct:
		for i := 0; i < typ.NumField(); i++ {
			v.Field(i).Set(filled(typ.Field(i).Type, seed+"."+typ.Field(i).Name))
		}
	case typ.Kind() == reflect.String:
		v.SetString(seed)
	case typ.Kind() == reflect.Bool:
		v.SetBool(true)
	case typ.Kind() == reflect.Int32 || typ.Kind() == reflect.Int64:
		v.SetInt(int64(len(seed)))
	case typ.Kind() == reflect.Interface:
		// Any JSON value (JSONPatchOperation.Value): a string survives a
		// round trip as itself.
		v.Set(reflect.ValueOf(seed))
	default:
		panic("filled: unhandled type " + typ.String())
	}
	return v
}

// TestGettersReturnTheirField calls every getter on a fully set model and
// checks it returns its own field: the pointed-to value for pointers to
// scalars, the field itself for everything else.
func TestGettersReturnTheirField(t *testing.T) {
	for _, typ := range modelTypes {
		t.Run(typ.Name(), func(t *testing.T) {
			v := filled(reflect.PointerTo(typ), typ.Name())
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				m := v.MethodByName("Get" + f.Name)
				require.True(t, m.IsValid(), "no Get%s", f.Name)
				got := m.Call(nil)[0].Interface()
				field := v.Elem().Field(i)
				want := field.Interface()
				if f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() != reflect.Struct || f.Type == reflect.TypeFor[*time.Time]() {
					want = field.Elem().Interface()
				}
				if out := m.Type().Out(0); f.Type.Kind() == reflect.Slice && out == reflect.SliceOf(f.Type.Elem()) {
					// A named list type (ErrorMessageDtos) whose getter
					// returns the plain slice.
					want = field.Convert(out).Interface()
				}
				assert.Equal(t, want, got, "Get%s", f.Name)
			}
		})
	}
}

// TestFilledModelsRoundTrip encodes every fully set model and decodes it
// back: nothing a user can set is lost on the wire.
func TestFilledModelsRoundTrip(t *testing.T) {
	for _, typ := range modelTypes {
		t.Run(typ.Name(), func(t *testing.T) {
			v := filled(reflect.PointerTo(typ), typ.Name())
			b, err := json.Marshal(v.Interface())
			require.NoError(t, err)
			back := reflect.New(typ)
			require.NoError(t, json.Unmarshal(b, back.Interface()))
			assert.Equal(t, v.Interface(), back.Interface())
		})
	}
}

func TestEnumIsKnown(t *testing.T) {
	for _, e := range enums {
		t.Run(e.typ.Name(), func(t *testing.T) {
			require.NotEmpty(t, e.values)
			for _, v := range e.values {
				assert.True(t, e.isKnown(v), "%s(%q)", e.typ.Name(), v)
				other := strings.ToLower(v)
				if other == v { // lower-case wire values (JSON Patch ops, csv)
					other = strings.ToUpper(v)
				}
				assert.False(t, e.isKnown(other), "values are case-sensitive: %q", other)
			}
			assert.False(t, e.isKnown(""), "the empty value is not defined")
			assert.False(t, e.isKnown("MADE_UP_VALUE"))
			assert.Len(t, e.values, len(uniq(e.values)), "duplicate values")
		})
	}
}

func TestEnumValuesReturnsAFreshSlice(t *testing.T) {
	v := CertificationPhaseValues()
	v[0] = "CHANGED"
	assert.Equal(t, CertificationPhaseStaged, CertificationPhaseValues()[0])
	assert.True(t, CertificationPhaseStaged.IsKnown())
}

// TestEnumConstants spells out the constants the rest of the SDK relies on.
func TestEnumConstants(t *testing.T) {
	assert.Equal(t, CertificationPhase("ACTIVE"), CertificationPhaseActive)
	assert.Equal(t, CertificationDecision("APPROVE"), CertificationDecisionApprove)
	assert.Equal(t, CertificationDecision("REVOKE"), CertificationDecisionRevoke)
	assert.Equal(t, CertificationTaskStatus("IN_PROGRESS"), CertificationTaskStatusInProgress)
	assert.Equal(t, DtoType("ACCESS_PROFILE"), DtoTypeAccessProfile)
	assert.Equal(t, ReassignReferenceType("IDENTITY_SUMMARY"), ReassignReferenceTypeIdentitySummary)
	assert.Equal(t, CampaignReferenceMandatoryCommentRequirement("REVOKE_ONLY_DECISIONS"), CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions)
	assert.Equal(t, CertificationTaskType("COMPLETE_CERTIFICATION"), CertificationTaskTypeCompleteCertification)
}

// TestOnlyTheTrailHasACustomDecoder guards decoding speed: every other model
// is decoded by plain encoding/json struct decoding.
func TestOnlyTheTrailHasACustomDecoder(t *testing.T) {
	unmarshaler := reflect.TypeFor[json.Unmarshaler]()
	var custom []string
	types := append(slices.Clone(modelTypes), reflect.TypeFor[ReassignmentTrailDTOs]())
	for _, e := range enums {
		types = append(types, e.typ)
	}
	for _, typ := range types {
		if typ.Implements(unmarshaler) || reflect.PointerTo(typ).Implements(unmarshaler) {
			custom = append(custom, typ.Name())
		}
	}
	assert.Equal(t, []string{"ReassignmentTrailDTOs"}, custom)
}

func uniq(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}

// schema is the reduced spec shape written by testdata/gen_fixtures.py.
type schema struct {
	Type       string             `json:"type"`
	Format     string             `json:"format"`
	Nullable   bool               `json:"nullable"`
	Enum       []*string          `json:"enum"`
	Required   []string           `json:"required"`
	ReadOnly   bool               `json:"readOnly"`
	Properties map[string]*schema `json:"properties"`
	Items      *schema            `json:"items"`
}

// TestModelsMatchSpec walks the 200 and request schemas of every v3 and
// every v1 operation next to the Go types and checks property names, JSON
// tags, required-ness, pointer-ness, scalar types and enum values, and the
// values of every enum parameter against its Go type.
func TestModelsMatchSpec(t *testing.T) {
	for _, gen := range []struct{ name, suffix string }{{"v3", ""}, {"v1", "V1"}} {
		t.Run(gen.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "spec", gen.name+"-schemas.json"))
			require.NoError(t, err)
			var ops map[string]struct {
				Response   *schema            `json:"response"`
				Request    *schema            `json:"request"`
				Parameters map[string]*schema `json:"parameters"`
			}
			require.NoError(t, json.Unmarshal(raw, &ops))
			require.Len(t, ops, len(operations))

			seen := map[reflect.Type]bool{}
			for _, op := range operations {
				id := op.id + gen.suffix
				t.Run(id, func(t *testing.T) {
					spec, ok := ops[id]
					require.True(t, ok, "operation missing from the spec fixture")
					if op.response == nil {
						// No body worth decoding: a 204, a file, or the
						// empty object of a 202.
						assert.True(t, spec.Response == nil || spec.Response.Type == "object" && len(spec.Response.Properties) == 0,
							"%s: the spec answers with a body, and the operation has no Go type for it", id)
					} else {
						matchSchema(t, id, spec.Response, op.response, seen)
					}
					if op.request != nil || spec.Request != nil {
						require.NotNil(t, spec.Request, "spec has no request body")
						require.NotNil(t, op.request, "no Go request type")
						matchSchema(t, id+" body", spec.Request, op.request, seen)
					}
					assert.Len(t, paramTypes[op.id], len(spec.Parameters), "paramTypes must list every enum parameter")
					for name, ps := range spec.Parameters {
						typ, ok := paramTypes[op.id][name]
						if assert.True(t, ok, "%s parameter %s: an enum without a Go type in paramTypes", id, name) {
							matchSchema(t, id+" parameter "+name, ps, typ, seen)
						}
					}
				})
			}
			for _, typ := range modelTypes {
				if typ.Name() == "ErrorResponseDto" {
					continue // only used by error responses, not walked here
				}
				assert.True(t, seen[typ], "%s is not reachable from any %s operation", typ.Name(), gen.name)
			}
			for _, e := range enums {
				assert.True(t, seen[e.typ], "%s is not reachable from any %s operation", e.typ.Name(), gen.name)
			}
		})
	}
}

func matchSchema(t *testing.T, path string, s *schema, typ reflect.Type, seen map[reflect.Type]bool) {
	t.Helper()
	seen[typ] = true
	switch s.Type {
	case "object":
		require.Equal(t, reflect.Struct, typ.Kind(), "%s: want a struct, have %s", path, typ)
		if len(s.Properties) == 0 {
			// A free-form object (a filter criterion's children, which
			// are criteria themselves).
			return
		}
		tags := map[string]reflect.StructField{}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			tags[name] = f
		}
		for prop, ps := range s.Properties {
			f, ok := tags[prop]
			if !assert.True(t, ok, "%s.%s: no field with this JSON name in %s", path, prop, typ.Name()) {
				continue
			}
			delete(tags, prop)
			// A required property the server sets (readOnly) cannot be
			// sent: the SDK treats it as optional.
			matchProperty(t, path+"."+prop, ps, f, slices.Contains(s.Required, prop) && !ps.ReadOnly, seen)
		}
		if supersets[typ] {
			return // a slim shape: the type's other fields are the full shape's
		}
		for name := range tags {
			assert.Fail(t, "field not in spec", "%s: %s.%s is not a property of the spec", path, typ.Name(), name)
		}
	case "array":
		require.Equal(t, reflect.Slice, typ.Kind(), "%s: want a slice, have %s", path, typ)
		matchSchema(t, path+"[]", s.Items, typ.Elem(), seen)
	default:
		matchScalar(t, path, s, typ, seen)
	}
}

func matchProperty(t *testing.T, path string, s *schema, f reflect.StructField, required bool, seen map[reflect.Type]bool) {
	t.Helper()
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	assert.Equal(t, !required, opts == "omitempty", "%s: tag %q, required=%v", path, f.Tag.Get("json"), required)
	typ := f.Type
	if s.Type == "array" {
		assert.Equal(t, reflect.Slice, typ.Kind(), "%s: arrays are plain slices, have %s", path, typ)
	} else if typ.Kind() != reflect.Interface { // any JSON value, null included
		wantPointer := !required || s.Nullable
		assert.Equal(t, wantPointer, typ.Kind() == reflect.Pointer, "%s: required=%v nullable=%v, have %s", path, required, s.Nullable, typ)
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
	}
	matchSchema(t, path, s, typ, seen)
}

func matchScalar(t *testing.T, path string, s *schema, typ reflect.Type, seen map[reflect.Type]bool) {
	t.Helper()
	switch {
	case s.Type == "":
		// oneOf several types (JSONPatchOperation.value): any JSON value.
		assert.Equal(t, reflect.Interface, typ.Kind(), "%s: want an interface for any JSON value, have %s", path, typ)
	case s.Type == "string" && s.Format == "date-time":
		assert.Equal(t, reflect.TypeFor[time.Time](), typ, path)
	case s.Type == "string" && len(s.Enum) > 0:
		e, ok := enumByType(typ)
		if !assert.True(t, ok, "%s: enum property needs an enum type, have %s", path, typ) {
			return
		}
		var want []string
		for _, v := range s.Enum {
			if v != nil { // a null member means "nullable", handled by the pointer
				want = append(want, *v)
			}
		}
		assert.Equal(t, want, e.values, "%s: %s values", path, typ.Name())
	case s.Type == "string":
		assert.Equal(t, reflect.TypeFor[string](), typ, path)
	case s.Type == "boolean":
		assert.Equal(t, reflect.TypeFor[bool](), typ, path)
	case s.Type == "integer" && s.Format == "int32":
		assert.Equal(t, reflect.TypeFor[int32](), typ, path)
	case s.Type == "integer":
		assert.Equal(t, reflect.TypeFor[int64](), typ, path)
	default:
		assert.Fail(t, "unhandled schema", "%s: type %q format %q", path, s.Type, s.Format)
	}
}
