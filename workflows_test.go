package certifications

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bad decision anywhere in a DecideAll set is named by its own index, and
// nothing is sent, not even the listing of decided items.
func TestDecideAllRefusesIncompleteDecisionByIndex(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	ds := []ReviewDecision{
		{ID: "i1", Decision: CertificationDecisionApprove},
		{ID: "i2", Decision: CertificationDecisionRevoke},
		{ID: " ", Decision: CertificationDecisionApprove},
	}
	res, err := c.CertificationsApi.DecideAll(context.Background(), "cert-1", ds, nil)
	assert.Nil(t, res)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "reviewDecision[2].id", ve.Parameter)
	ds[2] = ReviewDecision{ID: "i3"}
	_, err = c.CertificationsApi.DecideAll(context.Background(), "cert-1", ds, nil)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "reviewDecision[2].decision", ve.Parameter)
	assert.Zero(t, mt.GetTotalCallCount())
}

// DecideAll reads only the undecided items to tell what to skip: a
// decision for an item already decided, or for an id that is no item of
// the certification, is skipped without being sent.
func TestDecideAllReadsOnlyUndecidedItems(t *testing.T) {
	f, c := newFakeCert(t, 1000)
	var ds []ReviewDecision
	for i := range 1000 {
		if i >= 200 {
			f.decideNow(fakeItemID(i))
		}
		ds = append(ds, ReviewDecision{ID: fakeItemID(i), Decision: CertificationDecisionApprove, Bulk: true})
	}
	ds = append(ds, ReviewDecision{ID: "no-such-item", Decision: CertificationDecisionRevoke}, ds[0])

	res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, nil)
	require.NoError(t, err)
	assert.Len(t, res.Decided, 200)
	assert.Len(t, res.Skipped, 801)
	assert.Contains(t, res.Skipped, "no-such-item")
	f.assertDecidedOnce(t, res.Decided)
	reqs := f.requests()
	require.Len(t, reqs, 2, "one page of undecided items, one decide call")
	assert.Equal(t, http.MethodGet, reqs[0].method)
	assert.Equal(t, "completed eq false", reqs[0].filters)
	assert.Equal(t, 200, reqs[1].decisions)
}

// The skip check of a larger certification reads each page of undecided
// items, and two more (the count, and the listing at the count that
// confirms it), never every item.
func TestDecideAllSkipCheckCostsThePagesOfUndecidedItems(t *testing.T) {
	f, c := newFakeCert(t, 3000)
	var ds []ReviewDecision
	for i := range 3000 {
		if i%3 == 0 {
			f.decideNow(fakeItemID(i))
		} else {
			ds = append(ds, ReviewDecision{ID: fakeItemID(i), Decision: CertificationDecisionApprove, Bulk: true})
		}
	}
	res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, nil)
	require.NoError(t, err)
	assert.Len(t, res.Decided, 2000)
	assert.Empty(t, res.Skipped)
	assertListings(t, f.count(http.MethodGet), 2000, MaxPageSize, false)
	assert.Equal(t, 8, f.count(http.MethodPost))
}

// SignOffWhenComplete goes by the counters, not by completed: a server
// that says completed with 20 of 40 decisions gets no sign-off.
func TestSignOffWhenCompleteChecksTheCounters(t *testing.T) {
	cases := map[string]struct {
		body    string
		signOff bool
		message string
	}{
		"completed with decisions missing": {body: `{"id":"cert-1","phase":"ACTIVE","completed":true,"decisionsMade":20,"decisionsTotal":40}`, message: "20 of 40 decisions made"},
		"counters missing":                 {body: `{"id":"cert-1","phase":"ACTIVE","completed":true}`, message: "does not report its decision counters"},
		"every decision made":              {body: `{"id":"cert-1","phase":"ACTIVE","completed":false,"decisionsMade":40,"decisionsTotal":40}`, signOff: true},
		"no items":                         {body: `{"id":"cert-1","phase":"ACTIVE","completed":true,"decisionsMade":0,"decisionsTotal":0}`, signOff: true},
		"already signed":                   {body: `{"id":"cert-1","phase":"SIGNED","completed":true,"decisionsMade":40,"decisionsTotal":40}`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
			mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications/cert-1", httpmock.NewStringResponder(http.StatusOK, tc.body))
			mt.RegisterResponder(http.MethodPost, testBase+"/v3/certifications/cert-1/sign-off",
				httpmock.NewStringResponder(http.StatusOK, `{"id":"cert-1","phase":"SIGNED","decisionsMade":40,"decisionsTotal":40}`))
			cert, err := c.CertificationsApi.SignOffWhenComplete(context.Background(), "cert-1")
			require.NotNil(t, cert)
			posts := mt.GetCallCountInfo()["POST "+testBase+"/v3/certifications/cert-1/sign-off"]
			if tc.signOff {
				require.NoError(t, err)
				assert.Equal(t, CertificationPhaseSigned, cert.GetPhase())
				assert.Equal(t, 1, posts)
				return
			}
			assert.Zero(t, posts, "no sign-off was sent")
			if tc.message == "" {
				require.NoError(t, err)
				return
			}
			var ie *IncompleteError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, "cert-1", ie.CertificationID)
			assert.Contains(t, ie.Error(), tc.message)
			assert.NotContains(t, ie.Error(), "certifications: certifications:")
		})
	}
}

// taskServer answers GET /v3/certification-tasks/task-1 with statuses in
// turn (the last one again once they run out), as JSON bodies with the
// status left out when it is "".
func taskServer(t *testing.T, statuses ...string) (*APIClient, *int) {
	t.Helper()
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	polls := 0
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certification-tasks/task-1", func(*http.Request) (*http.Response, error) {
		body := map[string]any{"id": "task-1", "type": "REASSIGN", "targetType": "CERTIFICATION", "targetId": "cert-1"}
		if s := statuses[min(polls, len(statuses)-1)]; s != "" {
			body["status"] = s
		}
		polls++
		return httpmock.NewJsonResponse(http.StatusOK, body)
	})
	return c, &polls
}

// Only QUEUED and IN_PROGRESS keep WaitForCertificationTask polling: any
// other status, one the API does not define or none, ends the wait with a
// *TaskError naming it, rather than polling until the context ends.
func TestWaitForCertificationTaskEndsOnAnyOtherStatus(t *testing.T) {
	for status, says := range map[string]string{
		"ERROR":     "ended in ERROR",
		"CANCELLED": "stopped in status CANCELLED",
		"PAUSED":    "stopped in status PAUSED",
		"":          "without a status",
	} {
		t.Run(status, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, polls := taskServer(t, "QUEUED", "IN_PROGRESS", status)
				ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
				defer cancel()
				task, err := c.CertificationsApi.WaitForCertificationTask(ctx, "task-1", &WaitOptions{Initial: time.Second, Max: time.Second})
				var te *TaskError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, CertificationTaskStatus(status), te.Task.GetStatus())
				assert.Same(t, task, te.Task)
				assert.Contains(t, err.Error(), says)
				assert.Contains(t, err.Error(), "task-1")
				assert.Equal(t, 1, strings.Count(err.Error(), "certifications:"), err.Error())
				assert.Equal(t, 3, *polls)
			})
		})
	}
	t.Run("SUCCESS", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			c, polls := taskServer(t, "IN_PROGRESS", "SUCCESS")
			task, err := c.CertificationsApi.WaitForCertificationTask(context.Background(), "task-1", &WaitOptions{Initial: time.Second})
			require.NoError(t, err)
			assert.Equal(t, CertificationTaskStatusSuccess, task.GetStatus())
			assert.Equal(t, 2, *polls)
		})
	})
}

// A task the server leaves pending for ever does not hold the caller for
// ever, even with a context that never ends: the wait stops at its
// Timeout (or DefaultTaskWaitTimeout), with an error that matches
// context.DeadlineExceeded and says what to change.
func TestWaitForCertificationTaskIsBounded(t *testing.T) {
	for name, tc := range map[string]struct {
		opts *WaitOptions
		want time.Duration
	}{
		"default":        {nil, DefaultTaskWaitTimeout},
		"Timeout":        {&WaitOptions{Initial: time.Second, Max: 7 * time.Second, Timeout: 30 * time.Second}, 30 * time.Second},
		"Timeout <= Max": {&WaitOptions{Initial: time.Minute, Max: time.Minute, Timeout: 90 * time.Second}, 90 * time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, polls := taskServer(t, "IN_PROGRESS")
				start := time.Now()
				task, err := c.CertificationsApi.WaitForCertificationTask(context.Background(), "task-1", tc.opts)
				require.ErrorIs(t, err, context.DeadlineExceeded)
				assert.Equal(t, tc.want, time.Since(start), "the wait ends at its timeout, not later")
				assert.Equal(t, CertificationTaskStatusInProgress, task.GetStatus())
				assert.Contains(t, err.Error(), "WaitOptions.Timeout")
				assert.Greater(t, *polls, 1)
			})
		})
	}
}

// An asynchronous reassignment whose task comes back without an id was
// submitted all the same: ReassignAll stops with a *TaskError that says
// so, not a *ValidationError blaming the caller, and lists the chunk as
// submitted so that a rerun does not send it blindly.
func TestReassignAllAsyncTaskWithoutID(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	submits := 0
	mt.RegisterResponder(http.MethodPost, testBase+"/v3/certifications/cert-1/reassign-async", func(*http.Request) (*http.Response, error) {
		submits++
		body := map[string]any{"type": "REASSIGN", "status": "QUEUED", "targetType": "CERTIFICATION", "targetId": "cert-1"}
		if submits == 1 {
			body["id"] = "task-1"
		}
		return httpmock.NewJsonResponse(http.StatusAccepted, body)
	})
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certification-tasks/task-1",
		httpmock.NewStringResponder(http.StatusOK, `{"id":"task-1","type":"REASSIGN","status":"SUCCESS"}`))
	var refs []ReassignReference
	for _, id := range []string{"identity-1", "identity-2", "identity-3", "identity-4"} {
		refs = append(refs, ReassignReference{ID: id, Type: ReassignReferenceTypeIdentitySummary})
	}
	res, err := c.CertificationsApi.ReassignAll(context.Background(), "cert-1",
		ReviewReassign{Reassign: refs, ReassignTo: "reviewer-2", Reason: "moving on"}, &ReassignOptions{Async: true, ChunkSize: 2})
	var ve *ValidationError
	assert.False(t, errors.As(err, &ve), "the caller's input was fine: %v", err)
	var te *TaskError
	require.ErrorAs(t, err, &te)
	assert.Contains(t, err.Error(), "without a usable id")
	assert.Contains(t, err.Error(), "submitted")
	require.NotNil(t, res)
	assert.Equal(t, []string{"identity-1", "identity-2"}, res.Reassigned)
	assert.Equal(t, []string{"identity-3", "identity-4"}, res.Submitted)
	assert.Len(t, res.Tasks, 1)
	assert.Equal(t, 2, submits, "nothing is sent after the chunk without a task id")
}

// When the server leaves out only one decision counter, the
// *IncompleteError names that counter rather than reading it as 0.
func TestSignOffWhenCompleteNamesTheMissingCounter(t *testing.T) {
	for body, missing := range map[string]string{
		`{"id":"cert-1","phase":"ACTIVE","completed":true,"decisionsTotal":5}`: "decisionsMade",
		`{"id":"cert-1","phase":"ACTIVE","completed":true,"decisionsMade":5}`:  "decisionsTotal",
	} {
		t.Run(missing, func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
			mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications/cert-1", httpmock.NewStringResponder(http.StatusOK, body))
			_, err := c.CertificationsApi.SignOffWhenComplete(context.Background(), "cert-1")
			var ie *IncompleteError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, []string{missing}, ie.Missing)
			assert.Contains(t, err.Error(), "does not report its decision counter "+missing)
			assert.NotContains(t, err.Error(), " of 5 decisions made")
			assert.Equal(t, 1, mt.GetTotalCallCount(), "no sign-off was sent")
		})
	}
}
