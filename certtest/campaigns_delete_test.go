package certtest_test

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// activeCampaign creates and activates a campaign and returns its id and
// certifications.
func activeCampaign(t *testing.T, client *certifications.APIClient, name string, deadline time.Time) (string, []certifications.IdentityCertificationDto) {
	t.Helper()
	api := client.CertificationCampaignsApi
	c, _, err := api.CreateCampaign(ctx(t)).Campaign(certifications.Campaign{
		Name: name, Description: certifications.Ptr(name), Type: certifications.CampaignReferenceCampaignTypeManager, Deadline: &deadline,
	}).Execute()
	require.NoError(t, err)
	_, err = api.WaitForCampaign(ctx(t), c.GetID(), fastWait)
	require.NoError(t, err)
	_, err = api.StartCampaign(ctx(t), c.GetID()).Execute()
	require.NoError(t, err)
	_, err = api.WaitForCampaign(ctx(t), c.GetID(), fastWait)
	require.NoError(t, err)
	certs, err := certifications.Collect(client.CertificationsApi.ListIdentityCertifications(ctx(t)).Filters(`campaign.id eq "` + c.GetID() + `"`).All())
	require.NoError(t, err)
	return c.GetID(), certs
}

// notFound asserts that err is the API's 404.
func notFound(t *testing.T, err error, what string) {
	t.Helper()
	var apiErr *certifications.APIError
	if assert.True(t, errors.As(err, &apiErr), "%s: %v", what, err) {
		assert.Equal(t, http.StatusNotFound, apiErr.StatusCode, what)
	}
}

// A deleted campaign takes its certifications, items, decisions, tasks
// and reports with it: every API answers 404 for them and no list shows
// them; other campaigns are untouched.
func TestDeletedCampaignIsGoneFromEveryAPI(t *testing.T) {
	for _, version := range []certifications.APIVersion{certifications.APIVersionV3, certifications.APIVersionV1} {
		t.Run(string(version), func(t *testing.T) {
			clock := certtest.NewManualClock(certtest.ReferenceTime())
			srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now),
				certtest.WithSizes(certtest.Sizes{Reviewers: 3, IdentitiesPerCertification: 2, ItemsPerIdentity: 3}))
			client := conformingClient(t, srv, version)
			certsAPI, campAPI := client.CertificationsApi, client.CertificationCampaignsApi
			before := len(srv.Certifications())

			doomed, certs := activeCampaign(t, client, "Doomed review", clock.Now().Add(7*24*time.Hour))
			kept, keptCerts := activeCampaign(t, client, "Kept review", clock.Now().Add(7*24*time.Hour))
			require.Len(t, certs, 3)
			items := srv.Items(certs[0].GetID())
			_, _, err := certsAPI.MakeIdentityDecision(ctx(t), certs[0].GetID()).ReviewDecision([]certifications.ReviewDecision{
				{ID: items[0].GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true}}).Execute()
			require.NoError(t, err)
			task, _, err := certsAPI.SubmitReassignCertsAsync(ctx(t), certs[1].GetID()).ReviewReassign(certifications.ReviewReassign{
				Reassign:   []certifications.ReassignReference{{ID: srv.Items(certs[1].GetID())[0].GetID(), Type: certifications.ReassignReferenceTypeItem}},
				ReassignTo: certs[2].GetReviewer().GetID(), Reason: "away",
			}).Execute()
			require.NoError(t, err)
			report, err := campAPI.RunReport(ctx(t), doomed, certifications.ReportTypeCampaignStatusReport, "csv", io.Discard, fastWait)
			require.NoError(t, err)
			require.Equal(t, 1, srv.DecisionCount(items[0].GetID()))

			_, err = campAPI.DeleteCampaigns(ctx(t)).CampaignsDeleteRequest(certifications.CampaignsDeleteRequest{IDs: []string{doomed}}).Execute()
			require.NoError(t, err)

			for _, c := range certs {
				_, _, err := certsAPI.GetIdentityCertification(ctx(t), c.GetID()).Execute()
				notFound(t, err, "get certification")
				_, _, err = certsAPI.ListIdentityAccessReviewItems(ctx(t), c.GetID()).Execute()
				notFound(t, err, "list items")
				_, _, err = certsAPI.ListCertificationReviewers(ctx(t), c.GetID()).Execute()
				notFound(t, err, "list reviewers")
				_, _, err = client.CertificationSummariesApi.GetIdentityDecisionSummary(ctx(t), c.GetID()).Execute()
				notFound(t, err, "decision summary")
				_, ok := srv.Certification(c.GetID())
				assert.False(t, ok)
			}
			_, _, err = certsAPI.GetIdentityCertificationItemPermissions(ctx(t), certs[0].GetID(), items[0].GetID()).Execute()
			notFound(t, err, "item permissions")
			_, _, err = certsAPI.GetCertificationTask(ctx(t), task.GetID()).Execute()
			notFound(t, err, "reassignment task")
			_, _, err = client.ReportsApi.GetReport(ctx(t), report.GetID()).FileFormat("csv").Execute()
			notFound(t, err, "report file")
			_, _, err = client.ReportsApi.GetReportResult(ctx(t), report.GetID()).Execute()
			var apiErr *certifications.APIError
			require.True(t, errors.As(err, &apiErr), "report result: %v", err)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode, "report result: the definitions have no 404 for it")
			assert.Zero(t, srv.DecisionCount(items[0].GetID()), "the decision went with the item")
			_, ok := srv.Task(task.GetID())
			assert.False(t, ok)

			pendingTasks, _, err := certsAPI.GetPendingCertificationTasks(ctx(t)).Execute()
			require.NoError(t, err)
			for _, tk := range pendingTasks {
				assert.NotEqual(t, task.GetID(), tk.GetID())
			}
			all, err := certifications.Collect(certsAPI.ListIdentityCertifications(ctx(t)).All())
			require.NoError(t, err)
			assert.Len(t, all, before+len(keptCerts))
			assert.Len(t, srv.Certifications(), before+len(keptCerts))
			for _, c := range all {
				assert.NotEqual(t, doomed, c.GetCampaign().GetID())
			}
			var beta []struct {
				CampaignRef struct {
					ID string `json:"id"`
				} `json:"campaignRef"`
			}
			_, err = betaDo(t, newClient(t, srv), http.MethodGet, "certifications", url.Values{}, nil, &beta)
			require.NoError(t, err)
			assert.Len(t, beta, before+len(keptCerts))
			for _, c := range beta {
				assert.NotEqual(t, doomed, c.CampaignRef.ID)
			}

			// The other campaign is whole.
			still, err := certifications.Collect(certsAPI.ListIdentityCertifications(ctx(t)).Filters(`campaign.id eq "` + kept + `"`).All())
			require.NoError(t, err)
			assert.Equal(t, keptCerts, still)
		})
	}
}
