package conformance_test

import (
	"github.com/iscgo/certifications"
)

// v1Conformance checks the per-resource v1 Certifications definition
// against the same service, calls and models as v3: its operations are the
// v3 ones with a V1 suffix, and the client is set to APIVersionV1.
var v1Conformance = &apiVersion{
	name:       "v1",
	client:     certifications.APIVersionV1,
	twin:       "v3",
	suffix:     "V1",
	service:    v3Conformance.service,
	optService: v3Conformance.optService,
	errorDto:   v3Conformance.errorDto,
	bodies:     suffixed(v3Conformance.bodies, "V1"),
	calls:      suffixed(v3Conformance.calls, "V1"),
}

// summariesV1Conformance checks the v1 Certification Summaries definition
// like its v3 twin, with the client set to APIVersionV1.
var summariesV1Conformance = &apiVersion{
	name:       "summaries-v1",
	client:     certifications.APIVersionV1,
	twin:       "summaries-v3",
	suffix:     "V1",
	service:    summariesV3Conformance.service,
	optService: summariesV3Conformance.optService,
	errorDto:   summariesV3Conformance.errorDto,
	params:     suffixed(summariesParams, "V1"),
	calls:      suffixed(summariesCalls, "V1"),
}
