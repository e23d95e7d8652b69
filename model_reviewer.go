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

// GetID returns ID, or "" when it is unset or r is nil.
func (r *Reviewer) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetName returns Name, or "" when it is unset or r is nil.
func (r *Reviewer) GetName() string {
	if r == nil || r.Name == nil {
		return ""
	}
	return *r.Name
}

// GetEmail returns Email, or "" when it is unset or r is nil.
func (r *Reviewer) GetEmail() string {
	if r == nil || r.Email == nil {
		return ""
	}
	return *r.Email
}

// GetType returns Type, or "" when it is unset or r is nil.
func (r *Reviewer) GetType() ReviewerType {
	if r == nil || r.Type == nil {
		return ""
	}
	return *r.Type
}

// GetCreated returns Created, or the zero time when it is unset or r is nil.
func (r *Reviewer) GetCreated() time.Time {
	if r == nil || r.Created == nil {
		return time.Time{}
	}
	return *r.Created
}

// GetModified returns Modified, or the zero time when it is unset or r is nil.
func (r *Reviewer) GetModified() time.Time {
	if r == nil || r.Modified == nil {
		return time.Time{}
	}
	return *r.Modified
}
