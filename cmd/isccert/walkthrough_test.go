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
	bash, err := exec.LookPath("bash")
	require.NoError(t, err, "the walkthrough is shell")
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, block, ok := strings.Cut(string(readme), "<!-- walkthrough -->\n```sh\n")
	require.True(t, ok, "README.md marks its walkthrough")
	script, _, ok := strings.Cut(block, "```\n<!-- /walkthrough -->")
	require.True(t, ok)

	r := newRunner(t)
	r.env["PATH"] = filepath.Dir(binary) + string(os.PathListSeparator) + r.env["PATH"]
	cmd := exec.Command(bash, "-eu", "-c", "trap 'kill \"${ISCCERT_SANDBOX_PID:-}\" 2>/dev/null || true' EXIT\n"+script)
	cmd.Dir = r.dir
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	s := string(out)
	assert.Contains(t, s, "ID                                IDENTITY        TYPE            ACCESS                  DECISION  COMMENTS", "the dry run shows the decisions, with identity and access")
	assert.Contains(t, s, "REVOKE    not used any more")
	assert.Contains(t, s, "decided         32")
	assert.Contains(t, s, "skipped         32", "the second run skips everything")
	assert.Contains(t, s, "phase       SIGNED")
	assert.Contains(t, s, "sandbox tenant stopped")
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
