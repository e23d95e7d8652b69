package beta

import (
	"time"

	"github.com/iscgo/certifications"
)

// CertificationDto is a certification as the beta ListCertifications returns
// it: its campaign, phase, dates, reviewer and progress counters. It is not
// the v3 certifications.IdentityCertificationDto: it names the campaign
// campaignRef (v3: campaign), counts entities rather than identities, and
// carries no id, name, created or modified.
//
// The beta spec also lists campaignOwner as required but never defines it,
// so it has no field here: a campaignOwner property in a response is
// ignored like any unknown property. Read the raw body from the returned
// *http.Response if you need it.
type CertificationDto struct {
	// CampaignRef is the campaign the certification belongs to.
	CampaignRef CampaignReference `json:"campaignRef"`
	// Phase is the certification's current phase. Unknown values are kept
	// as sent.
	Phase certifications.CertificationPhase `json:"phase"`
	// Due is when the certification is due.
	Due time.Time `json:"due"`
	// Signed is when the reviewer signed off. The spec requires it, but a
	// certification that is not signed yet may send null, which decodes as
	// the zero time.
	Signed time.Time `json:"signed"`
	// Reviewer is who reviews the certification.
	Reviewer Reviewer `json:"reviewer"`
	// Reassignment tells where the certification came from if it was
	// reassigned; it may be null.
	Reassignment *Reassignment `json:"reassignment,omitempty"`
	// HasErrors is true when the certification is in an error state.
	HasErrors bool `json:"hasErrors"`
	// ErrorMessage describes the error; it may be null.
	ErrorMessage *string `json:"errorMessage,omitempty"`
	// Completed is true once every decision of the certification is made.
	Completed bool `json:"completed"`
	// DecisionsMade counts the decisions the reviewer has made.
	DecisionsMade int32 `json:"decisionsMade"`
	// DecisionsTotal counts all decisions the certification needs.
	DecisionsTotal int32 `json:"decisionsTotal"`
	// EntitiesCompleted counts the entities (identities, access profiles,
	// roles ...) whose decisions are all made.
	EntitiesCompleted int32 `json:"entitiesCompleted"`
	// EntitiesTotal counts all entities of the certification, complete or
	// not.
	EntitiesTotal int32 `json:"entitiesTotal"`
}

// GetCampaignRef returns a pointer to CampaignRef, or nil when c is nil.
func (c *CertificationDto) GetCampaignRef() *CampaignReference {
	if c == nil {
		return nil
	}
	return &c.CampaignRef
}

// GetDue returns Due, or the zero time when c is nil.
func (c *CertificationDto) GetDue() time.Time {
	if c == nil {
		return time.Time{}
	}
	return c.Due
}

// GetSigned returns Signed, or the zero time when c is nil.
func (c *CertificationDto) GetSigned() time.Time {
	if c == nil {
		return time.Time{}
	}
	return c.Signed
}

// GetReviewer returns a pointer to Reviewer, or nil when c is nil.
func (c *CertificationDto) GetReviewer() *Reviewer {
	if c == nil {
		return nil
	}
	return &c.Reviewer
}

// GetDecisionsMade returns DecisionsMade, or 0 when c is nil.
func (c *CertificationDto) GetDecisionsMade() int32 {
	if c == nil {
		return 0
	}
	return c.DecisionsMade
}

// GetDecisionsTotal returns DecisionsTotal, or 0 when c is nil.
func (c *CertificationDto) GetDecisionsTotal() int32 {
	if c == nil {
		return 0
	}
	return c.DecisionsTotal
}

// GetEntitiesCompleted returns EntitiesCompleted, or 0 when c is nil.
func (c *CertificationDto) GetEntitiesCompleted() int32 {
	if c == nil {
		return 0
	}
	return c.EntitiesCompleted
}

// GetEntitiesTotal returns EntitiesTotal, or 0 when c is nil.
func (c *CertificationDto) GetEntitiesTotal() int32 {
	if c == nil {
		return 0
	}
	return c.EntitiesTotal
}
