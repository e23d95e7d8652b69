package certifications

// CampaignInfoReviewer is the reviewer of a SEARCH or ROLE_COMPOSITION
// campaign: an identity or a governance group.
type CampaignInfoReviewer struct {
	// Type says whether ID names an identity or a governance group.
	Type *CampaignInfoReviewerType `json:"type,omitempty"`
	// ID identifies the reviewer.
	ID *string `json:"id,omitempty"`
	// Name is the reviewer's name.
	Name *string `json:"name,omitempty"`
}
