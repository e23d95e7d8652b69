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

// IdentityCertificationTaskTypeValues returns the values of
// IdentityCertificationTaskType defined by the API, in the order the API
// lists them. Each call returns a new slice.
func IdentityCertificationTaskTypeValues() []IdentityCertificationTaskType {
	return []IdentityCertificationTaskType{
		IdentityCertificationTaskTypeReassign,
	}
}

// IsKnown reports whether v is one of the values defined by the API.
func (v IdentityCertificationTaskType) IsKnown() bool {
	switch v {
	case IdentityCertificationTaskTypeReassign:
		return true
	}
	return false
}
