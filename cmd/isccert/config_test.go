package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// served reports which of the tenants received API requests.
func served(srvs ...*certtest.Server) []bool {
	out := make([]bool, len(srvs))
	for i, s := range srvs {
		out[i] = requestsTo(s, "GET", "/v3/certifications") > 0
		s.ResetRequests()
	}
	return out
}

func sailYAML(t *testing.T, r *runner, body string) {
	t.Helper()
	dir := filepath.Join(r.env["HOME"], ".sailpoint")
	require.NoError(t, os.MkdirAll(dir, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(body), 0o600))
}

// The tool takes its tenant from, in order: --env, SAIL_*, ./config.json,
// the sail tool's active environment. The keyring is tested in sailconfig
// with a mocked provider; here the sail environments' secrets come from
// SAIL_CLIENT_ID and SAIL_CLIENT_SECRET, as the sail tool allows.
func TestConfigurationPrecedence(t *testing.T) {
	t.Parallel()
	// Four tenants with the same credentials, so that only the URL tells
	// which one a command used.
	creds := certtest.WithClientCredentials("cli-test-id", "cli-test-secret")
	active, other, fromJSON, fromEnv := certtest.NewTestServer(t, creds), certtest.NewTestServer(t, creds), certtest.NewTestServer(t, creds), certtest.NewTestServer(t, creds)
	r := newRunner(t)
	r.env["SAIL_CLIENT_ID"], r.env["SAIL_CLIENT_SECRET"] = "cli-test-id", "cli-test-secret"
	sailYAML(t, r, "activeenvironment: active\nauthtype: pat\nenvironments:\n  active:\n    baseurl: "+active.URL()+"\n  other:\n    baseurl: "+other.URL()+"\n")

	r.ok("certs", "list")
	assert.Equal(t, []bool{true, false, false, false}, served(active, other, fromJSON, fromEnv), "the sail tool's active environment")

	r.file("config.json", `{"BaseURL": "`+fromJSON.URL()+`", "ClientId": "cli-test-id", "ClientSecret": "cli-test-secret"}`)
	r.ok("certs", "list")
	assert.Equal(t, []bool{false, false, true, false}, served(active, other, fromJSON, fromEnv), "config.json beats sail")

	r.env["SAIL_BASE_URL"] = fromEnv.URL()
	r.ok("certs", "list")
	assert.Equal(t, []bool{false, false, false, true}, served(active, other, fromJSON, fromEnv), "SAIL_BASE_URL beats config.json")

	r.ok("certs", "list", "--env", "other")
	assert.Equal(t, []bool{false, true, false, false}, served(active, other, fromJSON, fromEnv), "--env beats SAIL_BASE_URL")

	res := r.ok("certs", "list", "--env", "other", "-v")
	assert.Contains(t, res.stderr, "config.yaml (environment other)", "-v says where the settings came from")
	assert.NotContains(t, res.stderr, "cli-test-secret")
}

func TestMissingConfigurationIsOneLine(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	res := r.run("certs", "list")
	assert.Equal(t, 1, res.code)
	assert.Equal(t, 1, strings.Count(res.stderr, "\n"), "one line: %q", res.stderr)
	for _, w := range []string{"no tenant configured", "SAIL_* environment (unset)", "config.json (not found)", ".sailpoint/config.yaml (not found)", "set SAIL_BASE_URL"} {
		assert.Contains(t, res.stderr, w)
	}
	assert.NotContains(t, res.stderr, "panic")

	r.file("config.json", "{\"BaseURL\": \"https://acme.api.identitynow.com\",\n \"ClientSecret\": \"shh\" \"ClientId\": \"x\"}")
	res = r.run("items", "export", "CERT")
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "config.json is not valid JSON: line 2")
	assert.NotContains(t, res.stderr, "shh")
	assert.Equal(t, 1, strings.Count(res.stderr, "\n"), "one line: %q", res.stderr)

	res = newRunner(t).run("certs", "list", "--env", "prod")
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "sail environment prod asked for, but")
}

// -v logs every HTTP attempt, and never a secret or token.
func TestVerboseLogIsRedacted(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	res := r.ok("-v", "items", "list", myCert(t, srv))
	assert.Contains(t, res.stderr, `msg="certifications: http attempt" method=GET path=/v3/certifications/`)
	assert.Contains(t, res.stderr, "client_secret=[REDACTED]")
	assert.NotContains(t, res.stderr, srv.ClientSecret())
	assert.NotContains(t, res.stderr, "Bearer")
	assert.NotContains(t, res.stderr, "eyJ", "no JWT")
	assert.NotContains(t, res.stdout, "http attempt", "logs stay off stdout")
}
