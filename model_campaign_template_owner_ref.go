package certifications

// CampaignTemplateOwnerRef is the identity that owns a campaign template.
type CampaignTemplateOwnerRef struct {
	// ID identifies the owner.
	ID *string `json:"id,omitempty"`
	// Type is always IDENTITY.
	Type *CampaignTemplateOwnerRefType `json:"type,omitempty"`
	// Name is the owner's name.
	Name *string `json:"name,omitempty"`
	// Email is the owner's e-mail address.
	Email *string `json:"email,omitempty"`
}
