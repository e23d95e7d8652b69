package certifications

// AdminReviewReassign is the body of CertificationCampaignsApi.Move: the
// certifications of a campaign to give to another reviewer, and why.
type AdminReviewReassign struct {
	// CertificationIDs lists the certifications to move (1 to 250).
	CertificationIDs []string `json:"certificationIds,omitempty"`
	// ReassignTo is the new reviewer.
	ReassignTo *AdminReviewReassignReassignTo `json:"reassignTo,omitempty"`
	// Reason explains the move.
	Reason *string `json:"reason,omitempty"`
}
