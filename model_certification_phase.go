package certifications

// CertificationPhase is the phase a certification is in. Unknown values are
// kept as sent.
type CertificationPhase string

// CertificationPhase values defined by the API.
const (
	// CertificationPhaseStaged means the certification waits for its
	// campaign to be activated.
	CertificationPhaseStaged CertificationPhase = "STAGED"
	// CertificationPhaseActive means the certification is open for review.
	CertificationPhaseActive CertificationPhase = "ACTIVE"
	// CertificationPhaseSigned means the reviewer signed off and the
	// certification is done.
	CertificationPhaseSigned CertificationPhase = "SIGNED"
)
