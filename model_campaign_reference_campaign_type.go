package certifications

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
