package certtest

import (
	"github.com/iscgo/certifications/internal/query"
	"net/http"
	"slices"

	"github.com/iscgo/certifications"
)

// GET {certifications}/{id}/decision-summary: the decision counters of
// the certification, or of the identities identitySummary.id filters
// select.
func (s *Server) getIdentityDecisionSummary(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		f, e := parseFilters(r.URL.Query(), query.MustRoot("GetIdentityDecisionSummary"))
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		writeJSON(w, http.StatusOK, decisionSummary(t.decisionTally(c, f)))
	})
}

// GET {certifications}/{id}/identity-summaries
func (s *Server) getIdentitySummaries(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		serveList(s, w, r, query.MustRoot("GetIdentitySummaries"), lister[identKey, certifications.CertificationIdentitySummary]{
			all:    t.identities(c),
			total:  c.identTot,
			window: func(off, n int) []identKey { return t.identWindow(c, off, n) },
			render: func(k identKey) certifications.CertificationIdentitySummary {
				return t.identSummary(c, k, t.identPerson(k))
			},
			doc: identDoc,
		})
	})
}

// GET {certifications}/{id}/identity-summaries/{identitySummaryId}: 404
// for an identity without items in the certification.
func (s *Server) getIdentitySummary(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		id := r.PathValue("identitySummaryId")
		k, ok := t.parseIdentID(id)
		if !ok || c.peekIdentity(k).total() == 0 {
			s.writeErr(w, r, errNotFound("No identity summary with id "+id+" was found in certification "+c.id+"."))
			return
		}
		writeJSON(w, http.StatusOK, t.identSummary(c, k, t.identPerson(k)))
	})
}

// GET {certifications}/{id}/access-summaries/{type}: the access of the
// certification's items of one type (ROLE, ACCESS_PROFILE or ENTITLEMENT;
// anything else is a 400), one entry per item.
func (s *Server) getIdentityAccessSummaries(w http.ResponseWriter, r *http.Request) {
	typ := certifications.AccessSummaryType(r.PathValue("type"))
	kind := slices.Index(kindTypes[:], certifications.DtoType(typ))
	if !typ.IsKnown() || kind < 0 {
		s.writeErr(w, r, errBadRequest("Invalid type %q: it must be ROLE, ACCESS_PROFILE or ENTITLEMENT.", typ))
		return
	}
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		lp, e := parseList(r, query.MustRoot("GetIdentityAccessSummaries"))
		if e != nil {
			s.writeErr(w, r, e)
			return
		}
		q := r.URL.Query()
		serveItemList(s, w, r, lp, lister[itemRef, accessRow]{
			all:    t.refs(c),
			render: t.accessRow,
			doc:    t.accessRowDoc,
			keep:   func(ref itemRef) bool { return t.kindIndex(ref) == kind },
		}, "access-summaries", c.id, string(typ), q.Get("filters"), q.Get("sorters"))
	})
}
