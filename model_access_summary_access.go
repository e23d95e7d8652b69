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
