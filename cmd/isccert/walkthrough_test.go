package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sandbox walkthrough of README.md works as pasted into a shell.
func TestREADMEWalkthrough(t *testing.T) {
	t.Parallel()
	_, s := runREADMEBlock(t, "walkthrough")
	assert.Contains(t, s, "ID                                IDENTITY        TYPE            ACCESS                  DECISION  COMMENTS", "the dry run shows the decisions, with identity and access")
	assert.Contains(t, s, "REVOKE    not used any more")
	assert.Contains(t, s, "decided         32")
	assert.Contains(t, s, "skipped         32", "the second run skips everything")
	assert.Contains(t, s, "phase       SIGNED")
	assert.Contains(t, s, "sandbox tenant stopped")
}

// runREADMEBlock runs the shell block of README.md between the markers
// <!-- name --> and <!-- /name --> as pasted into bash, with the built
// binary on PATH, in a fresh runner's folder, and returns that runner and
// what the block printed. A sandbox the block started is stopped at the end.
func runREADMEBlock(t *testing.T, name string) (*runner, string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	require.NoError(t, err, "the walkthrough is shell")
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, block, ok := strings.Cut(string(readme), "<!-- "+name+" -->\n```sh\n")
	require.True(t, ok, "README.md marks its %s", name)
	script, _, ok := strings.Cut(block, "```\n<!-- /"+name+" -->")
	require.True(t, ok, "README.md ends its %s", name)

	r := newRunner(t)
	r.env["PATH"] = filepath.Dir(binary) + string(os.PathListSeparator) + r.env["PATH"]
	cmd := exec.Command(bash, "-eu", "-c", "trap 'kill \"${ISCCERT_SANDBOX_PID:-}\" 2>/dev/null || true' EXIT\n"+script)
	cmd.Dir = r.dir
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return r, string(out)
}

// The root README shows the same walkthrough, so that what it shows is
// what the test above runs.
func TestRootREADMEShowsTheSameWalkthrough(t *testing.T) {
	walkthrough := func(path string) string {
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		_, block, ok := strings.Cut(string(raw), "<!-- walkthrough -->\n")
		require.True(t, ok, "%s marks its walkthrough", path)
		block, _, ok = strings.Cut(block, "<!-- /walkthrough -->")
		require.True(t, ok, "%s ends its walkthrough", path)
		return block
	}
	assert.Equal(t, walkthrough("README.md"), walkthrough(filepath.Join("..", "..", "README.md")))
}
