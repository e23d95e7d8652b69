package certifications

// CampaignInfoReviewerType says what a CampaignInfoReviewer names. Unknown
// values are kept as sent.
type CampaignInfoReviewerType string

// CampaignInfoReviewerType values defined by the API.
const (
	// CampaignInfoReviewerTypeGovernanceGroup means a governance group.
	CampaignInfoReviewerTypeGovernanceGroup CampaignInfoReviewerType = "GOVERNANCE_GROUP"
	// CampaignInfoReviewerTypeIdentity means an identity.
	CampaignInfoReviewerTypeIdentity CampaignInfoReviewerType = "IDENTITY"
)
