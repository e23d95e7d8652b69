package certifications

import "time"

// Reviewer is the identity or governance group that reviews a certification.
type Reviewer struct {
	// ID identifies the reviewer.
	ID *string `json:"id,omitempty"`
	// Name is the reviewer's display name.
	Name *string `json:"name,omitempty"`
	// Email is the reviewer's address; only identity reviewers have one,
	// and it may be null.
	Email *string `json:"email,omitempty"`
	// Type says whether the reviewer is an identity or a governance group.
	Type *ReviewerType `json:"type,omitempty"`
	// Created is when the reviewer was created; it may be null.
	Created *time.Time `json:"created,omitempty"`
	// Modified is when the reviewer last changed; it may be null.
	Modified *time.Time `json:"modified,omitempty"`
}
