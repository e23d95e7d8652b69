package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/testmain"
	"github.com/stretchr/testify/require"
)

// binary is the isccert executable the tests run, built once by TestMain.
// It is built without the race detector, which slows decoding large pages
// tenfold; the in-process tests (inprocess_test.go) run the same code
// under the race detector of the test binary.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "isccert-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "isccert")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	if out, err := exec.Command(goTool(), "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building isccert: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	// Most tests wait on the isccert binary, a sandbox or a browser.
	testmain.Parallel(4)
	code := m.Run()
	os.RemoveAll(dir)
	testmain.Exit(code)
}

// goTool is the go command that runs the tests: go test puts its own
// toolchain first on PATH.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

// runner runs the binary in a clean environment: no SAIL_* variables of
// the machine, a temporary HOME and working directory.
type runner struct {
	t     *testing.T
	env   map[string]string
	dir   string
	stdin string
}

func newRunner(t *testing.T) *runner {
	t.Helper()
	r := &runner{t: t, env: map[string]string{}, dir: t.TempDir()}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "SAIL_") || strings.HasPrefix(k, "ISCCERT_") || k == "HOME" {
			continue
		}
		r.env[k] = v
	}
	r.env["HOME"] = t.TempDir()
	return r
}

// tenant points the runner at a sandbox tenant through SAIL_*.
func (r *runner) tenant(srv *certtest.Server) *runner {
	r.env[certifications.EnvBaseURL] = srv.URL()
	r.env[certifications.EnvClientID] = srv.ClientID()
	r.env[certifications.EnvClientSecret] = srv.ClientSecret()
	return r
}

type result struct {
	stdout, stderr string
	code           int
}

func (r *runner) command(args ...string) *exec.Cmd {
	cmd := exec.Command(binary, args...)
	cmd.Dir = r.dir
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdin = strings.NewReader(r.stdin)
	return cmd
}

// run runs the binary to the end.
func (r *runner) run(args ...string) result {
	r.t.Helper()
	cmd := r.command(args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		res.code = ee.ExitCode()
	} else {
		require.NoError(r.t, err)
	}
	return res
}

// ok runs the binary and requires exit status 0.
func (r *runner) ok(args ...string) result {
	r.t.Helper()
	res := r.run(args...)
	require.Equal(r.t, 0, res.code, "isccert %s\nstdout: %s\nstderr: %s", strings.Join(args, " "), res.stdout, res.stderr)
	return res
}

// file writes a file in the working directory and returns its name.
func (r *runner) file(name, body string) string {
	r.t.Helper()
	require.NoError(r.t, os.WriteFile(filepath.Join(r.dir, name), []byte(body), 0o600))
	return name
}

// decodeJSON decodes the output of -o json.
func decodeJSON[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(s), &v), "output: %s", s)
	return v
}

// requestsTo counts the requests of the tenant with that method and a
// path ending in suffix.
func requestsTo(srv *certtest.Server, method, suffix string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) {
			n++
		}
	}
	return n
}

// myCert returns the id of the first certification of "me".
func myCert(t *testing.T, srv *certtest.Server) string {
	t.Helper()
	for _, c := range srv.Certifications() {
		if c.GetReviewer().GetID() == srv.MeID() {
			return c.GetID()
		}
	}
	t.Fatal("the sandbox has no certification of me")
	return ""
}
