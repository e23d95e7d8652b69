package certifications

// RoleCompositionCampaignInfo is the part of a ROLE_COMPOSITION campaign
// that says which roles are reviewed, by whom, and who remediates.
type RoleCompositionCampaignInfo struct {
	// ReviewerID is the reviewer's ID as v1 sends it; v3 has only Reviewer.
	// //
	// // Deprecated: use Reviewer.
	ReviewerID *string `json:"reviewerId,omitempty"`
	// Reviewer reviews every role; without it, role owners do.
	Reviewer *CampaignInfoReviewer `json:"reviewer,omitempty"`
	// RoleIDs lists the roles to review.
	RoleIDs []string `json:"roleIds,omitempty"`
	// RemediatorRef is the identity that carries out revocations.
	RemediatorRef RemediatorRef `json:"remediatorRef"`
	// Query is a search query that selects the roles, instead of RoleIDs.
	Query *string `json:"query,omitempty"`
	// Description describes the selection.
	Description *string `json:"description,omitempty"`
}
