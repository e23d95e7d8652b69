package certifications

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/optable"
)

// knownEnum is what every enum type of the package provides.
type knownEnum interface {
	~string
	IsKnown() bool
}

// enumInfo describes one enum type through its Values function.
type enumInfo struct {
	typ     reflect.Type
	values  []string
	isKnown func(string) bool
}

func enumOf[T knownEnum](values []T) enumInfo {
	vs := make([]string, len(values))
	for i, v := range values {
		vs[i] = string(v)
	}
	return enumInfo{
		typ:     reflect.TypeFor[T](),
		values:  vs,
		isKnown: func(s string) bool { return T(s).IsKnown() },
	}
}

func enumByType(t reflect.Type) (enumInfo, bool) {
	for _, e := range enums {
		if e.typ == t {
			return e, true
		}
	}
	return enumInfo{}, false
}

// operation ties an operation to the Go types of its 200 body and its
// request body (nil when it has none). id is its v3 operationId; the v1
// twin's is id+"V1".
type operation struct {
	id       string
	response reflect.Type
	request  reflect.Type
}

// operations are the root package's operations of the operation table,
// with the Go types their declarations name.
var operations = func() []operation {
	byName := map[string]reflect.Type{}
	for _, typ := range modelTypes {
		byName[typ.Name()] = typ
	}
	byName["string"] = reflect.TypeFor[string]()
	typeOf := func(name string) reflect.Type {
		if name == "" {
			return nil // a success without a body, or a file
		}
		elem, list := strings.CutPrefix(name, "[]")
		typ, ok := byName[elem]
		if !ok {
			panic("the operation table names " + name + ", which is no model")
		}
		if list {
			return reflect.SliceOf(typ)
		}
		return typ
	}
	var ops []operation
	for _, o := range optable.Ops {
		if strings.HasPrefix(o.Service, "beta.") {
			continue
		}
		op := operation{id: o.ID, response: typeOf(o.Result)}
		if o.List && op.response != nil {
			op.response = reflect.SliceOf(op.response)
		}
		if o.Body != "" {
			op.request = typeOf(o.Body)
		}
		ops = append(ops, op)
	}
	return ops
}()

// supersets lists the types that model a slim and a full shape at once:
// matched against the slim schema, their other fields are not an error.
// RoleCompositionCampaignInfo has v1's reviewerId, which v3 lacks, and
// JSONPatchOperation RFC 6902's from, which the schema leaves out and its
// examples use.
var supersets = map[reflect.Type]bool{
	reflect.TypeFor[Campaign]():                    true,
	reflect.TypeFor[RoleCompositionCampaignInfo](): true,
	reflect.TypeFor[JSONPatchOperation]():          true,
}

// paramTypes gives, per operation (v3 operationId) and parameter name, the
// Go type of every parameter that is an enum.
var paramTypes = map[string]map[string]reflect.Type{
	"getIdentityAccessSummaries": {"type": reflect.TypeFor[AccessSummaryType]()},
	"getActiveCampaigns":         {"detail": reflect.TypeFor[CampaignDetail]()},
	"getCampaign":                {"detail": reflect.TypeFor[CampaignDetail]()},
	"startCampaignReport":        {"type": reflect.TypeFor[ReportType]()},
	"getReport":                  {"fileFormat": reflect.TypeFor[ReportFileFormat]()},
}

// readExample returns testdata/examples/<name>.json (see testdata/gen_fixtures.py).
func readExample(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "examples", name+".json"))
	require.NoError(tb, err)
	return b
}
