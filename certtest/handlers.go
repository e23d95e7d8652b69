package certtest

import (
	"github.com/iscgo/certifications/internal/query"
	"maps"
	"net/http"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/optable"
)

// The sandbox serves the Certifications and Certification Summaries
// operations in two API generations from one state, with the same
// handlers: the yearly v3, where the version comes first
// (/v3/certifications/...), and the per-resource v1, where it follows the
// resource (/certifications/v1/...). Parameters, bodies and shapes are the
// same in both. In the comments of the handlers, {certifications} and
// {certification-tasks} stand for the resource roots of either generation
// (/v3/certifications or /certifications/v1, ...). Which paths an
// operation has comes from the operation table (internal/optable), which
// the SDK's builders are generated from too.

// handlersV3AndV1 maps each operationId of the root package's services to
// its handler; routes registers it on every path the operation table
// gives it.
func (s *Server) handlersV3AndV1() map[string]http.HandlerFunc {
	m := map[string]http.HandlerFunc{
		"listIdentityCertifications":              s.listIdentityCertifications,
		"getIdentityCertification":                s.getIdentityCertification,
		"listIdentityAccessReviewItems":           s.listIdentityAccessReviewItems,
		"getIdentityCertificationItemPermissions": s.getIdentityCertificationItemPermissions(query.MustRoot("GetIdentityCertificationItemPermissions")),
		"listCertificationReviewers":              s.listCertificationReviewers(query.MustRoot("ListCertificationReviewers")),
		"makeIdentityDecision":                    s.makeIdentityDecision,
		"reassignIdentityCertifications":          s.reassignIdentityCertifications,
		"submitReassignCertsAsync":                s.submitReassignCertsAsync,
		"signOffIdentityCertification":            s.signOffIdentityCertification,
		"getPendingCertificationTasks":            s.getPendingCertificationTasks,
		"getCertificationTask":                    s.getCertificationTask,
		"getIdentityDecisionSummary":              s.getIdentityDecisionSummary,
		"getIdentitySummaries":                    s.getIdentitySummaries,
		"getIdentitySummary":                      s.getIdentitySummary,
		"getIdentityAccessSummaries":              s.getIdentityAccessSummaries,
	}
	maps.Copy(m, s.handlersCampaigns())
	return m
}

// routes registers every operation of the table on each of its
// generations' paths. An operation without a handler answers 501, so that
// a declared but unserved operation is visible rather than a 404.
func (s *Server) routes(mux *http.ServeMux) {
	root, beta := s.handlersV3AndV1(), s.handlersBeta()
	for _, op := range optable.Ops {
		handlers := root
		if strings.HasPrefix(op.Service, "beta.") {
			handlers = beta
		}
		h, ok := handlers[op.ID]
		if !ok {
			h = s.notServed(op.ID)
		}
		for _, gen := range op.Generations {
			mux.HandleFunc(op.Method+" "+op.Wire(gen), h)
		}
	}
}

// notServed answers for a declared operation the sandbox has no handler
// for.
func (s *Server) notServed(id string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.writeErr(w, r, &apiError{status: http.StatusNotImplemented, text: "The sandbox does not serve " + id + " yet."})
	}
}

// reviewerFilter resolves a reviewer-identity value ("me" is the caller)
// to an identity id; ok is false when the parameter is absent.
func reviewerFilter(r *http.Request, name string) (id string, ok bool) {
	q := r.URL.Query()
	if !q.Has(name) {
		return "", false
	}
	id = q.Get(name)
	if strings.EqualFold(id, "me") {
		id = meID
	}
	return id, true
}

// withCert serves a request about one certification: f runs with the
// tenant locked and the certification named by the path value name, or the
// answer is a 404 when there is none.
func (s *Server) withCert(w http.ResponseWriter, r *http.Request, name string, f func(t *tenant, c *certState)) {
	t := s.t
	t.mu.Lock()
	defer t.mu.Unlock()
	id := r.PathValue(name)
	c := t.cert(id)
	if c == nil {
		s.writeErr(w, r, errNotFound("No certification with id "+id+" was found."))
		return
	}
	f(t, c)
}

// GET {certifications}
func (s *Server) listIdentityCertifications(w http.ResponseWriter, r *http.Request) {
	t := s.t
	t.mu.Lock()
	defer t.mu.Unlock()
	serveList(s, w, r, query.MustRoot("ListIdentityCertifications"), lister[*certState, certifications.IdentityCertificationDto]{
		all:    t.liveCerts(),
		render: t.certDTO,
		keep:   t.reviewedBy(r, "reviewer-identity"),
		narrow: t.certsOfCampaign,
	})
}

// reviewedBy returns the pre-filter for a reviewer-identity parameter: the
// certifications whose (primary) reviewer it names. Without the parameter
// every certification is listed: the credentials act as an admin.
func (t *tenant) reviewedBy(r *http.Request, param string) func(*certState) bool {
	id, ok := reviewerFilter(r, param)
	if !ok {
		return nil
	}
	return func(c *certState) bool { return t.person(c.reviewer).id == id }
}

// GET {certifications}/{id}
func (s *Server) getIdentityCertification(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		writeJSON(w, http.StatusOK, t.certDTO(c))
	})
}

// itemAliases adds the short field names the item filters and sorters use
// (access.type, entitlement.sourceName, ...) next to the accessSummary
// they stand for; type is the access type. An access profile gets the
// name of its source as sourceName, which the model has no field for.
func (t *tenant) itemAliases(d map[string]any) {
	sum, ok := d["accessSummary"].(map[string]any)
	if !ok {
		return
	}
	for _, k := range []string{"access", "entitlement", "accessProfile", "role"} {
		if v, ok := sum[k]; ok {
			d[k] = v
		}
	}
	if a, ok := sum["access"].(map[string]any); ok {
		d["type"] = a["type"]
	}
	t.apSourceName(d)
}

// apSourceName sets the sourceName of the accessProfile of a document to
// the name of the profile's source, for filters to read.
func (t *tenant) apSourceName(d map[string]any) {
	ap, ok := d["accessProfile"].(map[string]any)
	if !ok {
		return
	}
	for _, def := range t.cat.aps {
		if def.id == ap["id"] {
			ap["sourceName"] = t.cat.sources[def.source].name
			return
		}
	}
}

// GET {certifications}/{id}/access-review-items
func (s *Server) listIdentityAccessReviewItems(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		lp, e := parseList(r, query.MustRoot("ListIdentityAccessReviewItems"))
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		keep, e := t.accessFilter(r)
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		l := lister[itemRef, certifications.AccessReviewItem]{
			all:    t.refs(c),
			total:  c.total(),
			window: func(off, n int) []itemRef { return t.window(c, off, n) },
			render: t.item,
			alias:  t.itemAliases,
			keep:   keep,
			index:  func(lp listParams) (ranked[itemRef], bool) { return t.indexedItems(c, lp, keep) },
		}
		q := r.URL.Query()
		serveItemList(s, w, r, lp, l, "items", c.id, q.Get("filters"), q.Get("sorters"), q.Get("entitlements"), q.Get("access-profiles"), q.Get("roles"))
	})
}

// serveItemList answers a listing of items through l: the requested
// window when nothing needs a scan or l's index answers, otherwise the
// matching items, kept in the tenant's cache under key (the operation, the
// certification and every parameter that selects or orders) so that
// paging through them costs one scan. t.mu must be held.
func serveItemList[T any](s *Server, w http.ResponseWriter, r *http.Request, lp listParams, l lister[itemRef, T], key ...string) {
	if m, ok := l.direct(lp); ok {
		s.writeList(w, r, lp, l.renderWindow(m, lp), m.n)
		return
	}
	t, k := s.t, strings.Join(key, "\x00")
	refs, ok := t.cache.get(t.version, k)
	if !ok {
		refs = l.matching(lp)
		t.cache.put(k, refs)
	}
	s.writeList(w, r, lp, l.renderPage(refs, lp), len(refs))
}

// accessFilter reads the entitlements, access-profiles and roles
// parameters, of which at most one may be used.
func (t *tenant) accessFilter(r *http.Request) (func(itemRef) bool, *apiError) {
	q := r.URL.Query()
	var typ certifications.DtoType
	var ids []string
	used := 0
	for _, p := range []struct {
		name string
		typ  certifications.DtoType
	}{{"entitlements", certifications.DtoTypeEntitlement}, {"access-profiles", certifications.DtoTypeAccessProfile}, {"roles", certifications.DtoTypeRole}} {
		if q.Has(p.name) {
			used++
			typ, ids = p.typ, strings.Split(q.Get(p.name), ",")
		}
	}
	switch used {
	case 0:
		return nil, nil
	case 1:
	default:
		return nil, errBadRequest("Only one of the entitlements, access-profiles and roles parameters may be used at a time.")
	}
	want := map[string]bool{}
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			want[id] = true
		}
	}
	return func(ref itemRef) bool {
		k := t.kindOf(ref)
		return k.typ == typ && want[t.accessID(k)]
	}, nil
}

// GET {certifications}/{certificationId}/access-review-items/{itemId}/permissions,
// also in beta, each with its own rules.
//
// An item that grants no permissions (an access profile, a role, or an
// entitlement without fine-grained permissions) answers an empty list; an
// item id that is not in the certification answers 404.
func (s *Server) getIdentityCertificationItemPermissions(rules *query.Rules) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.withCert(w, r, "certificationId", func(t *tenant, c *certState) {
			itemID := r.PathValue("itemId")
			ref, ok := t.parseItemID(itemID)
			if !ok || t.location(ref) != c.idx {
				s.writeErr(w, r, errNotFound("No access review item with id "+itemID+" was found in certification "+c.id+"."))
				return
			}
			serveList(s, w, r, rules, lister[certifications.PermissionDto, certifications.PermissionDto]{
				all:    sliceSeq(t.permissions(ref)),
				render: func(p certifications.PermissionDto) certifications.PermissionDto { return p },
			})
		})
	}
}

// GET {certifications}/{id}/reviewers, also in beta, each with its own
// rules.
func (s *Server) listCertificationReviewers(rules *query.Rules) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.withCert(w, r, "id", func(t *tenant, c *certState) {
			serveList(s, w, r, rules, lister[int, certifications.IdentityReferenceWithNameAndEmail]{
				all:    sliceSeq(c.reviewers()),
				render: func(p int) certifications.IdentityReferenceWithNameAndEmail { return *t.person(p).ref() },
			})
		})
	}
}

// POST {certifications}/{id}/decide
func (s *Server) makeIdentityDecision(w http.ResponseWriter, r *http.Request) {
	var ds []wireDecision
	if e := decodeBody(w, r, &ds); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		if e := t.decide(c, ds); e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusOK, t.certDTO(c))
	})
}

// POST {certifications}/{id}/sign-off
func (s *Server) signOffIdentityCertification(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		if e := t.signOff(c); e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusOK, t.certDTO(c))
	})
}

// withReassign serves the reassign calls (reassign and reassign-async,
// beta reassign-async): f carries out the body once it is decoded and
// checked against the certification named by the path value id, with at
// most maxRefs references; to is the new reviewer.
func (s *Server) withReassign(w http.ResponseWriter, r *http.Request, maxRefs int, f func(t *tenant, c *certState, body certifications.ReviewReassign, to int)) {
	var b wireReassign
	if e := decodeBody(w, r, &b); e != nil {
		s.writeErr(w, r, e)
		return
	}
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		body, to, e := t.checkReassign(c, b, maxRefs)
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		f(t, c, body, to)
	})
}

// POST {certifications}/{id}/reassign
func (s *Server) reassignIdentityCertifications(w http.ResponseWriter, r *http.Request) {
	s.withReassign(w, r, certifications.MaxReassignSync, func(t *tenant, c *certState, body certifications.ReviewReassign, to int) {
		if _, msg := t.reassign(c, body, to); msg != "" {
			s.writeErr(w, r, errBadRequest("%s", msg))
			return
		}
		writeJSON(w, http.StatusOK, t.certDTO(c))
	})
}

// POST {certifications}/{id}/reassign-async
func (s *Server) submitReassignCertsAsync(w http.ResponseWriter, r *http.Request) {
	s.withReassign(w, r, certifications.MaxReassignAsync, func(t *tenant, c *certState, body certifications.ReviewReassign, _ int) {
		writeJSON(w, http.StatusOK, t.taskDTO(t.newTask(c, body)))
	})
}

// GET {certification-tasks}/{id}: each call moves a pending task one
// step on (QUEUED, IN_PROGRESS, then SUCCESS or ERROR).
func (s *Server) getCertificationTask(w http.ResponseWriter, r *http.Request) {
	t := s.t
	t.mu.Lock()
	defer t.mu.Unlock()
	id := r.PathValue("id")
	tk := t.taskByID[id]
	if tk == nil {
		s.writeErr(w, r, errNotFound("No certification task with id "+id+" was found."))
		return
	}
	t.advance(tk)
	writeJSON(w, http.StatusOK, t.taskDTO(tk))
}

// GET {certification-tasks}: the pending tasks, unchanged by listing.
func (s *Server) getPendingCertificationTasks(w http.ResponseWriter, r *http.Request) {
	t := s.t
	t.mu.Lock()
	defer t.mu.Unlock()
	rid, byReviewer := reviewerFilter(r, "reviewer-identity")
	serveList(s, w, r, query.MustRoot("GetPendingCertificationTasks"), lister[*task, certifications.CertificationTask]{
		all:    sliceSeq(t.tasks),
		render: t.taskDTO,
		keep: func(tk *task) bool {
			return pending(tk.status) && (!byReviewer || t.person(t.certs[tk.cert].reviewer).id == rid)
		},
	})
}
