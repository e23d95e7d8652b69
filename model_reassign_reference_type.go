package certifications

import "slices"

// ReassignReferenceType says what a ReassignReference.ID refers to. Unknown
// values are kept as sent.
type ReassignReferenceType string

// ReassignReferenceType values defined by the API.
const (
	// ReassignReferenceTypeTargetSummary refers to a target summary.
	ReassignReferenceTypeTargetSummary ReassignReferenceType = "TARGET_SUMMARY"
	// ReassignReferenceTypeItem refers to a single review item.
	ReassignReferenceTypeItem ReassignReferenceType = "ITEM"
	// ReassignReferenceTypeIdentitySummary refers to an identity summary,
	// moving all of that identity's items.
	ReassignReferenceTypeIdentitySummary ReassignReferenceType = "IDENTITY_SUMMARY"
)

// reassignReferenceTypeValues lists the ReassignReferenceType values the API defines, in its order.
var reassignReferenceTypeValues = []ReassignReferenceType{
	ReassignReferenceTypeTargetSummary,
	ReassignReferenceTypeItem,
	ReassignReferenceTypeIdentitySummary,
}

// ReassignReferenceTypeValues returns the values of ReassignReferenceType
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func ReassignReferenceTypeValues() []ReassignReferenceType {
	return slices.Clone(reassignReferenceTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReassignReferenceType) IsKnown() bool {
	return slices.Contains(reassignReferenceTypeValues, v)
}
