package certtest

import (
	"net/http"
	"time"

	"github.com/iscgo/certifications"
)

// The beta operations have their own shapes. These structs follow the beta
// spec (Certifications beta 3.1.0-beta) property by property.

// betaReviewer is the beta Reviewer: type, id and name required.
type betaReviewer struct {
	Type  string  `json:"type"`
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Email *string `json:"email"`
}

// betaCertificationReference is the beta Certification Reference.
type betaCertificationReference struct {
	Type     string        `json:"type"`
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Reviewer *betaReviewer `json:"reviewer,omitempty"`
}

// betaReassignment is the beta Reassignment.
type betaReassignment struct {
	From    *betaCertificationReference `json:"from,omitempty"`
	Comment *string                     `json:"comment,omitempty"`
}

// betaCertificationDto is the beta Certification Dto. It has no id or name
// (the spec defines none); campaignOwner is listed as required but never
// defined, so the server sends the campaign owner as an identity reference.
type betaCertificationDto struct {
	CampaignRef       certifications.CampaignReference                 `json:"campaignRef"`
	Phase             certifications.CertificationPhase                `json:"phase"`
	Due               time.Time                                        `json:"due"`
	Signed            *time.Time                                       `json:"signed"`
	Reviewer          betaReviewer                                     `json:"reviewer"`
	CampaignOwner     certifications.IdentityReferenceWithNameAndEmail `json:"campaignOwner"`
	Reassignment      *betaReassignment                                `json:"reassignment"`
	HasErrors         bool                                             `json:"hasErrors"`
	ErrorMessage      *string                                          `json:"errorMessage"`
	Completed         bool                                             `json:"completed"`
	DecisionsMade     int32                                            `json:"decisionsMade"`
	DecisionsTotal    int32                                            `json:"decisionsTotal"`
	EntitiesCompleted int32                                            `json:"entitiesCompleted"`
	EntitiesTotal     int32                                            `json:"entitiesTotal"`

	// id and name are not part of the shape but can be filtered and sorted
	// on; they are added to the filter document only.
	id, name string
}

// betaIdentityCertificationTask is the beta Identity Certification Task.
type betaIdentityCertificationTask struct {
	ID              string   `json:"id"`
	CertificationID string   `json:"certificationId"`
	Type            string   `json:"type"`
	Status          string   `json:"status"`
	Errors          []string `json:"errors"`
}

// handlersBeta maps each beta operationId to its handler (see routes).
func (s *Server) handlersBeta() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"listCertifications":                      s.betaListCertifications,
		"listCertificationReviewers":              s.listCertificationReviewers(betaRulesOf("ListCertificationReviewers")),
		"getIdentityCertificationItemPermissions": s.getIdentityCertificationItemPermissions(betaRulesOf("GetIdentityCertificationItemPermissions")),
		"getIdentityCertificationPendingTasks":    s.betaPendingTasks,
		"getIdentityCertificationTaskStatus":      s.betaGetTask,
		"submitReassignCertsAsync":                s.betaReassignAsync,
	}
}

func betaReviewerOf(p person) betaReviewer {
	return betaReviewer{Type: string(certifications.ReviewerTypeIdentity), ID: p.id, Name: p.name, Email: certifications.Ptr(p.email)}
}

func (t *tenant) betaCertDTO(c *certState) betaCertificationDto {
	camp := t.campaigns[c.campaign]
	out := betaCertificationDto{
		CampaignRef:       camp.ref,
		Phase:             c.phase,
		Due:               c.due,
		Signed:            c.signed,
		Reviewer:          betaReviewerOf(t.person(c.reviewer)),
		CampaignOwner:     *t.person(camp.owner).ref(),
		Completed:         c.made() == c.total(),
		DecisionsMade:     int32(c.made()),
		DecisionsTotal:    int32(c.total()),
		EntitiesCompleted: int32(c.identDone),
		EntitiesTotal:     int32(c.identTot),
		id:                c.id,
		name:              c.name,
	}
	if re := c.reassignment; re != nil {
		from := re.GetFrom()
		rv := betaReviewer{Type: string(certifications.ReviewerTypeIdentity), ID: from.GetReviewer().GetID(), Name: from.GetReviewer().GetName(), Email: from.GetReviewer().Email}
		out.Reassignment = &betaReassignment{
			From:    &betaCertificationReference{Type: string(certifications.CertificationReferenceTypeCertification), ID: from.GetID(), Name: from.GetName(), Reviewer: &rv},
			Comment: re.Comment,
		}
	}
	return out
}

func (t *tenant) betaTaskDTO(tk *task) betaIdentityCertificationTask {
	errs := append([]string{}, tk.errors...)
	return betaIdentityCertificationTask{
		ID:              tk.id,
		CertificationID: t.certs[tk.cert].id,
		Type:            string(certifications.CertificationTaskTypeReassign),
		Status:          string(tk.status),
		Errors:          errs,
	}
}

// GET /beta/certifications: reviewer-identitiy (sic, as the beta spec
// spells it) limits the list to a reviewer; the v3 spelling is ignored.
func (s *Server) betaListCertifications(w http.ResponseWriter, r *http.Request) {
	t := s.t
	t.mu.Lock()
	defer t.mu.Unlock()
	serveList(s, w, r, betaRulesOf("ListCertifications"), lister[*certState, betaCertificationDto]{
		all:    t.liveCerts(),
		render: t.betaCertDTO,
		keep:   t.reviewedBy(r, "reviewer-identitiy"),
		doc: func(b betaCertificationDto) map[string]any {
			d := toDoc(b)
			d["id"], d["name"] = b.id, b.name
			return d
		},
	})
}

// GET /beta/certifications/{id}/tasks-pending
func (s *Server) betaPendingTasks(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		out := []betaIdentityCertificationTask{}
		for _, tk := range t.tasks {
			if tk.cert == c.idx && pending(tk.status) {
				out = append(out, t.betaTaskDTO(tk))
			}
		}
		writeJSON(w, http.StatusOK, out)
	})
}

// GET /beta/certifications/{id}/tasks/{taskId}: like the v3 task call, each
// call moves a pending task one step on.
func (s *Server) betaGetTask(w http.ResponseWriter, r *http.Request) {
	s.withCert(w, r, "id", func(t *tenant, c *certState) {
		id := r.PathValue("taskId")
		tk := t.taskByID[id]
		if tk == nil || tk.cert != c.idx {
			s.writeErr(w, r, errNotFound("No task with id "+id+" was found for certification "+c.id+"."))
			return
		}
		t.advance(tk)
		writeJSON(w, http.StatusOK, t.betaTaskDTO(tk))
	})
}

// POST /beta/certifications/{id}/reassign-async
func (s *Server) betaReassignAsync(w http.ResponseWriter, r *http.Request) {
	s.withReassign(w, r, certifications.MaxReassignAsync, func(t *tenant, c *certState, body certifications.ReviewReassign, _ int) {
		writeJSON(w, http.StatusOK, t.betaTaskDTO(t.newTask(c, body)))
	})
}
