package certifications

// ReviewableEntitlementAccountOwnerType is the kind of owner of a machine
// account. Unknown values are kept as sent.
type ReviewableEntitlementAccountOwnerType string

// ReviewableEntitlementAccountOwnerType values defined by the API.
const (
	// ReviewableEntitlementAccountOwnerTypeIdentity is the only value the
	// API defines.
	ReviewableEntitlementAccountOwnerTypeIdentity ReviewableEntitlementAccountOwnerType = "IDENTITY"
)

// ReviewableEntitlementAccountOwnerTypeValues returns the values of
// ReviewableEntitlementAccountOwnerType defined by the API, in the order the
// API lists them. Each call returns a new slice.
func ReviewableEntitlementAccountOwnerTypeValues() []ReviewableEntitlementAccountOwnerType {
	return []ReviewableEntitlementAccountOwnerType{
		ReviewableEntitlementAccountOwnerTypeIdentity,
	}
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReviewableEntitlementAccountOwnerType) IsKnown() bool {
	switch v {
	case ReviewableEntitlementAccountOwnerTypeIdentity:
		return true
	}
	return false
}
