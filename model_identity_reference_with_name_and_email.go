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

// GetType returns Type, or "" when it is unset or i is nil.
func (i *IdentityReferenceWithNameAndEmail) GetType() string {
	if i == nil || i.Type == nil {
		return ""
	}
	return *i.Type
}

// GetID returns ID, or "" when it is unset or i is nil.
func (i *IdentityReferenceWithNameAndEmail) GetID() string {
	if i == nil || i.ID == nil {
		return ""
	}
	return *i.ID
}

// GetName returns Name, or "" when it is unset or i is nil.
func (i *IdentityReferenceWithNameAndEmail) GetName() string {
	if i == nil || i.Name == nil {
		return ""
	}
	return *i.Name
}

// GetEmail returns Email, or "" when it is unset or i is nil.
func (i *IdentityReferenceWithNameAndEmail) GetEmail() string {
	if i == nil || i.Email == nil {
		return ""
	}
	return *i.Email
}
