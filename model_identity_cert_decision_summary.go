package certifications

// IdentityCertDecisionSummary counts the decisions of a certification, or of
// the identities a filter selects, per kind of access: how many items are
// decided, how many there are, and how many were approved or revoked.
type IdentityCertDecisionSummary struct {
	// EntitlementDecisionsMade is the number of entitlement items decided.
	EntitlementDecisionsMade *int32 `json:"entitlementDecisionsMade,omitempty"`
	// AccessProfileDecisionsMade is the number of access profile items decided.
	AccessProfileDecisionsMade *int32 `json:"accessProfileDecisionsMade,omitempty"`
	// RoleDecisionsMade is the number of role items decided.
	RoleDecisionsMade *int32 `json:"roleDecisionsMade,omitempty"`
	// AccountDecisionsMade is the number of account items decided.
	AccountDecisionsMade *int32 `json:"accountDecisionsMade,omitempty"`
	// EntitlementDecisionsTotal is the number of entitlement items to decide.
	EntitlementDecisionsTotal *int32 `json:"entitlementDecisionsTotal,omitempty"`
	// AccessProfileDecisionsTotal is the number of access profile items to decide.
	AccessProfileDecisionsTotal *int32 `json:"accessProfileDecisionsTotal,omitempty"`
	// RoleDecisionsTotal is the number of role items to decide.
	RoleDecisionsTotal *int32 `json:"roleDecisionsTotal,omitempty"`
	// AccountDecisionsTotal is the number of account items to decide.
	AccountDecisionsTotal *int32 `json:"accountDecisionsTotal,omitempty"`
	// EntitlementsApproved is the number of entitlements approved.
	EntitlementsApproved *int32 `json:"entitlementsApproved,omitempty"`
	// EntitlementsRevoked is the number of entitlements revoked.
	EntitlementsRevoked *int32 `json:"entitlementsRevoked,omitempty"`
	// AccessProfilesApproved is the number of access profiles approved.
	AccessProfilesApproved *int32 `json:"accessProfilesApproved,omitempty"`
	// AccessProfilesRevoked is the number of access profiles revoked.
	AccessProfilesRevoked *int32 `json:"accessProfilesRevoked,omitempty"`
	// RolesApproved is the number of roles approved.
	RolesApproved *int32 `json:"rolesApproved,omitempty"`
	// RolesRevoked is the number of roles revoked.
	RolesRevoked *int32 `json:"rolesRevoked,omitempty"`
	// AccountsApproved is the number of accounts approved.
	AccountsApproved *int32 `json:"accountsApproved,omitempty"`
	// AccountsRevoked is the number of accounts revoked.
	AccountsRevoked *int32 `json:"accountsRevoked,omitempty"`
}
