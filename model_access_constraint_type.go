package certifications

// AccessConstraintType is the kind of access an AccessConstraint narrows.
// Unknown values are kept as sent.
type AccessConstraintType string

// AccessConstraintType values defined by the API.
const (
	// AccessConstraintTypeEntitlement means entitlements.
	AccessConstraintTypeEntitlement AccessConstraintType = "ENTITLEMENT"
	// AccessConstraintTypeAccessProfile means access profiles.
	AccessConstraintTypeAccessProfile AccessConstraintType = "ACCESS_PROFILE"
	// AccessConstraintTypeRole means roles.
	AccessConstraintTypeRole AccessConstraintType = "ROLE"
)
