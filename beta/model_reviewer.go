package beta

import "github.com/iscgo/certifications"

// Reviewer is the identity or governance group that reviews a beta
// certification. It differs from certifications.Reviewer: the beta schema
// requires type, id and name, and has no created or modified dates.
type Reviewer struct {
	// Type says whether the reviewer is an identity or a governance group.
	// Unknown values are kept as sent.
	Type certifications.ReviewerType `json:"type"`
	// ID identifies the reviewer.
	ID string `json:"id"`
	// Name is the reviewer's display name.
	Name string `json:"name"`
	// Email is the reviewer's address. Only identity reviewers have one, and
	// the API may send null.
	Email *string `json:"email,omitempty"`
}
