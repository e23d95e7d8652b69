package certifications

// SourceOwnerCampaignInfo is the part of a SOURCE_OWNER campaign that says
// which sources' owners review their access.
type SourceOwnerCampaignInfo struct {
	// SourceIDs lists the sources to review.
	SourceIDs []string `json:"sourceIds,omitempty"`
}
