package certtest

import (
	"bytes"
	"encoding/csv"
	"iter"
	"strconv"
	"time"

	"github.com/iscgo/certifications"
)

// Campaign reports. Each report type is a table derived from the state
// when the report runs; the file is that table as CSV, or as a PDF that
// prints the same rows.

// maxReportRows caps the rows of one report; a campaign with more gives a
// report of the first ones with status WARNING.
const maxReportRows = 1_000_000

// The remediation states of a revoked item in a remediation status report.
const (
	// remediationNotStarted: the certification is not signed off yet, so
	// the reviewer may still change the decision.
	remediationNotStarted = "NOT_STARTED"
	// remediationInProgress: signed off; no remediation scan has seen the
	// access removed yet.
	remediationInProgress = "IN_PROGRESS"
	// remediationCompleted: a remediation scan after the sign-off found the
	// access removed.
	remediationCompleted = "COMPLETED"
)

// reportTable is the content of a report: a header and its rows.
type reportTable struct {
	title     string
	header    []string
	rows      [][]string
	truncated bool // more rows than maxReportRows
}

// add appends a row unless the table is full.
func (tb *reportTable) add(row ...string) {
	if len(tb.rows) >= maxReportRows {
		tb.truncated = true
		return
	}
	tb.rows = append(tb.rows, row)
}

// asCSV renders the table as CSV with a header line.
func (tb *reportTable) asCSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(tb.header) // a bytes.Buffer does not fail
	_ = w.WriteAll(tb.rows)
	return b.Bytes()
}

// campaignCerts iterates over the certifications of an activated campaign
// in list order.
func (t *tenant) campaignCerts(cs *campState) iter.Seq[*certState] {
	return func(yield func(*certState) bool) {
		if cs.def < 0 {
			return
		}
		for c := range t.liveCerts() {
			if c.campaign == cs.def && !yield(c) {
				return
			}
		}
	}
}

// buildReport builds the report of type typ of a campaign from the state
// now.
func (t *tenant) buildReport(cs *campState, typ certifications.ReportType) reportTable {
	tb := reportTable{title: reportNames[typ] + ": " + cs.c.Name + " (" + cs.c.GetID() + "), run " + t.now().Format(time.RFC3339)}
	switch typ {
	case certifications.ReportTypeCampaignCompositionReport:
		t.compositionReport(cs, &tb)
	case certifications.ReportTypeCampaignRemediationStatusReport:
		t.remediationReport(cs, &tb)
	case certifications.ReportTypeCertificationSignoffReport:
		t.signoffReport(cs, &tb)
	default:
		t.statusReport(cs, &tb)
	}
	return tb
}

// statusReport: one row per certification with its reviewer, phase and
// counters.
func (t *tenant) statusReport(cs *campState, tb *reportTable) {
	tb.header = []string{"Campaign ID", "Campaign", "Certification ID", "Certification", "Reviewer ID", "Reviewer", "Reviewer Email",
		"Phase", "Due", "Identities Completed", "Identities Total", "Decisions Made", "Decisions Total", "Approved", "Revoked", "Signed"}
	for c := range t.campaignCerts(cs) {
		p := t.person(c.reviewer)
		approved, revoked := c.sum.decisions()
		tb.add(cs.c.GetID(), cs.c.Name, c.id, c.name, p.id, p.name, p.email,
			string(c.phase), stamp(&c.due), strconv.Itoa(c.identDone), strconv.Itoa(c.identTot),
			strconv.Itoa(c.made()), strconv.Itoa(c.total()), strconv.Itoa(approved), strconv.Itoa(revoked), stamp(c.signed))
	}
}

// signoffReport: one row per signed certification with who signed it,
// when, and whether the campaign's completion signed it.
func (t *tenant) signoffReport(cs *campState, tb *reportTable) {
	tb.header = []string{"Campaign ID", "Certification ID", "Certification", "Signer ID", "Signer", "Signer Email",
		"Signed", "Signed Through", "Decisions Made", "Approved", "Revoked"}
	for c := range t.campaignCerts(cs) {
		if c.phase != certifications.CertificationPhaseSigned || c.signed == nil {
			continue
		}
		p := t.person(c.reviewer)
		through := "SIGN_OFF"
		if cs.completedSigned[c.idx] {
			through = "CAMPAIGN_COMPLETION"
		}
		approved, revoked := c.sum.decisions()
		tb.add(cs.c.GetID(), c.id, c.name, p.id, p.name, p.email, stamp(c.signed), through,
			strconv.Itoa(c.made()), strconv.Itoa(approved), strconv.Itoa(revoked))
	}
}

// compositionReport: one row per access review item with its identity
// (and the identity attributes of the reports configuration), access and
// decision.
func (t *tenant) compositionReport(cs *campState, tb *reportTable) {
	attrs := t.admin.config.IdentityAttributeColumns
	tb.header = append(append([]string{"Campaign ID", "Certification ID", "Reviewer ID", "Reviewer", "Identity ID", "Identity"}, attrs...),
		"Item ID", "Access Type", "Access ID", "Access Name", "Decision")
	t.eachItem(cs, func(c *certState, ref itemRef) bool {
		d := ""
		if st := t.decisions[ref]; st != nil {
			d = string(st.decision)
		}
		tb.add(append(t.itemRow(cs, c, ref, attrs), d)...)
		return !tb.truncated
	})
}

// remediationReport: one row per revoked item with who remediates it
// (the access's owner) and its remediation state.
func (t *tenant) remediationReport(cs *campState, tb *reportTable) {
	attrs := t.admin.config.IdentityAttributeColumns
	tb.header = append(append([]string{"Campaign ID", "Certification ID", "Reviewer ID", "Reviewer", "Identity ID", "Identity"}, attrs...),
		"Item ID", "Access Type", "Access ID", "Access Name", "Remediator ID", "Remediator", "Comments", "Remediation Status", "Scanned")
	t.eachItem(cs, func(c *certState, ref itemRef) bool {
		st := t.decisions[ref]
		if st == nil || st.decision != certifications.CertificationDecisionRevoke {
			return true
		}
		owner := t.person(t.accessOwner(t.kindOf(ref)))
		state, scanned := remediationNotStarted, ""
		if c.phase == certifications.CertificationPhaseSigned {
			state = remediationInProgress
			if at, ok := cs.scanned[ref]; ok {
				state, scanned = remediationCompleted, stamp(&at)
			}
		}
		comments := ""
		if st.comments != nil {
			comments = *st.comments
		}
		tb.add(append(t.itemRow(cs, c, ref, attrs), owner.id, owner.name, comments, state, scanned)...)
		return !tb.truncated
	})
}

// eachItem calls f for every item of the campaign, certification by
// certification in list order, until f returns false.
func (t *tenant) eachItem(cs *campState, f func(c *certState, ref itemRef) bool) {
	for c := range t.campaignCerts(cs) {
		for ref := range t.refs(c) {
			if !f(c, ref) {
				return
			}
		}
	}
}

// itemRow is the part of an item's row that composition and remediation
// reports share: where the item is, whose access it is and what access.
func (t *tenant) itemRow(cs *campState, c *certState, ref itemRef, attrs []string) []string {
	rev := t.person(c.reviewer)
	who := t.identPerson(t.identOf(ref))
	row := []string{cs.c.GetID(), c.id, rev.id, rev.name, who.id, who.name}
	for _, a := range attrs {
		row = append(row, who.attribute(a))
	}
	kind := t.kindOf(ref)
	id, name := t.access(kind)
	return append(row, t.itemID(ref), string(kind.typ), id, name)
}

// accessOwner is the person index of the owner of an access.
func (t *tenant) accessOwner(k itemKind) int {
	switch k.typ {
	case certifications.DtoTypeEntitlement:
		return t.cat.ents[k.cat].owner
	case certifications.DtoTypeAccessProfile:
		return t.cat.aps[k.cat].owner
	}
	return t.cat.roles[k.cat].owner
}

// attribute returns an identity attribute as the reports configuration
// names it; an attribute the sandbox does not have is empty.
func (p person) attribute(name string) string {
	switch name {
	case "firstname":
		return p.first
	case "lastname":
		return p.last
	case "displayName", "name":
		return p.name
	case "email":
		return p.email
	case "id":
		return p.id
	}
	return ""
}

// decisions returns the approved and revoked items a tally counts.
func (t tally) decisions() (approved, revoked int) {
	for k := range kindCount {
		approved += t.approved[k]
		revoked += t.revoked[k]
	}
	return approved, revoked
}

// stamp formats an optional time as the API does; nil is empty.
func stamp(at *time.Time) string {
	if at == nil {
		return ""
	}
	return at.UTC().Format(time.RFC3339Nano)
}
