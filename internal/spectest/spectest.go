// Package spectest checks the SDK against SailPoint's published OpenAPI
// definitions of the Certifications API, kept in testdata/openapi at the
// module root. It is test support: it loads the definitions once, validates
// the requests a client sends (NewValidatingTransport), validates response
// bodies (CheckResponse), assembles examples the way a spec-driven mock
// server does (Example), lists the JSON paths of a value (JSONPaths) and
// compares a schema with the Go type that models it (CompareSchema).
//
// Everything here reports through testing.TB or returns plain data, so the
// tests of any package of the module can use it.
package spectest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Versions lists the API versions that have a definition, in the order
// the SDK documents them.
var Versions = []string{"v3", "beta"}

// files maps an API version to its definition in testdata/openapi.
var files = map[string]string{
	"v3":   "certifications-v3.structure.yaml",
	"beta": "certifications-beta.structure.yaml",
}

// definition is one loaded document with its router; err is the loading
// error, kept so that every caller sees it.
type definition struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

var definitions = map[string]*definition{"v3": {}, "beta": {}}

// Load returns the definition of version ("v3" or "beta"), loaded and
// validated once per test binary and shared by every caller, who must not
// change it. Its servers are replaced by the single relative server
// "/v3" (or "/beta"), so that requests to any host route to its
// operations. A definition that cannot be loaded fails tb.
func Load(tb testing.TB, version string) *openapi3.T {
	tb.Helper()
	d, err := load(version)
	if err != nil {
		tb.Fatalf("spectest: %v", err)
	}
	return d.doc
}

// load returns the loaded definition of version, loading it on first use.
func load(version string) (*definition, error) {
	d, ok := definitions[version]
	if !ok {
		return nil, fmt.Errorf("no OpenAPI definition for API version %q; have %s", version, strings.Join(Versions, ", "))
	}
	d.once.Do(func() {
		d.doc, d.router, d.err = loadFile(version)
	})
	return d, d.err
}

// loadFile reads, validates and routes one definition.
func loadFile(version string) (*openapi3.T, routers.Router, error) {
	dir, err := Dir()
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, files[version])
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("loading %s: %w", path, err)
	}
	fillDescriptions(doc)
	// The published examples contradict their schemas in places; the
	// conformance tests report those against their exceptions table, so
	// they must not stop the document from loading.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, nil, fmt.Errorf("%s is not a valid OpenAPI document: %w", path, err)
	}
	doc.Servers = openapi3.Servers{{URL: "/" + version}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, nil, fmt.Errorf("routing %s: %w", path, err)
	}
	return doc, router, nil
}

// removedDescription stands in for the response descriptions that the
// structure-only copies leave out.
const removedDescription = "(description left out of the structure-only copy)"

// fillDescriptions gives every response without a description a
// placeholder: OpenAPI 3.0 requires one, and the structure-only copies in
// testdata/openapi drop all descriptions.
func fillDescriptions(doc *openapi3.T) {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, r := range op.Responses.Map() {
				if r.Value != nil && r.Value.Description == nil {
					r.Value.Description = openapi3.Ptr(removedDescription)
				}
			}
		}
	}
}

// Dir returns the absolute path of testdata/openapi at the module root.
func Dir() (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "testdata", "openapi"), nil
}

// ModulePath is the import path of the SDK's root package.
const ModulePath = "github.com/iscgo/certifications"

// ModuleRoot returns the directory of the module's go.mod. It finds it
// from this source file's location, or, when the binary was built with
// -trimpath, by walking up from the working directory.
func ModuleRoot() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		root := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
		if isModuleRoot(root) {
			return root, nil
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for !isModuleRoot(dir) {
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("spectest: cannot find the go.mod of " + ModulePath + " above the working directory")
		}
		dir = parent
	}
	return dir, nil
}

// isModuleRoot reports whether dir holds the go.mod of ModulePath.
func isModuleRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(first) == "module "+ModulePath
}

// OperationInfo describes one operation of a definition.
type OperationInfo struct {
	// Version is the API version, "v3" or "beta".
	Version string
	// ID is the operationId, e.g. "listIdentityCertifications".
	ID string
	// Method is the HTTP method in upper case.
	Method string
	// Path is the path template relative to the version, e.g.
	// "/certifications/{id}".
	Path string
	// Deprecated is the operation's deprecated flag.
	Deprecated bool
	// Operation is the operation in the loaded document (shared; do not
	// change it).
	Operation *openapi3.Operation
	// PathItem holds the operation and its siblings on the same path.
	PathItem *openapi3.PathItem
}

// Operations returns every operation of version's definition, sorted by
// operationId.
func Operations(tb testing.TB, version string) []OperationInfo {
	tb.Helper()
	doc := Load(tb, version)
	var ops []OperationInfo
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops = append(ops, OperationInfo{
				Version:    version,
				ID:         op.OperationID,
				Method:     strings.ToUpper(method),
				Path:       path,
				Deprecated: op.Deprecated,
				Operation:  op,
				PathItem:   item,
			})
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	return ops
}

// FindOperation returns the operation of version's definition with the
// given operationId, failing tb when there is none.
func FindOperation(tb testing.TB, version, id string) OperationInfo {
	tb.Helper()
	for _, op := range Operations(tb, version) {
		if op.ID == id {
			return op
		}
	}
	tb.Fatalf("spectest: the %s definition has no operation %q", version, id)
	return OperationInfo{}
}

// VersionOf returns the API version a request path belongs to ("v3" for
// /v3/..., "beta" for /beta/...), or "" for any other path.
func VersionOf(urlPath string) string {
	first, _, _ := strings.Cut(strings.TrimPrefix(urlPath, "/"), "/")
	if _, ok := files[first]; ok {
		return first
	}
	return ""
}
