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
