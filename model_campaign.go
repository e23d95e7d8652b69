package certifications

import "time"

// Campaign is a certification campaign: the set of certifications one
// review effort creates, with its deadline, status and settings. It holds
// the full shape (detail=FULL, and what CreateCampaign returns); the slim
// shape the list returns by default decodes into the same type, with the
// type-specific parts left nil.
type Campaign struct {
	// ID identifies the campaign; the server assigns it.
	ID *string `json:"id,omitempty"`
	// Name is the campaign's name, shown to reviewers.
	Name string `json:"name"`
	// Description is the campaign's description; the API sends the property always but may set it to null.
	Description *string `json:"description"`
	// Deadline is when the campaign is due; it can be completed only after it.
	Deadline *time.Time `json:"deadline,omitempty"`
	// Type says how the campaign selects what to review.
	Type CampaignReferenceCampaignType `json:"type"`
	// EmailNotificationEnabled sends e-mail to reviewers when set.
	EmailNotificationEnabled *bool `json:"emailNotificationEnabled,omitempty"`
	// AutoRevokeAllowed lets the campaign revoke access automatically.
	AutoRevokeAllowed *bool `json:"autoRevokeAllowed,omitempty"`
	// RecommendationsEnabled shows AI recommendations to reviewers.
	RecommendationsEnabled *bool `json:"recommendationsEnabled,omitempty"`
	// Status is where the campaign stands in its lifecycle; the server sets it.
	Status *CampaignStatus `json:"status,omitempty"`
	// CorrelatedStatus says whether the campaign covers correlated or uncorrelated identities.
	CorrelatedStatus *CampaignReferenceCorrelatedStatus `json:"correlatedStatus,omitempty"`
	// Created is when the campaign was created.
	Created *time.Time `json:"created,omitempty"`
	// TotalCertifications counts the campaign's certifications.
	TotalCertifications *int32 `json:"totalCertifications,omitempty"`
	// CompletedCertifications counts the signed certifications.
	CompletedCertifications *int32 `json:"completedCertifications,omitempty"`
	// Alerts lists the problems found while the campaign was generated or run.
	Alerts []CampaignAlert `json:"alerts,omitempty"`
	// Modified is when the campaign last changed.
	Modified *time.Time `json:"modified,omitempty"`
	// Filter names the campaign filter that narrows what is reviewed.
	Filter *CampaignFilterRef `json:"filter,omitempty"`
	// SunsetCommentsRequired makes reviewers comment when they set an end date on access.
	SunsetCommentsRequired *bool `json:"sunsetCommentsRequired,omitempty"`
	// SourceOwnerCampaignInfo is set for SOURCE_OWNER campaigns.
	SourceOwnerCampaignInfo *SourceOwnerCampaignInfo `json:"sourceOwnerCampaignInfo,omitempty"`
	// SearchCampaignInfo is set for SEARCH campaigns.
	SearchCampaignInfo *SearchCampaignInfo `json:"searchCampaignInfo,omitempty"`
	// RoleCompositionCampaignInfo is set for ROLE_COMPOSITION campaigns.
	RoleCompositionCampaignInfo *RoleCompositionCampaignInfo `json:"roleCompositionCampaignInfo,omitempty"`
	// MachineAccountCampaignInfo is set for MACHINE_ACCOUNT campaigns.
	MachineAccountCampaignInfo *MachineAccountCampaignInfo `json:"machineAccountCampaignInfo,omitempty"`
	// SourcesWithOrphanEntitlements lists the sources whose entitlements no longer exist in them.
	SourcesWithOrphanEntitlements []SourceWithOrphanEntitlements `json:"sourcesWithOrphanEntitlements,omitempty"`
	// MandatoryCommentRequirement says which decisions must carry a comment.
	MandatoryCommentRequirement *CampaignReferenceMandatoryCommentRequirement `json:"mandatoryCommentRequirement,omitempty"`
}
