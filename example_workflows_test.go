package certifications_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// myFirstCertification returns the first certification the sandbox's
// reviewer "me" has to review.
func myFirstCertification(api *certifications.CertificationsApiService) (string, error) {
	certs, _, err := api.ListIdentityCertifications(context.Background()).ReviewerIdentity("me").Limit(1).Execute()
	if err != nil {
		return "", err
	}
	if len(certs) == 0 {
		return "", errors.New("no certification to review")
	}
	return certs[0].GetID(), nil
}

// DecideAll applies decisions made elsewhere (a spreadsheet, another
// system) in calls of 250, skipping the items already decided, so that
// running it again finishes the job without deciding anything twice.
func ExampleCertificationsApiService_DecideAll() {
	srv := certtest.NewServer()
	defer srv.Close()
	api := srv.Client().CertificationsApi
	ctx := context.Background()
	cert, err := myFirstCertification(api)
	if err != nil {
		fmt.Println(err)
		return
	}

	var decisions []certifications.ReviewDecision
	for _, item := range srv.Items(cert) {
		decisions = append(decisions, certifications.ReviewDecision{
			ID: item.GetID(), Decision: certifications.CertificationDecisionApprove, Comments: certifications.Ptr("still needed"),
		})
	}
	for run := 1; run <= 2; run++ {
		res, err := api.DecideAll(ctx, cert, decisions, nil)
		if err != nil {
			fmt.Println(err) // res lists what was decided and what failed
			return
		}
		fmt.Printf("run %d: %d decided, %d skipped\n", run, len(res.Decided), len(res.Skipped))
		if c := res.Certification; c != nil { // nil when nothing was sent
			fmt.Printf("certification at %d/%d\n", c.GetDecisionsMade(), c.GetDecisionsTotal())
		}
	}
	// Output:
	// run 1: 32 decided, 0 skipped
	// certification at 32/32
	// run 2: 0 decided, 32 skipped
}

// A Pager reads every page of a listing; ReadAhead fetches the next pages
// while the loop works on the current one, still yielding the items in
// order.
func ExamplePager_ReadAhead() {
	srv := certtest.NewServer(certtest.WithLargeCertification("large", 1000))
	defer srv.Close()
	api := srv.Client().CertificationsApi

	p := api.ListIdentityAccessReviewItems(context.Background(), "large").
		FilterBy(certifications.Eq("completed", false)).
		Pager().
		ReadAhead(3) // up to 3 pages of 250 on their way at once
	n := 0
	for item, err := range p.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		_ = item
		n++
	}
	total, _ := p.Total()
	// Four full pages, and one request past the count: a count is a hint,
	// so a full last page is confirmed by one more listing.
	fmt.Printf("%d items of %d, in %d requests\n", n, total, p.Requests())
	// Output:
	// 1000 items of 1000, in 5 requests
}

// ReassignAll moves items to another reviewer: in calls of 50, or with
// Async in calls of 500, each waited for.
func ExampleCertificationsApiService_ReassignAll() {
	srv := certtest.NewServer()
	defer srv.Close()
	api := srv.Client().CertificationsApi
	cert, err := myFirstCertification(api)
	if err != nil {
		fmt.Println(err)
		return
	}
	items := srv.Items(cert)

	res, err := api.ReassignAll(context.Background(), cert, certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{
			{ID: items[0].GetID(), Type: certifications.ReassignReferenceTypeItem},
			{ID: items[1].GetID(), Type: certifications.ReassignReferenceTypeItem},
		},
		ReassignTo: srv.Reviewers()[1].GetID(),
		Reason:     "their team owns this access",
	}, nil)
	if err != nil {
		fmt.Println(err) // res.Reassigned and res.Submitted say what moved
		return
	}
	fmt.Printf("%d items moved\n", len(res.Reassigned))
	// Output:
	// 2 items moved
}

// WaitForCertificationTask follows an asynchronous task until it ends.
func ExampleCertificationsApiService_WaitForCertificationTask() {
	srv := certtest.NewServer()
	defer srv.Close()
	api := srv.Client().CertificationsApi
	ctx := context.Background()
	cert, err := myFirstCertification(api)
	if err != nil {
		fmt.Println(err)
		return
	}

	task, _, err := api.SubmitReassignCertsAsync(ctx, cert).ReviewReassign(certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: srv.Items(cert)[0].GetID(), Type: certifications.ReassignReferenceTypeItem}},
		ReassignTo: srv.Reviewers()[1].GetID(),
		Reason:     "their team owns this access",
	}).Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("submitted:", task.GetStatus())

	done, err := api.WaitForCertificationTask(ctx, task.GetID(), &certifications.WaitOptions{
		Initial: time.Millisecond, // the sandbox's tasks are quick; a tenant's take seconds
		Timeout: 10 * time.Minute, // the default is an hour
	})
	var te *certifications.TaskError
	switch {
	case errors.As(err, &te):
		fmt.Println("the task failed:", te.Task.GetErrors())
	case err != nil:
		fmt.Println(err) // done, when not nil, is the task as last seen
	default:
		fmt.Println("done:", done.GetStatus())
	}
	// Output:
	// submitted: QUEUED
	// done: SUCCESS
}

// NewConfigurationFromEnv reads the SAIL_* settings and checks them, so
// that a missing or wrong one is reported before any request.
func ExampleNewConfigurationFromEnv() {
	for _, k := range []string{certifications.EnvBaseURL, certifications.EnvClientID, certifications.EnvClientSecret,
		certifications.EnvTokenURL, certifications.EnvAccessToken, certifications.EnvAPIVersion} {
		if v, ok := os.LookupEnv(k); ok {
			defer os.Setenv(k, v)
		} else {
			defer os.Unsetenv(k)
		}
		os.Unsetenv(k)
	}

	_, err := certifications.NewConfigurationFromEnv()
	var ve *certifications.ValidationError
	if errors.As(err, &ve) {
		fmt.Println("not configured:", ve.Parameter) // err says what to set
	}

	os.Setenv(certifications.EnvBaseURL, "https://acme.api.identitynow.com")
	os.Setenv(certifications.EnvClientID, "a-client-id")
	os.Setenv(certifications.EnvClientSecret, "a-secret")
	os.Setenv(certifications.EnvAPIVersion, "v1")
	cfg, err := certifications.NewConfigurationFromEnv()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg.BaseURL, cfg.APIVersion)
	// Output:
	// not configured: BaseURL
	// https://acme.api.identitynow.com v1
}
