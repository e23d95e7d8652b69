package certifications

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// modelTypes lists every struct model of the package. TestModelRegistryIsComplete
// keeps it in step with the model_*.go files.
var modelTypes = []reflect.Type{
	reflect.TypeFor[AccessReviewItem](),
	reflect.TypeFor[AccessSummary](),
	reflect.TypeFor[AccessSummaryAccess](),
	reflect.TypeFor[ActivityInsights](),
	reflect.TypeFor[CampaignReference](),
	reflect.TypeFor[CertificationIdentitySummary](),
	reflect.TypeFor[CertificationReference](),
	reflect.TypeFor[CertificationTask](),
	reflect.TypeFor[DataAccess](),
	reflect.TypeFor[DataAccessCategory](),
	reflect.TypeFor[DataAccessImpactScore](),
	reflect.TypeFor[DataAccessPolicy](),
	reflect.TypeFor[ErrorMessageDto](),
	reflect.TypeFor[ErrorResponseDto](),
	reflect.TypeFor[IdentityCertificationDto](),
	reflect.TypeFor[IdentityCertDecisionSummary](),
	reflect.TypeFor[IdentityReferenceWithNameAndEmail](),
	reflect.TypeFor[PermissionDto](),
	reflect.TypeFor[ReassignReference](),
	reflect.TypeFor[Reassignment](),
	reflect.TypeFor[ReassignmentTrailDTO](),
	reflect.TypeFor[ReviewDecision](),
	reflect.TypeFor[ReviewReassign](),
	reflect.TypeFor[ReviewRecommendation](),
	reflect.TypeFor[ReviewableAccessProfile](),
	reflect.TypeFor[ReviewableEntitlement](),
	reflect.TypeFor[ReviewableEntitlementAccount](),
	reflect.TypeFor[ReviewableEntitlementAccountOwner](),
	reflect.TypeFor[ReviewableRole](),
	reflect.TypeFor[Reviewer](),
	// Certification Campaigns, Campaign Filters, Reports
	reflect.TypeFor[Campaign](),
	reflect.TypeFor[CampaignAlert](),
	reflect.TypeFor[CampaignFilterRef](),
	reflect.TypeFor[SourceOwnerCampaignInfo](),
	reflect.TypeFor[SearchCampaignInfo](),
	reflect.TypeFor[CampaignInfoReviewer](),
	reflect.TypeFor[AccessConstraint](),
	reflect.TypeFor[RoleCompositionCampaignInfo](),
	reflect.TypeFor[RemediatorRef](),
	reflect.TypeFor[MachineAccountCampaignInfo](),
	reflect.TypeFor[SourceWithOrphanEntitlements](),
	reflect.TypeFor[CampaignTemplate](),
	reflect.TypeFor[CampaignTemplateOwnerRef](),
	reflect.TypeFor[Schedule](),
	reflect.TypeFor[ScheduleSelector](),
	reflect.TypeFor[CampaignReport](),
	reflect.TypeFor[CampaignReportsConfig](),
	reflect.TypeFor[AdminReviewReassign](),
	reflect.TypeFor[AdminReviewReassignReassignTo](),
	reflect.TypeFor[ActivateCampaignOptions](),
	reflect.TypeFor[CampaignCompleteOptions](),
	reflect.TypeFor[CampaignsDeleteRequest](),
	reflect.TypeFor[JSONPatchOperation](),
	reflect.TypeFor[CampaignFilterDetails](),
	reflect.TypeFor[CampaignFilterCriteria](),
	reflect.TypeFor[CampaignFilterPage](),
	reflect.TypeFor[ReportResults](),
}

// knownEnum is what every enum type of the package provides.
type knownEnum interface {
	~string
	IsKnown() bool
}

// enumInfo describes one enum type through its Values function.
type enumInfo struct {
	typ     reflect.Type
	values  []string
	isKnown func(string) bool
}

func enumOf[T knownEnum](values []T) enumInfo {
	vs := make([]string, len(values))
	for i, v := range values {
		vs[i] = string(v)
	}
	return enumInfo{
		typ:     reflect.TypeFor[T](),
		values:  vs,
		isKnown: func(s string) bool { return T(s).IsKnown() },
	}
}

// enums lists every enum type with its defined values. TestModelRegistryIsComplete
// keeps it in step with the model_*.go files.
var enums = []enumInfo{
	enumOf(AccessSummaryTypeValues()),
	enumOf(ActivityInsightsUsageDaysStateValues()),
	enumOf(CampaignReferenceCampaignTypeValues()),
	enumOf(CampaignReferenceCorrelatedStatusValues()),
	enumOf(CampaignReferenceMandatoryCommentRequirementValues()),
	enumOf(CampaignReferenceTypeValues()),
	enumOf(CertificationDecisionValues()),
	enumOf(CertificationPhaseValues()),
	enumOf(CertificationReferenceTypeValues()),
	enumOf(CertificationTaskStatusValues()),
	enumOf(CertificationTaskTargetTypeValues()),
	enumOf(CertificationTaskTypeValues()),
	enumOf(DtoTypeValues()),
	enumOf(LocaleOriginValues()),
	enumOf(ReassignReferenceTypeValues()),
	enumOf(ReviewableEntitlementAccountOwnerTypeValues()),
	enumOf(ReviewerTypeValues()),
	// Certification Campaigns, Campaign Filters, Reports
	enumOf(CampaignStatusValues()),
	enumOf(CampaignAlertLevelValues()),
	enumOf(CampaignFilterRefTypeValues()),
	enumOf(SearchCampaignInfoTypeValues()),
	enumOf(CampaignInfoReviewerTypeValues()),
	enumOf(AccessConstraintTypeValues()),
	enumOf(AccessConstraintOperatorValues()),
	enumOf(RemediatorRefTypeValues()),
	enumOf(MachineAccountReviewerTypeValues()),
	enumOf(SourceWithOrphanEntitlementsTypeValues()),
	enumOf(CampaignTemplateOwnerRefTypeValues()),
	enumOf(ScheduleTypeValues()),
	enumOf(ScheduleSelectorTypeValues()),
	enumOf(CampaignReportTypeValues()),
	enumOf(CampaignReportStatusValues()),
	enumOf(ReportTypeValues()),
	enumOf(AdminReviewReassignReassignToTypeValues()),
	enumOf(AutoCompleteActionValues()),
	enumOf(JSONPatchOperationOpValues()),
	enumOf(CampaignFilterModeValues()),
	enumOf(CampaignFilterCriteriaTypeValues()),
	enumOf(CampaignFilterCriteriaOperationValues()),
	enumOf(ReportResultsReportTypeValues()),
	enumOf(ReportResultsStatusValues()),
	enumOf(ReportResultsFormatValues()),
	enumOf(CampaignDetailValues()),
	enumOf(ReportFileFormatValues()),
}

func enumByType(t reflect.Type) (enumInfo, bool) {
	for _, e := range enums {
		if e.typ == t {
			return e, true
		}
	}
	return enumInfo{}, false
}

// operation ties an operation to the Go types of its 200 body and its
// request body (nil when it has none). id is its v3 operationId; the v1
// twin's is id+"V1".
type operation struct {
	id       string
	response reflect.Type
	request  reflect.Type
}

var operations = []operation{
	{"getCertificationTask", reflect.TypeFor[CertificationTask](), nil},
	{"getPendingCertificationTasks", reflect.TypeFor[[]CertificationTask](), nil},
	{"getIdentityCertification", reflect.TypeFor[IdentityCertificationDto](), nil},
	{"getIdentityCertificationItemPermissions", reflect.TypeFor[[]PermissionDto](), nil},
	{"listCertificationReviewers", reflect.TypeFor[[]IdentityReferenceWithNameAndEmail](), nil},
	{"listIdentityAccessReviewItems", reflect.TypeFor[[]AccessReviewItem](), nil},
	{"listIdentityCertifications", reflect.TypeFor[[]IdentityCertificationDto](), nil},
	{"makeIdentityDecision", reflect.TypeFor[IdentityCertificationDto](), reflect.TypeFor[[]ReviewDecision]()},
	{"reassignIdentityCertifications", reflect.TypeFor[IdentityCertificationDto](), reflect.TypeFor[ReviewReassign]()},
	{"signOffIdentityCertification", reflect.TypeFor[IdentityCertificationDto](), nil},
	{"submitReassignCertsAsync", reflect.TypeFor[CertificationTask](), reflect.TypeFor[ReviewReassign]()},
	// Certification Summaries
	{"getIdentityDecisionSummary", reflect.TypeFor[IdentityCertDecisionSummary](), nil},
	{"getIdentitySummaries", reflect.TypeFor[[]CertificationIdentitySummary](), nil},
	{"getIdentitySummary", reflect.TypeFor[CertificationIdentitySummary](), nil},
	{"getIdentityAccessSummaries", reflect.TypeFor[[]AccessSummary](), nil},
	// Certification Campaigns
	{"getActiveCampaigns", reflect.TypeFor[[]Campaign](), nil},
	{"createCampaign", reflect.TypeFor[Campaign](), reflect.TypeFor[Campaign]()},
	{"getCampaign", reflect.TypeFor[Campaign](), nil},
	{"updateCampaign", reflect.TypeFor[Campaign](), reflect.TypeFor[[]JSONPatchOperation]()},
	{"move", reflect.TypeFor[CertificationTask](), reflect.TypeFor[AdminReviewReassign]()},
	{"startCampaign", nil, reflect.TypeFor[ActivateCampaignOptions]()},
	{"completeCampaign", nil, reflect.TypeFor[CampaignCompleteOptions]()},
	{"deleteCampaigns", nil, reflect.TypeFor[CampaignsDeleteRequest]()},
	{"startCampaignRemediationScan", nil, nil},
	{"getCampaignReports", reflect.TypeFor[[]CampaignReport](), nil},
	{"startCampaignReport", nil, nil},
	{"getCampaignReportsConfig", reflect.TypeFor[CampaignReportsConfig](), nil},
	{"setCampaignReportsConfig", reflect.TypeFor[CampaignReportsConfig](), reflect.TypeFor[CampaignReportsConfig]()},
	{"createCampaignTemplate", reflect.TypeFor[CampaignTemplate](), reflect.TypeFor[CampaignTemplate]()},
	{"getCampaignTemplates", reflect.TypeFor[[]CampaignTemplate](), nil},
	{"patchCampaignTemplate", reflect.TypeFor[CampaignTemplate](), reflect.TypeFor[[]JSONPatchOperation]()},
	{"getCampaignTemplate", reflect.TypeFor[CampaignTemplate](), nil},
	{"deleteCampaignTemplate", nil, nil},
	{"getCampaignTemplateSchedule", reflect.TypeFor[Schedule](), nil},
	{"setCampaignTemplateSchedule", nil, reflect.TypeFor[Schedule]()},
	{"deleteCampaignTemplateSchedule", nil, nil},
	{"startGenerateCampaignTemplate", reflect.TypeFor[CampaignReference](), nil},
	// Certification Campaign Filters
	{"createCampaignFilter", reflect.TypeFor[CampaignFilterDetails](), reflect.TypeFor[CampaignFilterDetails]()},
	{"listCampaignFilters", reflect.TypeFor[CampaignFilterPage](), nil},
	{"getCampaignFilterById", reflect.TypeFor[CampaignFilterDetails](), nil},
	{"updateCampaignFilter", reflect.TypeFor[CampaignFilterDetails](), reflect.TypeFor[CampaignFilterDetails]()},
	{"deleteCampaignFilters", nil, reflect.TypeFor[[]string]()},
	// Reports
	{"getReport", nil, nil},
	{"getReportResult", reflect.TypeFor[ReportResults](), nil},
}

// supersets lists the types that model a slim and a full shape at once:
// matched against the slim schema, their other fields are not an error.
// RoleCompositionCampaignInfo has v1's reviewerId, which v3 lacks, and
// JSONPatchOperation RFC 6902's from, which the schema leaves out and its
// examples use.
var supersets = map[reflect.Type]bool{
	reflect.TypeFor[Campaign]():                    true,
	reflect.TypeFor[RoleCompositionCampaignInfo](): true,
	reflect.TypeFor[JSONPatchOperation]():          true,
}

// paramTypes gives, per operation (v3 operationId) and parameter name, the
// Go type of every parameter that is an enum.
var paramTypes = map[string]map[string]reflect.Type{
	"getIdentityAccessSummaries": {"type": reflect.TypeFor[AccessSummaryType]()},
	"getActiveCampaigns":         {"detail": reflect.TypeFor[CampaignDetail]()},
	"getCampaign":                {"detail": reflect.TypeFor[CampaignDetail]()},
	"startCampaignReport":        {"type": reflect.TypeFor[ReportType]()},
	"getReport":                  {"fileFormat": reflect.TypeFor[ReportFileFormat]()},
}

// readExample returns testdata/examples/<name>.json (see testdata/gen_fixtures.py).
func readExample(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "examples", name+".json"))
	require.NoError(tb, err)
	return b
}
