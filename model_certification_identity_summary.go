package certifications

// CertificationIdentitySummary describes the identity whose access a review
// item is about.
type CertificationIdentitySummary struct {
	// ID identifies the identity summary itself (not the identity).
	ID *string `json:"id,omitempty"`
	// Name is the identity's name.
	Name *string `json:"name,omitempty"`
	// IdentityID is the ID of the identity under review.
	IdentityID *string `json:"identityId,omitempty"`
	// Completed is true once every item of this identity has been decided.
	Completed *bool `json:"completed,omitempty"`
}
