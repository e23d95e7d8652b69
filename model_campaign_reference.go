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
