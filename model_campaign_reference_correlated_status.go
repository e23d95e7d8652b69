package certifications

import "slices"

// CampaignReferenceCorrelatedStatus says whether a campaign covers correlated
// identities (with an account on an authoritative source) or uncorrelated ones.
// Only SOURCE_OWNER campaigns can be uncorrelated. Unknown values are kept as
// sent.
type CampaignReferenceCorrelatedStatus string

// CampaignReferenceCorrelatedStatus values defined by the API.
const (
	// CampaignReferenceCorrelatedStatusCorrelated means the campaign covers
	// correlated identities.
	CampaignReferenceCorrelatedStatusCorrelated CampaignReferenceCorrelatedStatus = "CORRELATED"
	// CampaignReferenceCorrelatedStatusUncorrelated means the campaign
	// covers only identities without an account on an authoritative source.
	CampaignReferenceCorrelatedStatusUncorrelated CampaignReferenceCorrelatedStatus = "UNCORRELATED"
)

// campaignReferenceCorrelatedStatusValues lists the CampaignReferenceCorrelatedStatus values the API defines, in its order.
var campaignReferenceCorrelatedStatusValues = []CampaignReferenceCorrelatedStatus{
	CampaignReferenceCorrelatedStatusCorrelated,
	CampaignReferenceCorrelatedStatusUncorrelated,
}

// CampaignReferenceCorrelatedStatusValues returns the values of
// CampaignReferenceCorrelatedStatus defined by the API, in the order the API
// lists them. Each call returns a new slice.
func CampaignReferenceCorrelatedStatusValues() []CampaignReferenceCorrelatedStatus {
	return slices.Clone(campaignReferenceCorrelatedStatusValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReferenceCorrelatedStatus) IsKnown() bool {
	return slices.Contains(campaignReferenceCorrelatedStatusValues, v)
}
