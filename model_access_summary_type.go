package certifications

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
