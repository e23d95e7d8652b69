package certtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/iscgo/certifications"
)

// maxBody bounds request bodies: 500 references or 250 decisions with
// long comments fit many times over.
const maxBody = 4 << 20

// decodeBody reads a JSON request body into v.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) *apiError {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return errBadRequest("The request body could not be read: %v.", err)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return errBadRequest("The request body is not valid JSON for this operation: %v.", err)
	}
	return nil
}

// wireDecision is a ReviewDecision as sent, with pointers so that missing
// required properties can be told from zero values.
type wireDecision struct {
	ID              *string          `json:"id"`
	Decision        *string          `json:"decision"`
	Bulk            *bool            `json:"bulk"`
	Comments        *string          `json:"comments"`
	ProposedEndDate *time.Time       `json:"proposedEndDate"`
	Recommendation  *json.RawMessage `json:"recommendation"`
}

// decide validates and applies a decide call atomically: either every
// decision is applied or none. t.mu must be held.
func (t *tenant) decide(c *certState, ds []wireDecision) *apiError {
	if len(ds) < 1 || len(ds) > certifications.MaxDecisionsPerCall {
		return errBadRequest("The request must contain 1 to %d decisions; it contains %d.", certifications.MaxDecisionsPerCall, len(ds))
	}
	if e := t.checkWritable(c); e != nil {
		return e
	}
	req := t.campaigns[c.campaign].ref.MandatoryCommentRequirement
	refs := make([]itemRef, len(ds))
	for i, d := range ds {
		switch {
		case d.ID == nil || *d.ID == "":
			return errBadRequest("Decision %d has no id.", i)
		case d.Decision == nil:
			return errBadRequest("Decision %d (item %s) has no decision.", i, *d.ID)
		case *d.Decision != string(certifications.CertificationDecisionApprove) && *d.Decision != string(certifications.CertificationDecisionRevoke):
			return errBadRequest("Decision %d (item %s) has decision %q; it must be APPROVE or REVOKE.", i, *d.ID, *d.Decision)
		case d.Bulk == nil:
			return errBadRequest("Decision %d (item %s) has no bulk property; it is required.", i, *d.ID)
		case d.ProposedEndDate != nil && *d.Decision != string(certifications.CertificationDecisionRevoke):
			return errBadRequest("Decision %d (item %s) sets proposedEndDate, which is only allowed for REVOKE decisions.", i, *d.ID)
		}
		blank := d.Comments == nil || strings.TrimSpace(*d.Comments) == ""
		if blank && (req == certifications.CampaignReferenceMandatoryCommentRequirementAllDecisions ||
			req == certifications.CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions && *d.Decision == string(certifications.CertificationDecisionRevoke)) {
			return errBadRequest("Decision %d (item %s): campaign %q requires a comment for %s decisions (mandatoryCommentRequirement %s).",
				i, *d.ID, t.campaigns[c.campaign].ref.Name, *d.Decision, req)
		}
		ref, ok := t.parseItemID(*d.ID)
		if !ok || t.location(ref) != c.idx {
			return errBadRequest("Decision %d: item %s is not an access review item of certification %s.", i, *d.ID, c.id)
		}
		refs[i] = ref
	}
	t.version++
	counted := make(map[itemRef]bool, len(refs))
	for i, d := range ds {
		ref := refs[i]
		st := t.decisions[ref]
		if st == nil {
			st = &decisionState{}
			t.decisions[ref] = st
		}
		if dec := certifications.CertificationDecision(*d.Decision); dec != st.decision {
			k, kind := t.identOf(ref), t.kindIndex(ref)
			c.count(k, kind, st.decision, -1)
			c.count(k, kind, dec, 1)
			if st.decision == "" {
				c.markDecided(ref)
			}
			st.decision = dec
		}
		st.comments = d.Comments
		st.proposedEndDate = d.ProposedEndDate
		if !counted[ref] {
			counted[ref] = true
			st.calls++
		}
	}
	c.modified = t.now()
	return nil
}

// checkWritable refuses changes to a certification that is not ACTIVE.
func (t *tenant) checkWritable(c *certState) *apiError {
	switch c.phase {
	case certifications.CertificationPhaseSigned:
		return errBadRequest("Certification %s is signed off; its decisions and reviewers can no longer change.", c.id)
	case certifications.CertificationPhaseStaged:
		return errBadRequest("Certification %s is staged; it can be changed once its campaign is active.", c.id)
	}
	return nil
}

// signOff signs c off when every item is decided.
func (t *tenant) signOff(c *certState) *apiError {
	if c.phase == certifications.CertificationPhaseSigned {
		return errBadRequest("Certification %s is already signed off.", c.id)
	}
	if e := t.checkWritable(c); e != nil {
		return e
	}
	if c.made() < c.total() {
		return errBadRequest("Certification %s cannot be signed off: %d of %d decisions are made. Decide every access review item first.", c.id, c.made(), c.total())
	}
	t.version++
	now := t.now()
	c.phase = certifications.CertificationPhaseSigned
	c.signed = &now
	c.modified = now
	return nil
}

// wireReassign is a ReviewReassign as sent.
type wireReassign struct {
	Reassign *[]struct {
		ID   *string `json:"id"`
		Type *string `json:"type"`
	} `json:"reassign"`
	ReassignTo *string `json:"reassignTo"`
	Reason     *string `json:"reason"`
}

// checkReassign validates a reassign body against c and returns it in the
// model's shape with the new reviewer's person index.
func (t *tenant) checkReassign(c *certState, b wireReassign, maxRefs int) (certifications.ReviewReassign, int, *apiError) {
	var out certifications.ReviewReassign
	switch {
	case b.Reassign == nil || len(*b.Reassign) == 0:
		return out, 0, errBadRequest("reassign must list at least one identity or item.")
	case len(*b.Reassign) > maxRefs:
		return out, 0, errBadRequest("reassign lists %d identities or items; this operation takes at most %d.", len(*b.Reassign), maxRefs)
	case b.ReassignTo == nil || *b.ReassignTo == "":
		return out, 0, errBadRequest("reassignTo is required: the id of the identity to reassign to.")
	case b.Reason == nil || strings.TrimSpace(*b.Reason) == "":
		return out, 0, errBadRequest("reason is required.")
	}
	if e := t.checkWritable(c); e != nil {
		return out, 0, e
	}
	to, ok := t.known[*b.ReassignTo]
	if !ok {
		return out, 0, errBadRequest("reassignTo %s is not an identity of this tenant.", *b.ReassignTo)
	}
	if to == c.reviewer {
		return out, 0, errBadRequest("Certification %s is already reviewed by %s.", c.id, *b.ReassignTo)
	}
	out.ReassignTo, out.Reason = *b.ReassignTo, *b.Reason
	for i, ref := range *b.Reassign {
		if ref.ID == nil || *ref.ID == "" || ref.Type == nil {
			return out, 0, errBadRequest("reassign[%d] needs an id and a type.", i)
		}
		typ := certifications.ReassignReferenceType(*ref.Type)
		if !typ.IsKnown() {
			return out, 0, errBadRequest("reassign[%d] has type %q; it must be ITEM, IDENTITY_SUMMARY or TARGET_SUMMARY.", i, *ref.Type)
		}
		out.Reassign = append(out.Reassign, certifications.ReassignReference{ID: *ref.ID, Type: typ})
	}
	if _, msg := t.resolve(c, out.Reassign); msg != "" {
		return out, 0, errBadRequest("%s", msg)
	}
	return out, to, nil
}

// resolve turns reassign references into the items of c they stand for:
// ITEM is one item, IDENTITY_SUMMARY all items of an identity summary and
// TARGET_SUMMARY all items granting one access (the id is the access id,
// accessSummary.access.id). It returns a message for the first reference
// that names nothing in c.
func (t *tenant) resolve(c *certState, refs []certifications.ReassignReference) ([]itemRef, string) {
	var out []itemRef
	seen := map[itemRef]bool{}
	for i, r := range refs {
		found := false
		add := func(ref itemRef) {
			found = true
			if !seen[ref] {
				seen[ref] = true
				out = append(out, ref)
			}
		}
		switch r.Type {
		case certifications.ReassignReferenceTypeItem:
			if ref, ok := t.parseItemID(r.ID); ok && t.location(ref) == c.idx {
				add(ref)
			}
		case certifications.ReassignReferenceTypeIdentitySummary:
			k, ok := t.parseIdentID(r.ID)
			if !ok {
				break
			}
			if int(k.cert) == c.idx {
				first := int(k.idx) * c.perIdent
				for i := first; i < first+c.blockSize(int(k.idx)); i++ {
					if ref := (itemRef{k.cert, int32(i)}); t.location(ref) == c.idx {
						add(ref)
					}
				}
			}
			for ref := range t.addedRefs(c) {
				if t.identOf(ref) == k {
					add(ref)
				}
			}
		case certifications.ReassignReferenceTypeTargetSummary:
			for ref := range t.refs(c) {
				if t.accessID(t.kindOf(ref)) == r.ID {
					add(ref)
				}
			}
		}
		if !found {
			return nil, fmt.Sprintf("reassign[%d]: %s %s names nothing in certification %s.", i, r.Type, r.ID, c.id)
		}
	}
	return out, ""
}

// destination returns the certification of reviewer to in c's campaign
// that reassigned items go to, creating it when the reviewer has none that
// is still open.
func (t *tenant) destination(c *certState, to int) *certState {
	for _, d := range t.certs {
		if d.reviewer == to && d.campaign == c.campaign && d.phase == certifications.CertificationPhaseActive && d != c {
			return d
		}
	}
	t.created++
	t.version++
	d := t.newCert(hexID(t.seed, "reassigned-certification", uint64(t.created)), c.campaign, to)
	d.perIdent = c.perIdent
	now := t.now()
	d.created, d.modified, d.due = now, now, c.due
	from := t.person(c.reviewer)
	d.reassignment = &certifications.Reassignment{
		From: &certifications.CertificationReference{
			ID:       certifications.Ptr(c.id),
			Name:     certifications.Ptr(c.name),
			Type:     certifications.Ptr(certifications.CertificationReferenceTypeCertification),
			Reviewer: from.reviewer(),
		},
	}
	return d
}

// reassign moves the items body names from c to a certification of the new
// reviewer. Items of the new reviewer's own access stay where they are (no
// one certifies their own access); they are reported as a trail entry.
func (t *tenant) reassign(c *certState, body certifications.ReviewReassign, to int) (certifications.ReassignmentTrailDTOs, string) {
	refs, msg := t.resolve(c, body.Reassign)
	if msg != "" {
		return nil, msg
	}
	var trail certifications.ReassignmentTrailDTOs
	var d *certState
	for _, ref := range refs {
		c0 := t.certs[ref.cert]
		if c0.identBase+int(ref.idx)/c0.perIdent == to {
			if trail == nil {
				trail = certifications.ReassignmentTrailDTOs{{
					PreviousOwner:    certifications.Ptr(body.ReassignTo),
					NewOwner:         certifications.Ptr(t.person(c.reviewer).id),
					ReassignmentType: certifications.Ptr("SELF_CERTIFICATION_REVIEWER"),
				}}
			}
			continue
		}
		if d == nil {
			d = t.destination(c, to)
			if d.reassignment != nil && d.reassignment.Comment == nil {
				d.reassignment.Comment = certifications.Ptr(body.Reason)
			}
		}
		t.move(ref, c, d)
	}
	now := t.now()
	c.modified = now
	if d != nil {
		d.modified = now
	}
	return trail, ""
}

// advance moves a task one step on: QUEUED to IN_PROGRESS, IN_PROGRESS to
// SUCCESS (doing the reassignment) or ERROR.
func (t *tenant) advance(tk *task) {
	t.version++
	switch tk.status {
	case certifications.CertificationTaskStatusQueued:
		tk.status = certifications.CertificationTaskStatusInProgress
	case certifications.CertificationTaskStatusInProgress:
		c := t.certs[tk.cert]
		if e := t.checkWritable(c); e != nil {
			tk.status, tk.errors = certifications.CertificationTaskStatusError, []string{e.text}
			return
		}
		to, ok := t.known[tk.body.ReassignTo]
		if !ok {
			tk.status, tk.errors = certifications.CertificationTaskStatusError, []string{"The new reviewer no longer exists."}
			return
		}
		trail, msg := t.reassign(c, tk.body, to)
		if msg != "" {
			tk.status, tk.errors = certifications.CertificationTaskStatusError, []string{msg}
			return
		}
		tk.status, tk.trail = certifications.CertificationTaskStatusSuccess, trail
	}
}

// newTask queues an asynchronous reassignment.
func (t *tenant) newTask(c *certState, body certifications.ReviewReassign) *task {
	t.version++
	tk := &task{
		id:      hexID(t.seed, "task", uint64(len(t.tasks))),
		cert:    c.idx,
		created: t.now(),
		status:  certifications.CertificationTaskStatusQueued,
		body:    body,
	}
	t.tasks = append(t.tasks, tk)
	t.taskByID[tk.id] = tk
	return tk
}
