package certifications

import "slices"

// AccessSummaryType is the kind of access review item whose access summaries
// GetIdentityAccessSummaries lists. Unknown values are kept as sent.
type AccessSummaryType string

// AccessSummaryType values defined by the API.
const (
	// AccessSummaryTypeRole selects role items.
	AccessSummaryTypeRole AccessSummaryType = "ROLE"
	// AccessSummaryTypeAccessProfile selects access profile items.
	AccessSummaryTypeAccessProfile AccessSummaryType = "ACCESS_PROFILE"
	// AccessSummaryTypeEntitlement selects entitlement items.
	AccessSummaryTypeEntitlement AccessSummaryType = "ENTITLEMENT"
)

// accessSummaryTypeValues lists the AccessSummaryType values the API defines, in its order.
var accessSummaryTypeValues = []AccessSummaryType{
	AccessSummaryTypeRole,
	AccessSummaryTypeAccessProfile,
	AccessSummaryTypeEntitlement,
}

// AccessSummaryTypeValues returns the values of AccessSummaryType defined by
// the API, in the order the API lists them. Each call returns a new slice.
func AccessSummaryTypeValues() []AccessSummaryType {
	return slices.Clone(accessSummaryTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v AccessSummaryType) IsKnown() bool {
	return slices.Contains(accessSummaryTypeValues, v)
}
