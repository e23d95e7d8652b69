package certifications

// ReviewerType says whether a Reviewer is a single identity or a governance
// group. Unknown values are kept as sent.
type ReviewerType string

// ReviewerType values defined by the API.
const (
	// ReviewerTypeIdentity is a single identity.
	ReviewerTypeIdentity ReviewerType = "IDENTITY"
	// ReviewerTypeGovernanceGroup is a governance group.
	ReviewerTypeGovernanceGroup ReviewerType = "GOVERNANCE_GROUP"
)
