package certifications

// CampaignReference identifies the campaign a certification belongs to and
// carries the campaign settings that matter while reviewing.
type CampaignReference struct {
	// ID identifies the campaign.
	ID string `json:"id"`
	// Name is the campaign's name.
	Name string `json:"name"`
	// Type names the kind of object referenced; it is always CAMPAIGN.
	Type CampaignReferenceType `json:"type"`
	// CampaignType says how the campaign selects what to review.
	CampaignType CampaignReferenceCampaignType `json:"campaignType"`
	// Description is the text the campaign's creator entered; the API sends
	// the property always but may set it to null.
	Description *string `json:"description"`
	// CorrelatedStatus says whether the campaign covers correlated or
	// uncorrelated identities.
	CorrelatedStatus CampaignReferenceCorrelatedStatus `json:"correlatedStatus"`
	// MandatoryCommentRequirement says which decisions must carry a
	// comment.
	MandatoryCommentRequirement CampaignReferenceMandatoryCommentRequirement `json:"mandatoryCommentRequirement"`
}

// GetID returns ID, or "" when c is nil.
func (c *CampaignReference) GetID() string {
	if c == nil {
		return ""
	}
	return c.ID
}

// GetName returns Name, or "" when c is nil.
func (c *CampaignReference) GetName() string {
	if c == nil {
		return ""
	}
	return c.Name
}

// GetType returns Type, or "" when c is nil.
func (c *CampaignReference) GetType() CampaignReferenceType {
	if c == nil {
		return ""
	}
	return c.Type
}

// GetCampaignType returns CampaignType, or "" when c is nil.
func (c *CampaignReference) GetCampaignType() CampaignReferenceCampaignType {
	if c == nil {
		return ""
	}
	return c.CampaignType
}

// GetDescription returns Description, or "" when it is unset or c is nil.
func (c *CampaignReference) GetDescription() string {
	if c == nil || c.Description == nil {
		return ""
	}
	return *c.Description
}

// GetCorrelatedStatus returns CorrelatedStatus, or "" when c is nil.
func (c *CampaignReference) GetCorrelatedStatus() CampaignReferenceCorrelatedStatus {
	if c == nil {
		return ""
	}
	return c.CorrelatedStatus
}

// GetMandatoryCommentRequirement returns MandatoryCommentRequirement, or "" when c is nil.
func (c *CampaignReference) GetMandatoryCommentRequirement() CampaignReferenceMandatoryCommentRequirement {
	if c == nil {
		return ""
	}
	return c.MandatoryCommentRequirement
}
