package certifications

// IdentityReferenceWithNameAndEmail points at an identity and carries its
// display name and email. It is used for certification reviewers and for owners
// of access items.
type IdentityReferenceWithNameAndEmail struct {
	// Type is the kind of object referenced; the API documents only
	// "IDENTITY".
	Type *string `json:"type,omitempty"`
	// ID is the identity's ID.
	ID *string `json:"id,omitempty"`
	// Name is the identity's display name.
	Name *string `json:"name,omitempty"`
	// Email is the identity's email address.
	Email *string `json:"email,omitempty"`
}
