package certifications

// ReassignReference names one item or identity to reassign.
type ReassignReference struct {
	// ID is the ID of the item or identity summary to reassign.
	ID string `json:"id"`
	// Type says what ID refers to.
	Type ReassignReferenceType `json:"type"`
}
