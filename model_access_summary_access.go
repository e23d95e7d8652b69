package certifications

// AccessSummaryAccess names the item a review item is about.
type AccessSummaryAccess struct {
	// Type is the kind of item, e.g. ENTITLEMENT, ACCESS_PROFILE or ROLE.
	Type *DtoType `json:"type,omitempty"`
	// ID identifies the item.
	ID *string `json:"id,omitempty"`
	// Name is the item's name.
	Name *string `json:"name,omitempty"`
}

// GetType returns Type, or "" when it is unset or a is nil.
func (a *AccessSummaryAccess) GetType() DtoType {
	if a == nil || a.Type == nil {
		return ""
	}
	return *a.Type
}

// GetID returns ID, or "" when it is unset or a is nil.
func (a *AccessSummaryAccess) GetID() string {
	if a == nil || a.ID == nil {
		return ""
	}
	return *a.ID
}

// GetName returns Name, or "" when it is unset or a is nil.
func (a *AccessSummaryAccess) GetName() string {
	if a == nil || a.Name == nil {
		return ""
	}
	return *a.Name
}
