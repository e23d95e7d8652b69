package beta

import "github.com/iscgo/certifications"

// IdentityCertificationTask is an asynchronous job on one beta certification,
// such as the reassignment SubmitReassignCertsAsync starts. It is smaller
// than the v3 certifications.CertificationTask: it names its certification
// directly, knows only the REASSIGN type, and reports errors as plain
// strings. Status QUEUED and IN_PROGRESS are pending; SUCCESS and ERROR are
// final.
type IdentityCertificationTask struct {
	// ID identifies the task.
	ID *string `json:"id,omitempty"`
	// CertificationID is the certification the task works on.
	CertificationID *string `json:"certificationId,omitempty"`
	// Type is the kind of task. Unknown values are kept as sent.
	Type *IdentityCertificationTaskType `json:"type,omitempty"`
	// Status is the task's state; the values are those of the v3 tasks.
	// Unknown values are kept as sent.
	Status *certifications.CertificationTaskStatus `json:"status,omitempty"`
	// Errors lists what went wrong while the task ran, if anything.
	Errors []string `json:"errors,omitempty"`
}
