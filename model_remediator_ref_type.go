package certifications

// RemediatorRefType is the kind of object a RemediatorRef names. Unknown
// values are kept as sent.
type RemediatorRefType string

// RemediatorRefType values defined by the API.
const (
	// RemediatorRefTypeIdentity means an identity.
	RemediatorRefTypeIdentity RemediatorRefType = "IDENTITY"
)
