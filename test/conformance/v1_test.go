package conformance_test

// v1Conformance checks the per-resource v1 Certifications definition
// against the same service, calls and models as v3: its operations are the
// v3 ones with a V1 suffix, and the client is set to APIVersionV1.
var v1Conformance = v1Twin(v3Conformance)

// summariesV1Conformance checks the v1 Certification Summaries definition
// like its v3 twin, with the client set to APIVersionV1.
var summariesV1Conformance = v1Twin(summariesV3Conformance)
