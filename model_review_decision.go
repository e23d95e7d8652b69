package certifications

import "time"

// ReviewDecision approves or revokes one review item. A makeIdentityDecision
// request sends between 1 and 250 of them.
type ReviewDecision struct {
	// ID is the ID of the review item being decided (AccessReviewItem.ID).
	ID string `json:"id"`
	// Decision approves or revokes the item.
	Decision CertificationDecision `json:"decision"`
	// ProposedEndDate is when the access should be removed; set it only for
	// REVOKE decisions.
	ProposedEndDate *time.Time `json:"proposedEndDate,omitempty"`
	// Bulk marks the decision as part of a larger bulk decision.
	Bulk bool `json:"bulk"`
	// Recommendation records the AI recommendation shown when the decision
	// was made; it may be null.
	Recommendation *ReviewRecommendation `json:"recommendation,omitempty"`
	// Comments explain the decision. The campaign's
	// MandatoryCommentRequirement says when they are needed.
	Comments *string `json:"comments,omitempty"`
}
