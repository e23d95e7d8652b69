package certifications

// RemediatorRef names the identity that remediates a role composition
// campaign's revocations.
type RemediatorRef struct {
	// Type is always IDENTITY.
	Type RemediatorRefType `json:"type"`
	// ID identifies the remediator.
	ID string `json:"id"`
	// Name is the remediator's name; the server fills it in.
	Name *string `json:"name,omitempty"`
}
