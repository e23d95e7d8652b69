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
