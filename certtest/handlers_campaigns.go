package certtest

import (
	"github.com/iscgo/certifications/internal/query"
	"iter"
	"net/http"
	"strconv"
	"strings"

	"github.com/iscgo/certifications"
)

// handlersCampaigns maps each operationId of the campaign services to its
// handler; routes registers it on every path the operation table gives it,
// /v3/campaigns/... and /campaigns/v1/... alike.
func (s *Server) handlersCampaigns() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"getActiveCampaigns":             s.getActiveCampaigns,
		"createCampaign":                 s.createCampaign,
		"getCampaign":                    s.getCampaign,
		"updateCampaign":                 s.updateCampaign,
		"move":                           s.move,
		"startCampaign":                  s.startCampaign,
		"completeCampaign":               s.completeCampaign,
		"deleteCampaigns":                s.deleteCampaigns,
		"startCampaignRemediationScan":   s.startCampaignRemediationScan,
		"getCampaignReports":             s.getCampaignReports,
		"startCampaignReport":            s.startCampaignReport,
		"getCampaignReportsConfig":       s.getCampaignReportsConfig,
		"setCampaignReportsConfig":       s.setCampaignReportsConfig,
		"createCampaignTemplate":         s.createCampaignTemplate,
		"getCampaignTemplates":           s.getCampaignTemplates,
		"patchCampaignTemplate":          s.patchCampaignTemplate,
		"getCampaignTemplate":            s.getCampaignTemplate,
		"deleteCampaignTemplate":         s.deleteCampaignTemplate,
		"getCampaignTemplateSchedule":    s.getCampaignTemplateSchedule,
		"setCampaignTemplateSchedule":    s.setCampaignTemplateSchedule,
		"deleteCampaignTemplateSchedule": s.deleteCampaignTemplateSchedule,
		"startGenerateCampaignTemplate":  s.startGenerateCampaignTemplate,
		"createCampaignFilter":           s.createCampaignFilter,
		"listCampaignFilters":            s.listCampaignFilters,
		"getCampaignFilterById":          s.getCampaignFilterByID,
		"updateCampaignFilter":           s.updateCampaignFilter,
		"deleteCampaignFilters":          s.deleteCampaignFilters,
		"getReport":                      s.getReport,
		"getReportResult":                s.getReportResult,
	}
}

// locked runs f with the tenant locked, after generating the campaigns
// of template schedules the clock has passed: every campaign and template
// request goes through it, so schedules fire before they are looked at.
func (s *Server) locked(f func(t *tenant)) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	s.t.fireSchedules()
	f(s.t)
}

// withCampaign serves a request about one campaign, created through the
// API or generated with the tenant.
func (s *Server) withCampaign(w http.ResponseWriter, r *http.Request, f func(t *tenant, cs *campState)) {
	s.locked(func(t *tenant) {
		id := r.PathValue("id")
		cs := t.campaign(id)
		if cs == nil {
			s.writeErr(w, r, errNotFound("No campaign with id "+id+" was found."))
			return
		}
		f(t, cs)
	})
}

var accepted = struct{}{}

// GET {campaigns}
func (s *Server) getActiveCampaigns(w http.ResponseWriter, r *http.Request) {
	full := r.URL.Query().Get("detail") == string(certifications.CampaignDetailFull)
	if d := r.URL.Query().Get("detail"); d != "" && !certifications.CampaignDetail(d).IsKnown() {
		s.writeErr(w, r, errBadRequest("Invalid detail %q: it must be SLIM or FULL.", d))
		return
	}
	s.locked(func(t *tenant) {
		serveList(s, w, r, query.MustRoot("GetActiveCampaigns"), lister[*campState, certifications.Campaign]{
			all: sliceSeq(t.allCampaigns()),
			render: func(cs *campState) certifications.Campaign {
				if full {
					return t.view(cs)
				}
				return slim(t.view(cs))
			},
		})
	})
}

// POST {campaigns}
func (s *Server) createCampaign(w http.ResponseWriter, r *http.Request) {
	var c certifications.Campaign
	if e := decodeBody(w, r, &c); e != nil {
		s.writeErr(w, r, e)
		return
	}
	if strings.TrimSpace(c.Name) == "" || c.Type == "" {
		s.writeErr(w, r, errBadRequest("A campaign needs a name and a type."))
		return
	}
	s.locked(func(t *tenant) {
		cs := t.createCampaign(c, t.now())
		writeJSON(w, http.StatusAccepted, cs.c)
	})
}

// GET {campaigns}/{id}
func (s *Server) getCampaign(w http.ResponseWriter, r *http.Request) {
	full := r.URL.Query().Get("detail") == string(certifications.CampaignDetailFull)
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		c := t.view(cs)
		if !full {
			c = slim(c)
		}
		writeJSON(w, http.StatusOK, c)
	})
}

// PATCH {campaigns}/{id}
func (s *Server) updateCampaign(w http.ResponseWriter, r *http.Request) {
	var ops []certifications.JSONPatchOperation
	if e := decodeBody(w, r, &ops); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		allowed := []string{"name", "description", "deadline"}
		if cs.c.GetStatus() == certifications.CampaignStatusStaged {
			allowed = append(allowed, "emailNotificationEnabled", "autoRevokeAllowed", "recommendationsEnabled")
		}
		c, e := patch(cs.c, ops, allowed)
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		c.Modified = certifications.Ptr(t.now())
		cs.c = c
		t.version++
		writeJSON(w, http.StatusOK, slim(t.view(cs)))
	})
}

// POST {campaigns}/{id}/reassign
func (s *Server) move(w http.ResponseWriter, r *http.Request) {
	var body certifications.AdminReviewReassign
	if e := decodeBody(w, r, &body); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		if len(body.CertificationIDs) == 0 || len(body.CertificationIDs) > certifications.MaxCampaignMove {
			s.writeErr(w, r, errBadRequest("certificationIds must hold 1 to %d ids.", certifications.MaxCampaignMove))
			return
		}
		to, ok := t.known[body.ReassignTo.GetID()]
		if !ok {
			s.writeErr(w, r, errBadRequest("reassignTo %q is not a known identity.", body.ReassignTo.GetID()))
			return
		}
		tk, e := t.moveCerts(cs, body.CertificationIDs, to)
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusAccepted, t.taskDTO(tk))
	})
}

// POST {campaigns}/{id}/activate
func (s *Server) startCampaign(w http.ResponseWriter, r *http.Request) {
	var opts certifications.ActivateCampaignOptions
	if r.ContentLength != 0 {
		if e := decodeBody(w, r, &opts); e != nil {
			s.writeErr(w, r, e)
			return
		}
	}
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		if e := t.activate(cs); e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusAccepted, accepted)
	})
}

// POST {campaigns}/{id}/complete
func (s *Server) completeCampaign(w http.ResponseWriter, r *http.Request) {
	opts := certifications.CampaignCompleteOptions{}
	if r.ContentLength != 0 {
		if e := decodeBody(w, r, &opts); e != nil {
			s.writeErr(w, r, e)
			return
		}
	}
	action := certifications.AutoCompleteActionApprove
	if opts.AutoCompleteAction != nil {
		action = *opts.AutoCompleteAction
	}
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		if e := t.complete(cs, action); e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusAccepted, accepted)
	})
}

// POST {campaigns}/delete
func (s *Server) deleteCampaigns(w http.ResponseWriter, r *http.Request) {
	var body certifications.CampaignsDeleteRequest
	if e := decodeBody(w, r, &body); e != nil {
		s.writeErr(w, r, e)
		return
	}
	if len(body.IDs) == 0 {
		s.writeErr(w, r, errBadRequest("ids must hold at least one campaign id."))
		return
	}
	s.locked(func(t *tenant) {
		if e := t.deleteCampaigns(body.IDs); e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusAccepted, accepted)
	})
}

// POST {campaigns}/{id}/run-remediation-scan
func (s *Server) startCampaignRemediationScan(w http.ResponseWriter, r *http.Request) {
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		if st := cs.c.GetStatus(); st != certifications.CampaignStatusActive && st != certifications.CampaignStatusCompleted {
			s.writeErr(w, r, errBadRequest("Campaign %s is %s; a remediation scan runs on an ACTIVE or COMPLETED campaign.", cs.c.GetID(), st))
			return
		}
		t.remediationScan(cs)
		writeJSON(w, http.StatusAccepted, accepted)
	})
}

// GET {campaigns}/{id}/reports
func (s *Server) getCampaignReports(w http.ResponseWriter, r *http.Request) {
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		out := []certifications.CampaignReport{}
		for _, rs := range cs.reports {
			out = append(out, rs.view())
		}
		writeJSON(w, http.StatusOK, out)
	})
}

// POST {campaigns}/{id}/run-report/{type}
func (s *Server) startCampaignReport(w http.ResponseWriter, r *http.Request) {
	typ := certifications.ReportType(r.PathValue("type"))
	if !typ.IsKnown() {
		s.writeErr(w, r, errBadRequest("Invalid report type %q.", typ))
		return
	}
	s.withCampaign(w, r, func(t *tenant, cs *campState) {
		t.startReport(cs, typ)
		writeJSON(w, http.StatusAccepted, accepted)
	})
}

// GET {campaigns}/reports-configuration
func (s *Server) getCampaignReportsConfig(w http.ResponseWriter, r *http.Request) {
	s.locked(func(t *tenant) { writeJSON(w, http.StatusOK, t.admin.config) })
}

// PUT {campaigns}/reports-configuration
func (s *Server) setCampaignReportsConfig(w http.ResponseWriter, r *http.Request) {
	var c certifications.CampaignReportsConfig
	if e := decodeBody(w, r, &c); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.locked(func(t *tenant) {
		t.admin.config = c
		writeJSON(w, http.StatusOK, c)
	})
}

// withTemplate serves a request about one campaign template.
func (s *Server) withTemplate(w http.ResponseWriter, r *http.Request, f func(t *tenant, ts *templateState)) {
	s.locked(func(t *tenant) {
		id := r.PathValue("id")
		ts := t.admin.tmplByID[id]
		if ts == nil {
			s.writeErr(w, r, errNotFound("No campaign template with id "+id+" was found."))
			return
		}
		f(t, ts)
	})
}

// POST {campaign-templates}
func (s *Server) createCampaignTemplate(w http.ResponseWriter, r *http.Request) {
	var tm certifications.CampaignTemplate
	if e := decodeBody(w, r, &tm); e != nil {
		s.writeErr(w, r, e)
		return
	}
	if strings.TrimSpace(tm.Name) == "" || tm.Campaign.Type == "" {
		s.writeErr(w, r, errBadRequest("A campaign template needs a name and a campaign with a type."))
		return
	}
	s.locked(func(t *tenant) {
		tm.ID = certifications.Ptr(t.newID("template-id"))
		tm.Created, tm.Modified = certifications.Ptr(t.now()), certifications.Ptr(t.now())
		tm.Scheduled = certifications.Ptr(false)
		me := t.person(0)
		tm.OwnerRef = &certifications.CampaignTemplateOwnerRef{ID: certifications.Ptr(me.id), Type: certifications.Ptr(certifications.CampaignTemplateOwnerRefTypeIdentity),
			Name: certifications.Ptr(me.name), Email: certifications.Ptr(me.email)}
		ts := &templateState{t: tm}
		t.admin.templates = append(t.admin.templates, ts)
		t.admin.tmplByID[*tm.ID] = ts
		writeJSON(w, http.StatusOK, tm)
	})
}

// GET {campaign-templates}
func (s *Server) getCampaignTemplates(w http.ResponseWriter, r *http.Request) {
	s.locked(func(t *tenant) {
		serveList(s, w, r, query.MustRoot("GetCampaignTemplates"), lister[*templateState, certifications.CampaignTemplate]{
			all:    sliceSeq(t.admin.templates),
			render: func(ts *templateState) certifications.CampaignTemplate { return ts.t },
		})
	})
}

// PATCH {campaign-templates}/{id}
func (s *Server) patchCampaignTemplate(w http.ResponseWriter, r *http.Request) {
	var ops []certifications.JSONPatchOperation
	if e := decodeBody(w, r, &ops); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.withTemplate(w, r, func(t *tenant, ts *templateState) {
		tm, e := patch(ts.t, ops, []string{"name", "description", "deadlineDuration", "campaign"})
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		tm.Modified = certifications.Ptr(t.now())
		ts.t = tm
		writeJSON(w, http.StatusOK, tm)
	})
}

// GET {campaign-templates}/{id}
func (s *Server) getCampaignTemplate(w http.ResponseWriter, r *http.Request) {
	s.withTemplate(w, r, func(t *tenant, ts *templateState) { writeJSON(w, http.StatusOK, ts.t) })
}

// DELETE {campaign-templates}/{id}
func (s *Server) deleteCampaignTemplate(w http.ResponseWriter, r *http.Request) {
	s.withTemplate(w, r, func(t *tenant, ts *templateState) {
		delete(t.admin.tmplByID, ts.t.GetID())
		for i, x := range t.admin.templates {
			if x == ts {
				t.admin.templates = append(t.admin.templates[:i], t.admin.templates[i+1:]...)
				break
			}
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// GET {campaign-templates}/{id}/schedule
func (s *Server) getCampaignTemplateSchedule(w http.ResponseWriter, r *http.Request) {
	s.withTemplate(w, r, func(t *tenant, ts *templateState) {
		if ts.schedule == nil {
			s.writeErr(w, r, errNotFound("Campaign template "+ts.t.GetID()+" has no schedule."))
			return
		}
		writeJSON(w, http.StatusOK, ts.schedule)
	})
}

// PUT {campaign-templates}/{id}/schedule
func (s *Server) setCampaignTemplateSchedule(w http.ResponseWriter, r *http.Request) {
	var sc certifications.Schedule
	if e := decodeBody(w, r, &sc); e != nil {
		s.writeErr(w, r, e)
		return
	}
	plan, err := planSchedule(sc)
	if err != nil {
		s.writeErr(w, r, errBadRequest("Invalid schedule: %v.", err))
		return
	}
	s.withTemplate(w, r, func(t *tenant, ts *templateState) {
		t.schedule(ts, &sc, plan)
		w.WriteHeader(http.StatusNoContent)
	})
}

// DELETE {campaign-templates}/{id}/schedule
func (s *Server) deleteCampaignTemplateSchedule(w http.ResponseWriter, r *http.Request) {
	s.withTemplate(w, r, func(t *tenant, ts *templateState) {
		t.schedule(ts, nil, nil)
		w.WriteHeader(http.StatusNoContent)
	})
}

// POST {campaign-templates}/{id}/generate
func (s *Server) startGenerateCampaignTemplate(w http.ResponseWriter, r *http.Request) {
	s.withTemplate(w, r, func(t *tenant, ts *templateState) {
		cs := t.generate(ts, t.now())
		c := cs.c
		writeJSON(w, http.StatusOK, certifications.CampaignReference{
			ID: c.GetID(), Name: c.Name, Type: certifications.CampaignReferenceTypeCampaign, CampaignType: c.Type,
			Description: c.Description, CorrelatedStatus: c.GetCorrelatedStatus(), MandatoryCommentRequirement: c.GetMandatoryCommentRequirement(),
		})
	})
}

// POST {campaign-filters}
func (s *Server) createCampaignFilter(w http.ResponseWriter, r *http.Request) {
	var f certifications.CampaignFilterDetails
	if e := decodeBody(w, r, &f); e != nil {
		s.writeErr(w, r, e)
		return
	}
	if strings.TrimSpace(f.Name) == "" || !f.Mode.IsKnown() {
		s.writeErr(w, r, errBadRequest("A campaign filter needs a name and a mode (INCLUSION or EXCLUSION)."))
		return
	}
	s.locked(func(t *tenant) {
		f.ID = t.newID("filter-id")
		f.IsSystemFilter = false
		t.admin.filters = append(t.admin.filters, f)
		writeJSON(w, http.StatusOK, f)
	})
}

// GET {campaign-filters}: paged by limit and start, wrapped in
// {items, count}.
func (s *Server) listCampaignFilters(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, start := certifications.MaxPageSize, 0
	for _, p := range []struct {
		name string
		v    *int
		max  int
	}{{"limit", &limit, certifications.MaxPageSize}, {"start", &start, 1 << 30}} {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > p.max {
				s.writeErr(w, r, errBadRequest("Invalid %s %q: it must be an integer from 0 to %d.", p.name, v, p.max))
				return
			}
			*p.v = n
		}
	}
	s.locked(func(t *tenant) {
		all := t.admin.filters
		if q.Get("includeSystemFilters") == "false" {
			all = nil
			for _, f := range t.admin.filters {
				if !f.IsSystemFilter {
					all = append(all, f)
				}
			}
		}
		page := all[min(start, len(all)):min(start+limit, len(all))]
		writeJSON(w, http.StatusOK, certifications.CampaignFilterPage{Items: append([]certifications.CampaignFilterDetails{}, page...), Count: certifications.Ptr(int64(len(all)))})
	})
}

// filterIndex finds a filter by id.
func (t *tenant) filterIndex(id string) int {
	for i, f := range t.admin.filters {
		if f.ID == id {
			return i
		}
	}
	return -1
}

// GET {campaign-filters}/{id}
func (s *Server) getCampaignFilterByID(w http.ResponseWriter, r *http.Request) {
	s.locked(func(t *tenant) {
		i := t.filterIndex(r.PathValue("id"))
		if i < 0 {
			s.writeErr(w, r, errNotFound("No campaign filter with id "+r.PathValue("id")+" was found."))
			return
		}
		writeJSON(w, http.StatusOK, t.admin.filters[i])
	})
}

// POST {campaign-filters}/{filterId} (v3 names the parameter filterId, v1
// id; the route takes the operation table's name)
func (s *Server) updateCampaignFilter(w http.ResponseWriter, r *http.Request) {
	var f certifications.CampaignFilterDetails
	if e := decodeBody(w, r, &f); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.locked(func(t *tenant) {
		i := t.filterIndex(r.PathValue("filterId"))
		if i < 0 {
			s.writeErr(w, r, errNotFound("No campaign filter with id "+r.PathValue("filterId")+" was found."))
			return
		}
		f.ID = t.admin.filters[i].ID
		t.admin.filters[i] = f
		writeJSON(w, http.StatusOK, f)
	})
}

// POST {campaign-filters}/delete
func (s *Server) deleteCampaignFilters(w http.ResponseWriter, r *http.Request) {
	var ids []string
	if e := decodeBody(w, r, &ids); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.locked(func(t *tenant) {
		for _, id := range ids {
			if i := t.filterIndex(id); i >= 0 {
				t.admin.filters = append(t.admin.filters[:i], t.admin.filters[i+1:]...)
			}
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// GET {reports}/{id}: the report file.
func (s *Server) getReport(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("fileFormat")
	if format != "csv" && format != "pdf" {
		s.writeErr(w, r, errBadRequest("Invalid fileFormat %q: it must be csv or pdf.", format))
		return
	}
	s.locked(func(t *tenant) {
		rs := t.admin.reports[r.PathValue("taskResultId")]
		if rs == nil || rs.lastRun == nil {
			s.writeErr(w, r, errNotFound("No report file with id "+r.PathValue("taskResultId")+" was found."))
			return
		}
		body := rs.table.asCSV()
		if format == "pdf" {
			body = rs.table.asPDF()
		}
		w.Header().Set("Content-Type", "application/"+format)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	})
}

// GET {reports}/{id}/result
func (s *Server) getReportResult(w http.ResponseWriter, r *http.Request) {
	s.locked(func(t *tenant) {
		rs := t.admin.reports[r.PathValue("taskResultId")]
		if rs == nil || rs.lastRun == nil {
			// The definitions give this operation no 404: an unknown id is
			// a client error.
			s.writeErr(w, r, errBadRequest("No report result with id %s was found; run the report first (StartCampaignReport).", r.PathValue("taskResultId")))
			return
		}
		rows := int64(len(rs.table.rows))
		status := certifications.ReportResultsStatusSuccess
		if rs.table.truncated {
			status = certifications.ReportResultsStatusWarning
		}
		writeJSON(w, http.StatusOK, certifications.ReportResults{
			TaskDefName: certifications.Ptr(reportNames[rs.typ]), ID: certifications.Ptr(rs.id), Created: rs.lastRun,
			Status: certifications.Ptr(status), Duration: certifications.Ptr(int64(1)),
			Rows: &rows, AvailableFormats: []certifications.ReportResultsFormat{certifications.ReportResultsFormatCSV, certifications.ReportResultsFormatPDF},
		})
	})
}

// liveCerts lists the certifications not deleted with their campaign.
func (t *tenant) liveCerts() iter.Seq[*certState] {
	return func(yield func(*certState) bool) {
		for _, c := range t.certs {
			if !c.gone && !yield(c) {
				return
			}
		}
	}
}
