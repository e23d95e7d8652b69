package certtest_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// A template's schedule fires on the sandbox clock: every run time the
// clock has passed when a campaign request comes in generates a campaign,
// dated at its run time, as StartGenerateCampaignTemplate would.
func TestTemplateScheduleFiresOnTheSandboxClock(t *testing.T) {
	for _, version := range []certifications.APIVersion{certifications.APIVersionV3, certifications.APIVersionV1} {
		t.Run(string(version), func(t *testing.T) {
			clock := certtest.NewManualClock(certtest.ReferenceTime()) // a Monday, 09:00 UTC
			srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now))
			api := conformingClient(t, srv, version).CertificationCampaignsApi
			tmpl, _, err := api.CreateCampaignTemplate(ctx(t)).CampaignTemplate(certifications.CampaignTemplate{
				Name: "Weekly review", Description: "Every Monday.", DeadlineDuration: certifications.Ptr("P2W"),
				Campaign: certifications.Campaign{Name: "Weekly review (%F)", Description: certifications.Ptr("Generated on %A %e %B %Y at %H:%M."), Type: certifications.CampaignReferenceCampaignTypeManager},
			}).Execute()
			require.NoError(t, err)
			_, err = api.SetCampaignTemplateSchedule(ctx(t), tmpl.GetID()).Schedule(certifications.Schedule{
				Type:  certifications.ScheduleTypeWeekly,
				Days:  &certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"MON"}},
				Hours: certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"9"}},
			}).Execute()
			require.NoError(t, err)

			generated := func() []certifications.Campaign {
				t.Helper()
				all, err := certifications.Collect(api.GetActiveCampaigns(ctx(t)).Detail(certifications.CampaignDetailFull).All())
				require.NoError(t, err)
				var out []certifications.Campaign
				for _, c := range all {
					if strings.HasPrefix(c.Name, "Weekly review (") {
						out = append(out, c)
					}
				}
				return out
			}
			assert.Empty(t, generated(), "the schedule runs after it is set, not at once")
			clock.Add(7*24*time.Hour - time.Minute)
			assert.Empty(t, generated(), "a minute before the next Monday at 09:00")

			clock.Add(time.Minute)
			got := generated()
			require.Len(t, got, 1)
			run := certtest.ReferenceTime().Add(7 * 24 * time.Hour)
			assert.Equal(t, "Weekly review (2025-03-10)", got[0].Name, "the name's placeholders are the run time")
			assert.Equal(t, "Generated on Monday 10 March 2025 at 09:00.", got[0].GetDescription())
			assert.Equal(t, run, got[0].GetCreated())
			assert.Equal(t, run.Add(14*24*time.Hour), got[0].GetDeadline(), "the template's P2W from the run time")
			settled, err := api.WaitForCampaign(ctx(t), got[0].GetID(), fastWait)
			require.NoError(t, err)
			assert.Equal(t, certifications.CampaignStatusStaged, settled.GetStatus())

			clock.Add(3*24*time.Hour*7 + time.Hour)
			got = generated()
			var names []string
			for _, c := range got {
				names = append(names, c.Name)
			}
			assert.Equal(t, []string{"Weekly review (2025-03-10)", "Weekly review (2025-03-17)", "Weekly review (2025-03-24)", "Weekly review (2025-03-31)"}, names,
				"one campaign for each run time the clock passed")

			_, err = api.DeleteCampaignTemplateSchedule(ctx(t), tmpl.GetID()).Execute()
			require.NoError(t, err)
			clock.Add(14 * 24 * time.Hour)
			assert.Len(t, generated(), 4, "no schedule, no campaign")
			tm, _, err := api.GetCampaignTemplate(ctx(t), tmpl.GetID()).Execute()
			require.NoError(t, err)
			assert.False(t, tm.GetScheduled())
		})
	}
}

// A schedule the sandbox cannot run is refused with 400 and not stored.
func TestTemplateScheduleRefusesABadSchedule(t *testing.T) {
	srv := certtest.NewTestServer(t)
	api := newClient(t, srv).CertificationCampaignsApi
	tmpl, _, err := api.CreateCampaignTemplate(ctx(t)).CampaignTemplate(certifications.CampaignTemplate{
		Name: "Monthly", Description: "Monthly.", Campaign: certifications.Campaign{Name: "Monthly", Type: certifications.CampaignReferenceCampaignTypeManager},
	}).Execute()
	require.NoError(t, err)
	_, err = api.SetCampaignTemplateSchedule(ctx(t), tmpl.GetID()).Schedule(certifications.Schedule{
		Type:  certifications.ScheduleTypeMonthly,
		Days:  &certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"32"}},
		Hours: certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"9"}},
	}).Execute()
	var apiErr *certifications.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Contains(t, apiErr.Error(), `days value "32" is not a day of the month`)
	_, _, err = api.GetCampaignTemplateSchedule(ctx(t), tmpl.GetID()).Execute()
	notFound(t, err, "no schedule was stored")
}
