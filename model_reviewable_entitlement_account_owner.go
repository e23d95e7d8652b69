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

// GetID returns ID, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccountOwner) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetType returns Type, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccountOwner) GetType() ReviewableEntitlementAccountOwnerType {
	if r == nil || r.Type == nil {
		return ""
	}
	return *r.Type
}

// GetDisplayName returns DisplayName, or "" when it is unset or r is nil.
func (r *ReviewableEntitlementAccountOwner) GetDisplayName() string {
	if r == nil || r.DisplayName == nil {
		return ""
	}
	return *r.DisplayName
}
