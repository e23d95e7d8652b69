package certifications

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
