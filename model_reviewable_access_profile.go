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
