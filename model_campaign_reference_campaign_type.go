package certifications

import "slices"

// CampaignReferenceCampaignType says how a campaign chooses what gets reviewed.
// Unknown values are kept as sent.
type CampaignReferenceCampaignType string

// CampaignReferenceCampaignType values defined by the API.
const (
	// CampaignReferenceCampaignTypeManager has managers review their
	// reports' access.
	CampaignReferenceCampaignTypeManager CampaignReferenceCampaignType = "MANAGER"
	// CampaignReferenceCampaignTypeSourceOwner has source owners review
	// access on their sources.
	CampaignReferenceCampaignTypeSourceOwner CampaignReferenceCampaignType = "SOURCE_OWNER"
	// CampaignReferenceCampaignTypeSearch reviews the access matched by a
	// search query.
	CampaignReferenceCampaignTypeSearch CampaignReferenceCampaignType = "SEARCH"
	// CampaignReferenceCampaignTypeRoleComposition reviews what roles are
	// made of.
	CampaignReferenceCampaignTypeRoleComposition CampaignReferenceCampaignType = "ROLE_COMPOSITION"
	// CampaignReferenceCampaignTypeMachineAccount reviews machine accounts.
	CampaignReferenceCampaignTypeMachineAccount CampaignReferenceCampaignType = "MACHINE_ACCOUNT"
)

// campaignReferenceCampaignTypeValues lists the CampaignReferenceCampaignType values the API defines, in its order.
var campaignReferenceCampaignTypeValues = []CampaignReferenceCampaignType{
	CampaignReferenceCampaignTypeManager,
	CampaignReferenceCampaignTypeSourceOwner,
	CampaignReferenceCampaignTypeSearch,
	CampaignReferenceCampaignTypeRoleComposition,
	CampaignReferenceCampaignTypeMachineAccount,
}

// CampaignReferenceCampaignTypeValues returns the values of
// CampaignReferenceCampaignType defined by the API, in the order the API lists
// them. Each call returns a new slice.
func CampaignReferenceCampaignTypeValues() []CampaignReferenceCampaignType {
	return slices.Clone(campaignReferenceCampaignTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReferenceCampaignType) IsKnown() bool {
	return slices.Contains(campaignReferenceCampaignTypeValues, v)
}
