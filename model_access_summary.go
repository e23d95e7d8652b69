package certifications

// AccessSummary describes the access a review item is about. Access always says
// what kind of item it is; depending on that kind, Entitlement, AccessProfile
// or Role holds the details.
type AccessSummary struct {
	// Access gives the type, ID and name of the item under review.
	Access *AccessSummaryAccess `json:"access,omitempty"`
	// Entitlement holds the details when an entitlement is reviewed; it may
	// be null.
	Entitlement *ReviewableEntitlement `json:"entitlement,omitempty"`
	// AccessProfile holds the details when an access profile is reviewed.
	AccessProfile *ReviewableAccessProfile `json:"accessProfile,omitempty"`
	// Role holds the details when a role is reviewed; it may be null.
	Role *ReviewableRole `json:"role,omitempty"`
}

// GetAccess returns Access, or nil when it is unset or a is nil.
func (a *AccessSummary) GetAccess() *AccessSummaryAccess {
	if a == nil {
		return nil
	}
	return a.Access
}

// GetEntitlement returns Entitlement, or nil when it is unset or a is nil.
func (a *AccessSummary) GetEntitlement() *ReviewableEntitlement {
	if a == nil {
		return nil
	}
	return a.Entitlement
}

// GetAccessProfile returns AccessProfile, or nil when it is unset or a is nil.
func (a *AccessSummary) GetAccessProfile() *ReviewableAccessProfile {
	if a == nil {
		return nil
	}
	return a.AccessProfile
}

// GetRole returns Role, or nil when it is unset or a is nil.
func (a *AccessSummary) GetRole() *ReviewableRole {
	if a == nil {
		return nil
	}
	return a.Role
}
