package certifications

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// campaignExampleTests decode the example 200 bodies of the campaign,
// filter and report operations; TestDecodeSpecExamples runs them.
var campaignExampleTests = map[string]func(t *testing.T, body []byte){
	"getActiveCampaigns": func(t *testing.T, body []byte) {
		var v []Campaign
		require.NoError(t, json.Unmarshal(body, &v))
		require.Len(t, v, 1)
		checkCampaign(t, &v[0])
	},
	"createCampaign": decodeCampaign,
	"getCampaign":    decodeCampaign,
	"updateCampaign": decodeCampaign,
	"move": func(t *testing.T, body []byte) {
		var v CertificationTask
		require.NoError(t, json.Unmarshal(body, &v))
		assert.Equal(t, CertificationTaskTargetTypeCampaign, v.GetTargetType())
		assert.Equal(t, CertificationTaskStatus("QUEUED"), v.GetStatus())
	},
	"getCampaignReports": func(t *testing.T, body []byte) {
		var v []CampaignReport
		require.NoError(t, json.Unmarshal(body, &v))
		require.Len(t, v, 1)
		assert.Equal(t, ReportTypeCampaignCompositionReport, v[0].GetReportType())
		assert.Equal(t, CampaignReportStatusSuccess, v[0].GetStatus())
		assert.Equal(t, "2c91808568c529c60168cca6f90c1313", v[0].GetID())
		assert.Equal(t, time.Date(2019, 12, 19, 13, 49, 37, 385e6, time.UTC), v[0].GetLastRunAt())
	},
	"getCampaignReportsConfig": decodeReportsConfig,
	"setCampaignReportsConfig": decodeReportsConfig,
	"createCampaignTemplate":   decodeTemplate,
	"getCampaignTemplate":      decodeTemplate,
	"patchCampaignTemplate":    decodeTemplate,
	"getCampaignTemplates": func(t *testing.T, body []byte) {
		var v []CampaignTemplate
		require.NoError(t, json.Unmarshal(body, &v))
		require.NotEmpty(t, v)
		assert.NotEmpty(t, v[0].Name)
		assert.NotEmpty(t, v[0].Campaign.Name)
	},
	"getCampaignTemplateSchedule": func(t *testing.T, body []byte) {
		// The example's expiration is not RFC 3339: the decode error
		// names it instead of returning a half-read schedule.
		var v Schedule
		err := json.Unmarshal(body, &v)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "2022-09-19 13:55:26")
	},
	"startGenerateCampaignTemplate": func(t *testing.T, body []byte) {
		var v CampaignReference
		require.NoError(t, json.Unmarshal(body, &v))
		assert.Equal(t, "ef38f94347e94562b5bb8424a56397d8", v.ID)
		assert.Equal(t, CampaignReferenceCampaignTypeManager, v.CampaignType)
	},
	"createCampaignFilter":  decodeFilter,
	"getCampaignFilterById": decodeFilter,
	"updateCampaignFilter":  decodeFilter,
	"listCampaignFilters": func(t *testing.T, body []byte) {
		var v CampaignFilterPage
		require.NoError(t, json.Unmarshal(body, &v))
		require.NotEmpty(t, v.Items)
		assert.Equal(t, CampaignFilterModeInclusion, v.Items[0].Mode)
		assert.Equal(t, "displayName", v.Items[0].CriteriaList[0].GetProperty())
		assert.Equal(t, CampaignFilterCriteriaOperationContains, v.Items[0].CriteriaList[0].GetOperation())
		assert.Nil(t, v.Items[0].CriteriaList[0].ID, "null decodes to nil")
	},
	"getReportResult": func(t *testing.T, body []byte) {
		// The example's created has hour 42.
		var v ReportResults
		require.Error(t, json.Unmarshal(body, &v))
	},
}

func checkCampaign(t *testing.T, c *Campaign) {
	t.Helper()
	assert.Equal(t, "2c9079b270a266a60170a2779fcb0007", c.GetID())
	assert.Equal(t, "Manager Campaign", c.Name)
	assert.Equal(t, CampaignReferenceCampaignTypeManager, c.Type)
	assert.Equal(t, CampaignStatusActive, c.GetStatus())
	assert.Equal(t, int32(100), c.GetTotalCertifications())
	assert.Equal(t, int32(10), c.GetCompletedCertifications())
	assert.Equal(t, time.Date(2020, 3, 15, 10, 0, 1, 456e6, time.UTC), c.GetDeadline())
	require.NotEmpty(t, c.Alerts)
	assert.Equal(t, CampaignAlertLevelError, c.Alerts[0].GetLevel())
}

func decodeCampaign(t *testing.T, body []byte) {
	var v Campaign
	require.NoError(t, json.Unmarshal(body, &v))
	checkCampaign(t, &v)
}

func decodeReportsConfig(t *testing.T, body []byte) {
	var v CampaignReportsConfig
	require.NoError(t, json.Unmarshal(body, &v))
	assert.Equal(t, []string{"firstname", "lastname"}, v.IdentityAttributeColumns)
}

func decodeTemplate(t *testing.T, body []byte) {
	var v CampaignTemplate
	require.NoError(t, json.Unmarshal(body, &v))
	assert.Equal(t, "Manager Campaign Template", v.Name)
	assert.Equal(t, "P2W", v.GetDeadlineDuration())
	assert.Equal(t, "mr.manager@example.com", v.GetOwnerRef().GetEmail())
	checkCampaign(t, &v.Campaign)
}

func decodeFilter(t *testing.T, body []byte) {
	var v CampaignFilterDetails
	require.NoError(t, json.Unmarshal(body, &v))
	assert.NotEmpty(t, v.ID)
	assert.NotEmpty(t, v.Mode)
	require.NotEmpty(t, v.CriteriaList)
	assert.NotEmpty(t, v.CriteriaList[0].Type)
}

// TestDecodeMessyCampaignPages decodes campaign pages as servers send them
// in the wild: slim and full campaigns mixed, unknown enum values, nulls,
// missing required fields and unknown properties. Nothing is lost and
// nothing fails.
func TestDecodeMessyCampaignPages(t *testing.T) {
	page := `[
		{"id":"c1","name":"Slim","type":"MANAGER","status":"ACTIVE"},
		{"id":"c2","name":"Full","description":null,"type":"SEARCH","status":"RETIRED","correlatedStatus":"PARTIAL",
		 "searchCampaignInfo":{"type":"IDENTITY","query":"*","accessConstraints":[{"type":"APP","operator":"SOME"}]},
		 "alerts":null,"mandatoryCommentRequirement":"SOMETIMES","futureField":{"x":1}},
		{"id":"c3","type":"ROLE_COMPOSITION","roleCompositionCampaignInfo":{"remediatorRef":{"type":"IDENTITY","id":"r1"},"roleIds":["a"]}},
		{"name":"no id","type":"NEW_KIND","machineAccountCampaignInfo":{"sourceIds":["s"],"reviewerType":"MANAGER"}},
		{}
	]`
	var got []Campaign
	require.NoError(t, json.Unmarshal([]byte(page), &got))
	require.Len(t, got, 5)
	assert.Nil(t, got[0].SearchCampaignInfo, "a slim campaign has no type-specific part")
	assert.Equal(t, CampaignStatus("RETIRED"), got[1].GetStatus())
	assert.False(t, got[1].GetStatus().IsKnown())
	assert.Nil(t, got[1].Description)
	assert.Equal(t, AccessConstraintType("APP"), got[1].GetSearchCampaignInfo().AccessConstraints[0].Type)
	assert.Equal(t, CampaignReferenceMandatoryCommentRequirement("SOMETIMES"), got[1].GetMandatoryCommentRequirement())
	assert.Equal(t, "", got[2].Name, "a missing required field is its zero value")
	assert.Equal(t, "r1", got[2].GetRoleCompositionCampaignInfo().RemediatorRef.ID)
	assert.Equal(t, CampaignReferenceCampaignType("NEW_KIND"), got[3].Type)
	assert.Equal(t, MachineAccountReviewerType("MANAGER"), got[3].GetMachineAccountCampaignInfo().GetReviewerType())
	assert.Equal(t, Campaign{}, got[4])

	var filters CampaignFilterPage
	require.NoError(t, json.Unmarshal([]byte(`{"items":[{"id":"f","mode":"PARTIAL","owner":null,
		"criteriaList":[{"type":"COMPOSITE","operation":null,"children":[{"type":"ROLE","value":"x"}]}]}],"count":1}`), &filters))
	require.Len(t, filters.Items, 1)
	assert.Equal(t, CampaignFilterMode("PARTIAL"), filters.Items[0].Mode)
	criteria := filters.Items[0].CriteriaList[0]
	assert.Nil(t, criteria.Operation)
	require.Len(t, criteria.Children, 1)
	assert.Equal(t, "x", criteria.Children[0].GetValue())
}
