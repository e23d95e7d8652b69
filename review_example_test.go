package certifications_test

import (
	"context"
	"fmt"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// Review decides a certification by rule as it reads the undecided items:
// here every entitlement and access profile is approved and the roles are
// left to a person.
func ExampleCertificationsApiService_Review() {
	srv := certtest.NewServer()
	defer srv.Close()
	api := srv.Client().CertificationsApi
	ctx := context.Background()
	certs, _, err := api.ListIdentityCertifications(ctx).ReviewerIdentity("me").Limit(1).Execute()
	if err != nil {
		fmt.Println(err)
		return
	}

	res, err := api.Review(ctx, certs[0].GetID(), func(item certifications.AccessReviewItem) (certifications.ReviewDecision, bool) {
		if item.GetAccessSummary().GetAccess().GetType() == certifications.DtoTypeRole {
			return certifications.ReviewDecision{}, false
		}
		return certifications.ReviewDecision{Decision: certifications.CertificationDecisionApprove, Bulk: true, Comments: certifications.Ptr("still needed")}, true
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d undecided: %d decided, %d left alone, in %d listing and %d decide call\n",
		res.Total, len(res.Decided), len(res.LeftAlone), res.ListCalls, res.DecideCalls)
	// Output:
	// 32 undecided: 24 decided, 8 left alone, in 1 listing and 1 decide call
}
