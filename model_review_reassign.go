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
