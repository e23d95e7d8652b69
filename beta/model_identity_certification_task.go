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

// GetID returns ID, or "" when it is unset or t is nil.
func (t *IdentityCertificationTask) GetID() string {
	if t == nil || t.ID == nil {
		return ""
	}
	return *t.ID
}

// GetCertificationID returns CertificationID, or "" when it is unset or t is
// nil.
func (t *IdentityCertificationTask) GetCertificationID() string {
	if t == nil || t.CertificationID == nil {
		return ""
	}
	return *t.CertificationID
}

// GetType returns Type, or "" when it is unset or t is nil.
func (t *IdentityCertificationTask) GetType() IdentityCertificationTaskType {
	if t == nil || t.Type == nil {
		return ""
	}
	return *t.Type
}

// GetStatus returns Status, or "" when it is unset or t is nil.
func (t *IdentityCertificationTask) GetStatus() certifications.CertificationTaskStatus {
	if t == nil || t.Status == nil {
		return ""
	}
	return *t.Status
}

// GetErrors returns Errors, or nil when t is nil.
func (t *IdentityCertificationTask) GetErrors() []string {
	if t == nil {
		return nil
	}
	return t.Errors
}
