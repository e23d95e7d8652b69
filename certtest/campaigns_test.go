package certtest_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/spectest"
)

// conformingClient is newClient whose every request is validated against
// the API definitions (the six campaign ones included) and every JSON
// response body against the schema of its operation and status.
func conformingClient(t *testing.T, srv *certtest.Server, version certifications.APIVersion) *certifications.APIClient {
	return newClient(t, srv, func(cfg *certifications.Configuration) {
		cfg.APIVersion = version
		var base http.RoundTripper
		if cfg.HTTPClient != nil {
			base = cfg.HTTPClient.Transport
		}
		hc := &http.Client{Transport: spectest.NewValidatingTransport(t, responseChecker{t, base}, string(version))}
		cfg.HTTPClient = hc
	})
}

// responseChecker validates the JSON responses of the API's operations.
type responseChecker struct {
	t    *testing.T
	next http.RoundTripper
}

func (c responseChecker) RoundTrip(req *http.Request) (*http.Response, error) {
	next := c.next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(req)
	if err != nil || req.URL.Path == spectest.TokenPath {
		return resp, err
	}
	def, op, rerr := spectest.OperationOf(req)
	if rerr != nil {
		c.t.Errorf("%s %s: %v", req.Method, req.URL.Path, rerr)
		return resp, err
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return resp, err
	}
	body, rerr := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if rerr != nil {
		c.t.Errorf("%s %s: reading the response: %v", def, op, rerr)
	} else if verr := spectest.CheckResponse(c.t, def, op, resp.StatusCode, body); verr != nil {
		c.t.Errorf("%s %s: the %d response does not conform: %v", def, op, resp.StatusCode, verr)
	}
	return resp, err
}

// fastWait polls the sandbox with no backoff to speak of: it settles a
// transitional status on the read after the one that shows it.
var fastWait = &certifications.WaitOptions{Initial: time.Millisecond, Max: time.Millisecond}

// TestCampaignLifecycle runs a campaign from a template to its deletion on
// both API generations: create a template with a schedule, generate a
// campaign, activate it, wait, decide some items through the
// certifications API, move a certification, complete it past its deadline
// with REVOKE, wait, run and download a status report, delete it.
func TestCampaignLifecycle(t *testing.T) {
	for _, version := range []certifications.APIVersion{certifications.APIVersionV3, certifications.APIVersionV1} {
		t.Run(string(version), func(t *testing.T) {
			clock := certtest.NewManualClock(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
			srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now),
				certtest.WithSizes(certtest.Sizes{Reviewers: 3, IdentitiesPerCertification: 2, ItemsPerIdentity: 3}))
			client := conformingClient(t, srv, version)
			api := client.CertificationCampaignsApi
			ctx := t.Context()

			tmpl, _, err := api.CreateCampaignTemplate(ctx).CampaignTemplate(certifications.CampaignTemplate{
				Name: "Quarterly manager review", Description: "Managers review their reports.",
				DeadlineDuration: certifications.Ptr("P2W"),
				Campaign: certifications.Campaign{
					Name: "Quarterly manager review", Description: certifications.Ptr("Managers review their reports."),
					Type: certifications.CampaignReferenceCampaignTypeManager,
				},
			}).Execute()
			require.NoError(t, err)
			require.NotEmpty(t, tmpl.GetID())
			_, err = api.SetCampaignTemplateSchedule(ctx, tmpl.GetID()).Schedule(certifications.Schedule{
				Type:  certifications.ScheduleTypeMonthly,
				Days:  &certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"1"}},
				Hours: certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"9"}},
			}).Execute()
			require.NoError(t, err)
			sched, _, err := api.GetCampaignTemplateSchedule(ctx, tmpl.GetID()).Execute()
			require.NoError(t, err)
			assert.Equal(t, certifications.ScheduleTypeMonthly, sched.Type)
			got, _, err := api.GetCampaignTemplate(ctx, tmpl.GetID()).Execute()
			require.NoError(t, err)
			assert.True(t, got.GetScheduled())

			ref, _, err := api.StartGenerateCampaignTemplate(ctx, tmpl.GetID()).Execute()
			require.NoError(t, err)
			campaign, err := api.WaitForCampaign(ctx, ref.ID, fastWait)
			require.NoError(t, err)
			require.Equal(t, certifications.CampaignStatusStaged, campaign.GetStatus())
			assert.Equal(t, clock.Now().Add(14*24*time.Hour), campaign.GetDeadline(), "the template's P2W")

			_, err = api.StartCampaign(ctx, ref.ID).Execute()
			require.NoError(t, err)
			first, _, err := api.GetCampaign(ctx, ref.ID).Execute()
			require.NoError(t, err)
			assert.Equal(t, certifications.CampaignStatusActivating, first.GetStatus(), "activation goes through ACTIVATING")
			campaign, err = api.WaitForCampaign(ctx, ref.ID, fastWait)
			require.NoError(t, err)
			require.Equal(t, certifications.CampaignStatusActive, campaign.GetStatus())
			assert.Equal(t, int32(3), campaign.GetTotalCertifications())

			// The certifications API serves the campaign's certifications.
			certs, err := certifications.Collect(client.CertificationsApi.ListIdentityCertifications(ctx).
				Filters(`campaign.id eq "` + ref.ID + `"`).All())
			require.NoError(t, err)
			require.Len(t, certs, 3)
			for _, c := range certs {
				assert.Equal(t, ref.ID, c.GetCampaign().GetID())
			}

			// Decide two items of the first certification.
			items, _, err := client.CertificationsApi.ListIdentityAccessReviewItems(ctx, certs[0].GetID()).Execute()
			require.NoError(t, err)
			require.Len(t, items, 6)
			_, _, err = client.CertificationsApi.MakeIdentityDecision(ctx, certs[0].GetID()).ReviewDecision([]certifications.ReviewDecision{
				{ID: items[0].GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true},
				{ID: items[1].GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true},
			}).Execute()
			require.NoError(t, err)

			// Move the second certification to the first one's reviewer.
			to := certs[0].GetReviewer().GetID()
			task, _, err := api.Move(ctx, ref.ID).AdminReviewReassign(certifications.AdminReviewReassign{
				CertificationIDs: []string{certs[1].GetID()},
				ReassignTo:       &certifications.AdminReviewReassignReassignTo{ID: &to, Type: certifications.Ptr(certifications.AdminReviewReassignReassignToTypeIdentity)},
				Reason:           certifications.Ptr("Reviewer on leave"),
			}).Execute()
			require.NoError(t, err)
			assert.Equal(t, certifications.CertificationTaskTargetTypeCampaign, task.GetTargetType())
			_, err = client.CertificationsApi.WaitForCertificationTask(ctx, task.GetID(), fastWait)
			require.NoError(t, err)
			moved, _, err := client.CertificationsApi.GetIdentityCertification(ctx, certs[1].GetID()).Execute()
			require.NoError(t, err)
			assert.Equal(t, to, moved.GetReviewer().GetID())

			progress, err := api.Progress(ctx, ref.ID)
			require.NoError(t, err)
			assert.Equal(t, 3, progress.Certifications)
			assert.Equal(t, 2, progress.DecisionsMade)
			assert.Equal(t, 18, progress.DecisionsTotal)
			require.Len(t, progress.ByReviewer, 2, "two reviewers left after the move")

			// Completing before the deadline is the API's 400.
			_, err = api.CompleteCampaign(ctx, ref.ID).CampaignCompleteOptions(certifications.CampaignCompleteOptions{
				AutoCompleteAction: certifications.Ptr(certifications.AutoCompleteActionRevoke)}).Execute()
			var apiErr *certifications.APIError
			require.True(t, errors.As(err, &apiErr), "%v", err)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)

			clock.Add(15 * 24 * time.Hour)
			_, err = api.CompleteCampaign(ctx, ref.ID).CampaignCompleteOptions(certifications.CampaignCompleteOptions{
				AutoCompleteAction: certifications.Ptr(certifications.AutoCompleteActionRevoke)}).Execute()
			require.NoError(t, err)
			campaign, err = api.WaitForCampaign(ctx, ref.ID, fastWait)
			require.NoError(t, err)
			require.Equal(t, certifications.CampaignStatusCompleted, campaign.GetStatus())
			assert.Equal(t, int32(3), campaign.GetCompletedCertifications())
			items, _, err = client.CertificationsApi.ListIdentityAccessReviewItems(ctx, certs[0].GetID()).Execute()
			require.NoError(t, err)
			revoked := 0
			for _, it := range items {
				if it.GetDecision() == certifications.CertificationDecisionRevoke {
					revoked++
				}
			}
			assert.Equal(t, 4, revoked, "the undecided items are revoked, the decided ones kept")

			var file bytes.Buffer
			report, err := api.RunReport(ctx, ref.ID, "CAMPAIGN_STATUS_REPORT", "csv", &file, fastWait)
			require.NoError(t, err)
			assert.Equal(t, certifications.CampaignReportStatusSuccess, report.GetStatus())
			rows, err := csv.NewReader(&file).ReadAll()
			require.NoError(t, err)
			require.Len(t, rows, 4, "a header and one row per certification")
			require.Equal(t, "Phase", rows[0][7])
			assert.Equal(t, "SIGNED", rows[1][7])

			_, err = api.DeleteCampaigns(ctx).CampaignsDeleteRequest(certifications.CampaignsDeleteRequest{IDs: []string{ref.ID}}).Execute()
			require.NoError(t, err)
			_, _, err = api.GetCampaign(ctx, ref.ID).Execute()
			require.True(t, errors.As(err, &apiErr))
			assert.Equal(t, http.StatusNotFound, apiErr.StatusCode)
		})
	}
}

// TestCampaignFiltersPageWithStart lists filters by limit and start, each
// page wrapped in {items, count}, and streams them all.
func TestCampaignFiltersPageWithStart(t *testing.T) {
	srv := certtest.NewTestServer(t)
	client := conformingClient(t, srv, certifications.APIVersionV1)
	api := client.CertificationCampaignFiltersApi
	ctx := t.Context()
	for i := range 5 {
		_, _, err := api.CreateCampaignFilter(ctx).CampaignFilterDetails(certifications.CampaignFilterDetails{
			Name: "filter " + string(rune('a'+i)), Mode: certifications.CampaignFilterModeInclusion,
		}).Execute()
		require.NoError(t, err)
	}
	page, _, err := api.ListCampaignFilters(ctx).Limit(2).Start(2).Execute()
	require.NoError(t, err)
	require.Len(t, page.Items, 2)
	assert.Equal(t, "filter c", page.Items[0].Name)
	assert.Equal(t, int64(5), *page.Count)

	srv.ResetRequests()
	all, err := certifications.Collect(api.ListCampaignFilters(ctx).Limit(2).All())
	require.NoError(t, err)
	require.Len(t, all, 5)
	var starts []string
	for _, r := range srv.Requests() {
		starts = append(starts, r.RawQuery)
	}
	assert.Equal(t, []string{"limit=2&start=0", "limit=2&start=2", "limit=2&start=4"}, starts)
}
