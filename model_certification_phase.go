package certifications

import "slices"

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

// certificationPhaseValues lists the CertificationPhase values the API defines, in its order.
var certificationPhaseValues = []CertificationPhase{
	CertificationPhaseStaged,
	CertificationPhaseActive,
	CertificationPhaseSigned,
}

// CertificationPhaseValues returns the values of CertificationPhase defined by
// the API, in the order the API lists them. Each call returns a new slice.
func CertificationPhaseValues() []CertificationPhase {
	return slices.Clone(certificationPhaseValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationPhase) IsKnown() bool {
	return slices.Contains(certificationPhaseValues, v)
}
