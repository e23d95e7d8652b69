package certifications

// ReviewableEntitlementAccountOwner is the owner of a machine account.
type ReviewableEntitlementAccountOwner struct {
	// ID identifies the owner; it may be null.
	ID *string `json:"id,omitempty"`
	// Type is the kind of owner; the API defines only IDENTITY.
	Type *ReviewableEntitlementAccountOwnerType `json:"type,omitempty"`
	// DisplayName is the owner's display name; it may be null.
	DisplayName *string `json:"displayName,omitempty"`
}
