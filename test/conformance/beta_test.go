//lint:file-ignore SA1019 these checks exercise the deprecated beta operations on purpose.

package conformance_test

import (
	"context"
	"reflect"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
)

// betaConformance calls every beta operation with every optional
// parameter set.
var betaConformance = &apiVersion{
	name:       "beta",
	service:    reflect.TypeFor[*beta.CertificationsApiService](),
	optService: "beta.CertificationsApi",
	errorDto:   reflect.TypeFor[certifications.ErrorResponseDto](),
	bodies: map[string]reflect.Type{
		"submitReassignCertsAsync": reflect.TypeFor[beta.ReviewReassign](),
	},
	calls: map[string][]opCall{
		"getIdentityCertificationItemPermissions": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.beta.GetIdentityCertificationItemPermissions(ctx, "cert-1", "item-1").
				Filters(`target sw "SYS." or rights ca ("SELECT")`).Limit(100).Offset(100).Count(true).Execute()
			return v, err
		}},
		"getIdentityCertificationPendingTasks": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.beta.GetIdentityCertificationPendingTasks(ctx, "cert-1").Execute()
			return v, err
		}},
		"getIdentityCertificationTaskStatus": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.beta.GetIdentityCertificationTaskStatus(ctx, "cert-1", "task 1").Execute()
			return v, err
		}},
		"listCertificationReviewers": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.beta.ListCertificationReviewers(ctx, "cert-1").
				Limit(0).Offset(3).Count(true).Filters(`email eq "ada@example.com"`).Sorters("-name").Execute()
			return v, err
		}},
		"listCertifications": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.beta.ListCertifications(ctx).
				ReviewerIdentity("me").Limit(250).Offset(500).Count(true).
				Filters(`campaignRef.campaignType in ("MANAGER","SEARCH")`).Sorters("-due,signed").Execute()
			return v, err
		}},
		"submitReassignCertsAsync": {func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.beta.SubmitReassignCertsAsync(ctx, "cert-1").ReviewReassign(fullReassign()).Execute()
			return v, err
		}},
	},
}
