package certifications_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// The lifecycle of a campaign, run against the sandbox tenant with a clock
// the example moves past the deadline: create a template, generate and
// activate a campaign, read its progress, complete it with REVOKE, run and
// download its status report, delete it.
func ExampleCertificationCampaignsApiService_lifecycle() {
	var mu sync.Mutex
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := certtest.NewServer(certtest.WithClock(clock),
		certtest.WithSizes(certtest.Sizes{Reviewers: 2, IdentitiesPerCertification: 2, ItemsPerIdentity: 2}))
	defer srv.Close()
	client := srv.Client()
	api := client.CertificationCampaignsApi
	ctx := context.Background()
	poll := &certifications.WaitOptions{Initial: time.Millisecond}

	tmpl, _, err := api.CreateCampaignTemplate(ctx).CampaignTemplate(certifications.CampaignTemplate{
		Name: "Manager review", Description: "Managers review their reports.", DeadlineDuration: certifications.Ptr("P2W"),
		Campaign: certifications.Campaign{Name: "Manager review", Type: certifications.CampaignReferenceCampaignTypeManager},
	}).Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	ref, _, err := api.StartGenerateCampaignTemplate(ctx, tmpl.GetID()).Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	campaign, err := api.WaitForCampaign(ctx, ref.ID, poll)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("generated:", campaign.GetStatus())

	if _, err := api.StartCampaign(ctx, ref.ID).Execute(); err != nil {
		fmt.Println(err)
		return
	}
	campaign, err = api.WaitForCampaign(ctx, ref.ID, poll)
	if err != nil {
		fmt.Println(err)
		return
	}
	progress, err := api.Progress(ctx, ref.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("activated: %s, %d certifications, %d of %d decided\n",
		campaign.GetStatus(), progress.Certifications, progress.DecisionsMade, progress.DecisionsTotal)

	mu.Lock()
	now = now.Add(15 * 24 * time.Hour) // past the deadline
	mu.Unlock()
	revoke := certifications.AutoCompleteActionRevoke
	if _, err := api.CompleteCampaign(ctx, ref.ID).CampaignCompleteOptions(certifications.CampaignCompleteOptions{AutoCompleteAction: &revoke}).Execute(); err != nil {
		fmt.Println(err)
		return
	}
	campaign, err = api.WaitForCampaign(ctx, ref.ID, poll)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("completed:", campaign.GetStatus(), campaign.GetCompletedCertifications(), "signed")

	var file strings.Builder
	if _, err := api.RunReport(ctx, ref.ID, "CAMPAIGN_STATUS_REPORT", "csv", &file, poll); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("report rows:", strings.Count(file.String(), "\n")-1)

	_, err = api.DeleteCampaigns(ctx).CampaignsDeleteRequest(certifications.CampaignsDeleteRequest{IDs: []string{ref.ID}}).Execute()
	fmt.Println("deleted:", err == nil)
	// Output:
	// generated: STAGED
	// activated: ACTIVE, 2 certifications, 0 of 8 decided
	// completed: COMPLETED 2 signed
	// report rows: 2
	// deleted: true
}
