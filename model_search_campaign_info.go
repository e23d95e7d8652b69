package certifications

// SearchCampaignInfo is the part of a SEARCH campaign that says what the
// search selects and who reviews it.
type SearchCampaignInfo struct {
	// Type says whether the campaign reviews identities or access.
	Type SearchCampaignInfoType `json:"type"`
	// Description describes the search.
	Description *string `json:"description,omitempty"`
	// Reviewer is the identity or governance group that reviews everything.
	Reviewer *CampaignInfoReviewer `json:"reviewer,omitempty"`
	// Query is the search query that selects the identities.
	Query *string `json:"query,omitempty"`
	// IdentityIDs lists the identities to review, instead of Query.
	IdentityIDs []string `json:"identityIds,omitempty"`
	// AccessConstraints narrow the access under review.
	AccessConstraints []AccessConstraint `json:"accessConstraints,omitempty"`
}
