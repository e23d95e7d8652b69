package certifications

import "slices"

// CertificationTaskStatus is the state of a CertificationTask. QUEUED and
// IN_PROGRESS are pending; SUCCESS and ERROR are final. Unknown values are kept
// as sent.
type CertificationTaskStatus string

// CertificationTaskStatus values defined by the API.
const (
	// CertificationTaskStatusQueued means the task waits to run.
	CertificationTaskStatusQueued CertificationTaskStatus = "QUEUED"
	// CertificationTaskStatusInProgress means the task is running.
	CertificationTaskStatusInProgress CertificationTaskStatus = "IN_PROGRESS"
	// CertificationTaskStatusSuccess means the task finished without
	// errors.
	CertificationTaskStatusSuccess CertificationTaskStatus = "SUCCESS"
	// CertificationTaskStatusError means the task failed; see
	// CertificationTask.Errors.
	CertificationTaskStatusError CertificationTaskStatus = "ERROR"
)

// certificationTaskStatusValues lists the CertificationTaskStatus values the API defines, in its order.
var certificationTaskStatusValues = []CertificationTaskStatus{
	CertificationTaskStatusQueued,
	CertificationTaskStatusInProgress,
	CertificationTaskStatusSuccess,
	CertificationTaskStatusError,
}

// CertificationTaskStatusValues returns the values of CertificationTaskStatus
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func CertificationTaskStatusValues() []CertificationTaskStatus {
	return slices.Clone(certificationTaskStatusValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationTaskStatus) IsKnown() bool {
	return slices.Contains(certificationTaskStatusValues, v)
}
