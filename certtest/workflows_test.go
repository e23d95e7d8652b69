package certtest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// revokeUnused is the kind of rule the quickstart runs: revoke entitlements
// unused for 90 days, approve everything else.
func revokeUnused(items []certifications.AccessReviewItem) []certifications.ReviewDecision {
	out := make([]certifications.ReviewDecision, len(items))
	for i, it := range items {
		d := certifications.ReviewDecision{ID: it.GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true}
		ai := it.GetAccessSummary().GetEntitlement().GetAccount().GetActivityInsights()
		if ai != nil && ai.GetUsageDaysState() == certifications.ActivityInsightsUsageDaysStateComplete && ai.GetUsageDays() == 0 {
			d.Decision = certifications.CertificationDecisionRevoke
			d.Comments = certifications.Ptr("Not used in the last 90 days")
		}
		out[i] = d
	}
	return out
}

func TestDecideAllDecidesEachItemOnce(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 1100))
	c := newClient(t, srv)
	api := c.CertificationsApi

	for _, cert := range myCerts(t, c) {
		items := allItems(t, c, cert.GetID())
		var progress []certifications.DecideProgress
		res, err := api.DecideAll(ctx(t), cert.GetID(), revokeUnused(items), &certifications.DecideOptions{
			ChunkSize: 100,
			Progress:  func(p certifications.DecideProgress) { progress = append(progress, p) },
		})
		require.NoError(t, err, cert.GetName())
		assert.Len(t, res.Decided, len(items))
		assert.Empty(t, res.Skipped)
		assert.Empty(t, res.Failed)
		require.NotNil(t, res.Certification)
		assert.True(t, res.Certification.GetCompleted())
		chunks := (len(items) + 99) / 100
		require.Len(t, progress, chunks+1)
		assert.Equal(t, certifications.DecideProgress{Total: len(items), Decided: len(items)}, progress[len(progress)-1])

		revoked := 0
		for _, it := range items {
			require.Equal(t, 1, srv.DecisionCount(it.GetID()), "item %s", it.GetID())
			now, ok := srv.Item(cert.GetID(), it.GetID())
			require.True(t, ok)
			if now.GetDecision() == certifications.CertificationDecisionRevoke {
				revoked++
			}
		}
		assert.Positive(t, revoked, "unused access was revoked")

		// A rerun finds everything decided and sends nothing.
		srv.ResetRequests()
		again, err := api.DecideAll(ctx(t), cert.GetID(), revokeUnused(items), nil)
		require.NoError(t, err)
		assert.Empty(t, again.Decided)
		assert.Len(t, again.Skipped, len(items))
		for _, r := range srv.Requests() {
			assert.NotEqual(t, http.MethodPost, r.Method, "no decide call on a rerun")
		}
		for _, it := range items {
			require.Equal(t, 1, srv.DecisionCount(it.GetID()))
		}
	}
}

func TestDecideAllUnderFaultsFinishesOnRerunWithoutDoubleDecisions(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 2500), certtest.WithSeed(11))
	c := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.MaxRetries = 0 })
	items := allItems(t, c, "big")
	ds := decisions(items, certifications.CertificationDecisionApprove, "")

	// Decide calls fail at random: some are dropped after the server
	// recorded them, some are refused with a 500 before anything happened.
	srv.SetFaults(certtest.Faults{ErrorRate: 0.25, ErrorStatuses: []int{500}, DropRate: 0.3, Paths: []string{"/v3/certifications/*/decide"}})
	first, err := c.CertificationsApi.DecideAll(ctx(t), "big", ds, &certifications.DecideOptions{ChunkSize: 100})
	require.Error(t, err)
	require.NotEmpty(t, first.Failed)
	injected := map[certtest.Fault]int{}
	for _, r := range srv.Requests() {
		injected[r.Fault]++
	}
	require.Positive(t, injected[certtest.FaultDroppedConnection])
	require.Positive(t, injected[certtest.FaultServerError])

	// Rerun without faults: only what is left is decided.
	srv.SetFaultsEnabled(false)
	second, err := c.CertificationsApi.DecideAll(ctx(t), "big", ds, &certifications.DecideOptions{ChunkSize: 100})
	require.NoError(t, err)
	assert.Less(t, len(second.Decided), len(items))
	assert.Equal(t, len(items), len(second.Decided)+len(second.Skipped))
	for _, it := range items {
		require.Equal(t, 1, srv.DecisionCount(it.GetID()), "item %s decided once", it.GetID())
	}
	cert, _ := srv.Certification("big")
	assert.True(t, cert.GetCompleted())
}

func TestReassignAllSyncAndAsync(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 1300))
	c := newClient(t, srv)
	api := c.CertificationsApi
	items := allItems(t, c, "big")
	target := srv.Reviewers()[1]

	refs := func(its []certifications.AccessReviewItem) []certifications.ReassignReference {
		out := make([]certifications.ReassignReference, len(its))
		for i, it := range its {
			out[i] = certifications.ReassignReference{ID: it.GetID(), Type: certifications.ReassignReferenceTypeItem}
		}
		return out
	}

	// Synchronous: 120 items in calls of at most 50.
	srv.ResetRequests()
	var progress [][2]int
	res, err := api.ReassignAll(ctx(t), "big", certifications.ReviewReassign{Reassign: refs(items[:120]), ReassignTo: target.GetID(), Reason: "split the review"},
		&certifications.ReassignOptions{Progress: func(done, total int) { progress = append(progress, [2]int{done, total}) }})
	require.NoError(t, err)
	assert.Len(t, res.Reassigned, 120)
	assert.Equal(t, [][2]int{{50, 120}, {100, 120}, {120, 120}}, progress)
	posts := 0
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost {
			assert.True(t, strings.HasSuffix(r.Path, "/reassign"))
			posts++
		}
	}
	assert.Equal(t, 3, posts)

	// Asynchronous: 1000 items, two tasks of 500, each polled to SUCCESS.
	res, err = api.ReassignAll(ctx(t), "big", certifications.ReviewReassign{Reassign: refs(items[120:1120]), ReassignTo: target.GetID(), Reason: "split the review"},
		&certifications.ReassignOptions{Async: true, Wait: &certifications.WaitOptions{Initial: time.Millisecond, Max: 5 * time.Millisecond}})
	require.NoError(t, err)
	assert.Len(t, res.Reassigned, 1000)
	require.Len(t, res.Tasks, 2)
	for _, tk := range res.Tasks {
		assert.Equal(t, certifications.CertificationTaskStatusSuccess, tk.GetStatus())
		assert.Equal(t, "big", tk.GetTargetID())
		got, ok := srv.Task(tk.GetID())
		require.True(t, ok)
		assert.Equal(t, certifications.CertificationTaskStatusSuccess, got.GetStatus())
	}

	big, _ := srv.Certification("big")
	assert.EqualValues(t, 1300-1120, big.GetDecisionsTotal())
	theirs, _, err := api.ListIdentityCertifications(ctx(t)).ReviewerIdentity(target.GetID()).Filters(`campaign.id eq "` + big.GetCampaign().GetID() + `"`).Execute()
	require.NoError(t, err)
	require.Len(t, theirs, 1)
	assert.EqualValues(t, 32+1120, theirs[0].GetDecisionsTotal(), "their own 32 items and the 1120 moved")
	for _, it := range items[:1120] {
		_, ok := srv.Item(theirs[0].GetID(), it.GetID())
		require.True(t, ok)
	}
}

func TestWaitForCertificationTask(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := myCerts(t, c)[0]
	items := allItems(t, c, cert.GetID())
	task, _, err := api.SubmitReassignCertsAsync(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: items[0].GetIdentitySummary().GetID(), Type: certifications.ReassignReferenceTypeIdentitySummary}},
		ReassignTo: srv.Reviewers()[2].GetID(), Reason: "r",
	}).Execute()
	require.NoError(t, err)
	srv.ResetRequests()
	done, err := api.WaitForCertificationTask(ctx(t), task.GetID(), &certifications.WaitOptions{Initial: time.Millisecond, Max: time.Millisecond})
	require.NoError(t, err)
	assert.Equal(t, certifications.CertificationTaskStatusSuccess, done.GetStatus())
	assert.Len(t, srv.Requests(), 2, "IN_PROGRESS, then SUCCESS")
	after, _ := srv.Certification(cert.GetID())
	assert.EqualValues(t, cert.GetIdentitiesTotal()-1, after.GetIdentitiesTotal())
}

func TestSignOffWhenComplete(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions)
	items := allItems(t, c, cert.GetID())

	_, err := api.DecideAll(ctx(t), cert.GetID(), revokeUnused(items[:10]), nil)
	require.NoError(t, err)
	srv.ResetRequests()
	_, err = api.SignOffWhenComplete(ctx(t), cert.GetID())
	var inc *certifications.IncompleteError
	require.ErrorAs(t, err, &inc)
	assert.EqualValues(t, 10, inc.DecisionsMade)
	assert.EqualValues(t, len(items), inc.DecisionsTotal)
	for _, r := range srv.Requests() {
		assert.NotEqual(t, http.MethodPost, r.Method, "no sign-off was sent")
	}

	_, err = api.DecideAll(ctx(t), cert.GetID(), revokeUnused(items), nil)
	require.NoError(t, err)
	signed, err := api.SignOffWhenComplete(ctx(t), cert.GetID())
	require.NoError(t, err)
	assert.Equal(t, certifications.CertificationPhaseSigned, signed.GetPhase())
	now, _ := srv.Certification(cert.GetID())
	assert.Equal(t, certifications.CertificationPhaseSigned, now.GetPhase())

	// Signing a signed certification again is a no-op for the workflow.
	again, err := api.SignOffWhenComplete(ctx(t), cert.GetID())
	require.NoError(t, err)
	assert.Equal(t, signed.GetSigned(), again.GetSigned())
}
