package conformance_test

import (
	"context"
	"io"
	"reflect"
	"time"

	"github.com/iscgo/certifications"
)

// The campaign side of certification work: the Certification Campaigns,
// Certification Campaign Filters and Reports Data Extraction definitions,
// each in v3 and in the per-resource v1, against one table per service.
// Every call sets every optional parameter and every writable body
// property; the sandbox steps that call the same operations against
// certtest are in sandbox_test.go.

// fullCampaign sets every writable property of a Campaign, the part of
// every campaign type included.
func fullCampaign() certifications.Campaign {
	deadline := time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)
	reviewer := &certifications.CampaignInfoReviewer{
		Type: certifications.Ptr(certifications.CampaignInfoReviewerTypeIdentity),
		ID:   certifications.Ptr("identity-1"), Name: certifications.Ptr("Ada Lovelace"),
	}
	return certifications.Campaign{
		Name:                     "Quarterly access review",
		Description:              certifications.Ptr("Everyone in Finance reviews their access."),
		Deadline:                 &deadline,
		Type:                     certifications.CampaignReferenceCampaignTypeSearch,
		EmailNotificationEnabled: certifications.Ptr(true),
		AutoRevokeAllowed:        certifications.Ptr(false),
		RecommendationsEnabled:   certifications.Ptr(true),
		CorrelatedStatus:         certifications.Ptr(certifications.CampaignReferenceCorrelatedStatusCorrelated),
		Filter: &certifications.CampaignFilterRef{
			ID: certifications.Ptr("filter-1"), Name: certifications.Ptr("Leave out service accounts"),
			Type: certifications.Ptr(certifications.CampaignFilterRefTypeCampaignFilter),
		},
		SunsetCommentsRequired:  certifications.Ptr(true),
		SourceOwnerCampaignInfo: &certifications.SourceOwnerCampaignInfo{SourceIDs: []string{"source-1"}},
		SearchCampaignInfo: &certifications.SearchCampaignInfo{
			Type:        certifications.SearchCampaignInfoTypeAccess,
			Description: certifications.Ptr("Finance access"),
			Reviewer:    reviewer,
			Query:       certifications.Ptr("attributes.department:Finance"),
			IdentityIDs: []string{"identity-2"},
			AccessConstraints: []certifications.AccessConstraint{{
				Type: certifications.AccessConstraintTypeEntitlement, IDs: []string{"ent-1"},
				Operator: certifications.AccessConstraintOperatorSelected,
			}},
		},
		RoleCompositionCampaignInfo: &certifications.RoleCompositionCampaignInfo{
			Reviewer: reviewer,
			RoleIDs:  []string{"role-1"},
			RemediatorRef: certifications.RemediatorRef{
				Type: certifications.RemediatorRefTypeIdentity, ID: "identity-3",
			},
			Query:       certifications.Ptr("name:Finance*"),
			Description: certifications.Ptr("Finance roles"),
		},
		MachineAccountCampaignInfo: &certifications.MachineAccountCampaignInfo{
			SourceIDs:    []string{"source-2"},
			ReviewerType: certifications.Ptr(certifications.MachineAccountReviewerTypeAccountOwner),
		},
		MandatoryCommentRequirement: certifications.Ptr(certifications.CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions),
	}
}

// fullTemplate sets every writable property of a CampaignTemplate.
func fullTemplate() certifications.CampaignTemplate {
	return certifications.CampaignTemplate{
		ID:               certifications.Ptr("template-1"),
		Name:             "Quarterly access review",
		Description:      "Generates the quarterly review.",
		DeadlineDuration: certifications.Ptr("P2W"),
		Campaign:         fullCampaign(),
	}
}

// fullSchedule sets every property of a Schedule.
func fullSchedule() certifications.Schedule {
	selector := func(values ...string) *certifications.ScheduleSelector {
		return &certifications.ScheduleSelector{Type: certifications.ScheduleSelectorTypeList, Values: values, Interval: certifications.Ptr(int64(1))}
	}
	return certifications.Schedule{
		Type:       certifications.ScheduleTypeAnnually,
		Months:     selector("1", "4", "7", "10"),
		Days:       selector("1"),
		Hours:      *selector("9"),
		Expiration: certifications.Ptr(time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)),
		TimeZoneID: certifications.Ptr("Europe/Paris"),
	}
}

// renamePatch is a JSON Patch that sets a new name.
func renamePatch() []certifications.JSONPatchOperation {
	return []certifications.JSONPatchOperation{{Op: certifications.JSONPatchOperationOpReplace, Path: "/name", Value: "Renamed review"}}
}

// fullFilter sets every property of a CampaignFilterDetails.
func fullFilter() certifications.CampaignFilterDetails {
	return certifications.CampaignFilterDetails{
		ID:             "filter-1",
		Name:           "Leave out service accounts",
		Description:    certifications.Ptr("Service accounts are reviewed apart."),
		Owner:          certifications.Ptr("identity-1"),
		Mode:           certifications.CampaignFilterModeExclusion,
		IsSystemFilter: false,
		CriteriaList: []certifications.CampaignFilterCriteria{{
			Type:                 certifications.CampaignFilterCriteriaTypeIdentityAttribute,
			Operation:            certifications.Ptr(certifications.CampaignFilterCriteriaOperationEquals),
			Property:             certifications.Ptr("attribute.type"),
			Value:                certifications.Ptr("service"),
			NegateResult:         certifications.Ptr(false),
			ShortCircuit:         certifications.Ptr(false),
			RecordChildMatches:   certifications.Ptr(false),
			SuppressMatchedItems: certifications.Ptr(true),
		}},
	}
}

// fullMove sets every property of an AdminReviewReassign.
func fullMove(certificationIDs []string, to string) certifications.AdminReviewReassign {
	return certifications.AdminReviewReassign{
		CertificationIDs: certificationIDs,
		ReassignTo: &certifications.AdminReviewReassignReassignTo{
			ID: &to, Type: certifications.Ptr(certifications.AdminReviewReassignReassignToTypeIdentity),
		},
		Reason: certifications.Ptr("Reviewer on leave"),
	}
}

// campaignsV3Conformance checks the v3 Certification Campaigns definition
// against CertificationCampaignsApi.
var campaignsV3Conformance = &apiVersion{
	name:       "campaigns-v3",
	client:     certifications.APIVersionV3,
	service:    reflect.TypeFor[*certifications.CertificationCampaignsApiService](),
	optService: "CertificationCampaignsApi",
	errorDto:   reflect.TypeFor[certifications.ErrorResponseDto](),
	bodies:     campaignsBodies,
	params:     campaignsParams,
	calls:      campaignsCalls,
	sandbox:    campaignsSandbox,
}

// campaignsV1Conformance checks the v1 Certification Campaigns definition
// like its v3 twin, with the client set to APIVersionV1, and with more
// calls (campaignsV1Calls).
var campaignsV1Conformance = func() *apiVersion {
	v := v1Twin(campaignsV3Conformance)
	v.calls = campaignsV1Calls(v.calls)
	return v
}()

// campaignsV1Calls adds to the v1 twin's calls one for each body that v1
// lets name a role composition campaign's reviewer by the deprecated
// reviewerId, which v3 does not define.
func campaignsV1Calls(calls map[string][]opCall) map[string][]opCall {
	withReviewerID := func() certifications.Campaign {
		c := fullCampaign()
		c.RoleCompositionCampaignInfo.ReviewerID = certifications.Ptr("identity-1")
		return c
	}
	calls["createCampaignV1"] = append(calls["createCampaignV1"], func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.CreateCampaign(ctx).Campaign(withReviewerID()).Execute()
		return v, err
	})
	calls["createCampaignTemplateV1"] = append(calls["createCampaignTemplateV1"], func(ctx context.Context, h *harness) (any, error) {
		t := fullTemplate()
		t.Campaign = withReviewerID()
		v, _, err := h.v3.CertificationCampaignsApi.CreateCampaignTemplate(ctx).CampaignTemplate(t).Execute()
		return v, err
	})
	return calls
}

// campaignsBodies gives the Go type of each request body.
var campaignsBodies = map[string]reflect.Type{
	"createCampaign":              reflect.TypeFor[certifications.Campaign](),
	"updateCampaign":              reflect.TypeFor[[]certifications.JSONPatchOperation](),
	"move":                        reflect.TypeFor[certifications.AdminReviewReassign](),
	"startCampaign":               reflect.TypeFor[certifications.ActivateCampaignOptions](),
	"completeCampaign":            reflect.TypeFor[certifications.CampaignCompleteOptions](),
	"deleteCampaigns":             reflect.TypeFor[certifications.CampaignsDeleteRequest](),
	"setCampaignReportsConfig":    reflect.TypeFor[certifications.CampaignReportsConfig](),
	"createCampaignTemplate":      reflect.TypeFor[certifications.CampaignTemplate](),
	"patchCampaignTemplate":       reflect.TypeFor[[]certifications.JSONPatchOperation](),
	"setCampaignTemplateSchedule": reflect.TypeFor[certifications.Schedule](),
}

// campaignsParams gives the Go type of each enum parameter.
var campaignsParams = map[string]map[string]reflect.Type{
	"getActiveCampaigns":  {"detail": reflect.TypeFor[certifications.CampaignDetail]()},
	"getCampaign":         {"detail": reflect.TypeFor[certifications.CampaignDetail]()},
	"startCampaignReport": {"type": reflect.TypeFor[certifications.ReportType]()},
}

// campaignsCalls calls each campaigns operation, together setting every
// optional parameter and body property.
var campaignsCalls = map[string][]opCall{
	"getActiveCampaigns": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetActiveCampaigns(ctx).Detail(certifications.CampaignDetailFull).
			Limit(50).Offset(100).Count(true).Filters(`status in ("ACTIVE","STAGED")`).Sorters("-created,name").Execute()
		return v, err
	}},
	"createCampaign": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.CreateCampaign(ctx).Campaign(fullCampaign()).Execute()
		return v, err
	}},
	"getCampaign": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetCampaign(ctx, "campaign-1").Detail(certifications.CampaignDetailFull).Execute()
		return v, err
	}},
	"updateCampaign": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.UpdateCampaign(ctx, "campaign-1").JSONPatchOperation(renamePatch()).Execute()
		return v, err
	}},
	"move": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.Move(ctx, "campaign-1").
			AdminReviewReassign(fullMove([]string{"cert-1", "cert-2"}, "identity-9")).Execute()
		return v, err
	}},
	"startCampaign": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.StartCampaign(ctx, "campaign-1").
			ActivateCampaignOptions(certifications.ActivateCampaignOptions{TimeZone: certifications.Ptr("Europe/Paris")}).Execute()
		return nil, err
	}},
	"completeCampaign": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.CompleteCampaign(ctx, "campaign-1").CampaignCompleteOptions(
			certifications.CampaignCompleteOptions{AutoCompleteAction: certifications.Ptr(certifications.AutoCompleteActionRevoke)}).Execute()
		return nil, err
	}},
	"deleteCampaigns": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.DeleteCampaigns(ctx).
			CampaignsDeleteRequest(certifications.CampaignsDeleteRequest{IDs: []string{"campaign-1", "campaign-2"}}).Execute()
		return nil, err
	}},
	"startCampaignRemediationScan": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.StartCampaignRemediationScan(ctx, "campaign-1").Execute()
		return nil, err
	}},
	"getCampaignReports": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetCampaignReports(ctx, "campaign-1").Execute()
		return v, err
	}},
	"startCampaignReport": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.StartCampaignReport(ctx, "campaign-1", certifications.ReportTypeCampaignStatusReport).Execute()
		return nil, err
	}},
	"getCampaignReportsConfig": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetCampaignReportsConfig(ctx).Execute()
		return v, err
	}},
	"setCampaignReportsConfig": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.SetCampaignReportsConfig(ctx).CampaignReportsConfig(
			certifications.CampaignReportsConfig{IdentityAttributeColumns: []string{"department", "location"}}).Execute()
		return v, err
	}},
	"createCampaignTemplate": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.CreateCampaignTemplate(ctx).CampaignTemplate(fullTemplate()).Execute()
		return v, err
	}},
	"getCampaignTemplates": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetCampaignTemplates(ctx).
			Limit(25).Offset(50).Count(true).Filters(`name sw "Quarterly"`).Sorters("-modified,name").Execute()
		return v, err
	}},
	"patchCampaignTemplate": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.PatchCampaignTemplate(ctx, "template-1").JSONPatchOperation(renamePatch()).Execute()
		return v, err
	}},
	"getCampaignTemplate": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetCampaignTemplate(ctx, "template-1").Execute()
		return v, err
	}},
	"deleteCampaignTemplate": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.DeleteCampaignTemplate(ctx, "template-1").Execute()
		return nil, err
	}},
	"getCampaignTemplateSchedule": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.GetCampaignTemplateSchedule(ctx, "template-1").Execute()
		return v, err
	}},
	"setCampaignTemplateSchedule": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.SetCampaignTemplateSchedule(ctx, "template-1").Schedule(fullSchedule()).Execute()
		return nil, err
	}},
	"deleteCampaignTemplateSchedule": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignsApi.DeleteCampaignTemplateSchedule(ctx, "template-1").Execute()
		return nil, err
	}},
	"startGenerateCampaignTemplate": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignsApi.StartGenerateCampaignTemplate(ctx, "template-1").Execute()
		return v, err
	}},
}

// filtersV3Conformance checks the v3 Certification Campaign Filters
// definition against CertificationCampaignFiltersApi.
var filtersV3Conformance = &apiVersion{
	name:       "campaign-filters-v3",
	client:     certifications.APIVersionV3,
	service:    reflect.TypeFor[*certifications.CertificationCampaignFiltersApiService](),
	optService: "CertificationCampaignFiltersApi",
	errorDto:   reflect.TypeFor[certifications.ErrorResponseDto](),
	methods:    filtersMethods,
	bodies:     filtersBodies,
	calls:      filtersCalls,
	sandbox:    filtersSandbox,
}

// filtersV1Conformance checks the v1 Certification Campaign Filters
// definition like its v3 twin, with the client set to APIVersionV1.
var filtersV1Conformance = v1Twin(filtersV3Conformance)

// filtersMethods names the method whose name is not the operationId's:
// the SDK spells ID the Go way.
var filtersMethods = map[string]string{"getCampaignFilterById": "GetCampaignFilterByID"}

// filtersBodies gives the Go type of each request body.
var filtersBodies = map[string]reflect.Type{
	"createCampaignFilter":  reflect.TypeFor[certifications.CampaignFilterDetails](),
	"updateCampaignFilter":  reflect.TypeFor[certifications.CampaignFilterDetails](),
	"deleteCampaignFilters": reflect.TypeFor[[]string](),
}

// filtersCalls calls each filters operation with every optional parameter
// and body property set.
var filtersCalls = map[string][]opCall{
	"createCampaignFilter": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignFiltersApi.CreateCampaignFilter(ctx).CampaignFilterDetails(fullFilter()).Execute()
		return v, err
	}},
	"listCampaignFilters": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignFiltersApi.ListCampaignFilters(ctx).Limit(10).Start(20).IncludeSystemFilters(false).Execute()
		return v, err
	}},
	"getCampaignFilterById": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignFiltersApi.GetCampaignFilterByID(ctx, "filter-1").Execute()
		return v, err
	}},
	"updateCampaignFilter": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.CertificationCampaignFiltersApi.UpdateCampaignFilter(ctx, "filter-1").CampaignFilterDetails(fullFilter()).Execute()
		return v, err
	}},
	"deleteCampaignFilters": {func(ctx context.Context, h *harness) (any, error) {
		_, err := h.v3.CertificationCampaignFiltersApi.DeleteCampaignFilters(ctx).RequestBody([]string{"filter-1", "filter-2"}).Execute()
		return nil, err
	}},
}

// reportsV3Conformance checks the v3 Reports Data Extraction definition
// against ReportsApi.
var reportsV3Conformance = &apiVersion{
	name:       "reports-v3",
	client:     certifications.APIVersionV3,
	service:    reflect.TypeFor[*certifications.ReportsApiService](),
	optService: "ReportsApi",
	errorDto:   reflect.TypeFor[certifications.ErrorResponseDto](),
	params:     reportsParams,
	calls:      reportsCalls,
	sandbox:    reportsSandbox,
}

// reportsV1Conformance checks the v1 Reports Data Extraction definition
// like its v3 twin, with the client set to APIVersionV1.
var reportsV1Conformance = v1Twin(reportsV3Conformance)

// reportsParams gives the Go type of each enum parameter.
var reportsParams = map[string]map[string]reflect.Type{
	"getReport": {"fileFormat": reflect.TypeFor[certifications.ReportFileFormat]()},
}

// reportsCalls calls each reports operation with every optional parameter
// set. GetReport's file is read to its end and closed; it is not JSON, so
// the call has no result to compare.
var reportsCalls = map[string][]opCall{
	"getReport": {func(ctx context.Context, h *harness) (any, error) {
		rc, _, err := h.v3.ReportsApi.GetReport(ctx, "report-1").FileFormat(certifications.ReportFileFormatCSV).
			Name("Campaign status").Auditable(true).Execute()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(io.Discard, rc)
		if cerr := rc.Close(); err == nil {
			err = cerr
		}
		return nil, err
	}},
	"getReportResult": {func(ctx context.Context, h *harness) (any, error) {
		v, _, err := h.v3.ReportsApi.GetReportResult(ctx, "report-1").Completed(true).Execute()
		return v, err
	}},
}
