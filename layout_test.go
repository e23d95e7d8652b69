package certifications

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coreFiles are the request core: building, sending, retrying, pacing,
// authenticating, printing, errors, paging and filters. The operations
// (operations.go, api_*.go) and the workflows built on them use the core,
// never the other way round.
var coreFiles = []string{
	"auth.go", "body.go", "client.go", "configuration.go", "errors.go", "filters.go", "filters_parse.go",
	"list_options.go", "pacer.go", "pagination.go", "query_check.go", "redact.go", "retry.go", "sorters.go",
}

// No core file defines a method of an operation service: the services and
// their printing methods are declared in operations.go.
func TestCoreFilesDeclareNoServiceMethods(t *testing.T) {
	services := map[string]bool{"CertificationsApiService": true, "CertificationSummariesApiService": true}
	for _, name := range coreFiles {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		require.NoError(t, err, name)
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil {
				continue
			}
			recv := fn.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok && services[id.Name] {
				assert.Failf(t, "service method outside operations.go", "%s declares %s.%s", name, id.Name, fn.Name.Name)
			}
		}
	}
}
