package certifications

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

// CertificationDecisionValues returns the values of CertificationDecision
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func CertificationDecisionValues() []CertificationDecision {
	return []CertificationDecision{
		CertificationDecisionApprove,
		CertificationDecisionRevoke,
	}
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationDecision) IsKnown() bool {
	switch v {
	case CertificationDecisionApprove, CertificationDecisionRevoke:
		return true
	}
	return false
}
