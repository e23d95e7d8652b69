package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every message has one prefix, the tool's; usage mistakes exit 2 whether
// they come from a flag or the environment, and say what to do in the
// user's words.
func TestMessagesSpeakWithOneVoice(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	p := newInProcess(srv)
	ctx := t.Context()

	p.vars[certifications.EnvAPIVersion] = "v2"
	assert.Equal(t, 2, p.run(ctx, false, "certs", "list"))
	assert.Equal(t, "isccert: SAIL_API_VERSION=v2: choose v3 or v1\nRun 'isccert certs list --help' for usage.\n", p.stderr.String())
	assert.Equal(t, 2, p.run(ctx, false, "--api", "v2", "certs", "list"))
	assert.Contains(t, p.stderr.String(), "isccert: --api v2: choose v3 or v1\n")
	p.vars[certifications.EnvAPIVersion] = "V1"
	assert.Equal(t, 0, p.run(ctx, false, "certs", "list", "-o", "JSON"), p.stderr.String())
	assert.True(t, strings.HasPrefix(p.stdout.String(), "[\n"), "-o JSON is -o json")
	delete(p.vars, certifications.EnvAPIVersion)

	assert.Equal(t, 0, p.run(ctx, false, "--version"))
	assert.Equal(t, "isccert "+certifications.Version+"\n", p.stdout.String())

	assert.Equal(t, 2, p.run(ctx, false, "certs", "lst"))
	assert.Contains(t, p.stderr.String(), `isccert: unknown command "lst" for "isccert certs"; did you mean list?`)
	assert.Equal(t, 2, p.run(ctx, false, "cert", "list"))
	assert.Contains(t, p.stderr.String(), `; did you mean certs?`)

	// Errors of the SDK and of the configuration loader get the tool's
	// prefix instead of theirs.
	assert.Equal(t, 1, p.run(ctx, false, "certs", "get", "nope"))
	assert.True(t, strings.HasPrefix(p.stderr.String(), "isccert: GET /v3/certifications/nope: 404"), p.stderr.String())
	q := &inProcess{vars: map[string]string{}}
	assert.Equal(t, 1, q.run(ctx, false, "certs", "list"))
	for _, line := range strings.Split(strings.TrimSpace(q.stderr.String()), "\n") {
		assert.True(t, strings.HasPrefix(line, "isccert: "), "%q", line)
		assert.NotContains(t, line, "sailconfig: ")
	}

	// Standard input is called so.
	p.stdin = "id,decision\nX,MAYBE\n"
	assert.Equal(t, 1, p.run(ctx, false, "decide", myCert(t, srv), "-f", "-"))
	assert.Contains(t, p.stderr.String(), "isccert: standard input line 2: decision \"MAYBE\" is not APPROVE or REVOKE")
}

// Text from the server (error messages, detail codes) reaches stderr
// without its control characters: an escape sequence in it cannot move
// the cursor or rewrite the screen.
func TestServerTextCannotDriveTheTerminal(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"detailCode":"400.1 \u001b[2J\u0007Bad","trackingId":"t\u001b]0;owned\u0007","messages":[{"text":"no \u001b[31mred\u001b[0m\r\nhere\u009b1m"}]}`))
	}))
	t.Cleanup(srv.Close)
	p := &inProcess{vars: map[string]string{certifications.EnvBaseURL: srv.URL, certifications.EnvAccessToken: "tok"}}
	require.Equal(t, 1, p.run(t.Context(), true, "certs", "get", "C"))
	msg := p.stderr.String()
	assert.Contains(t, msg, "400")
	assert.Contains(t, msg, "red")
	for _, c := range msg {
		if c != '\n' {
			assert.False(t, c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0), "control character %U in %q", c, msg)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(msg), "\n") {
		assert.True(t, strings.HasPrefix(line, "isccert: "), "%q", line)
	}
}

// A decision file of another certification is named as such, once and
// first, with the certification, instead of one line per item.
func TestDecisionFileOfAnotherCertification(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	mine := myCert(t, srv)
	var other string
	for _, c := range srv.Certifications() {
		if c.GetID() != mine {
			other = c.GetID()
			break
		}
	}
	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	for _, it := range srv.Items(other) {
		b.WriteString(it.GetID() + ",APPROVE,ok\n")
	}
	p := newInProcess(srv)
	p.stdin = b.String()
	for _, dry := range []bool{false, true} {
		args := []string{"decide", mine, "-f", "-"}
		if dry {
			args = append(args, "--dry-run")
		}
		require.Equal(t, 1, p.run(t.Context(), false, args...))
		msg := p.stderr.String()
		assert.True(t, strings.HasPrefix(msg, "isccert: standard input is not for certification "+mine+" ("), msg)
		assert.Contains(t, msg, "32 of its 32 items are not in it")
		assert.Equal(t, 1, strings.Count(msg, "\n"), "one line: %q", msg)
		assert.Empty(t, p.stdout.String())
	}
	assert.Zero(t, requestsTo(srv, "POST", "/decide"), "nothing was sent")
}

// --filters and --sorters the SDK refuses before sending are usage errors,
// like any other mistake on the command line.
func TestBadFiltersAreUsageErrors(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	p := newInProcess(srv)
	cert := myCert(t, srv)
	for _, args := range [][]string{
		{"items", "list", cert, "--filters", "id eq"},
		{"items", "list", cert, "--filters", "foo eq 1"},
		{"items", "export", cert, "--sorters", "nope"},
		{"certs", "list", "--filters", "phase eq"},
	} {
		assert.Equal(t, 2, p.run(t.Context(), false, args...), "%v: %s", args, p.stderr.String())
		assert.Contains(t, p.stderr.String(), "--help' for usage", args)
		assert.Empty(t, p.stdout.String(), args)
	}
	for _, r := range srv.Requests() {
		assert.NotContains(t, r.Path, "access-review-items", "nothing was listed")
	}
}
