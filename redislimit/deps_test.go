package redislimit

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goList returns the non-standard packages pkgs depend on, themselves
// included.
func goList(t *testing.T, pkgs ...string) []string {
	t.Helper()
	tool := "go"
	if p, err := exec.LookPath("go"); err == nil {
		tool = p
	}
	args := append([]string{"list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}"}, pkgs...)
	out, err := exec.Command(tool, args...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	return strings.Fields(string(out))
}

// The Redis client stays out of the library: neither the root package,
// beta nor certtest imports this package or anything of Redis, while this
// package does (so the check looks at a graph that could hold them).
func TestRedisStaysOutOfTheLibrary(t *testing.T) {
	t.Parallel()
	lib := goList(t, "github.com/iscgo/certifications", "github.com/iscgo/certifications/beta", "github.com/iscgo/certifications/certtest")
	require.Contains(t, lib, "golang.org/x/oauth2", "the listing works")
	for _, dep := range lib {
		assert.NotEqual(t, "github.com/iscgo/certifications/redislimit", dep)
		assert.NotContains(t, dep, "redis", "the library imports %s", dep)
	}
	assert.Contains(t, goList(t, "github.com/iscgo/certifications/redislimit"), "github.com/redis/go-redis/v9")
}
