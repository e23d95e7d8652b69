package certifications

// AccessReviewItem is one piece of access held by one identity that a reviewer
// must approve or revoke.
type AccessReviewItem struct {
	// AccessSummary describes the access under review.
	AccessSummary *AccessSummary `json:"accessSummary,omitempty"`
	// IdentitySummary describes the identity that holds the access.
	IdentitySummary *CertificationIdentitySummary `json:"identitySummary,omitempty"`
	// ID identifies the review item; ReviewDecision.ID refers to it.
	ID *string `json:"id,omitempty"`
	// Completed is true once the item has been decided.
	Completed *bool `json:"completed,omitempty"`
	// NewAccess is true when the item is access the identity gained
	// recently on a source.
	NewAccess *bool `json:"newAccess,omitempty"`
	// Decision is the decision made on the item, if any.
	Decision *CertificationDecision `json:"decision,omitempty"`
	// Comments are the reviewer's comments on the item; they may be null.
	Comments *string `json:"comments,omitempty"`
}

// GetAccessSummary returns AccessSummary, or nil when it is unset or a is nil.
func (a *AccessReviewItem) GetAccessSummary() *AccessSummary {
	if a == nil {
		return nil
	}
	return a.AccessSummary
}

// GetIdentitySummary returns IdentitySummary, or nil when it is unset or a is nil.
func (a *AccessReviewItem) GetIdentitySummary() *CertificationIdentitySummary {
	if a == nil {
		return nil
	}
	return a.IdentitySummary
}

// GetID returns ID, or "" when it is unset or a is nil.
func (a *AccessReviewItem) GetID() string {
	if a == nil || a.ID == nil {
		return ""
	}
	return *a.ID
}

// GetCompleted returns Completed, or false when it is unset or a is nil.
func (a *AccessReviewItem) GetCompleted() bool {
	if a == nil || a.Completed == nil {
		return false
	}
	return *a.Completed
}

// GetNewAccess returns NewAccess, or false when it is unset or a is nil.
func (a *AccessReviewItem) GetNewAccess() bool {
	if a == nil || a.NewAccess == nil {
		return false
	}
	return *a.NewAccess
}

// GetDecision returns Decision, or "" when it is unset or a is nil.
func (a *AccessReviewItem) GetDecision() CertificationDecision {
	if a == nil || a.Decision == nil {
		return ""
	}
	return *a.Decision
}

// GetComments returns Comments, or "" when it is unset or a is nil.
func (a *AccessReviewItem) GetComments() string {
	if a == nil || a.Comments == nil {
		return ""
	}
	return *a.Comments
}
