package certifications

// ReassignmentTrailDTO is one step of a reassignment trail: who owned the
// review before, who owns it now, and why it moved.
type ReassignmentTrailDTO struct {
	// PreviousOwner is the identity ID of the owner before this step.
	PreviousOwner *string `json:"previousOwner,omitempty"`
	// NewOwner is the identity ID of the owner after this step.
	NewOwner *string `json:"newOwner,omitempty"`
	// ReassignmentType says how the review moved, e.g.
	// "AUTOMATIC_REASSIGNMENT". The API does not enumerate its values.
	ReassignmentType *string `json:"reassignmentType,omitempty"`
}
