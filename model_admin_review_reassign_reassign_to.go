package certifications

// AdminReviewReassignReassignTo is the reviewer certifications move to.
type AdminReviewReassignReassignTo struct {
	// ID identifies the new reviewer.
	ID *string `json:"id,omitempty"`
	// Type is always IDENTITY.
	Type *AdminReviewReassignReassignToType `json:"type,omitempty"`
}
