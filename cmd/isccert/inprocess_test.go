package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests call run in the test process, so that the race detector
// watches the tool's own goroutines (read-ahead paging, progress bars,
// the spinner of tasks wait, the sandbox command) with a terminal
// simulated by env.tty.

type inProcess struct {
	vars   map[string]string
	stdin  string
	stdout bytes.Buffer
	stderr bytes.Buffer
	width  int // of a terminal on stdout
	// now is the tool's clock; by default every reading is an hour after
	// the one before, so that all work lasts long enough for a bar.
	now func() time.Time
}

// slowClock is a clock on which an hour passes between two readings.
func slowClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Hour)
		return t
	}
}

func newInProcess(srv *certtest.Server) *inProcess {
	return &inProcess{vars: map[string]string{
		certifications.EnvBaseURL: srv.URL(), certifications.EnvClientID: srv.ClientID(), certifications.EnvClientSecret: srv.ClientSecret(),
	}}
}

func (p *inProcess) run(ctx context.Context, tty bool, args ...string) int {
	p.stdout.Reset()
	p.stderr.Reset()
	now := p.now
	if now == nil {
		now = slowClock()
	}
	return run(ctx, env{
		stdin: strings.NewReader(p.stdin), stdout: &p.stdout, stderr: &p.stderr, tty: tty,
		getenv: func(k string) string { return p.vars[k] }, width: p.width, now: now,
	}, args)
}

func TestInProcessExportAndDecideWithProgress(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("large", 300))
	p := newInProcess(srv)
	ctx := context.Background()

	require.Equal(t, 0, p.run(ctx, true, "items", "export", "large"), p.stderr.String())
	assert.Equal(t, 301, strings.Count(p.stdout.String(), "\n"))
	assert.Contains(t, p.stderr.String(), "exporting items")
	assert.Contains(t, p.stderr.String(), "/300", "the total, from the first page")
	assert.True(t, strings.HasSuffix(p.stderr.String(), erase), "the bar is erased when done: %q", p.stderr.String())

	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	for _, it := range srv.Items("large") {
		b.WriteString(it.GetID() + ",REVOKE,gone\n")
	}
	p.stdin = b.String()
	require.Equal(t, 0, p.run(ctx, true, "decide", "large", "-f", "-", "-o", "jsonl"), p.stderr.String())
	assert.Contains(t, p.stdout.String(), `"decided":300`)
	assert.Contains(t, p.stderr.String(), "reading undecided items", "the bar moves while the listing runs")
	assert.Contains(t, p.stderr.String(), "deciding")

	require.Equal(t, 0, p.run(ctx, false, "items", "list", "large", "-o", "csv"))
	assert.Equal(t, 300, strings.Count(p.stdout.String(), ",REVOKE,\n"), "the current decision, then the empty recommendation")
	assert.Empty(t, p.stderr.String(), "no terminal, no progress")
}

func TestInProcessTasksWait(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	cert := myCert(t, srv)
	task, _, err := srv.Client().CertificationsApi.SubmitReassignCertsAsync(context.Background(), cert).ReviewReassign(certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: srv.Items(cert)[0].GetID(), Type: certifications.ReassignReferenceTypeItem}},
		ReassignTo: srv.Reviewers()[1].GetID(), Reason: "testing the wait",
	}).Execute()
	require.NoError(t, err)
	p := newInProcess(srv)
	require.Equal(t, 0, p.run(context.Background(), true, "tasks", "wait", task.GetID(), "--poll", "1ms"), p.stderr.String())
	assert.Contains(t, p.stdout.String(), "status      SUCCESS")
	assert.Contains(t, p.stderr.String(), "waiting for task "+task.GetID())
}

func TestInProcessSandboxStopsWithTheContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run(ctx, env{stdin: strings.NewReader(""), stdout: pw, stderr: &stderr, getenv: func(string) string { return "" }}, []string{"sandbox"})
	}()
	settings, err := io.ReadAll(pr) // the command closes stdout after the settings
	require.NoError(t, err)
	assert.Contains(t, string(settings), "export SAIL_BASE_URL='http://127.0.0.1:")
	cancel()
	assert.Equal(t, 0, <-done)
	assert.Contains(t, stderr.String(), "sandbox tenant stopped")
}

// erase is what a bar leaves on the terminal when its work is done.
const erase = "\r\x1b[K"

// A bar appears only on work that lasts; work that ends at once leaves
// nothing on the terminal: not a listing of two items, not a rerun of
// decide that sends nothing.
func TestNoBarOnInstantWork(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	cert := myCert(t, srv)
	p := newInProcess(srv)
	frozen := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return frozen }
	ctx := context.Background()

	require.Equal(t, 0, p.run(ctx, true, "items", "list", cert), p.stderr.String())
	assert.Empty(t, p.stderr.String())

	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	for _, it := range srv.Items(cert) {
		b.WriteString(it.GetID() + ",APPROVE,kept\n")
	}
	p.stdin = b.String()
	require.Equal(t, 0, p.run(ctx, true, "decide", cert, "-f", "-"), p.stderr.String())
	require.Equal(t, 0, p.run(ctx, true, "decide", cert, "-f", "-"), p.stderr.String())
	assert.Contains(t, p.stdout.String(), "skipped         32")
	assert.Empty(t, p.stderr.String(), "a rerun that sends nothing shows no bar")

	// The same listing on a clock where it lasts shows the bar, then
	// erases it.
	p.now = slowClock()
	require.Equal(t, 0, p.run(ctx, true, "items", "list", cert), p.stderr.String())
	assert.Contains(t, p.stderr.String(), "listing items")
	assert.True(t, strings.HasSuffix(p.stderr.String(), erase), "%q", p.stderr.String())

	// ISCCERT_PROGRESS_AFTER sets the delay: 0 shows every bar.
	p.now = func() time.Time { return frozen }
	p.vars[EnvProgressAfter] = "0"
	require.Equal(t, 0, p.run(ctx, true, "items", "list", cert), p.stderr.String())
	assert.Contains(t, p.stderr.String(), "listing items")
}
