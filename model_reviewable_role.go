package certifications

import "time"

// ReviewableRole is a role as shown to a reviewer, with the access profiles and
// entitlements it grants.
type ReviewableRole struct {
	// ID identifies the role.
	ID *string `json:"id,omitempty"`
	// Name is the role's name.
	Name *string `json:"name,omitempty"`
	// Description explains the role.
	Description *string `json:"description,omitempty"`
	// Privileged is true when the role is privileged.
	Privileged *bool `json:"privileged,omitempty"`
	// Owner is the identity that owns the role; it may be null.
	Owner *IdentityReferenceWithNameAndEmail `json:"owner,omitempty"`
	// Revocable is true when the role can be revoked or requested.
	Revocable *bool `json:"revocable,omitempty"`
	// EndDate is when the identity's access expires.
	EndDate *time.Time `json:"endDate,omitempty"`
	// AccessProfiles are the access profiles the role grants.
	AccessProfiles []ReviewableAccessProfile `json:"accessProfiles,omitempty"`
	// Entitlements are the entitlements the role grants directly.
	Entitlements []ReviewableEntitlement `json:"entitlements,omitempty"`
}

// GetID returns ID, or "" when it is unset or r is nil.
func (r *ReviewableRole) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetName returns Name, or "" when it is unset or r is nil.
func (r *ReviewableRole) GetName() string {
	if r == nil || r.Name == nil {
		return ""
	}
	return *r.Name
}

// GetDescription returns Description, or "" when it is unset or r is nil.
func (r *ReviewableRole) GetDescription() string {
	if r == nil || r.Description == nil {
		return ""
	}
	return *r.Description
}

// GetPrivileged returns Privileged, or false when it is unset or r is nil.
func (r *ReviewableRole) GetPrivileged() bool {
	if r == nil || r.Privileged == nil {
		return false
	}
	return *r.Privileged
}

// GetOwner returns Owner, or nil when it is unset or r is nil.
func (r *ReviewableRole) GetOwner() *IdentityReferenceWithNameAndEmail {
	if r == nil {
		return nil
	}
	return r.Owner
}

// GetRevocable returns Revocable, or false when it is unset or r is nil.
func (r *ReviewableRole) GetRevocable() bool {
	if r == nil || r.Revocable == nil {
		return false
	}
	return *r.Revocable
}

// GetEndDate returns EndDate, or the zero time when it is unset or r is nil.
func (r *ReviewableRole) GetEndDate() time.Time {
	if r == nil || r.EndDate == nil {
		return time.Time{}
	}
	return *r.EndDate
}

// GetAccessProfiles returns AccessProfiles, or nil when r is nil.
func (r *ReviewableRole) GetAccessProfiles() []ReviewableAccessProfile {
	if r == nil {
		return nil
	}
	return r.AccessProfiles
}

// GetEntitlements returns Entitlements, or nil when r is nil.
func (r *ReviewableRole) GetEntitlements() []ReviewableEntitlement {
	if r == nil {
		return nil
	}
	return r.Entitlements
}
