package e2e

import (
	"context"
	"math/rand/v2"
	"net/http"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// leaveRoles is the rule of the review tests: roles are left to a person,
// entitlements and access profiles approved, with a comment as every
// campaign's requirement allows.
func leaveRoles(item certifications.AccessReviewItem) (certifications.ReviewDecision, bool) {
	if item.GetAccessSummary().GetAccess().GetType() == certifications.DtoTypeRole {
		return certifications.ReviewDecision{}, false
	}
	return certifications.ReviewDecision{Decision: certifications.CertificationDecisionApprove, Bulk: true, Comments: certifications.Ptr("still needed")}, true
}

// decideAll is the rule that decides every item.
func decideAll(certifications.AccessReviewItem) (certifications.ReviewDecision, bool) {
	return certifications.ReviewDecision{Decision: certifications.CertificationDecisionApprove, Bulk: true, Comments: certifications.Ptr("still needed")}, true
}

// otherClient returns a second client on srv, as another reviewer would
// use, unpaced and retrying like newSandbox's.
func otherClient(t *testing.T, base *certifications.APIClient) *certifications.APIClient {
	t.Helper()
	cfg := base.Configuration()
	other := certifications.NewAPIClient(&cfg)
	require.NoError(t, other.Err())
	return other
}

// reviewOutcome checks a review's outcome on the sandbox against the items
// before it started: the review decided each item once at most and what
// its rule decides got decided (by it or by theirs, another reviewer's
// decisions), and every item still undecided was read and left alone.
func reviewOutcome(t *testing.T, srv *certtest.Server, items []certifications.AccessReviewItem, rule certifications.ReviewRule, res *certifications.ReviewResult, theirs map[string]int) {
	t.Helper()
	ours := map[string]int{}
	for _, id := range res.Decided {
		ours[id]++
	}
	left := map[string]bool{}
	for _, id := range res.LeftAlone {
		left[id] = true
	}
	for _, it := range items {
		id := it.GetID()
		require.LessOrEqual(t, ours[id], 1, "item %s decided twice by the review", id)
		require.Equal(t, ours[id]+theirs[id], srv.DecisionCount(id), "decide calls that included %s", id)
		_, decides := rule(it)
		switch {
		case decides:
			require.Positive(t, ours[id]+theirs[id], "item %s was decided by nobody: the review skipped it", id)
		case srv.DecisionCount(id) == 0:
			require.True(t, left[id], "item %s is undecided, yet the review never handed it to the rule", id)
		}
	}
}

// Another reviewer decides items on the sandbox while the review runs,
// from a second client: items the review has not read yet, items it left
// alone, items whose decisions are on their way. The review still decides
// each item once at most and misses none.
func TestReviewWithAnotherReviewerOnSandbox(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name        string
		concurrency int
		rule        certifications.ReviewRule
	}{
		{"leave roles, one call at a time", 1, leaveRoles},
		{"leave roles", 4, leaveRoles},
		{"decide all", 4, decideAll},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv, client, _ := newSandbox(t, 240)
				items := srv.Items("big")
				other := otherClient(t, client).CertificationsApi
				rng := rand.New(rand.NewPCG(uint64(tc.concurrency), 9))
				theirs := map[string]int{}
				// The other reviewer decides a few items whenever the review
				// reports progress: between its calls, while others are on
				// their way.
				progress := func(certifications.ReviewProgress) {
					ds := make([]certifications.ReviewDecision, 4)
					for i := range ds {
						ds[i] = certifications.ReviewDecision{ID: items[rng.IntN(len(items))].GetID(), Decision: certifications.CertificationDecisionRevoke, Bulk: true, Comments: certifications.Ptr("mine")}
					}
					_, _, err := other.MakeIdentityDecision(t.Context(), "big").ReviewDecision(ds).Execute()
					require.NoError(t, err)
					seen := map[string]bool{}
					for _, d := range ds {
						if !seen[d.ID] {
							seen[d.ID] = true
							theirs[d.ID]++
						}
					}
				}
				res, err := client.CertificationsApi.Review(t.Context(), "big", tc.rule, &certifications.ReviewOptions{PageSize: 30, Concurrency: tc.concurrency, Progress: progress})
				require.NoError(t, err)
				assert.Empty(t, res.Failed)
				reviewOutcome(t, srv, items, tc.rule, res, theirs)
			})
		})
	}
}

// Under the fault mix of the end-to-end tests (429s, 503s, dropped
// connections, latency) a review interrupted after a few chunks and run
// again until it succeeds decides each item its rule decides exactly once,
// with the rule's decision, and leaves the rest undecided, as the
// sandbox's own listing of the undecided items shows.
func TestReviewUnderFaultsDecidesEachItemOnce(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		// 1,000 items in pages and chunks of 50 make as many requests
		// under faults as 5,000 items in pages and chunks of 250: the
		// requests are what this test is about, not the size of the JSON.
		srv, client, _ := newSandbox(t, 1_000)
		items := srv.Items("big")
		api := client.CertificationsApi
		srv.SetFaultsEnabled(true)

		// The first run is interrupted after a few chunks, as a crash would.
		ctx, cancel := context.WithCancel(t.Context())
		res, err := api.Review(ctx, "big", leaveRoles, &certifications.ReviewOptions{
			PageSize: 50, ChunkSize: 50,
			Progress: func(p certifications.ReviewProgress) {
				if p.Decided+p.Failed >= 200 {
					cancel()
				}
			},
		})
		cancel()
		require.Error(t, err)
		require.NotNil(t, res)
		assert.NotEmpty(t, res.Decided)

		// Reruns finish the job: a chunk whose answer was lost (a dropped
		// connection after the sandbox decided) is no longer undecided.
		reruns := 0
		for err != nil && reruns < 10 {
			res, err = api.Review(t.Context(), "big", leaveRoles, &certifications.ReviewOptions{PageSize: 50, ChunkSize: 50})
			reruns++
		}
		require.NoError(t, err, "after %d reruns", reruns)
		t.Logf("%d reruns; the last: %d listings, %d decide calls, %d decided", reruns, res.ListCalls, res.DecideCalls, len(res.Decided))

		faults := map[certtest.Fault]int{}
		for _, r := range srv.Requests() {
			faults[r.Fault]++
		}
		t.Logf("requests by fault: %v", faults)
		assert.Positive(t, faults[certtest.FaultDroppedConnection], "connections were dropped")
		assert.Positive(t, faults[certtest.FaultRateLimited], "429s were injected")

		srv.SetFaultsEnabled(false)
		var undecided []string
		decided := 0
		for _, it := range items {
			now, ok := srv.Item("big", it.GetID())
			require.True(t, ok)
			if _, decides := leaveRoles(it); decides {
				require.Equal(t, 1, srv.DecisionCount(it.GetID()), "item %s decided exactly once", it.GetID())
				assert.Equal(t, certifications.CertificationDecisionApprove, now.GetDecision())
				decided++
			} else {
				require.Zero(t, srv.DecisionCount(it.GetID()), "role %s left alone", it.GetID())
				undecided = append(undecided, it.GetID())
			}
		}
		left := itemIDs(t, api.ListIdentityAccessReviewItems(t.Context(), "big").Filters("completed eq false").All())
		assert.Equal(t, undecided, left, "the sandbox lists as undecided the roles left alone")
		cert, ok := srv.Certification("big")
		require.True(t, ok)
		assert.EqualValues(t, decided, cert.GetDecisionsMade())
		for _, r := range srv.Requests() {
			if r.Method == http.MethodPost {
				assert.NotEqual(t, http.StatusBadRequest, r.Status, "no decide call was refused")
			}
		}
	})
}
