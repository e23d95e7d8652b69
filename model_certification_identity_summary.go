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

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CertificationIdentitySummary) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetName returns Name, or "" when it is unset or c is nil.
func (c *CertificationIdentitySummary) GetName() string {
	if c == nil || c.Name == nil {
		return ""
	}
	return *c.Name
}

// GetIdentityID returns IdentityID, or "" when it is unset or c is nil.
func (c *CertificationIdentitySummary) GetIdentityID() string {
	if c == nil || c.IdentityID == nil {
		return ""
	}
	return *c.IdentityID
}

// GetCompleted returns Completed, or false when it is unset or c is nil.
func (c *CertificationIdentitySummary) GetCompleted() bool {
	if c == nil || c.Completed == nil {
		return false
	}
	return *c.Completed
}
