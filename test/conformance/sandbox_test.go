package conformance_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/spectest"
)

// The Sandbox check calls every operation of a campaign definition through
// the SDK against certtest, the way a user's script runs on it, and
// validates both sides of every exchange: the request against the
// definition (as the Requests check does), the answer against the response
// schema of its status, and the status against the documented success.
// Then, for every definition, it sends the calls of the Requests check,
// whose ids the sandbox does not know, and validates the answers, errors
// mostly, the same way (any documented status will do). All definitions share one sandbox,
// whose clock only the test moves; each run creates the objects it works
// on, so runs do not see each other's.

// sandboxStep is one step of the Sandbox check: it calls the operation op
// (an operationId without the v1 suffix), after whatever calls it needs to
// reach the state the operation requires.
type sandboxStep struct {
	op   string
	call func(ctx context.Context, r *sandboxRun) error
}

// sandbox is the tenant every Sandbox check runs on.
type sandbox struct {
	srv   *certtest.Server
	clock *certtest.ManualClock
}

// pastDeadline moves clock to an hour after t, unless it is there
// already.
func pastDeadline(clock *certtest.ManualClock, t time.Time) {
	if after := t.Add(time.Hour); after.After(clock.Now()) {
		clock.Set(after)
	}
}

// newSandbox starts the shared sandbox: three reviewers, so that a
// certification can move to another one, and few items, since no check
// reads them.
func newSandbox(t *testing.T) *sandbox {
	clock := certtest.NewManualClock(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now),
		certtest.WithSizes(certtest.Sizes{Reviewers: 3, IdentitiesPerCertification: 2, ItemsPerIdentity: 2}))
	return &sandbox{srv: srv, clock: clock}
}

// exchange is one API request the run sent and the answer it got.
type exchange struct {
	req         *http.Request
	status      int
	contentType string
	body        []byte
}

// sandboxRun is one definition's pass over the sandbox: a client of the
// definition's API version whose transport validates every request and
// records every answer, and the ids of what earlier steps created.
type sandboxRun struct {
	sb     *sandbox
	next   http.RoundTripper // the sandbox's own transport
	client *certifications.APIClient
	ids    map[string]string

	mu         sync.Mutex
	exchanges  []exchange
	violations []*spectest.Violation
}

// maxRecorded bounds a recorded answer; the sandbox's are a few KiB.
const maxRecorded = 8 << 20

// RoundTrip forwards req to the sandbox and records its answer, leaving
// the body readable for the SDK.
func (r *sandboxRun) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil || req.URL.Path == spectest.TokenPath {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRecorded+1))
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if len(body) > maxRecorded {
		return nil, fmt.Errorf("the sandbox answered %s %s with more than %d bytes", req.Method, req.URL, maxRecorded)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exchanges = append(r.exchanges, exchange{req: req, status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: body})
	return resp, nil
}

func (r *sandboxRun) violation(v *spectest.Violation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.violations = append(r.violations, v)
}

// take returns and forgets what was recorded since the last take.
func (r *sandboxRun) take() ([]exchange, []*spectest.Violation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ex, vs := r.exchanges, r.violations
	r.exchanges, r.violations = nil, nil
	return ex, vs
}

// newRun returns a run of v on sb.
func (sb *sandbox) newRun(t *testing.T, v *apiVersion) *sandboxRun {
	r := &sandboxRun{sb: sb, next: http.DefaultTransport, ids: map[string]string{}}
	cfg := sb.srv.Configuration()
	if cfg.HTTPClient != nil && cfg.HTTPClient.Transport != nil {
		r.next = cfg.HTTPClient.Transport
	}
	cfg.APIVersion = v.client
	cfg.DisableRateLimit = true
	cfg.MaxRetries = 0
	cfg.HTTPClient = &http.Client{Transport: spectest.NewCheckingTransport(r, r.violation, v.version(t))}
	r.client = certifications.NewAPIClient(cfg)
	require.NoError(t, r.client.Err())
	return r
}

// sandboxFindings runs v's sandbox steps in order and reports every
// request that does not validate, every answer that is not its
// operation's documented success or does not validate, and every
// operation of the definition that no step called.
func sandboxFindings(t *testing.T, v *apiVersion, sb *sandbox) []finding {
	r := sb.newRun(t, v)
	var fs []finding
	called := map[string]bool{}
	for _, step := range v.sandbox {
		id := step.op + v.suffix
		if err := step.call(t.Context(), r); err != nil {
			fs = append(fs, finding{checkSandbox, id + " call", "the step failed: " + err.Error()})
		}
		fs = append(fs, r.findings(t, id, called)...)
	}
	// The calls of the Requests check name objects the sandbox does not
	// have ("campaign-1", "template-1", ...): their answers, mostly
	// errors, must be documented statuses with bodies that validate too.
	h := &harness{v3: r.client, beta: beta.NewCertificationsApi(r.client)}
	for _, op := range spectest.Operations(t, v.name) {
		for _, c := range v.calls[op.ID] {
			_, _ = h.call(c) // the outcome is judged from the recorded answer
			fs = append(fs, r.findings(t, "", called)...)
		}
		if len(v.sandbox) > 0 && !called[op.ID] {
			fs = append(fs, finding{checkSandbox, op.ID, "no sandbox step called it with a success"})
		}
	}
	return fs
}

// findings reports the violations and answers recorded since the last
// take (see answerFindings).
func (r *sandboxRun) findings(t *testing.T, stepOp string, called map[string]bool) []finding {
	exchanges, violations := r.take()
	var fs []finding
	for _, vio := range violations {
		for _, part := range vio.Parts() {
			fs = append(fs, finding{checkSandbox, vio.OperationID + " request " + part, vio.Error()})
		}
	}
	for _, ex := range exchanges {
		fs = append(fs, answerFindings(t, ex, stepOp, called)...)
	}
	return fs
}

// answerFindings validates one answer against the operation its request
// routes to. An answer to the step's own operation (none when stepOp is
// "") must be its documented success, and marks the operation called.
func answerFindings(t *testing.T, ex exchange, stepOp string, called map[string]bool) []finding {
	def, op, err := spectest.OperationOf(ex.req)
	if err != nil {
		return []finding{{checkSandbox, stepOp + " route", fmt.Sprintf("%s %s: %v", ex.req.Method, ex.req.URL, err)}}
	}
	status := strconv.Itoa(ex.status)
	var fs []finding
	if op == stepOp {
		if want := successStatus(spectest.FindOperation(t, def, op)); status != want {
			fs = append(fs, finding{checkSandbox, op + " status", fmt.Sprintf("answered %s %s with %s; the definition documents %s (%s)", ex.req.Method, ex.req.URL, status, want, bytes.TrimSpace(ex.body))})
		} else {
			called[op] = true
		}
	}
	for _, m := range spectest.Mismatches(spectest.CheckResponseBody(t, def, op, ex.status, ex.contentType, ex.body)) {
		fs = append(fs, finding{checkSandbox, op + " " + status + " " + pointerPath(m.Pointer), m.Reason})
	}
	return fs
}

// ---- the steps

// errNoCertifications stops a step that needs a campaign's certifications.
var errNoCertifications = errors.New("the campaign has fewer than two certifications")

// sandboxWait settles a transitional status on the sandbox's next read.
var sandboxWait = &certifications.WaitOptions{Initial: time.Millisecond, Max: time.Millisecond}

// managerCampaign is a campaign the sandbox can generate certifications
// for.
func managerCampaign(name string) certifications.Campaign {
	return certifications.Campaign{
		Name: name, Description: certifications.Ptr("Managers review their reports."),
		Type: certifications.CampaignReferenceCampaignTypeManager,
	}
}

// activeCampaign creates a campaign, activates it and waits until it is
// ACTIVE.
func (r *sandboxRun) activeCampaign(ctx context.Context, name string) (*certifications.Campaign, error) {
	api := r.client.CertificationCampaignsApi
	c, _, err := api.CreateCampaign(ctx).Campaign(managerCampaign(name)).Execute()
	if err != nil {
		return nil, err
	}
	if _, err := api.WaitForCampaign(ctx, c.GetID(), sandboxWait); err != nil {
		return nil, err
	}
	if _, err := api.StartCampaign(ctx, c.GetID()).Execute(); err != nil {
		return nil, err
	}
	return api.WaitForCampaign(ctx, c.GetID(), sandboxWait)
}

// campaignsSandbox takes a template and its campaigns through their whole
// life: create, read, patch, schedule, generate, activate, move, report,
// complete past the deadline, delete.
var campaignsSandbox = []sandboxStep{
	{"createCampaignTemplate", func(ctx context.Context, r *sandboxRun) error {
		tm, _, err := r.client.CertificationCampaignsApi.CreateCampaignTemplate(ctx).CampaignTemplate(certifications.CampaignTemplate{
			Name: "Quarterly manager review", Description: "Managers review their reports.",
			DeadlineDuration: certifications.Ptr("P2W"), Campaign: managerCampaign("Quarterly manager review"),
		}).Execute()
		if err == nil {
			r.ids["template"] = tm.GetID()
		}
		return err
	}},
	{"getCampaignTemplates", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.GetCampaignTemplates(ctx).Limit(10).Offset(0).Count(true).
			Filters(`id eq "` + r.ids["template"] + `"`).Sorters("-created,name").Execute()
		return err
	}},
	{"getCampaignTemplate", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.GetCampaignTemplate(ctx, r.ids["template"]).Execute()
		return err
	}},
	{"patchCampaignTemplate", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.PatchCampaignTemplate(ctx, r.ids["template"]).JSONPatchOperation(
			[]certifications.JSONPatchOperation{{Op: certifications.JSONPatchOperationOpReplace, Path: "/description", Value: "Every manager reviews."}}).Execute()
		return err
	}},
	{"setCampaignTemplateSchedule", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignsApi.SetCampaignTemplateSchedule(ctx, r.ids["template"]).Schedule(certifications.Schedule{
			Type:       certifications.ScheduleTypeMonthly,
			Days:       &certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"1"}},
			Hours:      certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: []string{"9"}},
			TimeZoneID: certifications.Ptr("Europe/Paris"),
		}).Execute()
		return err
	}},
	{"getCampaignTemplateSchedule", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.GetCampaignTemplateSchedule(ctx, r.ids["template"]).Execute()
		return err
	}},
	{"startGenerateCampaignTemplate", func(ctx context.Context, r *sandboxRun) error {
		ref, _, err := r.client.CertificationCampaignsApi.StartGenerateCampaignTemplate(ctx, r.ids["template"]).Execute()
		if err != nil {
			return err
		}
		r.ids["campaign"] = ref.ID
		_, err = r.client.CertificationCampaignsApi.WaitForCampaign(ctx, ref.ID, sandboxWait)
		return err
	}},
	{"createCampaign", func(ctx context.Context, r *sandboxRun) error {
		c, _, err := r.client.CertificationCampaignsApi.CreateCampaign(ctx).Campaign(managerCampaign("Staged review")).Execute()
		if err == nil {
			r.ids["staged"] = c.GetID()
		}
		return err
	}},
	{"getActiveCampaigns", func(ctx context.Context, r *sandboxRun) error {
		api := r.client.CertificationCampaignsApi
		filter := `id in ("` + r.ids["campaign"] + `","` + r.ids["staged"] + `")`
		if _, _, err := api.GetActiveCampaigns(ctx).Detail(certifications.CampaignDetailFull).
			Limit(10).Offset(0).Count(true).Filters(filter).Sorters("name,-created").Execute(); err != nil {
			return err
		}
		_, _, err := api.GetActiveCampaigns(ctx).Detail(certifications.CampaignDetailSlim).Filters(filter).Execute()
		return err
	}},
	{"getCampaign", func(ctx context.Context, r *sandboxRun) error {
		api := r.client.CertificationCampaignsApi
		if _, _, err := api.GetCampaign(ctx, r.ids["campaign"]).Detail(certifications.CampaignDetailFull).Execute(); err != nil {
			return err
		}
		_, _, err := api.GetCampaign(ctx, r.ids["campaign"]).Execute()
		return err
	}},
	{"updateCampaign", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.UpdateCampaign(ctx, r.ids["campaign"]).JSONPatchOperation(
			[]certifications.JSONPatchOperation{{Op: certifications.JSONPatchOperationOpReplace, Path: "/description", Value: "Every manager reviews."}}).Execute()
		return err
	}},
	{"startCampaign", func(ctx context.Context, r *sandboxRun) error {
		api := r.client.CertificationCampaignsApi
		if _, err := api.StartCampaign(ctx, r.ids["campaign"]).ActivateCampaignOptions(
			certifications.ActivateCampaignOptions{TimeZone: certifications.Ptr("Europe/Paris")}).Execute(); err != nil {
			return err
		}
		_, err := api.WaitForCampaign(ctx, r.ids["campaign"], sandboxWait)
		return err
	}},
	{"startCampaignRemediationScan", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignsApi.StartCampaignRemediationScan(ctx, r.ids["campaign"]).Execute()
		return err
	}},
	{"move", func(ctx context.Context, r *sandboxRun) error {
		certs, _, err := r.client.CertificationsApi.ListIdentityCertifications(ctx).
			Filters(`campaign.id eq "` + r.ids["campaign"] + `"`).Execute()
		if err != nil {
			return err
		}
		if len(certs) < 2 {
			return errNoCertifications
		}
		task, _, err := r.client.CertificationCampaignsApi.Move(ctx, r.ids["campaign"]).
			AdminReviewReassign(fullMove([]string{certs[1].GetID()}, certs[0].GetReviewer().GetID())).Execute()
		if err != nil {
			return err
		}
		_, err = r.client.CertificationsApi.WaitForCertificationTask(ctx, task.GetID(), sandboxWait)
		return err
	}},
	{"getCampaignReportsConfig", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.GetCampaignReportsConfig(ctx).Execute()
		return err
	}},
	{"setCampaignReportsConfig", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.SetCampaignReportsConfig(ctx).CampaignReportsConfig(
			certifications.CampaignReportsConfig{IdentityAttributeColumns: []string{"department"}}).Execute()
		return err
	}},
	{"startCampaignReport", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignsApi.StartCampaignReport(ctx, r.ids["campaign"], certifications.ReportTypeCampaignStatusReport).Execute()
		return err
	}},
	{"getCampaignReports", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignsApi.GetCampaignReports(ctx, r.ids["campaign"]).Execute()
		return err
	}},
	{"completeCampaign", func(ctx context.Context, r *sandboxRun) error {
		api := r.client.CertificationCampaignsApi
		c, _, err := api.GetCampaign(ctx, r.ids["campaign"]).Execute()
		if err != nil {
			return err
		}
		pastDeadline(r.sb.clock, c.GetDeadline())
		if _, err := api.CompleteCampaign(ctx, r.ids["campaign"]).CampaignCompleteOptions(
			certifications.CampaignCompleteOptions{AutoCompleteAction: certifications.Ptr(certifications.AutoCompleteActionRevoke)}).Execute(); err != nil {
			return err
		}
		_, err = api.WaitForCampaign(ctx, r.ids["campaign"], sandboxWait)
		return err
	}},
	{"deleteCampaignTemplateSchedule", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignsApi.DeleteCampaignTemplateSchedule(ctx, r.ids["template"]).Execute()
		return err
	}},
	{"deleteCampaignTemplate", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignsApi.DeleteCampaignTemplate(ctx, r.ids["template"]).Execute()
		return err
	}},
	{"deleteCampaigns", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignsApi.DeleteCampaigns(ctx).CampaignsDeleteRequest(
			certifications.CampaignsDeleteRequest{IDs: []string{r.ids["staged"], r.ids["campaign"]}}).Execute()
		return err
	}},
}

// filtersSandbox creates two filters, reads, lists and updates one, and
// deletes both.
var filtersSandbox = []sandboxStep{
	{"createCampaignFilter", func(ctx context.Context, r *sandboxRun) error {
		api := r.client.CertificationCampaignFiltersApi
		for _, key := range []string{"filter", "other"} {
			f := fullFilter()
			f.ID, f.Name = "", "Leave out service accounts ("+key+")"
			created, _, err := api.CreateCampaignFilter(ctx).CampaignFilterDetails(f).Execute()
			if err != nil {
				return err
			}
			r.ids[key] = created.ID
		}
		return nil
	}},
	{"listCampaignFilters", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignFiltersApi.ListCampaignFilters(ctx).Limit(10).Start(0).IncludeSystemFilters(true).Execute()
		return err
	}},
	{"getCampaignFilterById", func(ctx context.Context, r *sandboxRun) error {
		_, _, err := r.client.CertificationCampaignFiltersApi.GetCampaignFilterByID(ctx, r.ids["filter"]).Execute()
		return err
	}},
	{"updateCampaignFilter", func(ctx context.Context, r *sandboxRun) error {
		f := fullFilter()
		f.ID, f.Name = r.ids["filter"], "Leave out service and test accounts"
		_, _, err := r.client.CertificationCampaignFiltersApi.UpdateCampaignFilter(ctx, r.ids["filter"]).CampaignFilterDetails(f).Execute()
		return err
	}},
	{"deleteCampaignFilters", func(ctx context.Context, r *sandboxRun) error {
		_, err := r.client.CertificationCampaignFiltersApi.DeleteCampaignFilters(ctx).RequestBody([]string{r.ids["filter"], r.ids["other"]}).Execute()
		return err
	}},
}

// reportsSandbox runs a status report of an active campaign and reads its
// result and its file in both formats.
var reportsSandbox = []sandboxStep{
	{"getReportResult", func(ctx context.Context, r *sandboxRun) error {
		c, err := r.activeCampaign(ctx, "Reported review")
		if err != nil {
			return err
		}
		api := r.client.CertificationCampaignsApi
		if _, err := api.StartCampaignReport(ctx, c.GetID(), certifications.ReportTypeCampaignStatusReport).Execute(); err != nil {
			return err
		}
		reports, _, err := api.GetCampaignReports(ctx, c.GetID()).Execute()
		if err != nil {
			return err
		}
		for _, rep := range reports {
			if rep.GetReportType() == certifications.ReportTypeCampaignStatusReport {
				r.ids["report"] = rep.GetID()
			}
		}
		if r.ids["report"] == "" {
			return fmt.Errorf("campaign %s lists no status report after running one", c.GetID())
		}
		_, _, err = r.client.ReportsApi.GetReportResult(ctx, r.ids["report"]).Completed(true).Execute()
		return err
	}},
	{"getReport", func(ctx context.Context, r *sandboxRun) error {
		for _, format := range certifications.ReportFileFormatValues() {
			rc, _, err := r.client.ReportsApi.GetReport(ctx, r.ids["report"]).FileFormat(format).Name("Campaign status").Auditable(true).Execute()
			if err != nil {
				return err
			}
			_, err = io.Copy(io.Discard, rc)
			if cerr := rc.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
		return nil
	}},
}

// TestAnswerFindings checks what the Sandbox check reports of one answer:
// nothing for a documented success that validates, which marks the
// operation called; a finding for a body that does not validate, and one
// for a status other than the documented success.
func TestAnswerFindings(t *testing.T) {
	get := func(path string) *http.Request {
		req, err := http.NewRequest(http.MethodGet, "https://acme.api.identitynow.com"+path, nil)
		require.NoError(t, err)
		return req
	}
	const op = "getCampaignReportsConfig"
	subjects := func(ex exchange) ([]string, bool) {
		called := map[string]bool{}
		var out []string
		for _, f := range answerFindings(t, ex, op, called) {
			require.Equal(t, checkSandbox, f.check)
			out = append(out, f.subject)
		}
		return out, called[op]
	}

	got, called := subjects(exchange{req: get("/v3/campaigns/reports-configuration"), status: 200, contentType: "application/json", body: []byte(`{"identityAttributeColumns":["department"]}`)})
	require.Empty(t, got)
	require.True(t, called)

	got, _ = subjects(exchange{req: get("/campaigns/v1/reports-configuration"), status: 200, contentType: "application/json", body: []byte(`{"identityAttributeColumns":"department"}`)})
	require.Equal(t, []string{"getCampaignReportsConfigV1 200 .identityAttributeColumns"}, got, "v1 routes to its own operation, not the step's")

	got, called = subjects(exchange{req: get("/v3/campaigns/reports-configuration"), status: 202, contentType: "application/json", body: []byte(`{}`)})
	require.Equal(t, []string{op + " status", op + " 202 (body)"}, got)
	require.False(t, called)
}
