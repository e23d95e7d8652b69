package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The library packages import only the standard library, x/oauth2 and
// x/time: the tool's dependencies (cobra, the progress bar, the terminal,
// YAML and keyring modules) must never reach them.
func TestToolDependenciesStayOutOfTheLibrary(t *testing.T) {
	t.Parallel()
	allowed := []string{"github.com/iscgo/certifications", "golang.org/x/oauth2", "golang.org/x/time"}
	out, err := exec.Command(goTool(), "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}",
		"github.com/iscgo/certifications", "github.com/iscgo/certifications/beta", "github.com/iscgo/certifications/certtest").CombinedOutput()
	require.NoError(t, err, "%s", out)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "golang.org/x/oauth2", "the listing works")
	for _, dep := range deps {
		ok := false
		for _, a := range allowed {
			ok = ok || dep == a || strings.HasPrefix(dep, a+"/")
		}
		assert.True(t, ok, "the library imports %s", dep)
		assert.NotContains(t, dep, "github.com/iscgo/certifications/cmd/")
		assert.NotEqual(t, "github.com/iscgo/certifications/sailconfig", dep)
	}

	// The tool itself does use them: the check above looks at a graph
	// that could hold them.
	out, err = exec.Command(goTool(), "list", "-deps", "-f", "{{.ImportPath}}", ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, m := range []string{"github.com/spf13/cobra", "github.com/schollz/progressbar/v3", "golang.org/x/term", "go.yaml.in/yaml/v3", "github.com/zalando/go-keyring"} {
		assert.Contains(t, strings.Fields(string(out)), m)
	}
}
