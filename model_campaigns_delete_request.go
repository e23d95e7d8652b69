package certifications

// CampaignsDeleteRequest is the body of DeleteCampaigns.
type CampaignsDeleteRequest struct {
	// IDs lists the campaigns to delete.
	IDs []string `json:"ids,omitempty"`
}
