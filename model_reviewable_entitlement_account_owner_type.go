package certifications

import "slices"

// ReviewableEntitlementAccountOwnerType is the kind of owner of a machine
// account. Unknown values are kept as sent.
type ReviewableEntitlementAccountOwnerType string

// ReviewableEntitlementAccountOwnerType values defined by the API.
const (
	// ReviewableEntitlementAccountOwnerTypeIdentity is the only value the
	// API defines.
	ReviewableEntitlementAccountOwnerTypeIdentity ReviewableEntitlementAccountOwnerType = "IDENTITY"
)

// reviewableEntitlementAccountOwnerTypeValues lists the ReviewableEntitlementAccountOwnerType values the API defines, in its order.
var reviewableEntitlementAccountOwnerTypeValues = []ReviewableEntitlementAccountOwnerType{
	ReviewableEntitlementAccountOwnerTypeIdentity,
}

// ReviewableEntitlementAccountOwnerTypeValues returns the values of
// ReviewableEntitlementAccountOwnerType defined by the API, in the order the
// API lists them. Each call returns a new slice.
func ReviewableEntitlementAccountOwnerTypeValues() []ReviewableEntitlementAccountOwnerType {
	return slices.Clone(reviewableEntitlementAccountOwnerTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReviewableEntitlementAccountOwnerType) IsKnown() bool {
	return slices.Contains(reviewableEntitlementAccountOwnerTypeValues, v)
}
