package beta

import (
	"context"
	"iter"
	"net/http"
	"net/url"

	"github.com/iscgo/certifications"
)

// CertificationsApiService groups the beta Certifications operations. Get
// one from NewCertificationsApi; it is safe for concurrent use.
type CertificationsApiService struct {
	client *certifications.APIClient
}

// NewCertificationsApi returns the beta Certifications operations on client.
// They share the client's token, retries, pacing, errors and logging with
// the v3 operations; no second transport is created.
func NewCertificationsApi(client *certifications.APIClient) *CertificationsApiService {
	return &CertificationsApiService{client: client}
}

// call is the one pipeline every beta operation goes through: it builds the
// request for beta/<path> on the shared client and sends it with
// APIClient.Do, which decodes the answer into out.
func (s *CertificationsApiService) call(ctx context.Context, method, path string, q url.Values, body, out any) (*http.Response, error) {
	if s == nil || s.client == nil {
		return nil, errNoClient()
	}
	req, err := s.client.NewRequest(ctx, method, "beta/"+path, q, body)
	if err != nil {
		return nil, err
	}
	return s.client.Do(req, out)
}

// listValues encodes list options through the shared client's ListValues,
// after checking the service has a client at all.
func (s *CertificationsApiService) listValues(o certifications.ListOptions, rules *certifications.QueryRules) (url.Values, error) {
	if s == nil || s.client == nil {
		return nil, errNoClient()
	}
	return s.client.ListValues(o, rules)
}

// errNoClient is the error of a service made without a client.
func errNoClient() error {
	return &certifications.ValidationError{Parameter: "client", Problem: "is nil", Allowed: "beta.NewCertificationsApi(certifications.NewAPIClient(cfg))"}
}

// resultOrNil returns v unless the call failed, so that a failed call
// returns no half-filled model.
func resultOrNil[T any](v *T, err error) *T {
	if err != nil {
		return nil
	}
	return v
}

// ---- GET /beta/certifications/{certificationId}/access-review-items/{itemId}/permissions

// ApiGetIdentityCertificationItemPermissionsRequest builds a
// GetIdentityCertificationItemPermissions call.
type ApiGetIdentityCertificationItemPermissionsRequest struct {
	ctx             context.Context
	svc             *CertificationsApiService
	certificationID string
	itemID          string
	opts            certifications.ListOptions
}

// GetIdentityCertificationItemPermissions lists the permissions of an
// entitlement review item
// (GET /beta/certifications/{certificationId}/access-review-items/{itemId}/permissions).
//
// Deprecated: the beta endpoint is deprecated. Use the v3
// certifications.CertificationsApiService.GetIdentityCertificationItemPermissions,
// which takes the same parameters and returns the same PermissionDto.
func (s *CertificationsApiService) GetIdentityCertificationItemPermissions(ctx context.Context, certificationID, itemID string) ApiGetIdentityCertificationItemPermissionsRequest {
	return ApiGetIdentityCertificationItemPermissionsRequest{ctx: ctx, svc: s, certificationID: certificationID, itemID: itemID}
}

// Filters sets the filter expression (fields target and rights; see
// RulesGetIdentityCertificationItemPermissions()).
func (r ApiGetIdentityCertificationItemPermissionsRequest) Filters(f string) ApiGetIdentityCertificationItemPermissionsRequest {
	r.opts.Filters = &f
	return r
}

// Limit sets the page size (0 to 250).
func (r ApiGetIdentityCertificationItemPermissionsRequest) Limit(n int32) ApiGetIdentityCertificationItemPermissionsRequest {
	r.opts.Limit = &n
	return r
}

// Offset sets the index of the first record.
func (r ApiGetIdentityCertificationItemPermissionsRequest) Offset(n int32) ApiGetIdentityCertificationItemPermissionsRequest {
	r.opts.Offset = &n
	return r
}

// Count asks for the total in the X-Total-Count response header.
func (r ApiGetIdentityCertificationItemPermissionsRequest) Count(b bool) ApiGetIdentityCertificationItemPermissionsRequest {
	r.opts.Count = &b
	return r
}

// Execute sends the request.
func (r ApiGetIdentityCertificationItemPermissionsRequest) Execute() ([]PermissionDto, *http.Response, error) {
	if err := certifications.CheckID("certificationId", r.certificationID); err != nil {
		return nil, nil, err
	}
	if err := certifications.CheckID("itemId", r.itemID); err != nil {
		return nil, nil, err
	}
	q, err := r.svc.listValues(r.opts, RulesGetIdentityCertificationItemPermissions())
	if err != nil {
		return nil, nil, err
	}
	var out []PermissionDto
	path := "certifications/" + certifications.PathEscape(r.certificationID) + "/access-review-items/" + certifications.PathEscape(r.itemID) + "/permissions"
	resp, err := r.svc.call(r.ctx, http.MethodGet, path, q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching permission.
func (r ApiGetIdentityCertificationItemPermissionsRequest) Pager() *certifications.Pager[PermissionDto] {
	return certifications.NewPager(r.ctx, r.opts, func(ctx context.Context, o certifications.ListOptions) ([]PermissionDto, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching permission, page by page.
func (r ApiGetIdentityCertificationItemPermissionsRequest) All() iter.Seq2[PermissionDto, error] {
	return r.Pager().All()
}

// ---- GET /beta/certifications/{id}/tasks-pending

// ApiGetIdentityCertificationPendingTasksRequest builds a
// GetIdentityCertificationPendingTasks call.
type ApiGetIdentityCertificationPendingTasksRequest struct {
	ctx context.Context
	svc *CertificationsApiService
	id  string
}

// GetIdentityCertificationPendingTasks lists the tasks of a certification
// that are queued or in progress (GET /beta/certifications/{id}/tasks-pending).
// The endpoint takes no paging parameters and returns every pending task at
// once.
//
// Deprecated: the beta endpoint is deprecated, and v3 has no per-certification
// equivalent. The closest v3 call is
// certifications.CertificationsApiService.GetPendingCertificationTasks, which
// lists the caller's pending tasks across certifications (filter on
// targetId to narrow it to one) and returns certifications.CertificationTask.
func (s *CertificationsApiService) GetIdentityCertificationPendingTasks(ctx context.Context, id string) ApiGetIdentityCertificationPendingTasksRequest {
	return ApiGetIdentityCertificationPendingTasksRequest{ctx: ctx, svc: s, id: id}
}

// Execute sends the request.
func (r ApiGetIdentityCertificationPendingTasksRequest) Execute() ([]IdentityCertificationTask, *http.Response, error) {
	if err := certifications.CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	var out []IdentityCertificationTask
	resp, err := r.svc.call(r.ctx, http.MethodGet, "certifications/"+certifications.PathEscape(r.id)+"/tasks-pending", nil, nil, &out)
	return out, resp, err
}

// ---- GET /beta/certifications/{id}/tasks/{taskId}

// ApiGetIdentityCertificationTaskStatusRequest builds a
// GetIdentityCertificationTaskStatus call.
type ApiGetIdentityCertificationTaskStatusRequest struct {
	ctx    context.Context
	svc    *CertificationsApiService
	id     string
	taskID string
}

// GetIdentityCertificationTaskStatus returns one task of a certification,
// with its current status (GET /beta/certifications/{id}/tasks/{taskId}).
//
// Deprecated: the beta endpoint is deprecated, and v3 has no
// per-certification task status endpoint. The closest v3 call is
// certifications.CertificationsApiService.GetCertificationTask, which looks
// a task up by its id alone and returns certifications.CertificationTask.
func (s *CertificationsApiService) GetIdentityCertificationTaskStatus(ctx context.Context, id, taskID string) ApiGetIdentityCertificationTaskStatusRequest {
	return ApiGetIdentityCertificationTaskStatusRequest{ctx: ctx, svc: s, id: id, taskID: taskID}
}

// Execute sends the request.
func (r ApiGetIdentityCertificationTaskStatusRequest) Execute() (*IdentityCertificationTask, *http.Response, error) {
	if err := certifications.CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	if err := certifications.CheckID("taskId", r.taskID); err != nil {
		return nil, nil, err
	}
	var out IdentityCertificationTask
	path := "certifications/" + certifications.PathEscape(r.id) + "/tasks/" + certifications.PathEscape(r.taskID)
	resp, err := r.svc.call(r.ctx, http.MethodGet, path, nil, nil, &out)
	return resultOrNil(&out, err), resp, err
}

// ---- GET /beta/certifications/{id}/reviewers

// ApiListCertificationReviewersRequest builds a ListCertificationReviewers call.
type ApiListCertificationReviewersRequest struct {
	ctx  context.Context
	svc  *CertificationsApiService
	id   string
	opts certifications.ListOptions
}

// ListCertificationReviewers lists the reviewers of a certification
// (GET /beta/certifications/{id}/reviewers).
//
// Deprecated: the beta endpoint is deprecated. Use the v3
// certifications.CertificationsApiService.ListCertificationReviewers, which
// takes the same parameters and returns the same
// IdentityReferenceWithNameAndEmail.
func (s *CertificationsApiService) ListCertificationReviewers(ctx context.Context, id string) ApiListCertificationReviewersRequest {
	return ApiListCertificationReviewersRequest{ctx: ctx, svc: s, id: id}
}

// Limit sets the page size (0 to 250).
func (r ApiListCertificationReviewersRequest) Limit(n int32) ApiListCertificationReviewersRequest {
	r.opts.Limit = &n
	return r
}

// Offset sets the index of the first record.
func (r ApiListCertificationReviewersRequest) Offset(n int32) ApiListCertificationReviewersRequest {
	r.opts.Offset = &n
	return r
}

// Count asks for the total in the X-Total-Count response header.
func (r ApiListCertificationReviewersRequest) Count(b bool) ApiListCertificationReviewersRequest {
	r.opts.Count = &b
	return r
}

// Filters sets the filter expression (see RulesListCertificationReviewers()).
func (r ApiListCertificationReviewersRequest) Filters(f string) ApiListCertificationReviewersRequest {
	r.opts.Filters = &f
	return r
}

// Sorters sets the sort order, e.g. "name,-email".
func (r ApiListCertificationReviewersRequest) Sorters(s string) ApiListCertificationReviewersRequest {
	r.opts.Sorters = &s
	return r
}

// Execute sends the request.
func (r ApiListCertificationReviewersRequest) Execute() ([]IdentityReferenceWithNameAndEmail, *http.Response, error) {
	if err := certifications.CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	q, err := r.svc.listValues(r.opts, RulesListCertificationReviewers())
	if err != nil {
		return nil, nil, err
	}
	var out []IdentityReferenceWithNameAndEmail
	resp, err := r.svc.call(r.ctx, http.MethodGet, "certifications/"+certifications.PathEscape(r.id)+"/reviewers", q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching reviewer.
func (r ApiListCertificationReviewersRequest) Pager() *certifications.Pager[IdentityReferenceWithNameAndEmail] {
	return certifications.NewPager(r.ctx, r.opts, func(ctx context.Context, o certifications.ListOptions) ([]IdentityReferenceWithNameAndEmail, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching reviewer, page by page.
func (r ApiListCertificationReviewersRequest) All() iter.Seq2[IdentityReferenceWithNameAndEmail, error] {
	return r.Pager().All()
}

// ---- GET /beta/certifications

// ApiListCertificationsRequest builds a ListCertifications call.
type ApiListCertificationsRequest struct {
	ctx              context.Context
	svc              *CertificationsApiService
	reviewerIdentity *string
	opts             certifications.ListOptions
}

// ListCertifications lists the certifications the caller may review
// (GET /beta/certifications).
//
// Deprecated: the beta endpoint is deprecated. Use the v3
// certifications.CertificationsApiService.ListIdentityCertifications, which
// returns certifications.IdentityCertificationDto. v3 has no equivalent of
// CertificationDto's campaign view: it names the campaign campaign (filter
// on campaign.id instead of campaignRef.id), counts identities instead of
// entities, and spells the reviewer parameter reviewer-identity.
func (s *CertificationsApiService) ListCertifications(ctx context.Context) ApiListCertificationsRequest {
	return ApiListCertificationsRequest{ctx: ctx, svc: s}
}

// ReviewerIdentity limits the list to a reviewer's certifications ("me" for
// the caller). It is sent as reviewer-identitiy, the beta API's own spelling.
func (r ApiListCertificationsRequest) ReviewerIdentity(id string) ApiListCertificationsRequest {
	r.reviewerIdentity = &id
	return r
}

// Limit sets the page size (0 to 250).
func (r ApiListCertificationsRequest) Limit(n int32) ApiListCertificationsRequest {
	r.opts.Limit = &n
	return r
}

// Offset sets the index of the first record.
func (r ApiListCertificationsRequest) Offset(n int32) ApiListCertificationsRequest {
	r.opts.Offset = &n
	return r
}

// Count asks for the total in the X-Total-Count response header.
func (r ApiListCertificationsRequest) Count(b bool) ApiListCertificationsRequest {
	r.opts.Count = &b
	return r
}

// Filters sets the filter expression (see RulesListCertifications()).
func (r ApiListCertificationsRequest) Filters(f string) ApiListCertificationsRequest {
	r.opts.Filters = &f
	return r
}

// Sorters sets the sort order, e.g. "-due,signed".
func (r ApiListCertificationsRequest) Sorters(s string) ApiListCertificationsRequest {
	r.opts.Sorters = &s
	return r
}

// Execute sends the request.
func (r ApiListCertificationsRequest) Execute() ([]CertificationDto, *http.Response, error) {
	q, err := r.svc.listValues(r.opts, RulesListCertifications())
	if err != nil {
		return nil, nil, err
	}
	if r.reviewerIdentity != nil {
		q.Set("reviewer-identitiy", *r.reviewerIdentity)
	}
	var out []CertificationDto
	resp, err := r.svc.call(r.ctx, http.MethodGet, "certifications", q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching certification.
func (r ApiListCertificationsRequest) Pager() *certifications.Pager[CertificationDto] {
	return certifications.NewPager(r.ctx, r.opts, func(ctx context.Context, o certifications.ListOptions) ([]CertificationDto, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching certification, page by page.
func (r ApiListCertificationsRequest) All() iter.Seq2[CertificationDto, error] {
	return r.Pager().All()
}

// ---- POST /beta/certifications/{id}/reassign-async

// ApiSubmitReassignCertsAsyncRequest builds a SubmitReassignCertsAsync call.
type ApiSubmitReassignCertsAsyncRequest struct {
	ctx      context.Context
	svc      *CertificationsApiService
	id       string
	reassign *ReviewReassign
}

// SubmitReassignCertsAsync starts moving up to 500 identities or items of a
// certification to another reviewer and returns the task to poll with
// GetIdentityCertificationTaskStatus
// (POST /beta/certifications/{id}/reassign-async).
//
// Deprecated: the beta endpoint is deprecated. Use the v3
// certifications.CertificationsApiService.SubmitReassignCertsAsync, which
// takes the same body and returns a certifications.CertificationTask.
func (s *CertificationsApiService) SubmitReassignCertsAsync(ctx context.Context, id string) ApiSubmitReassignCertsAsyncRequest {
	return ApiSubmitReassignCertsAsyncRequest{ctx: ctx, svc: s, id: id}
}

// ReviewReassign sets the request body (required): reassignTo, reason and 1
// to certifications.MaxReassignAsync references.
func (r ApiSubmitReassignCertsAsyncRequest) ReviewReassign(b ReviewReassign) ApiSubmitReassignCertsAsyncRequest {
	r.reassign = &b
	return r
}

// Execute sends the request and returns the queued task.
func (r ApiSubmitReassignCertsAsyncRequest) Execute() (*IdentityCertificationTask, *http.Response, error) {
	if err := certifications.CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	if r.reassign == nil {
		return nil, nil, &certifications.ValidationError{Parameter: "reviewReassign", Problem: "is not set", Allowed: "a ReviewReassign with reassign, reassignTo and reason"}
	}
	if err := r.reassign.Validate(certifications.MaxReassignAsync); err != nil {
		return nil, nil, err
	}
	var out IdentityCertificationTask
	resp, err := r.svc.call(r.ctx, http.MethodPost, "certifications/"+certifications.PathEscape(r.id)+"/reassign-async", nil, r.reassign, &out)
	return resultOrNil(&out, err), resp, err
}
