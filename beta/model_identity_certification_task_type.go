package beta

// IdentityCertificationTaskType is the kind of work an
// IdentityCertificationTask does. The beta API defines only REASSIGN (v3
// tasks know more kinds, see certifications.CertificationTaskType); unknown
// values are kept as sent.
type IdentityCertificationTaskType string

// IdentityCertificationTaskType values defined by the API.
const (
	// IdentityCertificationTaskTypeReassign moves identities or items of a
	// certification to another reviewer.
	IdentityCertificationTaskTypeReassign IdentityCertificationTaskType = "REASSIGN"
)
