package beta

import "slices"

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

// identityCertificationTaskTypeValues lists the IdentityCertificationTaskType values the API defines, in its order.
var identityCertificationTaskTypeValues = []IdentityCertificationTaskType{
	IdentityCertificationTaskTypeReassign,
}

// IdentityCertificationTaskTypeValues returns the values of
// IdentityCertificationTaskType defined by the API, in the order the API
// lists them. Each call returns a new slice.
func IdentityCertificationTaskTypeValues() []IdentityCertificationTaskType {
	return slices.Clone(identityCertificationTaskTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v IdentityCertificationTaskType) IsKnown() bool {
	return slices.Contains(identityCertificationTaskTypeValues, v)
}
