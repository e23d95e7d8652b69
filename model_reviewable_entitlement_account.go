package certifications

import "time"

// ReviewableEntitlementAccount is the account through which an identity holds
// an entitlement under review, with its status and activity.
type ReviewableEntitlementAccount struct {
	// NativeIdentity is the account's identifier on the source.
	NativeIdentity *string `json:"nativeIdentity,omitempty"`
	// Disabled is true while the account is disabled; the API defaults it
	// to false.
	Disabled *bool `json:"disabled,omitempty"`
	// Locked is true while the account is locked; the API defaults it to
	// false.
	Locked *bool `json:"locked,omitempty"`
	// Type is the kind of object this is, as a DtoType.
	Type *DtoType `json:"type,omitempty"`
	// ID identifies the account; it may be null.
	ID *string `json:"id,omitempty"`
	// Name is the account's name; it may be null.
	Name *string `json:"name,omitempty"`
	// Created is when the account was created; it may be null.
	Created *time.Time `json:"created,omitempty"`
	// Modified is when the account last changed; it may be null.
	Modified *time.Time `json:"modified,omitempty"`
	// ActivityInsights summarises how much the account is used.
	ActivityInsights *ActivityInsights `json:"activityInsights,omitempty"`
	// Description explains the account; it may be null.
	Description *string `json:"description,omitempty"`
	// GovernanceGroupID identifies the governance group of a machine
	// account; it may be null.
	GovernanceGroupID *string `json:"governanceGroupId,omitempty"`
	// Owner is the owner of a machine account; it may be null.
	Owner *ReviewableEntitlementAccountOwner `json:"owner,omitempty"`
}

// GetNativeIdentity returns NativeIdentity, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetNativeIdentity() string {
	if r == nil || r.NativeIdentity == nil {
		return ""
	}
	return *r.NativeIdentity
}

// GetDisabled returns Disabled, or false when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetDisabled() bool {
	if r == nil || r.Disabled == nil {
		return false
	}
	return *r.Disabled
}

// GetLocked returns Locked, or false when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetLocked() bool {
	if r == nil || r.Locked == nil {
		return false
	}
	return *r.Locked
}

// GetType returns Type, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetType() DtoType {
	if r == nil || r.Type == nil {
		return ""
	}
	return *r.Type
}

// GetID returns ID, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetName returns Name, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetName() string {
	if r == nil || r.Name == nil {
		return ""
	}
	return *r.Name
}

// GetCreated returns Created, or the zero time when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetCreated() time.Time {
	if r == nil || r.Created == nil {
		return time.Time{}
	}
	return *r.Created
}

// GetModified returns Modified, or the zero time when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetModified() time.Time {
	if r == nil || r.Modified == nil {
		return time.Time{}
	}
	return *r.Modified
}

// GetActivityInsights returns ActivityInsights, or nil when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetActivityInsights() *ActivityInsights {
	if r == nil {
		return nil
	}
	return r.ActivityInsights
}

// GetDescription returns Description, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetDescription() string {
	if r == nil || r.Description == nil {
		return ""
	}
	return *r.Description
}

// GetGovernanceGroupID returns GovernanceGroupID, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetGovernanceGroupID() string {
	if r == nil || r.GovernanceGroupID == nil {
		return ""
	}
	return *r.GovernanceGroupID
}

// GetOwner returns Owner, or nil when it is unset or r is nil.
func (r *ReviewableEntitlementAccount) GetOwner() *ReviewableEntitlementAccountOwner {
	if r == nil {
		return nil
	}
	return r.Owner
}
