package certifications_test

import (
	"context"
	"net/http"
	"net/url"
	"reflect"

	"github.com/iscgo/certifications"
)

// summariesV3Conformance checks the v3 Certification Summaries definition.
// The SDK has no service for these operations yet, so the calls go
// through APIClient.NewRequest and Do, the client's documented way to an
// endpoint it does not wrap: they check the models, the decoding and the
// errors of the client core, and that the table's requests conform.
var summariesV3Conformance = &apiVersion{
	name:     "summaries-v3",
	client:   certifications.APIVersionV3,
	errorDto: reflect.TypeFor[certifications.ErrorResponseDto](),
	results:  summariesResults,
	params:   summariesParams,
	calls:    summariesCalls("v3/certifications"),
}

// summariesResults gives the Go type of each summaries operation's 200
// body.
var summariesResults = map[string]reflect.Type{
	"getIdentityDecisionSummary": reflect.TypeFor[*certifications.IdentityCertDecisionSummary](),
	"getIdentitySummaries":       reflect.TypeFor[[]certifications.CertificationIdentitySummary](),
	"getIdentitySummary":         reflect.TypeFor[*certifications.CertificationIdentitySummary](),
	"getIdentityAccessSummaries": reflect.TypeFor[[]certifications.AccessSummary](),
}

// summariesParams gives the Go type of the summaries' enum parameters.
var summariesParams = map[string]map[string]reflect.Type{
	"getIdentityAccessSummaries": {"type": reflect.TypeFor[certifications.AccessSummaryType]()},
}

// summariesCalls returns a call per summaries operation, each setting every
// optional parameter, below root ("v3/certifications" or
// "certifications/v1").
func summariesCalls(root string) map[string][]opCall {
	list := url.Values{
		"limit": {"50"}, "offset": {"100"}, "count": {"true"},
		"filters": {`completed eq false`}, "sorters": {"name"},
	}
	access := url.Values{
		"limit": {"250"}, "offset": {"0"}, "count": {"false"},
		"filters": {`access.name sw "CN="`}, "sorters": {"-access.name"},
	}
	return map[string][]opCall{
		"getIdentityDecisionSummary": {get[certifications.IdentityCertDecisionSummary](root+"/cert-1/decision-summary",
			url.Values{"filters": {`identitySummary.id eq "ef38f94347e94562b5bb8424a56397d8"`}})},
		"getIdentitySummaries": {get[[]certifications.CertificationIdentitySummary](root+"/cert-1/identity-summaries", list)},
		"getIdentitySummary":   {get[certifications.CertificationIdentitySummary](root+"/cert-1/identity-summaries/summary-1", nil)},
		"getIdentityAccessSummaries": {
			get[[]certifications.AccessSummary](root+"/cert-1/access-summaries/"+string(certifications.AccessSummaryTypeRole), list),
			get[[]certifications.AccessSummary](root+"/cert-1/access-summaries/"+string(certifications.AccessSummaryTypeAccessProfile), access),
			get[[]certifications.AccessSummary](root+"/cert-1/access-summaries/"+string(certifications.AccessSummaryTypeEntitlement), nil),
		},
	}
}

// get calls GET path with query through the harness client's NewRequest
// and Do, decoding the 200 body into a T.
func get[T any](path string, query url.Values) opCall {
	return func(ctx context.Context, h *harness) (any, error) {
		req, err := h.v3.NewRequest(ctx, http.MethodGet, path, query, nil)
		if err != nil {
			return nil, err
		}
		v := new(T)
		if _, err := h.v3.Do(req, v); err != nil {
			return nil, err
		}
		if reflect.TypeFor[T]().Kind() == reflect.Slice {
			return *v, nil
		}
		return v, nil
	}
}
