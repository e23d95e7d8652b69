package certtest_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// Example starts a sandbox tenant, lists the caller's certifications with
// the SDK and decides every item of the first one. Its clock stands at
// ReferenceTime, so that the dates it prints are the same every day.
func Example() {
	srv := certtest.NewServer(certtest.WithClock(certtest.ReferenceTime))
	defer srv.Close()
	ctx := context.Background()
	api := srv.Client().CertificationsApi

	certs, _, err := api.ListIdentityCertifications(ctx).ReviewerIdentity("me").Execute()
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range certs {
		fmt.Printf("%s: %d items, due %s\n", c.GetName(), c.GetDecisionsTotal(), c.GetDue().Format("2006-01-02"))
	}

	first := certs[0].GetID()
	var ds []certifications.ReviewDecision
	for item, err := range api.ListIdentityAccessReviewItems(ctx, first).All() {
		if err != nil {
			log.Fatal(err)
		}
		ds = append(ds, certifications.ReviewDecision{ID: item.GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true})
	}
	if _, err := api.DecideAll(ctx, first, ds, nil); err != nil {
		log.Fatal(err)
	}
	signed, err := api.SignOffWhenComplete(ctx, first)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(signed.GetPhase(), signed.GetDecisionsMade(), "decisions")
	// Output:
	// Q1 2025 Manager Access Review for Robin Okafor: 32 items, due 2025-03-17
	// Q1 2025 Source Owner Review for Robin Okafor: 32 items, due 2025-03-24
	// SIGNED 32 decisions
}

// Example_faults shows fault injection: the tenant answers some requests
// with 503 and the SDK retries them.
func Example_faults() {
	// In a test: srv := certtest.NewTestServer(t, ...)
	srv := certtest.NewServer(certtest.WithFaults(certtest.Faults{
		ErrorRate:             0.5,
		ErrorStatuses:         []int{503},
		UnavailableRetryAfter: 10 * time.Millisecond,
		DecimalRetryAfter:     true,
	}))
	defer srv.Close()
	cfg := srv.Configuration()
	cfg.MaxRetries = 10
	api := certifications.NewAPIClient(cfg).CertificationsApi

	certs, _, err := api.ListIdentityCertifications(context.Background()).Execute()
	if err != nil {
		log.Fatal(err)
	}
	injected := 0
	for _, r := range srv.Requests() {
		if r.Injected() {
			injected++
		}
	}
	fmt.Println(len(certs), "certifications;", injected > 0, "faults were injected")
	// Output: 6 certifications; true faults were injected
}

// A ManualClock moves the sandbox past a campaign's deadline without
// waiting: CompleteCampaign is refused before the deadline and accepted
// after it.
func ExampleManualClock() {
	clock := certtest.NewManualClock(certtest.ReferenceTime())
	srv := certtest.NewServer(certtest.WithClock(clock.Now))
	defer srv.Close()
	ctx := context.Background()
	api := srv.Client().CertificationCampaignsApi
	wait := &certifications.WaitOptions{Initial: time.Millisecond, Max: 10 * time.Millisecond}

	deadline := clock.Now().Add(14 * 24 * time.Hour)
	c, _, err := api.CreateCampaign(ctx).Campaign(certifications.Campaign{
		Name: "Quarterly review", Description: certifications.Ptr("Quarterly review"),
		Type: certifications.CampaignReferenceCampaignTypeManager, Deadline: &deadline,
	}).Execute()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := api.WaitForCampaign(ctx, c.GetID(), wait); err != nil {
		log.Fatal(err)
	}
	if _, err := api.StartCampaign(ctx, c.GetID()).Execute(); err != nil {
		log.Fatal(err)
	}
	if _, err := api.WaitForCampaign(ctx, c.GetID(), wait); err != nil {
		log.Fatal(err)
	}

	_, err = api.CompleteCampaign(ctx, c.GetID()).Execute()
	fmt.Println("before the deadline:", err != nil)

	clock.Add(15 * 24 * time.Hour)
	if _, err := api.CompleteCampaign(ctx, c.GetID()).Execute(); err != nil {
		log.Fatal(err)
	}
	done, err := api.WaitForCampaign(ctx, c.GetID(), wait)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after it:", done.GetStatus())
	// Output:
	// before the deadline: true
	// after it: COMPLETED
}
