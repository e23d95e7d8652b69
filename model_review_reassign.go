package certifications

// ReviewReassign is the body of a reassign request: which items or identities
// move, to whom, and why. The synchronous call takes up to 50 entries, the
// asynchronous one up to 500.
type ReviewReassign struct {
	// Reassign lists the items or identities to move.
	Reassign []ReassignReference `json:"reassign"`
	// ReassignTo is the ID of the identity that takes over the review.
	ReassignTo string `json:"reassignTo"`
	// Reason explains the reassignment.
	Reason string `json:"reason"`
}

// GetReassign returns Reassign, or nil when r is nil.
func (r *ReviewReassign) GetReassign() []ReassignReference {
	if r == nil {
		return nil
	}
	return r.Reassign
}

// GetReassignTo returns ReassignTo, or "" when r is nil.
func (r *ReviewReassign) GetReassignTo() string {
	if r == nil {
		return ""
	}
	return r.ReassignTo
}

// GetReason returns Reason, or "" when r is nil.
func (r *ReviewReassign) GetReason() string {
	if r == nil {
		return ""
	}
	return r.Reason
}
