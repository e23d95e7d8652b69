package certifications

import (
	"fmt"
	"strings"
)

// Limits the API documents for campaign request bodies.
const (
	// MaxCampaignMove is the most certifications one Move call takes.
	MaxCampaignMove = 250
	// MaxAccessConstraints is the most access constraints a SEARCH
	// campaign takes in SearchCampaignInfo.AccessConstraints.
	MaxAccessConstraints = 1000
)

// invalid is the *ValidationError of a request body's field.
func invalid(param, problem, allowed string) error {
	return &ValidationError{Parameter: param, Problem: problem, Allowed: allowed}
}

// validate checks what a campaign to create needs: a name and a type, and
// for a SEARCH campaign at most MaxAccessConstraints access constraints.
func (c Campaign) validate() error { return c.validateAs("campaign") }

func (c Campaign) validateAs(param string) error {
	if strings.TrimSpace(c.Name) == "" {
		return invalid(param+".name", "is empty", "the campaign's name")
	}
	if c.Type == "" {
		return invalid(param+".type", "is empty", "one of "+joinValues(CampaignReferenceCampaignTypeValues()))
	}
	if s := c.SearchCampaignInfo; s != nil && len(s.AccessConstraints) > MaxAccessConstraints {
		return invalid(param+".searchCampaignInfo.accessConstraints", fmt.Sprintf("has %d constraints", len(s.AccessConstraints)), fmt.Sprintf("at most %d", MaxAccessConstraints))
	}
	return nil
}

// validate checks a template to create: a name and a campaign to generate.
func (t CampaignTemplate) validate() error {
	if strings.TrimSpace(t.Name) == "" {
		return invalid("campaignTemplate.name", "is empty", "the template's name")
	}
	return t.Campaign.validateAs("campaignTemplate.campaign")
}

// validate checks a Move body: 1 to MaxCampaignMove certification IDs and
// the reviewer to move them to.
func (r AdminReviewReassign) validate() error {
	if err := validateIDs("adminReviewReassign.certificationIds", r.CertificationIDs); err != nil {
		return err
	}
	if len(r.CertificationIDs) > MaxCampaignMove {
		return invalid("adminReviewReassign.certificationIds", fmt.Sprintf("has %d IDs", len(r.CertificationIDs)), fmt.Sprintf("1 to %d per call", MaxCampaignMove))
	}
	if r.ReassignTo == nil || strings.TrimSpace(r.ReassignTo.GetID()) == "" {
		return invalid("adminReviewReassign.reassignTo.id", "is empty", "the identity ID of the new reviewer")
	}
	return nil
}

// validate checks a DeleteCampaigns body: at least one ID.
func (r CampaignsDeleteRequest) validate() error {
	return validateIDs("campaignsDeleteRequest.ids", r.IDs)
}

// validate checks a schedule: a type and at least one hour.
func (s Schedule) validate() error {
	if s.Type == "" {
		return invalid("schedule.type", "is empty", "one of "+joinValues(ScheduleTypeValues()))
	}
	if len(s.Hours.Values) == 0 {
		return invalid("schedule.hours.values", "is empty", "the hours to run at, e.g. [\"9\"]")
	}
	return nil
}

// validate checks a filter to create or update: a name and a mode.
func (f CampaignFilterDetails) validate() error {
	if strings.TrimSpace(f.Name) == "" {
		return invalid("campaignFilterDetails.name", "is empty", "the filter's name")
	}
	if f.Mode == "" {
		return invalid("campaignFilterDetails.mode", "is empty", "INCLUSION or EXCLUSION")
	}
	return nil
}

// validatePatch checks a JSON Patch: at least one operation, each with an
// op and a path that is a JSON Pointer.
func validatePatch(ops []JSONPatchOperation) error {
	if len(ops) == 0 {
		return invalid("jsonPatchOperation", "has no operations", "at least one operation, e.g. replace /name")
	}
	for i, o := range ops {
		if o.Op == "" {
			return invalid(fmt.Sprintf("jsonPatchOperation[%d].op", i), "is empty", "one of "+joinValues(JSONPatchOperationOpValues()))
		}
		if !strings.HasPrefix(o.Path, "/") {
			return invalid(fmt.Sprintf("jsonPatchOperation[%d].path", i), fmt.Sprintf("%q is not a JSON Pointer", o.Path), "a path starting with /, e.g. /name")
		}
	}
	return nil
}

// validateIDs checks a list of IDs: at least one, none blank.
func validateIDs(param string, ids []string) error {
	if len(ids) == 0 {
		return invalid(param, "is empty", "at least one ID")
	}
	for i, id := range ids {
		if strings.TrimSpace(id) == "" {
			return invalid(fmt.Sprintf("%s[%d]", param, i), "is empty", "an ID")
		}
	}
	return nil
}

// joinValues lists enum values for a message.
func joinValues[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
