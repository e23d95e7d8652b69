package certifications

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
