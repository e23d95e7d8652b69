package conformance_test

import (
	"context"
	"reflect"

	"github.com/iscgo/certifications"
)

// summariesV3Conformance checks the v3 Certification Summaries definition
// against CertificationSummariesApi.
var summariesV3Conformance = &apiVersion{
	name:       "summaries-v3",
	client:     certifications.APIVersionV3,
	service:    reflect.TypeFor[*certifications.CertificationSummariesApiService](),
	optService: "CertificationSummariesApi",
	errorDto:   reflect.TypeFor[certifications.ErrorResponseDto](),
	params:     summariesParams,
	calls:      summariesCalls,
}

// summariesParams gives the Go type of the summaries' enum parameters.
var summariesParams = map[string]map[string]reflect.Type{
	"getIdentityAccessSummaries": {"type": reflect.TypeFor[certifications.AccessSummaryType]()},
}

// summariesCalls calls each summaries operation, together setting every
// optional parameter, on the harness client's generation.
var summariesCalls = map[string][]opCall{
	"getIdentityDecisionSummary": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationSummariesApi.GetIdentityDecisionSummary(ctx, "cert-1").
			Filters(`identitySummary.id eq "ef38f94347e94562b5bb8424a56397d8"`).Execute()
		return v, err
	}},
	"getIdentitySummaries": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationSummariesApi.GetIdentitySummaries(ctx, "cert-1").
			Limit(50).Offset(100).Count(true).Filters(`completed eq false`).Sorters("name").Execute()
		return v, err
	}},
	"getIdentitySummary": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationSummariesApi.GetIdentitySummary(ctx, "cert-1", "summary-1").Execute()
		return v, err
	}},
	"getIdentityAccessSummaries": {
		func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationSummariesApi.GetIdentityAccessSummaries(ctx, "cert-1", certifications.AccessSummaryTypeRole).
				Limit(50).Offset(100).Count(true).Filters(`completed eq false`).Sorters("access.name").Execute()
			return v, err
		},
		func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationSummariesApi.GetIdentityAccessSummaries(ctx, "cert-1", certifications.AccessSummaryTypeAccessProfile).
				Limit(250).Offset(0).Count(false).Filters(`access.name sw "CN="`).Sorters("-access.name").Execute()
			return v, err
		},
		func(ctx context.Context, h *harness) (any, error) {
			v, _, err := h.v3.CertificationSummariesApi.GetIdentityAccessSummaries(ctx, "cert-1", certifications.AccessSummaryTypeEntitlement).Execute()
			return v, err
		},
	},
}
