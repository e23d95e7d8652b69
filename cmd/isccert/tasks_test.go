package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pendingTask submits an asynchronous reassignment on the sandbox and
// returns its task, still QUEUED.
func pendingTask(t *testing.T, srv *certtest.Server) string {
	t.Helper()
	cert := myCert(t, srv)
	task, _, err := srv.Client().CertificationsApi.SubmitReassignCertsAsync(context.Background(), cert).ReviewReassign(certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: srv.Items(cert)[0].GetID(), Type: certifications.ReassignReferenceTypeItem}},
		ReassignTo: srv.Reviewers()[1].GetID(), Reason: "testing the wait",
	}).Execute()
	require.NoError(t, err)
	return task.GetID()
}

// When the time allowed runs out, tasks wait prints the task as last
// seen, on either API generation, and says which flag gives more time.
func TestTasksWaitTimeoutShowsTheLastState(t *testing.T) {
	t.Parallel()
	for _, api := range []string{"v3", "v1"} {
		srv := certtest.NewTestServer(t)
		id := pendingTask(t, srv)
		p := newInProcess(srv)
		// The first poll moves the task to IN_PROGRESS; 1ns is over by then.
		require.Equal(t, 1, p.run(t.Context(), false, "--api", api, "tasks", "wait", id, "--timeout", "1ns", "-o", "json"), api)
		got := decodeJSON[certifications.CertificationTask](t, p.stdout.String())
		assert.Equal(t, id, got.GetID(), api)
		assert.Equal(t, certifications.CertificationTaskStatusInProgress, got.GetStatus(), api)
		assert.Contains(t, p.stderr.String(), "isccert: task "+id+" is still IN_PROGRESS after the time allowed; wait longer (--timeout)", api)
		assert.NotContains(t, p.stderr.String(), "WaitOptions", "user words, not Go names")
	}
}

// Without --timeout there is no limit but Ctrl-C: not the SDK's default
// hour. A negative one is a usage error.
func TestTimeoutFlagMeansWhatItSays(t *testing.T) {
	t.Parallel()
	assert.Greater(t, waitLimit(0), 24*365*time.Hour, "no --timeout: no limit")
	assert.Equal(t, 2*time.Hour, waitLimit(2*time.Hour), "--timeout 2h is two hours, not one")
	p := &inProcess{vars: map[string]string{}}
	assert.Equal(t, 2, p.run(t.Context(), false, "tasks", "wait", "T", "--timeout", "-1s"))
	assert.Equal(t, 2, p.run(t.Context(), false, "reassign", "C", "--to", "X", "--reason", "R", "--item", "I", "--async", "--timeout", "-1s"))
	assert.Contains(t, p.stderr.String(), "--timeout -1s")
}

// Ctrl-C while reassign --async follows an accepted task reports the
// items as submitted, with the task and the command that checks it, not
// as items that stay where they were.
func TestReassignAsyncInterruptedReportsSubmitted(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	cert := myCert(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	target, err := url.Parse(srv.URL())
	require.NoError(t, err)
	rp := httputil.NewSingleHostReverseProxy(target)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rp.ServeHTTP(w, r)
		if strings.Contains(r.URL.Path, "certification-tasks/") {
			cancel() // Ctrl-C once the task was seen pending
		}
	}))
	t.Cleanup(proxy.Close)
	p := newInProcess(srv)
	p.vars[certifications.EnvBaseURL] = proxy.URL
	items := srv.Items(cert)
	code := p.run(ctx, false, "reassign", cert, "--to", srv.Reviewers()[1].GetID(), "--reason", "their team",
		"--item", items[0].GetID(), "--item", items[1].GetID(), "--async", "--poll", "1h", "-o", "json")
	require.Equal(t, 1, code, p.stderr.String())
	out := decodeJSON[reassignOutcome](t, p.stdout.String())
	assert.Equal(t, []string{items[0].GetID(), items[1].GetID()}, out.Submitted)
	require.NotEmpty(t, out.SubmittedTask)
	assert.Empty(t, out.Remaining, "nothing is left unsent")
	msg := p.stderr.String()
	assert.Contains(t, msg, "interrupted")
	assert.Contains(t, msg, "2 items submitted and may still move")
	assert.Contains(t, msg, "isccert tasks wait "+out.SubmittedTask)
	assert.NotContains(t, msg, "stay where they were")
}
