package certifications

import "time"

// ReviewableAccessProfile is an access profile as shown to a reviewer, with the
// entitlements it grants.
type ReviewableAccessProfile struct {
	// ID identifies the access profile.
	ID *string `json:"id,omitempty"`
	// Name is the access profile's name.
	Name *string `json:"name,omitempty"`
	// Description explains the access profile.
	Description *string `json:"description,omitempty"`
	// Privileged is true when the access profile is privileged.
	Privileged *bool `json:"privileged,omitempty"`
	// CloudGoverned is true when the access profile is governed in the
	// cloud.
	CloudGoverned *bool `json:"cloudGoverned,omitempty"`
	// EndDate is when the identity's access expires; it may be null.
	EndDate *time.Time `json:"endDate,omitempty"`
	// Owner is the identity that owns the access profile; it may be null.
	Owner *IdentityReferenceWithNameAndEmail `json:"owner,omitempty"`
	// Entitlements are the entitlements the access profile grants.
	Entitlements []ReviewableEntitlement `json:"entitlements,omitempty"`
	// Created is when the access profile was created.
	Created *time.Time `json:"created,omitempty"`
	// Modified is when the access profile last changed.
	Modified *time.Time `json:"modified,omitempty"`
}

// GetID returns ID, or "" when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetName returns Name, or "" when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetName() string {
	if r == nil || r.Name == nil {
		return ""
	}
	return *r.Name
}

// GetDescription returns Description, or "" when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetDescription() string {
	if r == nil || r.Description == nil {
		return ""
	}
	return *r.Description
}

// GetPrivileged returns Privileged, or false when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetPrivileged() bool {
	if r == nil || r.Privileged == nil {
		return false
	}
	return *r.Privileged
}

// GetCloudGoverned returns CloudGoverned, or false when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetCloudGoverned() bool {
	if r == nil || r.CloudGoverned == nil {
		return false
	}
	return *r.CloudGoverned
}

// GetEndDate returns EndDate, or the zero time when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetEndDate() time.Time {
	if r == nil || r.EndDate == nil {
		return time.Time{}
	}
	return *r.EndDate
}

// GetOwner returns Owner, or nil when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetOwner() *IdentityReferenceWithNameAndEmail {
	if r == nil {
		return nil
	}
	return r.Owner
}

// GetEntitlements returns Entitlements, or nil when r is nil.
func (r *ReviewableAccessProfile) GetEntitlements() []ReviewableEntitlement {
	if r == nil {
		return nil
	}
	return r.Entitlements
}

// GetCreated returns Created, or the zero time when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetCreated() time.Time {
	if r == nil || r.Created == nil {
		return time.Time{}
	}
	return *r.Created
}

// GetModified returns Modified, or the zero time when it is unset or r is nil.
func (r *ReviewableAccessProfile) GetModified() time.Time {
	if r == nil || r.Modified == nil {
		return time.Time{}
	}
	return *r.Modified
}
