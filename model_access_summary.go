package certifications

// AccessSummary describes the access a review item is about. Access always says
// what kind of item it is; depending on that kind, Entitlement, AccessProfile
// or Role holds the details.
type AccessSummary struct {
	// Access gives the type, ID and name of the item under review.
	Access *AccessSummaryAccess `json:"access,omitempty"`
	// Entitlement holds the details when an entitlement is reviewed; it may
	// be null.
	Entitlement *ReviewableEntitlement `json:"entitlement,omitempty"`
	// AccessProfile holds the details when an access profile is reviewed.
	AccessProfile *ReviewableAccessProfile `json:"accessProfile,omitempty"`
	// Role holds the details when a role is reviewed; it may be null.
	Role *ReviewableRole `json:"role,omitempty"`
}
