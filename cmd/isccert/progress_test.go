package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runWithTerminal runs the binary with stderr on a pseudo-terminal and
// stdout on a pipe, and returns what each received.
func (r *runner) runWithTerminal(args ...string) (stdout, terminal string, code int) {
	r.t.Helper()
	ptm, pts, err := pty.Open()
	require.NoError(r.t, err)
	defer ptm.Close()
	require.NoError(r.t, pty.Setsize(ptm, &pty.Winsize{Rows: 24, Cols: 120}))
	r.env[EnvProgressAfter] = "0" // a bar from the start, however fast the work
	cmd := r.command(args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, pts
	require.NoError(r.t, cmd.Start())
	pts.Close() // the child holds its own copy
	var term bytes.Buffer
	copied := make(chan struct{})
	go func() {
		_, _ = io.Copy(&term, ptm) // ends with an error once the child has gone
		close(copied)
	}()
	err = cmd.Wait()
	<-copied
	if err != nil {
		code = err.(interface{ ExitCode() int }).ExitCode()
	}
	return out.String(), term.String(), code
}

func TestProgressBarOnATerminal(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("large", 600))
	r := newRunner(t).tenant(srv)
	stdout, terminal, code := r.runWithTerminal("items", "export", "large")
	require.Equal(t, 0, code, terminal)
	assert.Contains(t, terminal, "exporting items")
	assert.Contains(t, terminal, "/600", "the count, once the first page told the total")
	assert.Contains(t, terminal, "items/s", "the rate")
	assert.Contains(t, terminal, "\r", "the bar is redrawn in place")
	assert.True(t, strings.HasSuffix(terminal, erase), "and erased at the end: %q", terminal)

	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err, "stdout holds only the CSV")
	assert.Len(t, rows, 601)
	assert.NotContains(t, stdout, "\r")
	assert.NotContains(t, stdout, "exporting")
}

func TestPipedOutputStaysClean(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("large", 600))
	r := newRunner(t).tenant(srv)
	res := r.ok("items", "export", "large", "-o", "jsonl")
	assert.Empty(t, res.stderr, "no progress when stderr is not a terminal")
	assert.Equal(t, 600, strings.Count(res.stdout, "\n"))
	assert.NotContains(t, res.stdout, "\r")
	assert.NotContains(t, res.stdout, "\x1b")

	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	for _, it := range srv.Items("large")[:200] {
		b.WriteString(it.GetID() + ",APPROVE,ok\n")
	}
	r.file("d.csv", b.String())
	res = r.ok("decide", "large", "-f", "d.csv", "-o", "jsonl")
	assert.Empty(t, res.stderr)
	assert.Equal(t, `{"certification":"large","dryRun":false,"decided":200,"skipped":0,"failed":0,"undecided":0,"decisionsMade":200,"decisionsTotal":600}`+"\n", res.stdout)
}

// decide shows its bar on a terminal too: first while it reads the
// undecided items, then while it sends.
func TestDecideProgressOnATerminal(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("large", 600))
	r := newRunner(t).tenant(srv)
	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	for _, it := range srv.Items("large") {
		b.WriteString(it.GetID() + ",APPROVE,ok\n")
	}
	r.file("d.csv", b.String())
	stdout, terminal, code := r.runWithTerminal("decide", "large", "-f", "d.csv", "-o", "jsonl")
	require.Equal(t, 0, code, terminal)
	assert.Contains(t, terminal, "reading undecided items")
	assert.Contains(t, terminal, "deciding")
	assert.Contains(t, terminal, "/600")
	assert.Contains(t, stdout, `"decided":600`)
}
