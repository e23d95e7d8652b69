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
