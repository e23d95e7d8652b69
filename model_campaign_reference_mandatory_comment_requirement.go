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

// CampaignReferenceMandatoryCommentRequirementValues returns the values of
// CampaignReferenceMandatoryCommentRequirement defined by the API, in the order
// the API lists them. Each call returns a new slice.
func CampaignReferenceMandatoryCommentRequirementValues() []CampaignReferenceMandatoryCommentRequirement {
	return []CampaignReferenceMandatoryCommentRequirement{
		CampaignReferenceMandatoryCommentRequirementAllDecisions,
		CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions,
		CampaignReferenceMandatoryCommentRequirementNoDecisions,
	}
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReferenceMandatoryCommentRequirement) IsKnown() bool {
	switch v {
	case CampaignReferenceMandatoryCommentRequirementAllDecisions,
		CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions,
		CampaignReferenceMandatoryCommentRequirementNoDecisions:
		return true
	}
	return false
}
