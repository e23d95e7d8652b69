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
