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

// GetID returns ID, or "" when r is nil.
func (r *ReviewDecision) GetID() string {
	if r == nil {
		return ""
	}
	return r.ID
}

// GetDecision returns Decision, or "" when r is nil.
func (r *ReviewDecision) GetDecision() CertificationDecision {
	if r == nil {
		return ""
	}
	return r.Decision
}

// GetProposedEndDate returns ProposedEndDate, or the zero time when it is unset or r is nil.
func (r *ReviewDecision) GetProposedEndDate() time.Time {
	if r == nil || r.ProposedEndDate == nil {
		return time.Time{}
	}
	return *r.ProposedEndDate
}

// GetBulk returns Bulk, or false when r is nil.
func (r *ReviewDecision) GetBulk() bool {
	if r == nil {
		return false
	}
	return r.Bulk
}

// GetRecommendation returns Recommendation, or nil when it is unset or r is nil.
func (r *ReviewDecision) GetRecommendation() *ReviewRecommendation {
	if r == nil {
		return nil
	}
	return r.Recommendation
}

// GetComments returns Comments, or "" when it is unset or r is nil.
func (r *ReviewDecision) GetComments() string {
	if r == nil || r.Comments == nil {
		return ""
	}
	return *r.Comments
}
