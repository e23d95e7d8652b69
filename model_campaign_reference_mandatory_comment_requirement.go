package certifications

import "slices"

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

// campaignReferenceMandatoryCommentRequirementValues lists the CampaignReferenceMandatoryCommentRequirement values the API defines, in its order.
var campaignReferenceMandatoryCommentRequirementValues = []CampaignReferenceMandatoryCommentRequirement{
	CampaignReferenceMandatoryCommentRequirementAllDecisions,
	CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions,
	CampaignReferenceMandatoryCommentRequirementNoDecisions,
}

// CampaignReferenceMandatoryCommentRequirementValues returns the values of
// CampaignReferenceMandatoryCommentRequirement defined by the API, in the order
// the API lists them. Each call returns a new slice.
func CampaignReferenceMandatoryCommentRequirementValues() []CampaignReferenceMandatoryCommentRequirement {
	return slices.Clone(campaignReferenceMandatoryCommentRequirementValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReferenceMandatoryCommentRequirement) IsKnown() bool {
	return slices.Contains(campaignReferenceMandatoryCommentRequirementValues, v)
}
