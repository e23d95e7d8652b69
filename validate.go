package certifications

import (
	"fmt"
	"strings"
)

// Limits the API documents for request bodies.
const (
	// MaxDecisionsPerCall is the most decisions one decide call takes.
	MaxDecisionsPerCall = 250
	// MaxReassignSync is the most identities or items one synchronous
	// reassign call takes.
	MaxReassignSync = 50
	// MaxReassignAsync is the most identities or items one asynchronous
	// reassign call takes.
	MaxReassignAsync = 500
)

// ValidateDecisions checks a decide body: 1 to MaxDecisionsPerCall
// decisions, each with an id and a decision.
func ValidateDecisions(ds []ReviewDecision) error {
	if len(ds) == 0 {
		return &ValidationError{Parameter: "reviewDecision", Problem: "has no decisions", Allowed: fmt.Sprintf("1 to %d decisions", MaxDecisionsPerCall)}
	}
	if len(ds) > MaxDecisionsPerCall {
		return &ValidationError{Parameter: "reviewDecision", Problem: fmt.Sprintf("has %d decisions", len(ds)), Allowed: fmt.Sprintf("1 to %d decisions per call (DecideAll splits larger sets)", MaxDecisionsPerCall)}
	}
	return validateEachDecision(ds)
}

// validateEachDecision checks that every decision has an id and a decision,
// naming the first bad one by its index.
func validateEachDecision(ds []ReviewDecision) error {
	for i, d := range ds {
		if strings.TrimSpace(d.ID) == "" {
			return &ValidationError{Parameter: fmt.Sprintf("reviewDecision[%d].id", i), Problem: "is empty", Allowed: "the id of an access review item"}
		}
		if d.Decision == "" {
			return &ValidationError{Parameter: fmt.Sprintf("reviewDecision[%d].decision", i), Problem: "is empty", Allowed: "APPROVE or REVOKE"}
		}
	}
	return nil
}

// Validate checks a reassign body: reassignTo, reason and 1 to maxItems
// references, each with an id and a type. maxItems is MaxReassignSync or
// MaxReassignAsync.
func (r ReviewReassign) Validate(maxItems int) error {
	if strings.TrimSpace(r.ReassignTo) == "" {
		return &ValidationError{Parameter: "reviewReassign.reassignTo", Problem: "is empty", Allowed: "the identity id of the new reviewer"}
	}
	if strings.TrimSpace(r.Reason) == "" {
		return &ValidationError{Parameter: "reviewReassign.reason", Problem: "is empty", Allowed: "a comment explaining the reassignment"}
	}
	if len(r.Reassign) == 0 {
		return &ValidationError{Parameter: "reviewReassign.reassign", Problem: "has no items", Allowed: fmt.Sprintf("1 to %d identity or item references", maxItems)}
	}
	if len(r.Reassign) > maxItems {
		return &ValidationError{Parameter: "reviewReassign.reassign", Problem: fmt.Sprintf("has %d items", len(r.Reassign)), Allowed: fmt.Sprintf("1 to %d per call (ReassignAll splits larger sets)", maxItems)}
	}
	for i, ref := range r.Reassign {
		if strings.TrimSpace(ref.ID) == "" {
			return &ValidationError{Parameter: fmt.Sprintf("reviewReassign.reassign[%d].id", i), Problem: "is empty", Allowed: "the id of an identity summary, target summary or item"}
		}
		if ref.Type == "" {
			return &ValidationError{Parameter: fmt.Sprintf("reviewReassign.reassign[%d].type", i), Problem: "is empty", Allowed: "TARGET_SUMMARY, ITEM or IDENTITY_SUMMARY"}
		}
	}
	return nil
}
