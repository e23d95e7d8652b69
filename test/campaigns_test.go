package test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// TestCampaignValidationSendsNothing refuses bad input to the campaign,
// filter and report operations with a *ValidationError naming the
// parameter, before anything is sent.
func TestCampaignValidationSendsNothing(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, param string
		call        func(c *certifications.APIClient) error
	}{
		{"empty campaign id", "id", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.GetCampaign(ctx, " ").Execute()
			return err
		}},
		{"unknown detail", "detail", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.GetActiveCampaigns(ctx).Detail("HUGE").Execute()
			return err
		}},
		{"filter field not documented", "filters", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.GetActiveCampaigns(ctx).Filters(`deadline gt "2026-01-01"`).Execute()
			return err
		}},
		{"sorter not documented", "sorters", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.GetCampaignTemplates(ctx).Sorters("owner").Execute()
			return err
		}},
		{"campaign without a body", "campaign", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.CreateCampaign(ctx).Execute()
			return err
		}},
		{"campaign without a name", "campaign.name", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.CreateCampaign(ctx).Campaign(certifications.Campaign{Type: "MANAGER"}).Execute()
			return err
		}},
		{"empty patch", "jsonPatchOperation", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.UpdateCampaign(ctx, "c1").Execute()
			return err
		}},
		{"patch path not a pointer", "jsonPatchOperation[0].path", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.PatchCampaignTemplate(ctx, "t1").JSONPatchOperation([]certifications.JSONPatchOperation{{Op: "replace", Path: "name"}}).Execute()
			return err
		}},
		{"move without certifications", "adminReviewReassign.certificationIds", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.Move(ctx, "c1").AdminReviewReassign(certifications.AdminReviewReassign{}).Execute()
			return err
		}},
		{"move of too many", "adminReviewReassign.certificationIds", func(c *certifications.APIClient) error {
			ids := make([]string, certifications.MaxCampaignMove+1)
			for i := range ids {
				ids[i] = "c"
			}
			_, _, err := c.CertificationCampaignsApi.Move(ctx, "c1").AdminReviewReassign(certifications.AdminReviewReassign{CertificationIDs: ids}).Execute()
			return err
		}},
		{"delete nothing", "campaignsDeleteRequest.ids", func(c *certifications.APIClient) error {
			_, err := c.CertificationCampaignsApi.DeleteCampaigns(ctx).CampaignsDeleteRequest(certifications.CampaignsDeleteRequest{}).Execute()
			return err
		}},
		{"unknown report type", "type", func(c *certifications.APIClient) error {
			_, err := c.CertificationCampaignsApi.StartCampaignReport(ctx, "c1", "EVERYTHING").Execute()
			return err
		}},
		{"schedule without hours", "schedule.hours.values", func(c *certifications.APIClient) error {
			_, err := c.CertificationCampaignsApi.SetCampaignTemplateSchedule(ctx, "t1").Schedule(certifications.Schedule{Type: "WEEKLY"}).Execute()
			return err
		}},
		{"filter without a mode", "campaignFilterDetails.mode", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignFiltersApi.CreateCampaignFilter(ctx).CampaignFilterDetails(certifications.CampaignFilterDetails{Name: "f"}).Execute()
			return err
		}},
		{"delete no filters", "requestBody", func(c *certifications.APIClient) error {
			_, err := c.CertificationCampaignFiltersApi.DeleteCampaignFilters(ctx).Execute()
			return err
		}},
		{"filters page size", "limit", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignFiltersApi.ListCampaignFilters(ctx).Limit(251).Execute()
			return err
		}},
		{"filters negative start", "start", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignFiltersApi.ListCampaignFilters(ctx).Start(-1).Execute()
			return err
		}},
		{"campaigns filter field not listed", "filters", func(c *certifications.APIClient) error {
			_, _, err := c.CertificationCampaignsApi.GetActiveCampaigns(ctx).Filters(`deadline eq "x"`).Execute()
			return err
		}},
		{"report without a format", "fileFormat", func(c *certifications.APIClient) error {
			_, _, err := c.ReportsApi.GetReport(ctx, "r1").Execute()
			return err
		}},
		{"report format not defined", "fileFormat", func(c *certifications.APIClient) error {
			_, _, err := c.ReportsApi.GetReport(ctx, "r1").FileFormat("xlsx").Execute()
			return err
		}},
		{"run report to nowhere", "w", func(c *certifications.APIClient) error {
			_, err := c.CertificationCampaignsApi.RunReport(ctx, "c1", "CAMPAIGN_STATUS_REPORT", "csv", nil, nil)
			return err
		}},
		{"all items of no campaign", "campaignID", func(c *certifications.APIClient) error {
			for _, err := range c.CertificationCampaignsApi.AllItems(ctx, "", nil) {
				return err
			}
			return nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			client, mt := newTestClient(t)
			requireValidation(t, mt, tc.call(client), tc.param)
		})
	}
}

// TestJSONPatchContentType sends UpdateCampaign and PatchCampaignTemplate
// as application/json-patch+json.
func TestJSONPatchContentType(t *testing.T) {
	client, mt := newTestClient(t)
	srv := serve(t, mt, ok(example(t, "updateCampaign")))
	ops := []certifications.JSONPatchOperation{{Op: "replace", Path: "/name", Value: "Renamed"}}
	c, _, err := client.CertificationCampaignsApi.UpdateCampaign(context.Background(), "c1").JSONPatchOperation(ops).Execute()
	require.NoError(t, err)
	assert.Equal(t, "Manager Campaign", c.Name)
	_, _, err = client.CertificationCampaignsApi.PatchCampaignTemplate(context.Background(), "t1").JSONPatchOperation(ops).Execute()
	require.NoError(t, err)
	for _, r := range srv.requests() {
		assert.Equal(t, http.MethodPatch, r.Method)
		assert.Equal(t, "application/json-patch+json", r.Header.Get("Content-Type"))
		assert.JSONEq(t, `[{"op":"replace","path":"/name","value":"Renamed"}]`, string(r.Body))
	}
}

// TestUpdateCampaignFilterPath fills the filter id into the position of
// filterId (v3) or id (v1).
func TestUpdateCampaignFilterPath(t *testing.T) {
	client, mt := newTestClient(t)
	srv := serve(t, mt, ok(example(t, "updateCampaignFilter")))
	_, _, err := client.CertificationCampaignFiltersApi.UpdateCampaignFilter(context.Background(), "f1").
		CampaignFilterDetails(certifications.CampaignFilterDetails{Name: "n", Mode: "INCLUSION"}).Execute()
	require.NoError(t, err)
	assert.Equal(t, wirePath("/v3/campaign-filters/f1"), srv.only(t).URL.EscapedPath())
}

// TestGetReportStreamsUnderItsOwnCap streams a report file larger than
// MaxResponseBytes, and cuts one off at the builder's cap with a
// *ResponseTooLargeError.
func TestGetReportStreamsUnderItsOwnCap(t *testing.T) {
	file := strings.Repeat("id,name\n", 1000) // 8000 bytes
	client, mt := newTestClient(t, func(cfg *certifications.Configuration) { cfg.MaxResponseBytes = 1000 })
	srv := serveFunc(t, mt, func(int, recorded) reply {
		return reply{status: http.StatusOK, body: file, header: map[string]string{"Content-Type": "application/csv"}}
	})
	rc, resp, err := client.ReportsApi.GetReport(context.Background(), "r1").FileFormat("csv").Execute()
	require.NoError(t, err)
	got, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Equal(t, file, string(got), "the file is not bound by MaxResponseBytes")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "fileFormat=csv", srv.requests()[0].URL.RawQuery)

	rc, _, err = client.ReportsApi.GetReport(context.Background(), "r1").FileFormat("csv").MaxBytes(4000).Execute()
	if err == nil { // the length is announced, or the cut comes while reading
		_, err = io.ReadAll(rc)
		_ = rc.Close()
	}
	var tooLarge *certifications.ResponseTooLargeError
	require.True(t, errors.As(err, &tooLarge), "%v", err)
	assert.Equal(t, int64(4000), tooLarge.Limit)
}
