package beta

import "github.com/iscgo/certifications"

// CertificationReference points at the certification a beta certification
// was reassigned from, and that certification's reviewer. It differs from
// certifications.CertificationReference only in its Reviewer, which is the
// beta Reviewer.
type CertificationReference struct {
	// Type names the kind of object referenced. The API defines only
	// CERTIFICATION, but its own example sends IDENTITY; any value is kept
	// as sent.
	Type *certifications.CertificationReferenceType `json:"type,omitempty"`
	// ID identifies the certification.
	ID *string `json:"id,omitempty"`
	// Name is the certification's display name.
	Name *string `json:"name,omitempty"`
	// Reviewer is who reviews the referenced certification.
	Reviewer *Reviewer `json:"reviewer,omitempty"`
}

// GetType returns Type, or "" when it is unset or c is nil.
func (c *CertificationReference) GetType() certifications.CertificationReferenceType {
	if c == nil || c.Type == nil {
		return ""
	}
	return *c.Type
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

// GetReviewer returns Reviewer, or nil when it is unset or c is nil.
func (c *CertificationReference) GetReviewer() *Reviewer {
	if c == nil {
		return nil
	}
	return c.Reviewer
}
