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
