package certifications

import "slices"

// CertificationDecision is a reviewer's verdict on a review item. Unknown
// values are kept as sent.
type CertificationDecision string

// CertificationDecision values defined by the API.
const (
	// CertificationDecisionApprove keeps the access.
	CertificationDecisionApprove CertificationDecision = "APPROVE"
	// CertificationDecisionRevoke removes the access.
	CertificationDecisionRevoke CertificationDecision = "REVOKE"
)

// certificationDecisionValues lists the CertificationDecision values the API defines, in its order.
var certificationDecisionValues = []CertificationDecision{
	CertificationDecisionApprove,
	CertificationDecisionRevoke,
}

// CertificationDecisionValues returns the values of CertificationDecision
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func CertificationDecisionValues() []CertificationDecision {
	return slices.Clone(certificationDecisionValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationDecision) IsKnown() bool {
	return slices.Contains(certificationDecisionValues, v)
}
