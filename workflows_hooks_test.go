package certifications

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CheckSkipped sees the ids DecideAll will skip, from the one reading of
// the undecided items, before anything is sent; its error stops the run
// with nothing sent.
func TestDecideAllCheckSkipped(t *testing.T) {
	f, c := newFakeCert(t, 300)
	f.decideNow(fakeItemID(1))
	ds := []ReviewDecision{
		{ID: fakeItemID(0), Decision: CertificationDecisionApprove},
		{ID: fakeItemID(1), Decision: CertificationDecisionApprove},
		{ID: "no-such-item", Decision: CertificationDecisionRevoke},
	}
	var seen []string
	stop := errors.New("foreign ids")
	res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, &DecideOptions{CheckSkipped: func(skipped []string) error {
		seen = append(seen, skipped...)
		return stop
	}})
	assert.Nil(t, res)
	require.ErrorIs(t, err, stop)
	assert.Equal(t, []string{fakeItemID(1), "no-such-item"}, seen)
	for _, r := range f.requests() {
		assert.Equal(t, http.MethodGet, r.method, "nothing is sent when CheckSkipped refuses")
	}

	seen = nil
	res, err = c.CertificationsApi.DecideAll(context.Background(), f.id, ds, &DecideOptions{CheckSkipped: func(skipped []string) error {
		seen = append(seen, skipped...)
		return nil
	}})
	require.NoError(t, err)
	assert.Equal(t, seen, res.Skipped)
	assert.Equal(t, []string{fakeItemID(0)}, res.Decided)
}

// A failed poll after a successful one returns the task as last polled
// with the error, so that a caller can show its last known state.
func TestWaitForCertificationTaskKeepsTheLastTaskOnAFailedPoll(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	polls := 0
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certification-tasks/task-1", func(*http.Request) (*http.Response, error) {
		polls++
		if polls > 1 {
			return httpmock.NewStringResponse(http.StatusNotFound, `{"messages":[{"text":"gone"}]}`), nil
		}
		return httpmock.NewJsonResponse(http.StatusOK, map[string]any{"id": "task-1", "type": "REASSIGN", "status": "QUEUED"})
	})
	task, err := c.CertificationsApi.WaitForCertificationTask(context.Background(), "task-1", &WaitOptions{Initial: 1})
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	require.NotNil(t, task)
	assert.Equal(t, CertificationTaskStatusQueued, task.GetStatus())
	assert.Equal(t, 2, polls)
}

// An asynchronous reassignment interrupted while its task is followed
// names the task, so that it can be followed later.
func TestReassignAllNamesTheSubmittedTask(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	mt.RegisterResponder(http.MethodPost, testBase+"/v3/certifications/cert-1/reassign-async",
		httpmock.NewStringResponder(http.StatusAccepted, `{"id":"task-9","type":"REASSIGN","status":"QUEUED"}`))
	ctx, cancel := context.WithCancel(context.Background())
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certification-tasks/task-9", func(*http.Request) (*http.Response, error) {
		cancel() // Ctrl-C while the task is followed
		return httpmock.NewStringResponse(http.StatusOK, `{"id":"task-9","type":"REASSIGN","status":"IN_PROGRESS"}`), nil
	})
	res, err := c.CertificationsApi.ReassignAll(ctx, "cert-1", ReviewReassign{
		Reassign:   []ReassignReference{{ID: "item-1", Type: ReassignReferenceTypeItem}},
		ReassignTo: "reviewer-2", Reason: "moving on",
	}, &ReassignOptions{Async: true})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, []string{"item-1"}, res.Submitted)
	assert.Equal(t, "task-9", res.SubmittedTask)
	assert.Empty(t, res.Reassigned)
}
