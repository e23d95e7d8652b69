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
