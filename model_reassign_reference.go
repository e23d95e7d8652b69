package certifications

// ReassignReference names one item or identity to reassign.
type ReassignReference struct {
	// ID is the ID of the item or identity summary to reassign.
	ID string `json:"id"`
	// Type says what ID refers to.
	Type ReassignReferenceType `json:"type"`
}

// GetID returns ID, or "" when r is nil.
func (r *ReassignReference) GetID() string {
	if r == nil {
		return ""
	}
	return r.ID
}

// GetType returns Type, or "" when r is nil.
func (r *ReassignReference) GetType() ReassignReferenceType {
	if r == nil {
		return ""
	}
	return r.Type
}
