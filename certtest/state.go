package certtest

import (
	"time"

	"github.com/iscgo/certifications"
)

// Certification returns the certification with the given id as GET
// /v3/certifications/{id} would show it now, and whether it exists.
func (s *Server) Certification(id string) (certifications.IdentityCertificationDto, bool) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	c := s.t.cert(id)
	if c == nil {
		return certifications.IdentityCertificationDto{}, false
	}
	return s.t.certDTO(c), true
}

// Certifications returns every certification of the tenant, in list order:
// the generated ones, the large one, then those created by reassignments
// and by activating campaigns. Those of deleted campaigns are gone.
func (s *Server) Certifications() []certifications.IdentityCertificationDto {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	out := make([]certifications.IdentityCertificationDto, 0, len(s.t.certs))
	for c := range s.t.liveCerts() {
		out = append(out, s.t.certDTO(c))
	}
	return out
}

// Item returns access review item itemID of certification certID as the
// API shows it now, and whether the item is in that certification (an item
// moved away by a reassignment is found in its new certification).
func (s *Server) Item(certID, itemID string) (certifications.AccessReviewItem, bool) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	c := s.t.cert(certID)
	ref, ok := s.t.parseItemID(itemID)
	if c == nil || !ok || s.t.location(ref) != c.idx {
		return certifications.AccessReviewItem{}, false
	}
	return s.t.item(ref), true
}

// Items returns every access review item of a certification, in list
// order, or nil if there is no such certification. It renders them all:
// for a large certification prefer the API's paging.
func (s *Server) Items(certID string) []certifications.AccessReviewItem {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	c := s.t.cert(certID)
	if c == nil {
		return nil
	}
	out := make([]certifications.AccessReviewItem, 0, c.total())
	for ref := range s.t.refs(c) {
		out = append(out, s.t.item(ref))
	}
	return out
}

// DecisionCount returns how many successful decide calls included the
// item: 1 after it was decided once, more when it was decided again (a
// changed decision), 0 when never. It lets tests assert that a workflow
// decided each item exactly once.
func (s *Server) DecisionCount(itemID string) int {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	ref, ok := s.t.parseItemID(itemID)
	if !ok {
		return 0
	}
	if st := s.t.decisions[ref]; st != nil {
		return st.calls
	}
	return 0
}

// Task returns the certification task with the given id as GET
// /v3/certification-tasks/{id} would show it, without moving it on.
func (s *Server) Task(id string) (certifications.CertificationTask, bool) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	tk := s.t.taskByID[id]
	if tk == nil {
		return certifications.CertificationTask{}, false
	}
	return s.t.taskDTO(tk), true
}

// Reviewers returns the tenant's reviewers, "me" first. Any of them, any
// owner of an access item and any identity under review in the generated
// certifications (not in the large one) can be the target of a
// reassignment.
func (s *Server) Reviewers() []certifications.IdentityReferenceWithNameAndEmail {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	out := make([]certifications.IdentityReferenceWithNameAndEmail, s.t.sizes.Reviewers)
	for i := range out {
		out[i] = *s.t.person(i).ref()
	}
	return out
}

// ReferenceTime returns the date this server's generated data is built
// around: the last 09:00 UTC at or before the time its clock (WithClock,
// by default time.Now) read when it started. Generated campaigns were
// created in the week before it and are due two weeks or more after it,
// so on a clock that starts now nothing is past due; timestamps the server
// sets later (decisions, sign-offs, tasks, campaigns) come from the clock.
// The same seed, sizes and reference date always give the same data.
func (s *Server) ReferenceTime() time.Time { return s.t.ref }
