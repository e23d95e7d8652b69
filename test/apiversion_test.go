package test

// The operation suite runs against each API generation in suiteVersions.
// The tests write paths in their v3 form; assertRequest expects them in the
// form of the generation under test (wirePath), and every client's
// transport refuses a request to another generation's paths.

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/spectest"
)

// suiteVersions lists the API versions the whole suite runs against. A
// test binary runs in the first one (or the one apiVersionEnv names), and
// TestSuiteInEveryAPIVersion runs the suite again, in a child process of
// the same binary, for each other one.
var suiteVersions = []certifications.APIVersion{certifications.APIVersionV3, certifications.APIVersionV1}

// knownVersions are the API versions the SDK speaks.
var knownVersions = []certifications.APIVersion{certifications.APIVersionV3, certifications.APIVersionV1}

// apiVersionEnv names the API version of this process's clients; unset
// means suiteVersions[0].
const apiVersionEnv = "ISC_TEST_API_VERSION"

// suiteVersion returns the API version of this process's clients, failing
// tb when apiVersionEnv names one the SDK does not speak.
func suiteVersion(tb testing.TB) certifications.APIVersion {
	tb.Helper()
	v := processVersion()
	if !slices.Contains(knownVersions, v) {
		tb.Fatalf("%s=%q: want one of %v", apiVersionEnv, string(v), knownVersions)
	}
	return v
}

// processVersion returns apiVersionEnv, or suiteVersions[0] when unset.
func processVersion() certifications.APIVersion {
	if v := os.Getenv(apiVersionEnv); v != "" {
		return certifications.APIVersion(v)
	}
	return suiteVersions[0]
}

// wirePath returns the path a client of this process's API version sends
// for the v3 path p: p itself in v3, and in v1 the per-resource path, /v1
// after the resource ("/v3/certifications/c1/decide" becomes
// "/certifications/v1/c1/decide"). Paths outside /v3 are returned as they
// are.
func wirePath(p string) string {
	rest, ok := strings.CutPrefix(p, "/v3/")
	if !ok || processVersion() != certifications.APIVersionV1 {
		return p
	}
	return spectest.V1Path("/" + rest)
}

// TestClientsUseTheSuiteVersion checks that newTestClient builds its
// clients for this process's API version, and that assertRequest's paths
// follow it.
func TestClientsUseTheSuiteVersion(t *testing.T) {
	want := suiteVersion(t)
	c, _ := newTestClient(t)
	assert.Equal(t, want, c.Configuration().APIVersion)
	switch want {
	case certifications.APIVersionV1:
		assert.Equal(t, "/certifications/v1/c%2F1/decide", wirePath("/v3/certifications/c%2F1/decide"))
		assert.Equal(t, "/certification-tasks/v1", wirePath("/v3/certification-tasks"))
	default:
		assert.Equal(t, "/v3/certifications/c%2F1/decide", wirePath("/v3/certifications/c%2F1/decide"))
		assert.Equal(t, "/v3/certification-tasks", wirePath("/v3/certification-tasks"))
	}
}

// TestSuiteInEveryAPIVersion runs this test binary again for every API
// version other than this process's: the whole suite for those in
// suiteVersions, and TestClientsUseTheSuiteVersion alone for the others,
// which shows that a child run switches its clients to the version.
func TestSuiteInEveryAPIVersion(t *testing.T) {
	for _, v := range knownVersions {
		if v == processVersion() {
			continue
		}
		t.Run(string(v), func(t *testing.T) {
			run := ""
			if !slices.Contains(suiteVersions, v) {
				run = "^TestClientsUseTheSuiteVersion$"
				t.Logf("%s is not in suiteVersions: checking only that a child run uses it", v)
			}
			out := runChild(t, v, run)
			assert.Contains(t, out, "--- PASS: TestClientsUseTheSuiteVersion")
			if run == "" {
				assert.Regexp(t, regexp.MustCompile(`--- PASS: TestOperationMethodPathAndHeaders\b`), out, "the whole suite ran")
			}
		})
	}
}

// runChild runs this test binary with apiVersionEnv set to v, its tests
// restricted to the pattern run ("" for all but TestSuiteInEveryAPIVersion),
// and returns its verbose output, failing t if the run fails.
func runChild(t *testing.T, v certifications.APIVersion, run string) string {
	t.Helper()
	ctx := t.Context()
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-5*time.Second))
		defer cancel()
	}
	args := []string{"-test.v", "-test.skip=^TestSuiteInEveryAPIVersion$"}
	if run != "" {
		args = append(args, "-test.run="+run)
	}
	if testing.Short() {
		args = append(args, "-test.short")
	}
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), apiVersionEnv+"="+string(v))
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "the suite in API version %s failed (%s=%s %s %s):\n%s",
		v, apiVersionEnv, v, os.Args[0], strings.Join(args, " "), out)
	return string(out)
}
