package certifications

// AdminReviewReassignReassignToType is the kind of reviewer certifications
// move to. Unknown values are kept as sent.
type AdminReviewReassignReassignToType string

// AdminReviewReassignReassignToType values defined by the API.
const (
	// AdminReviewReassignReassignToTypeIdentity means an identity.
	AdminReviewReassignReassignToTypeIdentity AdminReviewReassignReassignToType = "IDENTITY"
)
