package certifications

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// call is the one pipeline every operation goes through: build the request,
// send it with auth, pacing and retries, decode the answer into out.
func (c *APIClient) call(ctx context.Context, method, path string, q url.Values, body, out any) (*http.Response, error) {
	req, err := c.NewRequest(ctx, method, path, q, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req, out)
}

// ListValues checks and encodes list options for an endpoint with the given
// rules, honouring the configuration's SkipFilterValidation. Every list
// operation, v3 and beta, encodes its options through it; a client with a
// configuration error returns that error.
func (c *APIClient) ListValues(o ListOptions, rules *QueryRules) (url.Values, error) {
	if c.err != nil {
		return nil, c.err
	}
	return o.Values(rules, c.cfg.SkipFilterValidation)
}

// ---- GET /certification-tasks/{id}

// ApiGetCertificationTaskRequest builds a GetCertificationTask call.
type ApiGetCertificationTaskRequest struct {
	ctx context.Context
	svc *CertificationsApiService
	id  string
}

// GetCertificationTask returns the certification task with the given id
// (GET /v3/certification-tasks/{id}).
func (s *CertificationsApiService) GetCertificationTask(ctx context.Context, id string) ApiGetCertificationTaskRequest {
	return ApiGetCertificationTaskRequest{ctx: ctx, svc: s, id: id}
}

// Execute sends the request.
func (r ApiGetCertificationTaskRequest) Execute() (*CertificationTask, *http.Response, error) {
	if err := CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	var out CertificationTask
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, "v3/certification-tasks/"+PathEscape(r.id), nil, nil, &out)
	return resultOrNil(&out, err), resp, err
}

// ---- GET /certifications/{id}

// ApiGetIdentityCertificationRequest builds a GetIdentityCertification call.
type ApiGetIdentityCertificationRequest struct {
	ctx context.Context
	svc *CertificationsApiService
	id  string
}

// GetIdentityCertification returns one identity certification
// (GET /v3/certifications/{id}).
func (s *CertificationsApiService) GetIdentityCertification(ctx context.Context, id string) ApiGetIdentityCertificationRequest {
	return ApiGetIdentityCertificationRequest{ctx: ctx, svc: s, id: id}
}

// Execute sends the request.
func (r ApiGetIdentityCertificationRequest) Execute() (*IdentityCertificationDto, *http.Response, error) {
	if err := CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	var out IdentityCertificationDto
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, "v3/certifications/"+PathEscape(r.id), nil, nil, &out)
	return resultOrNil(&out, err), resp, err
}

// ---- GET /certifications/{certificationId}/access-review-items/{itemId}/permissions

// ApiGetIdentityCertificationItemPermissionsRequest builds a
// GetIdentityCertificationItemPermissions call.
type ApiGetIdentityCertificationItemPermissionsRequest struct {
	ctx             context.Context
	svc             *CertificationsApiService
	certificationID string
	itemID          string
	opts            ListOptions
}

// GetIdentityCertificationItemPermissions lists the permissions of an
// entitlement review item
// (GET /v3/certifications/{certificationId}/access-review-items/{itemId}/permissions).
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
	if err := CheckID("certificationId", r.certificationID); err != nil {
		return nil, nil, err
	}
	if err := CheckID("itemId", r.itemID); err != nil {
		return nil, nil, err
	}
	q, err := r.svc.client.ListValues(r.opts, RulesGetIdentityCertificationItemPermissions())
	if err != nil {
		return nil, nil, err
	}
	var out []PermissionDto
	path := "v3/certifications/" + PathEscape(r.certificationID) + "/access-review-items/" + PathEscape(r.itemID) + "/permissions"
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, path, q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching permission.
func (r ApiGetIdentityCertificationItemPermissionsRequest) Pager() *Pager[PermissionDto] {
	return NewPager(r.ctx, r.opts, func(ctx context.Context, o ListOptions) ([]PermissionDto, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching permission, page by page.
func (r ApiGetIdentityCertificationItemPermissionsRequest) All() iter.Seq2[PermissionDto, error] {
	return r.Pager().All()
}

// ---- GET /certification-tasks

// ApiGetPendingCertificationTasksRequest builds a GetPendingCertificationTasks call.
type ApiGetPendingCertificationTasksRequest struct {
	ctx              context.Context
	svc              *CertificationsApiService
	reviewerIdentity *string
	opts             ListOptions
}

// GetPendingCertificationTasks lists the certification tasks that are
// queued or in progress (GET /v3/certification-tasks).
func (s *CertificationsApiService) GetPendingCertificationTasks(ctx context.Context) ApiGetPendingCertificationTasksRequest {
	return ApiGetPendingCertificationTasksRequest{ctx: ctx, svc: s}
}

// ReviewerIdentity limits the tasks to those of a reviewer ("me" for the caller).
func (r ApiGetPendingCertificationTasksRequest) ReviewerIdentity(id string) ApiGetPendingCertificationTasksRequest {
	r.reviewerIdentity = &id
	return r
}

// Limit sets the page size (0 to 250).
func (r ApiGetPendingCertificationTasksRequest) Limit(n int32) ApiGetPendingCertificationTasksRequest {
	r.opts.Limit = &n
	return r
}

// Offset sets the index of the first record.
func (r ApiGetPendingCertificationTasksRequest) Offset(n int32) ApiGetPendingCertificationTasksRequest {
	r.opts.Offset = &n
	return r
}

// Count asks for the total in the X-Total-Count response header.
func (r ApiGetPendingCertificationTasksRequest) Count(b bool) ApiGetPendingCertificationTasksRequest {
	r.opts.Count = &b
	return r
}

// Filters sets the filter expression (see RulesGetPendingCertificationTasks()).
func (r ApiGetPendingCertificationTasksRequest) Filters(f string) ApiGetPendingCertificationTasksRequest {
	r.opts.Filters = &f
	return r
}

// Execute sends the request.
func (r ApiGetPendingCertificationTasksRequest) Execute() ([]CertificationTask, *http.Response, error) {
	q, err := r.svc.client.ListValues(r.opts, RulesGetPendingCertificationTasks())
	if err != nil {
		return nil, nil, err
	}
	setString(q, "reviewer-identity", r.reviewerIdentity)
	var out []CertificationTask
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, "v3/certification-tasks", q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching task.
func (r ApiGetPendingCertificationTasksRequest) Pager() *Pager[CertificationTask] {
	return NewPager(r.ctx, r.opts, func(ctx context.Context, o ListOptions) ([]CertificationTask, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching task, page by page.
func (r ApiGetPendingCertificationTasksRequest) All() iter.Seq2[CertificationTask, error] {
	return r.Pager().All()
}

// ---- GET /certifications/{id}/reviewers

// ApiListCertificationReviewersRequest builds a ListCertificationReviewers call.
type ApiListCertificationReviewersRequest struct {
	ctx  context.Context
	svc  *CertificationsApiService
	id   string
	opts ListOptions
}

// ListCertificationReviewers lists the reviewers of a certification
// (GET /v3/certifications/{id}/reviewers).
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
	if err := CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	q, err := r.svc.client.ListValues(r.opts, RulesListCertificationReviewers())
	if err != nil {
		return nil, nil, err
	}
	var out []IdentityReferenceWithNameAndEmail
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, "v3/certifications/"+PathEscape(r.id)+"/reviewers", q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching reviewer.
func (r ApiListCertificationReviewersRequest) Pager() *Pager[IdentityReferenceWithNameAndEmail] {
	return NewPager(r.ctx, r.opts, func(ctx context.Context, o ListOptions) ([]IdentityReferenceWithNameAndEmail, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching reviewer, page by page.
func (r ApiListCertificationReviewersRequest) All() iter.Seq2[IdentityReferenceWithNameAndEmail, error] {
	return r.Pager().All()
}

// ---- GET /certifications/{id}/access-review-items

// ApiListIdentityAccessReviewItemsRequest builds a ListIdentityAccessReviewItems call.
type ApiListIdentityAccessReviewItemsRequest struct {
	ctx            context.Context
	svc            *CertificationsApiService
	id             string
	opts           ListOptions
	entitlements   *string
	accessProfiles *string
	roles          *string
}

// ListIdentityAccessReviewItems lists the access review items of a
// certification (GET /v3/certifications/{id}/access-review-items).
func (s *CertificationsApiService) ListIdentityAccessReviewItems(ctx context.Context, id string) ApiListIdentityAccessReviewItemsRequest {
	return ApiListIdentityAccessReviewItemsRequest{ctx: ctx, svc: s, id: id}
}

// Limit sets the page size (0 to 250).
func (r ApiListIdentityAccessReviewItemsRequest) Limit(n int32) ApiListIdentityAccessReviewItemsRequest {
	r.opts.Limit = &n
	return r
}

// Offset sets the index of the first record.
func (r ApiListIdentityAccessReviewItemsRequest) Offset(n int32) ApiListIdentityAccessReviewItemsRequest {
	r.opts.Offset = &n
	return r
}

// Count asks for the total in the X-Total-Count response header.
func (r ApiListIdentityAccessReviewItemsRequest) Count(b bool) ApiListIdentityAccessReviewItemsRequest {
	r.opts.Count = &b
	return r
}

// Filters sets the filter expression (see RulesListIdentityAccessReviewItems()).
func (r ApiListIdentityAccessReviewItemsRequest) Filters(f string) ApiListIdentityAccessReviewItemsRequest {
	r.opts.Filters = &f
	return r
}

// Sorters sets the sort order, e.g. "identitySummary.name,-access.name".
func (r ApiListIdentityAccessReviewItemsRequest) Sorters(s string) ApiListIdentityAccessReviewItemsRequest {
	r.opts.Sorters = &s
	return r
}

// Entitlements limits the items to these entitlement ids (comma-separated).
// At most one of Entitlements, AccessProfiles and Roles may be set.
func (r ApiListIdentityAccessReviewItemsRequest) Entitlements(ids string) ApiListIdentityAccessReviewItemsRequest {
	r.entitlements = &ids
	return r
}

// AccessProfiles limits the items to these access profile ids
// (comma-separated). At most one of Entitlements, AccessProfiles and Roles
// may be set.
func (r ApiListIdentityAccessReviewItemsRequest) AccessProfiles(ids string) ApiListIdentityAccessReviewItemsRequest {
	r.accessProfiles = &ids
	return r
}

// Roles limits the items to these role ids (comma-separated). At most one
// of Entitlements, AccessProfiles and Roles may be set.
func (r ApiListIdentityAccessReviewItemsRequest) Roles(ids string) ApiListIdentityAccessReviewItemsRequest {
	r.roles = &ids
	return r
}

// Execute sends the request.
func (r ApiListIdentityAccessReviewItemsRequest) Execute() ([]AccessReviewItem, *http.Response, error) {
	if err := CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	set := 0
	for _, p := range []*string{r.entitlements, r.accessProfiles, r.roles} {
		if p != nil {
			set++
		}
	}
	if set > 1 {
		return nil, nil, &ValidationError{Parameter: "entitlements, access-profiles, roles", Problem: "more than one is set", Allowed: "at most one of Entitlements, AccessProfiles and Roles"}
	}
	q, err := r.svc.client.ListValues(r.opts, RulesListIdentityAccessReviewItems())
	if err != nil {
		return nil, nil, err
	}
	setString(q, "entitlements", r.entitlements)
	setString(q, "access-profiles", r.accessProfiles)
	setString(q, "roles", r.roles)
	var out []AccessReviewItem
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, "v3/certifications/"+PathEscape(r.id)+"/access-review-items", q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching review item.
func (r ApiListIdentityAccessReviewItemsRequest) Pager() *Pager[AccessReviewItem] {
	return NewPager(r.ctx, r.opts, func(ctx context.Context, o ListOptions) ([]AccessReviewItem, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching review item, page by page.
func (r ApiListIdentityAccessReviewItemsRequest) All() iter.Seq2[AccessReviewItem, error] {
	return r.Pager().All()
}

// ---- GET /certifications

// ApiListIdentityCertificationsRequest builds a ListIdentityCertifications call.
type ApiListIdentityCertificationsRequest struct {
	ctx              context.Context
	svc              *CertificationsApiService
	reviewerIdentity *string
	opts             ListOptions
}

// ListIdentityCertifications lists the identity certifications the caller
// may review (GET /v3/certifications).
func (s *CertificationsApiService) ListIdentityCertifications(ctx context.Context) ApiListIdentityCertificationsRequest {
	return ApiListIdentityCertificationsRequest{ctx: ctx, svc: s}
}

// ReviewerIdentity limits the list to a reviewer's certifications ("me"
// for the caller).
func (r ApiListIdentityCertificationsRequest) ReviewerIdentity(id string) ApiListIdentityCertificationsRequest {
	r.reviewerIdentity = &id
	return r
}

// Limit sets the page size (0 to 250).
func (r ApiListIdentityCertificationsRequest) Limit(n int32) ApiListIdentityCertificationsRequest {
	r.opts.Limit = &n
	return r
}

// Offset sets the index of the first record.
func (r ApiListIdentityCertificationsRequest) Offset(n int32) ApiListIdentityCertificationsRequest {
	r.opts.Offset = &n
	return r
}

// Count asks for the total in the X-Total-Count response header.
func (r ApiListIdentityCertificationsRequest) Count(b bool) ApiListIdentityCertificationsRequest {
	r.opts.Count = &b
	return r
}

// Filters sets the filter expression (see RulesListIdentityCertifications()).
func (r ApiListIdentityCertificationsRequest) Filters(f string) ApiListIdentityCertificationsRequest {
	r.opts.Filters = &f
	return r
}

// Sorters sets the sort order, e.g. "-due,name".
func (r ApiListIdentityCertificationsRequest) Sorters(s string) ApiListIdentityCertificationsRequest {
	r.opts.Sorters = &s
	return r
}

// Execute sends the request.
func (r ApiListIdentityCertificationsRequest) Execute() ([]IdentityCertificationDto, *http.Response, error) {
	q, err := r.svc.client.ListValues(r.opts, RulesListIdentityCertifications())
	if err != nil {
		return nil, nil, err
	}
	setString(q, "reviewer-identity", r.reviewerIdentity)
	var out []IdentityCertificationDto
	resp, err := r.svc.client.call(r.ctx, http.MethodGet, "v3/certifications", q, nil, &out)
	return out, resp, err
}

// Pager returns a pager over every matching certification.
func (r ApiListIdentityCertificationsRequest) Pager() *Pager[IdentityCertificationDto] {
	return NewPager(r.ctx, r.opts, func(ctx context.Context, o ListOptions) ([]IdentityCertificationDto, *http.Response, error) {
		page := r // a copy per fetch: ReadAhead runs fetches concurrently
		page.ctx, page.opts = ctx, o
		return page.Execute()
	})
}

// All streams every matching certification, page by page.
func (r ApiListIdentityCertificationsRequest) All() iter.Seq2[IdentityCertificationDto, error] {
	return r.Pager().All()
}

// ---- POST /certifications/{id}/decide

// ApiMakeIdentityDecisionRequest builds a MakeIdentityDecision call.
type ApiMakeIdentityDecisionRequest struct {
	ctx       context.Context
	svc       *CertificationsApiService
	id        string
	decisions []ReviewDecision
}

// MakeIdentityDecision decides on up to 250 access review items of a
// certification (POST /v3/certifications/{id}/decide). See DecideAll for
// larger sets.
func (s *CertificationsApiService) MakeIdentityDecision(ctx context.Context, id string) ApiMakeIdentityDecisionRequest {
	return ApiMakeIdentityDecisionRequest{ctx: ctx, svc: s, id: id}
}

// ReviewDecision sets the decisions to send (1 to 250).
func (r ApiMakeIdentityDecisionRequest) ReviewDecision(ds []ReviewDecision) ApiMakeIdentityDecisionRequest {
	r.decisions = ds
	return r
}

// Execute sends the request and returns the updated certification.
func (r ApiMakeIdentityDecisionRequest) Execute() (*IdentityCertificationDto, *http.Response, error) {
	if err := CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	if err := ValidateDecisions(r.decisions); err != nil {
		return nil, nil, err
	}
	var out IdentityCertificationDto
	resp, err := r.svc.client.call(r.ctx, http.MethodPost, "v3/certifications/"+PathEscape(r.id)+"/decide", nil, r.decisions, &out)
	return resultOrNil(&out, err), resp, err
}

// ---- POST /certifications/{id}/reassign

// ApiReassignIdentityCertificationsRequest builds a ReassignIdentityCertifications call.
type ApiReassignIdentityCertificationsRequest struct {
	ctx      context.Context
	svc      *CertificationsApiService
	id       string
	reassign *ReviewReassign
}

// ReassignIdentityCertifications moves up to 50 identities or items of a
// certification to another reviewer
// (POST /v3/certifications/{id}/reassign).
func (s *CertificationsApiService) ReassignIdentityCertifications(ctx context.Context, id string) ApiReassignIdentityCertificationsRequest {
	return ApiReassignIdentityCertificationsRequest{ctx: ctx, svc: s, id: id}
}

// ReviewReassign sets the request body.
func (r ApiReassignIdentityCertificationsRequest) ReviewReassign(b ReviewReassign) ApiReassignIdentityCertificationsRequest {
	r.reassign = &b
	return r
}

// Execute sends the request and returns the updated certification.
func (r ApiReassignIdentityCertificationsRequest) Execute() (*IdentityCertificationDto, *http.Response, error) {
	if err := checkReassign(r.id, r.reassign, MaxReassignSync); err != nil {
		return nil, nil, err
	}
	var out IdentityCertificationDto
	resp, err := r.svc.client.call(r.ctx, http.MethodPost, "v3/certifications/"+PathEscape(r.id)+"/reassign", nil, r.reassign, &out)
	return resultOrNil(&out, err), resp, err
}

// checkReassign validates the id and body of a reassign call.
func checkReassign(id string, body *ReviewReassign, maxItems int) error {
	if err := CheckID("id", id); err != nil {
		return err
	}
	if body == nil {
		return &ValidationError{Parameter: "reviewReassign", Problem: "is not set", Allowed: "a ReviewReassign with reassign, reassignTo and reason"}
	}
	return body.Validate(maxItems)
}

// ---- POST /certifications/{id}/sign-off

// ApiSignOffIdentityCertificationRequest builds a SignOffIdentityCertification call.
type ApiSignOffIdentityCertificationRequest struct {
	ctx context.Context
	svc *CertificationsApiService
	id  string
}

// SignOffIdentityCertification finalizes the decisions of a certification
// (POST /v3/certifications/{id}/sign-off). Every item must be decided.
func (s *CertificationsApiService) SignOffIdentityCertification(ctx context.Context, id string) ApiSignOffIdentityCertificationRequest {
	return ApiSignOffIdentityCertificationRequest{ctx: ctx, svc: s, id: id}
}

// Execute sends the request and returns the signed certification.
func (r ApiSignOffIdentityCertificationRequest) Execute() (*IdentityCertificationDto, *http.Response, error) {
	if err := CheckID("id", r.id); err != nil {
		return nil, nil, err
	}
	var out IdentityCertificationDto
	resp, err := r.svc.client.call(r.ctx, http.MethodPost, "v3/certifications/"+PathEscape(r.id)+"/sign-off", nil, nil, &out)
	return resultOrNil(&out, err), resp, err
}

// ---- POST /certifications/{id}/reassign-async

// ApiSubmitReassignCertsAsyncRequest builds a SubmitReassignCertsAsync call.
type ApiSubmitReassignCertsAsyncRequest struct {
	ctx      context.Context
	svc      *CertificationsApiService
	id       string
	reassign *ReviewReassign
}

// SubmitReassignCertsAsync starts moving up to 500 identities or items of
// a certification to another reviewer and returns the task to poll
// (POST /v3/certifications/{id}/reassign-async).
func (s *CertificationsApiService) SubmitReassignCertsAsync(ctx context.Context, id string) ApiSubmitReassignCertsAsyncRequest {
	return ApiSubmitReassignCertsAsyncRequest{ctx: ctx, svc: s, id: id}
}

// ReviewReassign sets the request body.
func (r ApiSubmitReassignCertsAsyncRequest) ReviewReassign(b ReviewReassign) ApiSubmitReassignCertsAsyncRequest {
	r.reassign = &b
	return r
}

// Execute sends the request and returns the queued task.
func (r ApiSubmitReassignCertsAsyncRequest) Execute() (*CertificationTask, *http.Response, error) {
	if err := checkReassign(r.id, r.reassign, MaxReassignAsync); err != nil {
		return nil, nil, err
	}
	var out CertificationTask
	resp, err := r.svc.client.call(r.ctx, http.MethodPost, "v3/certifications/"+PathEscape(r.id)+"/reassign-async", nil, r.reassign, &out)
	return resultOrNil(&out, err), resp, err
}

// resultOrNil returns v unless the call failed: a failed call returns no
// half-filled model.
func resultOrNil[T any](v *T, err error) *T {
	if err != nil {
		return nil
	}
	return v
}
