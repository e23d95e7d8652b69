package certifications

import "slices"

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

// reviewerTypeValues lists the ReviewerType values the API defines, in its order.
var reviewerTypeValues = []ReviewerType{
	ReviewerTypeIdentity,
	ReviewerTypeGovernanceGroup,
}

// ReviewerTypeValues returns the values of ReviewerType defined by the API, in
// the order the API lists them. Each call returns a new slice.
func ReviewerTypeValues() []ReviewerType {
	return slices.Clone(reviewerTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReviewerType) IsKnown() bool {
	return slices.Contains(reviewerTypeValues, v)
}
