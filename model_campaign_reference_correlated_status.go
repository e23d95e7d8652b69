package certifications

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
