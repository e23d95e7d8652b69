package certifications

// CertificationReference points at a certification and its reviewer.
type CertificationReference struct {
	// ID identifies the certification.
	ID *string `json:"id,omitempty"`
	// Name is the certification's name.
	Name *string `json:"name,omitempty"`
	// Type names the kind of object referenced; it is always CERTIFICATION.
	Type *CertificationReferenceType `json:"type,omitempty"`
	// Reviewer is who reviews the referenced certification.
	Reviewer *Reviewer `json:"reviewer,omitempty"`
}

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CertificationReference) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetName returns Name, or "" when it is unset or c is nil.
func (c *CertificationReference) GetName() string {
	if c == nil || c.Name == nil {
		return ""
	}
	return *c.Name
}

// GetType returns Type, or "" when it is unset or c is nil.
func (c *CertificationReference) GetType() CertificationReferenceType {
	if c == nil || c.Type == nil {
		return ""
	}
	return *c.Type
}

// GetReviewer returns Reviewer, or nil when it is unset or c is nil.
func (c *CertificationReference) GetReviewer() *Reviewer {
	if c == nil {
		return nil
	}
	return c.Reviewer
}
