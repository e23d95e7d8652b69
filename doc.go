// Package certifications is a Go client for the SailPoint Identity Security
// Cloud (ISC) Certifications API and its Certification Summaries, on both
// generations that SailPoint publishes: the yearly v3 paths
// (/v3/certifications/...), the default, and the per-resource v1 paths
// (/certifications/v1/..., /certification-tasks/v1/...), chosen with
// Configuration.APIVersion (APIVersionV3 or APIVersionV1, also through
// SAIL_API_VERSION). Both take the same parameters and return the same
// models, so one setting moves a program. The deprecated beta operations
// live in the beta subpackage, an in-process sandbox tenant in certtest.
//
// Create a client from a Configuration and call the operations through
// fluent request builders:
//
//	cfg, err := certifications.NewConfigurationFromEnv() // SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET
//	if err != nil { ... }
//	cfg.APIVersion = certifications.APIVersionV1 // optional: the v1 paths
//	client := certifications.NewAPIClient(cfg)
//	cert, resp, err := client.CertificationsApi.GetIdentityCertification(ctx, id).Execute()
//
// Every call takes a context, retries what is safe to retry, paces itself
// under the tenant's rate limit and returns *APIError for non-2xx answers
// and *ValidationError for input refused before sending. List builders
// page with All and Pager and take filters as a Filter (FilterBy) or as
// text (Filters). The workflows Review, DecideAll, ReassignAll,
// WaitForCertificationTask and SignOffWhenComplete do the jobs users
// script most.
package certifications
