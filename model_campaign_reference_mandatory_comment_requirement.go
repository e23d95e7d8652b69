package certifications

// CampaignReferenceMandatoryCommentRequirement says which decisions in a
// campaign must carry a comment. When the API omits it, no comments are
// required. Unknown values are kept as sent.
type CampaignReferenceMandatoryCommentRequirement string

// CampaignReferenceMandatoryCommentRequirement values defined by the API.
const (
	// CampaignReferenceMandatoryCommentRequirementAllDecisions requires a
	// comment on every decision.
	CampaignReferenceMandatoryCommentRequirementAllDecisions CampaignReferenceMandatoryCommentRequirement = "ALL_DECISIONS"
	// CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions
	// requires a comment on revocations only.
	CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions CampaignReferenceMandatoryCommentRequirement = "REVOKE_ONLY_DECISIONS"
	// CampaignReferenceMandatoryCommentRequirementNoDecisions requires no
	// comments.
	CampaignReferenceMandatoryCommentRequirementNoDecisions CampaignReferenceMandatoryCommentRequirement = "NO_DECISIONS"
)
