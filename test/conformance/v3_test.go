package conformance_test

import (
	"context"
	"reflect"
	"time"

	"github.com/iscgo/certifications"
)

// fullDecision sets every property of a Review Decision.
func fullDecision() certifications.ReviewDecision {
	end := time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)
	at := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	return certifications.ReviewDecision{
		ID:              "item-1",
		Decision:        certifications.CertificationDecisionRevoke,
		ProposedEndDate: &end,
		Bulk:            true,
		Recommendation: &certifications.ReviewRecommendation{
			Recommendation: certifications.Ptr("REVOKE"),
			Reasons:        []string{"not used in 90 days"},
			Timestamp:      &at,
		},
		Comments: certifications.Ptr("left the team"),
	}
}

// fullReassign sets every property of a Review Reassign.
func fullReassign() certifications.ReviewReassign {
	return certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{
			{ID: "summary-1", Type: certifications.ReassignReferenceTypeIdentitySummary},
			{ID: "item-2", Type: certifications.ReassignReferenceTypeItem},
		},
		ReassignTo: "identity-9",
		Reason:     "on leave",
	}
}

// v3Conformance calls every v3 operation with every optional parameter set.
var v3Conformance = &apiVersion{
	name:       "v3",
	service:    reflect.TypeFor[*certifications.CertificationsApiService](),
	optService: "CertificationsApi",
	errorDto:   reflect.TypeFor[certifications.ErrorResponseDto](),
	bodies: map[string]reflect.Type{
		"makeIdentityDecision":           reflect.TypeFor[[]certifications.ReviewDecision](),
		"reassignIdentityCertifications": reflect.TypeFor[certifications.ReviewReassign](),
		"submitReassignCertsAsync":       reflect.TypeFor[certifications.ReviewReassign](),
	},
	calls: map[string][]opCall{
		"getCertificationTask": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.GetCertificationTask(ctx, "task-1").Execute()
			return v, err
		}},
		"getPendingCertificationTasks": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.GetPendingCertificationTasks(ctx).
				ReviewerIdentity("me").Limit(10).Offset(20).Count(true).
				Filters(`type eq "ADMIN_REASSIGN"`).Execute()
			return v, err
		}},
		"getIdentityCertification": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.GetIdentityCertification(ctx, "cert/1").Execute()
			return v, err
		}},
		"getIdentityCertificationItemPermissions": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.GetIdentityCertificationItemPermissions(ctx, "cert-1", "item-1").
				Filters(`target eq "SYS.OBJAUTH2" and rights ca ("CREATE")`).
				Limit(250).Offset(0).Count(false).Execute()
			return v, err
		}},
		"listCertificationReviewers": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.ListCertificationReviewers(ctx, "cert-1").
				Limit(5).Offset(10).Count(true).Filters(`name sw "Ada"`).Sorters("name,-email").Execute()
			return v, err
		}},
		// entitlements, access-profiles and roles exclude each other.
		"listIdentityAccessReviewItems": {
			func(ctx context.Context, h *harness) (any, error) {
				v, _, err := h.v3.CertificationsApi.ListIdentityAccessReviewItems(ctx, "cert-1").
					Limit(50).Offset(100).Count(true).Filters(`access.type eq "ENTITLEMENT"`).
					Sorters("access.name,-identitySummary.name").Entitlements("ent-1,ent-2").Execute()
				return v, err
			},
			func(ctx context.Context, h *harness) (any, error) {
				v, _, err := h.v3.CertificationsApi.ListIdentityAccessReviewItems(ctx, "cert-1").
					Limit(50).Offset(0).Count(false).Filters(`completed eq false`).
					Sorters("access.type").AccessProfiles("ap-1").Execute()
				return v, err
			},
			func(ctx context.Context, h *harness) (any, error) {
				v, _, err := h.v3.CertificationsApi.ListIdentityAccessReviewItems(ctx, "cert-1").
					Limit(1).Offset(1).Count(true).Filters(`identitySummary.name sw "Ad"`).
					Sorters("-access.name").Roles("role-1").Execute()
				return v, err
			},
		},
		"listIdentityCertifications": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.ListIdentityCertifications(ctx).
				ReviewerIdentity("me").Limit(25).Offset(50).Count(true).
				Filters(`phase eq "ACTIVE" and completed eq false`).Sorters("-due,name").Execute()
			return v, err
		}},
		"makeIdentityDecision": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.MakeIdentityDecision(ctx, "cert-1").
				ReviewDecision([]certifications.ReviewDecision{fullDecision()}).Execute()
			return v, err
		}},
		"reassignIdentityCertifications": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.ReassignIdentityCertifications(ctx, "cert-1").
				ReviewReassign(fullReassign()).Execute()
			return v, err
		}},
		"signOffIdentityCertification": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.SignOffIdentityCertification(ctx, "cert-1").Execute()
			return v, err
		}},
		"submitReassignCertsAsync": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationsApi.SubmitReassignCertsAsync(ctx, "cert-1").
				ReviewReassign(fullReassign()).Execute()
			return v, err
		}},
	},
}
