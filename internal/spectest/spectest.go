// Package spectest checks the SDK against SailPoint's published OpenAPI
// definitions of the Certifications, Certification Summaries,
// Certification Campaigns, Certification Campaign Filters and Reports Data
// Extraction APIs (v3, beta and the per-resource v1), kept in
// testdata/openapi at the module root. It is test support: it loads the definitions once, routes each
// request to the definition its path names and validates it
// (NewValidatingTransport), validates response
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

// A definition is one OpenAPI document of testdata/openapi, named by the
// resource it covers and the API version of its paths: "v3", "beta" and
// "v1" are the Certifications operations of those versions,
// "summaries-v3" and "summaries-v1" the Certification Summaries ones, and
// "campaigns-", "campaign-filters-" and "reports-" with "v3" or "v1" the
// campaign side (campaigns and templates, campaign filters, report
// files). An
// API version is the set of definitions that share its path prefixes: a
// request goes to the version its path names, and within it to the one
// definition that has a matching operation.

// definitionFile describes one definition.
type definitionFile struct {
	name    string
	file    string
	version string
	// base is the path prefix of the definition's server, which Load puts
	// in place of the published absolute server: "/v3", "/beta", or ""
	// for the per-resource v1 documents, whose paths carry the version.
	base string
}

var definitionFiles = []definitionFile{
	{"v3", "certifications-v3.structure.yaml", "v3", "/v3"},
	{"summaries-v3", "certification-summaries-v3.structure.yaml", "v3", "/v3"},
	{"campaigns-v3", "certification-campaigns-v3.structure.yaml", "v3", "/v3"},
	{"campaign-filters-v3", "certification-campaign-filters-v3.structure.yaml", "v3", "/v3"},
	{"reports-v3", "campaign-reports-v3.structure.yaml", "v3", "/v3"},
	{"beta", "certifications-beta.structure.yaml", "beta", "/beta"},
	{"v1", "certifications-v1.structure.yaml", "v1", ""},
	{"summaries-v1", "certification-summaries-v1.structure.yaml", "v1", ""},
	{"campaigns-v1", "certification-campaigns-v1.structure.yaml", "v1", ""},
	{"campaign-filters-v1", "certification-campaign-filters-v1.structure.yaml", "v1", ""},
	{"reports-v1", "campaign-reports-v1.structure.yaml", "v1", ""},
}

// versionPrefixes maps each API version to the path prefixes of its
// operations.
var versionPrefixes = map[string][]string{
	"v3":   {"/v3"},
	"beta": {"/beta"},
	"v1": {"/certifications/v1", "/certification-tasks/v1", "/campaigns/v1", "/campaign-templates/v1",
		"/campaign-filters/v1", "/reports/v1"},
}

// Versions lists the API versions that have definitions, in the order the
// SDK documents them.
var Versions = []string{"v3", "beta", "v1"}

// Definitions lists the names of all definitions, grouped by API version.
var Definitions = []string{"v3", "summaries-v3", "campaigns-v3", "campaign-filters-v3", "reports-v3", "beta",
	"v1", "summaries-v1", "campaigns-v1", "campaign-filters-v1", "reports-v1"}

// DefinitionsOf returns the names of the definitions of an API version, or
// nil for an unknown version.
func DefinitionsOf(version string) []string {
	var out []string
	for _, f := range definitionFiles {
		if f.version == version {
			out = append(out, f.name)
		}
	}
	return out
}

// definition is one loaded document with its router; err is the loading
// error, kept so that every caller sees it.
type definition struct {
	definitionFile
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

var definitions = func() map[string]*definition {
	m := make(map[string]*definition, len(definitionFiles))
	for _, f := range definitionFiles {
		m[f.name] = &definition{definitionFile: f}
	}
	return m
}()

// Load returns the definition of the given name (see Definitions), loaded
// and validated once per test binary and shared by every caller, who must
// not change it. Its servers are replaced by the single relative server
// of its API version ("/v3", "/beta", or "/" for v1), so that requests to
// any host route to its operations. A definition that cannot be loaded
// fails tb.
func Load(tb testing.TB, name string) *openapi3.T {
	tb.Helper()
	d, err := load(name)
	if err != nil {
		tb.Fatalf("spectest: %v", err)
	}
	return d.doc
}

// Preload loads the named definitions at once, each in its own goroutine,
// so that a test that goes through all of them in turn does not wait for
// each to load on a machine with an idle core. It fails tb for a name
// that is not a definition or a definition that cannot be loaded, as Load
// does.
func Preload(tb testing.TB, names ...string) {
	tb.Helper()
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = load(name)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		tb.Fatalf("spectest: %v", err)
	}
}

// load returns the loaded definition of name, loading it on first use.
func load(name string) (*definition, error) {
	d, ok := definitions[name]
	if !ok {
		return nil, fmt.Errorf("no OpenAPI definition named %q; have %s", name, strings.Join(Definitions, ", "))
	}
	d.once.Do(func() {
		d.doc, d.router, d.err = loadFile(d.definitionFile)
	})
	return d, d.err
}

// loadFile reads, validates and routes one definition.
func loadFile(f definitionFile) (*openapi3.T, routers.Router, error) {
	dir, err := Dir()
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, f.file)
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("loading %s: %w", path, err)
	}
	fillDescriptions(doc)
	alignPathParams(doc)
	declareSchemes(doc)
	// The published examples contradict their schemas in places; the
	// conformance tests report those against their exceptions table, so
	// they must not stop the document from loading.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, nil, fmt.Errorf("%s is not a valid OpenAPI document: %w", path, err)
	}
	server := f.base
	if server == "" {
		server = "/"
	}
	doc.Servers = openapi3.Servers{{URL: server}}
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

// alignPathParams renames a path parameter that its path template does not
// name to the template's one unnamed segment. The v3 campaign filters
// definition declares updateCampaignFilter's parameter as filterId under
// the path /campaign-filters/{id}: as published, no request could match
// it. The SDK fills the value into the segment's position either way.
func alignPathParams(doc *openapi3.T) {
	for path, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			var unnamed []*openapi3.Parameter
			named := map[string]bool{}
			for _, ref := range op.Parameters {
				if p := ref.Value; p != nil && p.In == openapi3.ParameterInPath {
					if strings.Contains(path, "{"+p.Name+"}") {
						named[p.Name] = true
					} else {
						unnamed = append(unnamed, p)
					}
				}
			}
			var free []string
			for _, seg := range strings.Split(path, "/") {
				if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && !named[seg[1:len(seg)-1]] {
					free = append(free, seg[1:len(seg)-1])
				}
			}
			if len(unnamed) == 1 && len(free) == 1 {
				unnamed[0].Name = free[0]
			}
		}
	}
}

// declareSchemes declares, as a bearer token, each security scheme that a
// requirement names but the document does not define: the published
// report files definitions require applicationAuth and define only
// userAuth. The transport does not check credentials, so the placeholder
// changes no validation.
func declareSchemes(doc *openapi3.T) {
	if doc.Components == nil {
		doc.Components = &openapi3.Components{}
	}
	if doc.Components.SecuritySchemes == nil {
		doc.Components.SecuritySchemes = openapi3.SecuritySchemes{}
	}
	declare := func(reqs openapi3.SecurityRequirements) {
		for _, req := range reqs {
			for name := range req {
				if doc.Components.SecuritySchemes[name] == nil {
					doc.Components.SecuritySchemes[name] = &openapi3.SecuritySchemeRef{Value: openapi3.NewJWTSecurityScheme()}
				}
			}
		}
	}
	declare(doc.Security)
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.Security != nil {
				declare(*op.Security)
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
	// Definition names the definition, e.g. "v3" or "summaries-v1".
	Definition string
	// Version is the API version of its paths: "v3", "beta" or "v1".
	Version string
	// ID is the operationId, e.g. "listIdentityCertifications".
	ID string
	// Method is the HTTP method in upper case.
	Method string
	// Base is the path prefix of the definition's server: "/v3", "/beta",
	// or "" for v1.
	Base string
	// Path is the path template below Base, e.g. "/certifications/{id}"
	// in v3 and "/certifications/v1/{id}" in v1.
	Path string
	// Deprecated is the operation's deprecated flag.
	Deprecated bool
	// Operation is the operation in the loaded document (shared; do not
	// change it).
	Operation *openapi3.Operation
	// PathItem holds the operation and its siblings on the same path.
	PathItem *openapi3.PathItem
}

// Operations returns every operation of the named definition, sorted by
// operationId.
func Operations(tb testing.TB, name string) []OperationInfo {
	tb.Helper()
	doc := Load(tb, name)
	f := definitions[name].definitionFile
	var ops []OperationInfo
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops = append(ops, OperationInfo{
				Definition: name,
				Version:    f.version,
				ID:         op.OperationID,
				Method:     strings.ToUpper(method),
				Base:       f.base,
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

// FindOperation returns the operation of the named definition with the
// given operationId, failing tb when there is none.
func FindOperation(tb testing.TB, name, id string) OperationInfo {
	tb.Helper()
	for _, op := range Operations(tb, name) {
		if op.ID == id {
			return op
		}
	}
	tb.Fatalf("spectest: the %s definition has no operation %q", name, id)
	return OperationInfo{}
}

// VersionOf returns the API version a request path belongs to: "v3" for
// /v3/..., "beta" for /beta/..., "v1" for /certifications/v1/... and
// /certification-tasks/v1/..., or "" for any other path.
func VersionOf(urlPath string) string {
	for _, v := range Versions {
		for _, p := range versionPrefixes[v] {
			if urlPath == p || strings.HasPrefix(urlPath, p+"/") {
				return v
			}
		}
	}
	return ""
}

// V1Path returns the per-resource v1 path of a v3 path, given below /v3
// (template or request path): /v1 goes after the resource, its first
// segment, so "/certifications/{id}" becomes "/certifications/v1/{id}" and
// "/certification-tasks" becomes "/certification-tasks/v1".
func V1Path(v3 string) string {
	resource, rest, hasRest := strings.Cut(strings.TrimPrefix(v3, "/"), "/")
	if !hasRest {
		return "/" + resource + "/v1"
	}
	return "/" + resource + "/v1/" + rest
}

// knownPrefixes lists every version's prefixes, for error messages.
func knownPrefixes() string {
	var out []string
	for _, v := range Versions {
		for _, p := range versionPrefixes[v] {
			out = append(out, p+"/...")
		}
	}
	return strings.Join(out, ", ")
}
