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

// GetEntitlementDecisionsMade returns EntitlementDecisionsMade, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetEntitlementDecisionsMade() int32 {
	if s == nil || s.EntitlementDecisionsMade == nil {
		return 0
	}
	return *s.EntitlementDecisionsMade
}

// GetAccessProfileDecisionsMade returns AccessProfileDecisionsMade, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccessProfileDecisionsMade() int32 {
	if s == nil || s.AccessProfileDecisionsMade == nil {
		return 0
	}
	return *s.AccessProfileDecisionsMade
}

// GetRoleDecisionsMade returns RoleDecisionsMade, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetRoleDecisionsMade() int32 {
	if s == nil || s.RoleDecisionsMade == nil {
		return 0
	}
	return *s.RoleDecisionsMade
}

// GetAccountDecisionsMade returns AccountDecisionsMade, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccountDecisionsMade() int32 {
	if s == nil || s.AccountDecisionsMade == nil {
		return 0
	}
	return *s.AccountDecisionsMade
}

// GetEntitlementDecisionsTotal returns EntitlementDecisionsTotal, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetEntitlementDecisionsTotal() int32 {
	if s == nil || s.EntitlementDecisionsTotal == nil {
		return 0
	}
	return *s.EntitlementDecisionsTotal
}

// GetAccessProfileDecisionsTotal returns AccessProfileDecisionsTotal, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccessProfileDecisionsTotal() int32 {
	if s == nil || s.AccessProfileDecisionsTotal == nil {
		return 0
	}
	return *s.AccessProfileDecisionsTotal
}

// GetRoleDecisionsTotal returns RoleDecisionsTotal, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetRoleDecisionsTotal() int32 {
	if s == nil || s.RoleDecisionsTotal == nil {
		return 0
	}
	return *s.RoleDecisionsTotal
}

// GetAccountDecisionsTotal returns AccountDecisionsTotal, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccountDecisionsTotal() int32 {
	if s == nil || s.AccountDecisionsTotal == nil {
		return 0
	}
	return *s.AccountDecisionsTotal
}

// GetEntitlementsApproved returns EntitlementsApproved, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetEntitlementsApproved() int32 {
	if s == nil || s.EntitlementsApproved == nil {
		return 0
	}
	return *s.EntitlementsApproved
}

// GetEntitlementsRevoked returns EntitlementsRevoked, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetEntitlementsRevoked() int32 {
	if s == nil || s.EntitlementsRevoked == nil {
		return 0
	}
	return *s.EntitlementsRevoked
}

// GetAccessProfilesApproved returns AccessProfilesApproved, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccessProfilesApproved() int32 {
	if s == nil || s.AccessProfilesApproved == nil {
		return 0
	}
	return *s.AccessProfilesApproved
}

// GetAccessProfilesRevoked returns AccessProfilesRevoked, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccessProfilesRevoked() int32 {
	if s == nil || s.AccessProfilesRevoked == nil {
		return 0
	}
	return *s.AccessProfilesRevoked
}

// GetRolesApproved returns RolesApproved, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetRolesApproved() int32 {
	if s == nil || s.RolesApproved == nil {
		return 0
	}
	return *s.RolesApproved
}

// GetRolesRevoked returns RolesRevoked, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetRolesRevoked() int32 {
	if s == nil || s.RolesRevoked == nil {
		return 0
	}
	return *s.RolesRevoked
}

// GetAccountsApproved returns AccountsApproved, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccountsApproved() int32 {
	if s == nil || s.AccountsApproved == nil {
		return 0
	}
	return *s.AccountsApproved
}

// GetAccountsRevoked returns AccountsRevoked, or 0 when it is unset.
func (s *IdentityCertDecisionSummary) GetAccountsRevoked() int32 {
	if s == nil || s.AccountsRevoked == nil {
		return 0
	}
	return *s.AccountsRevoked
}
