package certtest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/iscgo/certifications"
)

// The campaign side of the sandbox: campaigns an admin creates, activates
// and completes, their reports, campaign templates with schedules, and
// campaign filters. A campaign's certifications live with the others, in
// the tenant's certifications, so the certifications API serves them.
//
// Work the API does in the background (generating, activating,
// completing, deleting, running a report) is done when it is asked for;
// the campaign or report then shows its transitional status (ACTIVATING,
// PENDING ...) to the next read, and the settled one after it, so that
// clients see the API's lifecycle and must poll through it.

// campState is a campaign created through the campaigns API.
type campState struct {
	c       certifications.Campaign
	def     int // index in tenant.campaigns once activated, else -1
	shown   certifications.CampaignStatus
	pending int // reads left that show shown instead of c.Status
	reports []*reportState

	completedSigned map[int]bool          // certifications (indexes) the completion signed off
	scanned         map[itemRef]time.Time // revoked items a remediation scan found remediated, and when
}

// reportState is one campaign report and its last run.
type reportState struct {
	id      string
	typ     certifications.ReportType
	status  certifications.CampaignReportStatus
	lastRun *time.Time
	pending int         // reads left that show PENDING
	table   reportTable // the content of the last run
}

// templateState is a campaign template and its schedule.
type templateState struct {
	t        certifications.CampaignTemplate
	schedule *certifications.Schedule
	plan     *runPlan  // the schedule expanded (campaigns_schedule.go)
	nextRun  time.Time // when the schedule runs next; zero for never
}

// campaignAdmin holds the campaign side of the tenant.
type campaignAdmin struct {
	campaigns []*campState
	byID      map[string]*campState
	seeded    map[int]*campState // the generated campaigns, by definition index, once used
	templates []*templateState
	tmplByID  map[string]*templateState
	filters   []certifications.CampaignFilterDetails
	reports   map[string]*reportState
	config    certifications.CampaignReportsConfig
	serial    uint64 // numbers generated ids
}

func (a *campaignAdmin) init() {
	a.byID = map[string]*campState{}
	a.seeded = map[int]*campState{}
	a.tmplByID = map[string]*templateState{}
	a.reports = map[string]*reportState{}
	a.config = certifications.CampaignReportsConfig{IdentityAttributeColumns: []string{"firstname", "lastname"}}
}

// newID returns a fresh id of the given kind.
func (t *tenant) newID(kind string) string {
	t.admin.serial++
	return hexID(t.seed, kind, t.admin.serial)
}

// transition sets cs's status to settled and shows from to the next read.
func (cs *campState) transition(from, settled certifications.CampaignStatus) {
	cs.c.Status = certifications.Ptr(settled)
	cs.shown, cs.pending = from, 1
}

// view returns the campaign as a read shows it now, and advances its
// transitional status.
func (t *tenant) view(cs *campState) certifications.Campaign {
	c := cs.c
	if cs.pending > 0 {
		cs.pending--
		c.Status = certifications.Ptr(cs.shown)
	}
	if cs.def >= 0 {
		total, done := 0, 0
		for _, cert := range t.certs {
			if cert.campaign == cs.def {
				total++
				if cert.phase == certifications.CertificationPhaseSigned {
					done++
				}
			}
		}
		c.TotalCertifications, c.CompletedCertifications = certifications.Ptr(int32(total)), certifications.Ptr(int32(done))
	}
	return c
}

// slim drops the parts of a campaign that only the full shape has.
func slim(c certifications.Campaign) certifications.Campaign {
	c.Modified, c.Filter, c.SunsetCommentsRequired = nil, nil, nil
	c.SourceOwnerCampaignInfo, c.SearchCampaignInfo, c.RoleCompositionCampaignInfo, c.MachineAccountCampaignInfo = nil, nil, nil, nil
	c.SourcesWithOrphanEntitlements, c.MandatoryCommentRequirement = nil, nil
	return c
}

// allCampaigns lists the campaigns: the generated ones, ACTIVE, and those
// created through the API, in creation order.
func (t *tenant) allCampaigns() []*campState {
	var out []*campState
	for i := range t.campaigns {
		if !t.adminOwned(i) {
			out = append(out, t.seededCampaign(i))
		}
	}
	return append(out, t.admin.campaigns...)
}

// seededCampaign returns the state of generated campaign i, made on first
// use, so that what is done to it (a report, a scan, completion) stays.
func (t *tenant) seededCampaign(i int) *campState {
	if cs := t.admin.seeded[i]; cs != nil {
		return cs
	}
	cs := &campState{c: generatedCampaign(t.campaigns[i]), def: i, completedSigned: map[int]bool{}, scanned: map[itemRef]time.Time{}}
	t.admin.seeded[i] = cs
	return cs
}

// campaign finds a campaign by id: one created through the API, or a
// generated one.
func (t *tenant) campaign(id string) *campState {
	if cs := t.admin.byID[id]; cs != nil {
		return cs
	}
	for i, def := range t.campaigns {
		if !t.adminOwned(i) && def.ref.ID == id {
			return t.seededCampaign(i)
		}
	}
	return nil
}

// adminOwned reports whether campaign definition i belongs to a campaign
// created through the API, deleted or not.
func (t *tenant) adminOwned(i int) bool { return t.campaigns[i].api }

// generatedCampaign renders a campaign of the generated data.
func generatedCampaign(def campaignDef) certifications.Campaign {
	r := def.ref
	return certifications.Campaign{
		ID: certifications.Ptr(r.ID), Name: r.Name, Description: r.Description, Type: r.CampaignType,
		Deadline: certifications.Ptr(def.due), Created: certifications.Ptr(def.created),
		Status:                      certifications.Ptr(certifications.CampaignStatusActive),
		CorrelatedStatus:            certifications.Ptr(r.CorrelatedStatus),
		MandatoryCommentRequirement: certifications.Ptr(r.MandatoryCommentRequirement),
		Alerts:                      []certifications.CampaignAlert{},
	}
}

// createCampaign stores a new campaign created at now; it is STAGED after
// one read that shows it PENDING.
func (t *tenant) createCampaign(c certifications.Campaign, now time.Time) *campState {
	c.ID = certifications.Ptr(t.newID("campaign-api-id"))
	c.Created, c.Modified = certifications.Ptr(now), certifications.Ptr(now)
	c.TotalCertifications, c.CompletedCertifications = certifications.Ptr(int32(0)), certifications.Ptr(int32(0))
	c.Alerts = []certifications.CampaignAlert{}
	if c.CorrelatedStatus == nil {
		c.CorrelatedStatus = certifications.Ptr(certifications.CampaignReferenceCorrelatedStatusCorrelated)
	}
	if c.MandatoryCommentRequirement == nil {
		c.MandatoryCommentRequirement = certifications.Ptr(certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	}
	cs := &campState{c: c, def: -1, completedSigned: map[int]bool{}, scanned: map[itemRef]time.Time{}}
	cs.transition(certifications.CampaignStatusPending, certifications.CampaignStatusStaged)
	t.admin.campaigns = append(t.admin.campaigns, cs)
	t.admin.byID[*c.ID] = cs
	t.version++
	return cs
}

// activate generates the campaign's certifications, one per reviewer, and
// makes it ACTIVE after one read that shows it ACTIVATING.
func (t *tenant) activate(cs *campState) *apiError {
	if st := cs.c.GetStatus(); st != certifications.CampaignStatusStaged {
		return errBadRequest("Campaign %s is %s; only a STAGED campaign can be activated.", cs.c.GetID(), st)
	}
	now := t.now()
	due := cs.c.GetDeadline()
	if due.IsZero() {
		due = now.Add(days(14))
		cs.c.Deadline = &due
	}
	desc := cs.c.Description
	t.campaigns = append(t.campaigns, campaignDef{
		api: true,
		ref: certifications.CampaignReference{
			ID: cs.c.GetID(), Name: cs.c.Name, Type: certifications.CampaignReferenceTypeCampaign,
			CampaignType: cs.c.Type, Description: desc, CorrelatedStatus: cs.c.GetCorrelatedStatus(),
			MandatoryCommentRequirement: cs.c.GetMandatoryCommentRequirement(),
		},
		owner: ownerBase, created: now, due: ms(due),
	})
	cs.def = len(t.campaigns) - 1
	sz := t.sizes
	for r := range sz.Reviewers {
		idx := len(t.certs)
		c := t.newCert(t.newID("campaign-certification-id"), cs.def, r)
		c.created, c.modified = now, now
		c.gen = sz.IdentitiesPerCertification * sz.ItemsPerIdentity
		c.identBase = identityBase + idx*sz.IdentitiesPerCertification
		t.initGenerated(c)
		for k := range sz.IdentitiesPerCertification {
			t.know(c.identBase + k)
		}
	}
	cs.c.Modified = certifications.Ptr(now)
	cs.transition(certifications.CampaignStatusActivating, certifications.CampaignStatusActive)
	t.version++
	return nil
}

// complete decides what is left undecided with action, signs every
// certification off and makes the campaign COMPLETED after one read that
// shows it COMPLETING. It is refused before the deadline.
func (t *tenant) complete(cs *campState, action certifications.AutoCompleteAction) *apiError {
	if st := cs.c.GetStatus(); st != certifications.CampaignStatusActive {
		return errBadRequest("Campaign %s is %s; only an ACTIVE campaign can be completed.", cs.c.GetID(), st)
	}
	if now := t.now(); !now.After(cs.c.GetDeadline()) {
		return errBadRequest("Campaign %s cannot be completed before its deadline %s.", cs.c.GetID(), cs.c.GetDeadline().Format(time.RFC3339))
	}
	if action != certifications.AutoCompleteActionApprove && action != certifications.AutoCompleteActionRevoke {
		return errBadRequest("autoCompleteAction %q is not APPROVE or REVOKE.", action)
	}
	comment := "Decided when the campaign was completed (autoCompleteAction " + string(action) + ")."
	for _, c := range t.certs {
		if c.campaign != cs.def || c.phase == certifications.CertificationPhaseSigned {
			continue
		}
		var batch []wireDecision
		flush := func() *apiError {
			if len(batch) == 0 {
				return nil
			}
			e := t.decide(c, batch)
			batch = batch[:0]
			return e
		}
		for ref := range t.refs(c) {
			if st := t.decisions[ref]; st != nil && st.decision != "" {
				continue
			}
			batch = append(batch, wireDecision{
				ID: certifications.Ptr(t.itemID(ref)), Decision: certifications.Ptr(string(action)),
				Bulk: certifications.Ptr(true), Comments: &comment,
			})
			if len(batch) == certifications.MaxDecisionsPerCall {
				if e := flush(); e != nil {
					return e
				}
			}
		}
		if e := flush(); e != nil {
			return e
		}
		if e := t.signOff(c); e != nil {
			return e
		}
		cs.completedSigned[c.idx] = true
	}
	cs.c.Modified = certifications.Ptr(t.now())
	cs.transition(certifications.CampaignStatusCompleting, certifications.CampaignStatusCompleted)
	t.version++
	return nil
}

// moveCerts gives certifications of a campaign to another reviewer and
// returns the finished task that did it.
func (t *tenant) moveCerts(cs *campState, ids []string, to int) (*task, *apiError) {
	var certs []*certState
	for _, id := range ids {
		c := t.cert(id)
		if c == nil || c.campaign != cs.def || cs.def < 0 {
			return nil, errBadRequest("Certification %s is not a certification of campaign %s.", id, cs.c.GetID())
		}
		if e := t.checkWritable(c); e != nil {
			return nil, e
		}
		certs = append(certs, c)
	}
	now := t.now()
	for _, c := range certs {
		c.reviewer, c.extra, c.modified = to, nil, now
		c.name = cs.c.Name + " for " + t.person(to).name
	}
	t.version++
	tk := &task{id: t.newID("campaign-task-id"), cert: certs[0].idx, created: now,
		status: certifications.CertificationTaskStatusSuccess, campaign: cs.c.GetID()}
	t.tasks = append(t.tasks, tk)
	t.taskByID[tk.id] = tk
	return tk, nil
}

// deleteCampaigns removes campaigns with everything in them: their
// certifications, items, decisions, reassignment tasks and reports are
// gone from every API and from the server's state.
func (t *tenant) deleteCampaigns(ids []string) *apiError {
	for _, id := range ids {
		if t.admin.byID[id] == nil {
			return errNotFound("No campaign with id " + id + " was found; only campaigns created through the API can be deleted.")
		}
	}
	gone := map[int]bool{} // indexes of the deleted certifications
	for _, id := range ids {
		cs := t.admin.byID[id]
		if cs == nil {
			continue // named twice
		}
		delete(t.admin.byID, id)
		t.admin.campaigns = slices.DeleteFunc(t.admin.campaigns, func(x *campState) bool { return x == cs })
		for _, rs := range cs.reports {
			delete(t.admin.reports, rs.id)
		}
		for c := range t.campaignCerts(cs) {
			gone[c.idx] = true
		}
	}
	for i := range gone {
		t.dropCert(t.certs[i])
	}
	// Items stay in their campaign when they move, so the decisions and
	// moves of the deleted items are those with a deleted origin.
	for ref := range t.decisions {
		if gone[int(ref.cert)] {
			delete(t.decisions, ref)
		}
	}
	for ref := range t.moved {
		if gone[int(ref.cert)] {
			delete(t.moved, ref)
		}
	}
	t.tasks = slices.DeleteFunc(t.tasks, func(tk *task) bool {
		if gone[tk.cert] {
			delete(t.taskByID, tk.id)
			return true
		}
		return false
	})
	t.version++
	return nil
}

// dropCert removes a certification from the tenant: its id and the ids of
// its items and identity summaries no longer resolve. Its slot in t.certs
// stays, marked gone, because items and tasks name certifications by
// index.
func (t *tenant) dropCert(c *certState) {
	delete(t.certByID, c.id)
	delete(t.prefixes, c.itemPrefix)
	delete(t.identPref, c.identPref)
	c.gone = true
	c.added, c.index = nil, nil
	clear(c.addedPos)
	clear(c.idents)
}

// startReport runs a report of the campaign: it is PENDING for the next
// read of the campaign's reports, then SUCCESS (WARNING when it holds only
// the first maxReportRows rows) with its file.
func (t *tenant) startReport(cs *campState, typ certifications.ReportType) {
	var rs *reportState
	for _, r := range cs.reports {
		if r.typ == typ {
			rs = r
		}
	}
	if rs == nil {
		rs = &reportState{id: t.newID("report-id"), typ: typ}
		cs.reports = append(cs.reports, rs)
		t.admin.reports[rs.id] = rs
	}
	now := t.now()
	rs.table = t.buildReport(cs, typ)
	rs.status, rs.lastRun, rs.pending = certifications.CampaignReportStatusSuccess, &now, 1
	if rs.table.truncated {
		rs.status = certifications.CampaignReportStatusWarning
	}
}

// remediationScan records that the revoked items of the campaign's signed
// certifications are remediated: the remediation status report shows them
// COMPLETED from now on. Items scanned before keep their scan time.
func (t *tenant) remediationScan(cs *campState) {
	now := t.now()
	t.eachItem(cs, func(c *certState, ref itemRef) bool {
		if c.phase != certifications.CertificationPhaseSigned {
			return true
		}
		if st := t.decisions[ref]; st != nil && st.decision == certifications.CertificationDecisionRevoke {
			if _, done := cs.scanned[ref]; !done {
				cs.scanned[ref] = now
			}
		}
		return true
	})
}

// reportView renders a report as getCampaignReports shows it now.
func (rs *reportState) view() certifications.CampaignReport {
	st := rs.status
	if rs.pending > 0 {
		rs.pending--
		st = certifications.CampaignReportStatusPending
	}
	return certifications.CampaignReport{
		Type: certifications.Ptr(certifications.CampaignReportTypeReportResult), ID: certifications.Ptr(rs.id),
		Name: certifications.Ptr(reportNames[rs.typ]), Status: &st, ReportType: certifications.Ptr(rs.typ), LastRunAt: rs.lastRun,
	}
}

var reportNames = map[certifications.ReportType]string{
	certifications.ReportTypeCampaignCompositionReport:       "Campaign Composition Report",
	certifications.ReportTypeCampaignRemediationStatusReport: "Campaign Remediation Status Report",
	certifications.ReportTypeCampaignStatusReport:            "Campaign Status Report",
	certifications.ReportTypeCertificationSignoffReport:      "Certification Signoff Report",
}

// patch applies JSON Patch operations to v's JSON form: add, replace and
// remove of top-level properties, which is what campaigns and templates
// take.
func patch[T any](v T, ops []certifications.JSONPatchOperation, allowed []string) (T, *apiError) {
	raw, _ := json.Marshal(v)
	var doc map[string]any
	_ = json.Unmarshal(raw, &doc)
	for i, o := range ops {
		name := o.Path[min(1, len(o.Path)):]
		if !slices.Contains(allowed, name) {
			return v, errBadRequest("Operation %d: %s cannot be changed; the patchable paths are /%s.", i, o.Path, joinSlash(allowed))
		}
		switch o.Op {
		case certifications.JSONPatchOperationOpAdd, certifications.JSONPatchOperationOpReplace:
			doc[name] = o.Value
		case certifications.JSONPatchOperationOpRemove:
			delete(doc, name)
		default:
			return v, errBadRequest("Operation %d: op %q is not supported; use add, replace or remove.", i, o.Op)
		}
	}
	raw, _ = json.Marshal(doc)
	var out T
	if err := json.Unmarshal(raw, &out); err != nil {
		return v, errBadRequest("The patched document is not valid: %v.", err)
	}
	return out, nil
}

func joinSlash(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", /"
		}
		out += n
	}
	return out
}

// generate creates a campaign from a template at a time: now for
// StartGenerateCampaignTemplate, the run time for a schedule. The
// placeholders of the template campaign's name and description are
// replaced with that time (see datePlaceholders).
func (t *tenant) generate(ts *templateState, at time.Time) *campState {
	c := ts.t.Campaign
	if strings.TrimSpace(c.Name) == "" {
		c.Name = ts.t.Name
	}
	c.Name = datePlaceholders(c.Name, at)
	if c.Description != nil {
		c.Description = certifications.Ptr(datePlaceholders(*c.Description, at))
	}
	if d := ts.t.GetDeadlineDuration(); d != "" {
		if dur, ok := parseISODuration(d); ok {
			c.Deadline = certifications.Ptr(at.Add(dur))
		}
	}
	return t.createCampaign(c, at)
}

// parseISODuration reads the ISO 8601 durations templates use: PnD, PnW,
// PnM (30 days) and PnY (365 days), one unit.
func parseISODuration(s string) (time.Duration, bool) {
	if len(s) < 3 || s[0] != 'P' {
		return 0, false
	}
	n, err := strconv.Atoi(s[1 : len(s)-1])
	if err != nil || n < 0 || n > 10000 {
		return 0, false
	}
	unit := map[byte]int{'D': 1, 'W': 7, 'M': 30, 'Y': 365}[s[len(s)-1]]
	if unit == 0 {
		return 0, false
	}
	return days(n * unit), true
}

// datePlaceholders replaces the date and time placeholders of a template
// campaign's name or description, a percent sign and one of the date/time
// suffixes of java.util.Formatter as the API takes them ("%Y" is the
// year), with the time at, in UTC. "%%" is a percent sign; any other
// percent sign is kept as it is.
func datePlaceholders(s string, at time.Time) string {
	if !strings.Contains(s, "%") {
		return s
	}
	at = at.UTC()
	layouts := map[byte]string{
		'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'B': "January", 'b': "Jan", 'h': "Jan", 'A': "Monday", 'a': "Mon",
		'H': "15", 'I': "03", 'M': "04", 'S': "05", 'L': ".000", 'Z': "MST", 'z': "-0700",
		'F': "2006-01-02", 'D': "01/02/06", 'R': "15:04", 'T': "15:04:05", 'r': "03:04:05 PM", 'c': "Mon Jan 02 15:04:05 MST 2006",
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case '%':
			b.WriteByte('%')
		case 'e':
			b.WriteString(strconv.Itoa(at.Day()))
		case 'k':
			b.WriteString(strconv.Itoa(at.Hour()))
		case 'l':
			b.WriteString(strconv.Itoa((at.Hour()+11)%12 + 1))
		case 'p':
			b.WriteString(strings.ToLower(at.Format("PM")))
		case 'j':
			fmt.Fprintf(&b, "%03d", at.YearDay())
		case 'C':
			fmt.Fprintf(&b, "%02d", at.Year()/100)
		case 's':
			b.WriteString(strconv.FormatInt(at.Unix(), 10))
		case 'Q':
			b.WriteString(strconv.FormatInt(at.UnixMilli(), 10))
		default:
			if l, ok := layouts[c]; ok {
				b.WriteString(strings.TrimPrefix(at.Format(l), "."))
			} else {
				b.WriteByte('%')
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}
