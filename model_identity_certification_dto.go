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

// GetID returns ID, or "" when it is unset or i is nil.
func (i *IdentityCertificationDto) GetID() string {
	if i == nil || i.ID == nil {
		return ""
	}
	return *i.ID
}

// GetName returns Name, or "" when it is unset or i is nil.
func (i *IdentityCertificationDto) GetName() string {
	if i == nil || i.Name == nil {
		return ""
	}
	return *i.Name
}

// GetCampaign returns Campaign, or nil when it is unset or i is nil.
func (i *IdentityCertificationDto) GetCampaign() *CampaignReference {
	if i == nil {
		return nil
	}
	return i.Campaign
}

// GetCompleted returns Completed, or false when it is unset or i is nil.
func (i *IdentityCertificationDto) GetCompleted() bool {
	if i == nil || i.Completed == nil {
		return false
	}
	return *i.Completed
}

// GetIdentitiesCompleted returns IdentitiesCompleted, or 0 when it is unset or i is nil.
func (i *IdentityCertificationDto) GetIdentitiesCompleted() int32 {
	if i == nil || i.IdentitiesCompleted == nil {
		return 0
	}
	return *i.IdentitiesCompleted
}

// GetIdentitiesTotal returns IdentitiesTotal, or 0 when it is unset or i is nil.
func (i *IdentityCertificationDto) GetIdentitiesTotal() int32 {
	if i == nil || i.IdentitiesTotal == nil {
		return 0
	}
	return *i.IdentitiesTotal
}

// GetCreated returns Created, or the zero time when it is unset or i is nil.
func (i *IdentityCertificationDto) GetCreated() time.Time {
	if i == nil || i.Created == nil {
		return time.Time{}
	}
	return *i.Created
}

// GetModified returns Modified, or the zero time when it is unset or i is nil.
func (i *IdentityCertificationDto) GetModified() time.Time {
	if i == nil || i.Modified == nil {
		return time.Time{}
	}
	return *i.Modified
}

// GetDecisionsMade returns DecisionsMade, or 0 when it is unset or i is nil.
func (i *IdentityCertificationDto) GetDecisionsMade() int32 {
	if i == nil || i.DecisionsMade == nil {
		return 0
	}
	return *i.DecisionsMade
}

// GetDecisionsTotal returns DecisionsTotal, or 0 when it is unset or i is nil.
func (i *IdentityCertificationDto) GetDecisionsTotal() int32 {
	if i == nil || i.DecisionsTotal == nil {
		return 0
	}
	return *i.DecisionsTotal
}

// GetDue returns Due, or the zero time when it is unset or i is nil.
func (i *IdentityCertificationDto) GetDue() time.Time {
	if i == nil || i.Due == nil {
		return time.Time{}
	}
	return *i.Due
}

// GetSigned returns Signed, or the zero time when it is unset or i is nil.
func (i *IdentityCertificationDto) GetSigned() time.Time {
	if i == nil || i.Signed == nil {
		return time.Time{}
	}
	return *i.Signed
}

// GetReviewer returns Reviewer, or nil when it is unset or i is nil.
func (i *IdentityCertificationDto) GetReviewer() *Reviewer {
	if i == nil {
		return nil
	}
	return i.Reviewer
}

// GetReassignment returns Reassignment, or nil when it is unset or i is nil.
func (i *IdentityCertificationDto) GetReassignment() *Reassignment {
	if i == nil {
		return nil
	}
	return i.Reassignment
}

// GetHasErrors returns HasErrors, or false when it is unset or i is nil.
func (i *IdentityCertificationDto) GetHasErrors() bool {
	if i == nil || i.HasErrors == nil {
		return false
	}
	return *i.HasErrors
}

// GetErrorMessage returns ErrorMessage, or "" when it is unset or i is nil.
func (i *IdentityCertificationDto) GetErrorMessage() string {
	if i == nil || i.ErrorMessage == nil {
		return ""
	}
	return *i.ErrorMessage
}

// GetPhase returns Phase, or "" when it is unset or i is nil.
func (i *IdentityCertificationDto) GetPhase() CertificationPhase {
	if i == nil || i.Phase == nil {
		return ""
	}
	return *i.Phase
}
