// Package beta holds the six Certifications operations of the ISC beta API
// (https://{tenant}.api.identitynow.com/beta). SailPoint marks every one of
// them deprecated; new code should use the v3 operations of the root
// package. They are here for tenants and tools that still depend on them.
//
// The operations run on the root package's *certifications.APIClient: one
// token cache, one retry policy, one error family (*certifications.APIError,
// *certifications.ValidationError) and one logger for v3 and beta alike.
// Only pacing is kept per API version, because the tenant counts v3 and beta
// requests separately.
//
//	client := certifications.NewAPIClient(cfg)
//	api := beta.NewCertificationsApi(client)
//	for cert, err := range api.ListCertifications(ctx).ReviewerIdentity("me").All() {
//		...
//	}
//
// # Models
//
// Beta schemas that differ from v3 have their own types here:
// CertificationDto, Reviewer, Reassignment, CertificationReference and
// IdentityCertificationTask (with IdentityCertificationTaskType). Beta
// schemas that are identical to a v3 schema (same properties, types and
// required properties) are type aliases of the v3 type, so values move
// between the two packages without conversion: PermissionDto,
// IdentityReferenceWithNameAndEmail, CampaignReference, ReviewReassign and
// ReassignReference. Enumerations with the same values as in v3 use the v3
// type directly (certifications.CertificationPhase,
// certifications.ReviewerType, certifications.CertificationTaskStatus,
// certifications.CertificationReferenceType), so their constants are the
// root package's.
package beta
