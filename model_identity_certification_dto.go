package certifications

import "time"

// IdentityCertificationDto is one reviewer's certification within a campaign:
// its progress counters, dates, reviewer, and phase.
type IdentityCertificationDto struct {
	// ID identifies the certification.
	ID *string `json:"id,omitempty"`
	// Name is the certification's display name.
	Name *string `json:"name,omitempty"`
	// Campaign is the campaign the certification belongs to.
	Campaign *CampaignReference `json:"campaign,omitempty"`
	// Completed is true once every decision in the certification has been
	// made.
	Completed *bool `json:"completed,omitempty"`
	// IdentitiesCompleted counts identities whose decisions are all made.
	IdentitiesCompleted *int32 `json:"identitiesCompleted,omitempty"`
	// IdentitiesTotal counts all identities in the certification, finished
	// or not.
	IdentitiesTotal *int32 `json:"identitiesTotal,omitempty"`
	// Created is when the certification was created.
	Created *time.Time `json:"created,omitempty"`
	// Modified is when the certification last changed.
	Modified *time.Time `json:"modified,omitempty"`
	// DecisionsMade counts the decisions made so far.
	DecisionsMade *int32 `json:"decisionsMade,omitempty"`
	// DecisionsTotal counts all decisions the certification needs.
	DecisionsTotal *int32 `json:"decisionsTotal,omitempty"`
	// Due is the deadline for the certification; it may be null.
	Due *time.Time `json:"due,omitempty"`
	// Signed is when the reviewer signed off; it is null until then.
	Signed *time.Time `json:"signed,omitempty"`
	// Reviewer is the identity or governance group doing the review.
	Reviewer *Reviewer `json:"reviewer,omitempty"`
	// Reassignment tells where the certification came from if it was
	// reassigned; it may be null.
	Reassignment *Reassignment `json:"reassignment,omitempty"`
	// HasErrors is true when the certification is in an error state.
	HasErrors *bool `json:"hasErrors,omitempty"`
	// ErrorMessage describes the error when HasErrors is true; it may be
	// null.
	ErrorMessage *string `json:"errorMessage,omitempty"`
	// Phase is the certification's current phase.
	Phase *CertificationPhase `json:"phase,omitempty"`
}
