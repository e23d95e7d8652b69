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
