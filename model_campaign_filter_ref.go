package certifications

// CampaignFilterRef names the campaign filter a campaign applies.
type CampaignFilterRef struct {
	// ID identifies the filter.
	ID *string `json:"id,omitempty"`
	// Type is always CAMPAIGN_FILTER.
	Type *CampaignFilterRefType `json:"type,omitempty"`
	// Name is the filter's name.
	Name *string `json:"name,omitempty"`
}
