package beta_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
)

// TestAliasesAreTheV3Types checks that the beta schemas identical to v3 are
// the v3 types, and that the ones that differ are not.
func TestAliasesAreTheV3Types(t *testing.T) {
	same := map[string][2]reflect.Type{
		"PermissionDto":                     {reflect.TypeOf(beta.PermissionDto{}), reflect.TypeOf(certifications.PermissionDto{})},
		"IdentityReferenceWithNameAndEmail": {reflect.TypeOf(beta.IdentityReferenceWithNameAndEmail{}), reflect.TypeOf(certifications.IdentityReferenceWithNameAndEmail{})},
		"CampaignReference":                 {reflect.TypeOf(beta.CampaignReference{}), reflect.TypeOf(certifications.CampaignReference{})},
		"ReviewReassign":                    {reflect.TypeOf(beta.ReviewReassign{}), reflect.TypeOf(certifications.ReviewReassign{})},
		"ReassignReference":                 {reflect.TypeOf(beta.ReassignReference{}), reflect.TypeOf(certifications.ReassignReference{})},
	}
	for name, types := range same {
		assert.Equal(t, types[1], types[0], "beta.%s should be an alias of the v3 type", name)
	}
	differ := map[string][2]reflect.Type{
		"Reviewer":               {reflect.TypeOf(beta.Reviewer{}), reflect.TypeOf(certifications.Reviewer{})},
		"Reassignment":           {reflect.TypeOf(beta.Reassignment{}), reflect.TypeOf(certifications.Reassignment{})},
		"CertificationReference": {reflect.TypeOf(beta.CertificationReference{}), reflect.TypeOf(certifications.CertificationReference{})},
	}
	for name, types := range differ {
		assert.NotEqual(t, types[1], types[0], "beta.%s differs from v3 and needs its own type", name)
	}
}

// TestModelsRoundTrip decodes full bodies and encodes them again: nothing
// the spec defines is lost or renamed. (An empty errors array is omitted on
// encoding, so the task body carries one error.)
func TestModelsRoundTrip(t *testing.T) {
	tests := map[string]struct {
		body string
		into any
	}{
		"CertificationDto spec example": {example(t, "listCertifications"), &[]beta.CertificationDto{}},
		"IdentityCertificationTask": {
			`{"id":"abcd-ef12-3456","certificationId":"ef38f94347e94562b5bb8424a56397d8","type":"REASSIGN","status":"ERROR","errors":["reviewer not found"]}`,
			&beta.IdentityCertificationTask{},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, json.Unmarshal([]byte(tc.body), tc.into))
			out, err := json.Marshal(tc.into)
			require.NoError(t, err)
			assert.JSONEq(t, tc.body, string(out))
		})
	}
}

func TestCertificationDtoTolerance(t *testing.T) {
	t.Run("every required property missing gives zero values", func(t *testing.T) {
		var c beta.CertificationDto
		require.NoError(t, json.Unmarshal([]byte(`{}`), &c))
		assert.Equal(t, beta.CertificationDto{}, c)
		assert.True(t, c.GetDue().IsZero())
		assert.Equal(t, "", c.GetReviewer().GetName())
	})
	t.Run("null everywhere gives zero values", func(t *testing.T) {
		var c beta.CertificationDto
		require.NoError(t, json.Unmarshal([]byte(`{
			"campaignRef": null, "phase": null, "due": null, "signed": null,
			"reviewer": null, "reassignment": null, "hasErrors": null,
			"errorMessage": null, "completed": null, "decisionsMade": null,
			"decisionsTotal": null, "entitiesCompleted": null, "entitiesTotal": null,
			"campaignOwner": null
		}`), &c))
		assert.Equal(t, beta.CertificationDto{}, c)
	})
	t.Run("nulls inside nested objects", func(t *testing.T) {
		var c beta.CertificationDto
		require.NoError(t, json.Unmarshal([]byte(`{
			"campaignRef": {"id": null, "name": "Q3", "description": null},
			"reviewer": {"type": null, "id": "r1", "name": null, "email": null},
			"reassignment": {"from": {"reviewer": null}, "comment": null}
		}`), &c))
		assert.Equal(t, beta.CertificationDto{
			CampaignRef:  beta.CampaignReference{Name: "Q3"},
			Reviewer:     beta.Reviewer{ID: "r1"},
			Reassignment: &beta.Reassignment{From: &beta.CertificationReference{}},
		}, c)
		assert.Equal(t, "", c.GetReviewer().GetEmail(), "a null email reads as empty")
	})
	t.Run("unsigned certification", func(t *testing.T) {
		var c beta.CertificationDto
		require.NoError(t, json.Unmarshal([]byte(`{"phase":"ACTIVE","due":"2026-03-01T00:00:00Z","signed":null}`), &c))
		assert.True(t, c.GetSigned().IsZero())
		assert.Equal(t, mustTime(t, "2026-03-01T00:00:00Z"), c.GetDue())
	})
	t.Run("unknown properties, campaignOwner included, are ignored", func(t *testing.T) {
		var c beta.CertificationDto
		require.NoError(t, json.Unmarshal([]byte(`{
			"id": "not-modelled", "name": "not modelled either",
			"campaignOwner": {"id": "o1", "name": "Owner", "email": "o@example.com"},
			"campaignRef": {"id": "c1", "futureField": [1, {"x": null}]},
			"reviewer": {"id": "r1", "created": "2020-01-01T00:00:00Z"},
			"decisionsMade": 3
		}`), &c))
		assert.Equal(t, beta.CertificationDto{
			CampaignRef:   beta.CampaignReference{ID: "c1"},
			Reviewer:      beta.Reviewer{ID: "r1"},
			DecisionsMade: 3,
		}, c)
	})
	t.Run("unknown enum values are kept", func(t *testing.T) {
		var c beta.CertificationDto
		require.NoError(t, json.Unmarshal([]byte(`{
			"phase": "REOPENED",
			"campaignRef": {"type": "PROGRAM", "campaignType": "APPLICATION", "correlatedStatus": "PARTIAL", "mandatoryCommentRequirement": "SOME"},
			"reviewer": {"type": "TEAM"},
			"reassignment": {"from": {"type": "IDENTITY"}}
		}`), &c))
		assert.Equal(t, certifications.CertificationPhase("REOPENED"), c.GetPhase())
		assert.False(t, c.GetPhase().IsKnown())
		assert.Equal(t, certifications.CampaignReferenceType("PROGRAM"), c.GetCampaignRef().GetType())
		assert.Equal(t, certifications.CampaignReferenceCampaignType("APPLICATION"), c.GetCampaignRef().GetCampaignType())
		assert.Equal(t, certifications.CampaignReferenceCorrelatedStatus("PARTIAL"), c.GetCampaignRef().GetCorrelatedStatus())
		assert.Equal(t, certifications.CampaignReferenceMandatoryCommentRequirement("SOME"), c.GetCampaignRef().GetMandatoryCommentRequirement())
		assert.Equal(t, certifications.ReviewerType("TEAM"), c.GetReviewer().GetType())
		assert.Equal(t, certifications.CertificationReferenceType("IDENTITY"), c.GetReassignment().GetFrom().GetType())
	})
}

func TestIdentityCertificationTaskTolerance(t *testing.T) {
	t.Run("empty object", func(t *testing.T) {
		var task beta.IdentityCertificationTask
		require.NoError(t, json.Unmarshal([]byte(`{}`), &task))
		assert.Equal(t, beta.IdentityCertificationTask{}, task)
	})
	t.Run("nulls", func(t *testing.T) {
		var task beta.IdentityCertificationTask
		require.NoError(t, json.Unmarshal([]byte(`{"id":null,"certificationId":null,"type":null,"status":null,"errors":null}`), &task))
		assert.Equal(t, beta.IdentityCertificationTask{}, task)
		assert.Nil(t, task.GetErrors())
	})
	t.Run("unknown values and properties", func(t *testing.T) {
		var task beta.IdentityCertificationTask
		require.NoError(t, json.Unmarshal([]byte(`{
			"id": "t1", "type": "ADMIN_REASSIGN", "status": "PAUSED",
			"errors": ["first", "second"], "targetType": "CERTIFICATION", "created": "2026-01-01T00:00:00Z"
		}`), &task))
		assert.Equal(t, beta.IdentityCertificationTask{
			ID:     certifications.Ptr("t1"),
			Type:   certifications.Ptr(beta.IdentityCertificationTaskType("ADMIN_REASSIGN")),
			Status: certifications.Ptr(certifications.CertificationTaskStatus("PAUSED")),
			Errors: []string{"first", "second"},
		}, task)
		assert.False(t, task.GetType().IsKnown())
		assert.False(t, task.GetStatus().IsKnown())
	})
}

// TestOneOddItemKeepsTheOthers decodes a page through the API whose middle
// item has every tolerated oddity; the other two come through intact.
func TestOneOddItemKeepsTheOthers(t *testing.T) {
	api, mt := newAPI(t)
	answerWith(t, mt, 200, `[
		{"campaignRef": {"id": "c1"}, "phase": "ACTIVE", "decisionsMade": 1, "reviewer": {"id": "r1", "name": "Ann", "type": "IDENTITY"}},
		{"campaignRef": null, "phase": "ARCHIVED", "due": null, "reviewer": {"email": null}, "campaignOwner": {"id": "o"}, "extra": [1, 2]},
		{"campaignRef": {"id": "c3"}, "phase": "SIGNED", "completed": true, "signed": "2026-02-03T04:05:06Z"}
	]`)
	got, _, err := api.ListCertifications(context.Background()).Execute()
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, beta.CertificationDto{
		CampaignRef: beta.CampaignReference{ID: "c1"}, Phase: certifications.CertificationPhaseActive, DecisionsMade: 1,
		Reviewer: beta.Reviewer{ID: "r1", Name: "Ann", Type: certifications.ReviewerTypeIdentity},
	}, got[0])
	assert.Equal(t, beta.CertificationDto{Phase: "ARCHIVED"}, got[1])
	assert.Equal(t, beta.CertificationDto{
		CampaignRef: beta.CampaignReference{ID: "c3"}, Phase: certifications.CertificationPhaseSigned, Completed: true,
		Signed: time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC),
	}, got[2])
}

// TestGettersAreNilSafe calls every getter on nil receivers.
func TestGettersAreNilSafe(t *testing.T) {
	var c *beta.CertificationDto
	assert.Nil(t, c.GetCampaignRef())
	assert.Equal(t, "", c.GetCampaignRef().GetID())
	assert.Equal(t, certifications.CertificationPhase(""), c.GetPhase())
	assert.True(t, c.GetDue().IsZero())
	assert.True(t, c.GetSigned().IsZero())
	assert.Nil(t, c.GetReviewer())
	assert.Nil(t, c.GetReassignment())
	assert.False(t, c.GetHasErrors())
	assert.Equal(t, "", c.GetErrorMessage())
	assert.False(t, c.GetCompleted())
	assert.Zero(t, c.GetDecisionsMade())
	assert.Zero(t, c.GetDecisionsTotal())
	assert.Zero(t, c.GetEntitiesCompleted())
	assert.Zero(t, c.GetEntitiesTotal())

	var r *beta.Reviewer
	assert.Equal(t, certifications.ReviewerType(""), r.GetType())
	assert.Equal(t, "", r.GetID())
	assert.Equal(t, "", r.GetName())
	assert.Equal(t, "", r.GetEmail())

	var ra *beta.Reassignment
	assert.Nil(t, ra.GetFrom())
	assert.Equal(t, "", ra.GetComment())
	assert.Equal(t, "", ra.GetFrom().GetReviewer().GetName(), "getters chain through nils")

	var ref *beta.CertificationReference
	assert.Equal(t, certifications.CertificationReferenceType(""), ref.GetType())
	assert.Equal(t, "", ref.GetID())
	assert.Equal(t, "", ref.GetName())
	assert.Nil(t, ref.GetReviewer())

	var task *beta.IdentityCertificationTask
	assert.Equal(t, "", task.GetID())
	assert.Equal(t, "", task.GetCertificationID())
	assert.Equal(t, beta.IdentityCertificationTaskType(""), task.GetType())
	assert.Equal(t, certifications.CertificationTaskStatus(""), task.GetStatus())
	assert.Nil(t, task.GetErrors())
}

// TestGettersReadSetValues checks the getters of a filled CertificationDto
// return its fields.
func TestGettersReadSetValues(t *testing.T) {
	c := specCertification(t)
	assert.Equal(t, "ef38f94347e94562b5bb8424a56397d8", c.GetCampaignRef().GetID())
	assert.Same(t, &c.CampaignRef, c.GetCampaignRef())
	assert.Same(t, &c.Reviewer, c.GetReviewer())
	assert.Equal(t, "reviewer@test.com", c.GetReviewer().GetEmail())
	assert.Equal(t, "Please review", c.GetReassignment().GetComment())
	assert.Equal(t, "Manager Access for Michael Michaels", c.GetReassignment().GetFrom().GetName())
	assert.Equal(t, "7589a83cec4b4f138ce56c1a5ef0756d", c.GetReassignment().GetFrom().GetID())
	assert.Equal(t, "Michael Michaels", c.GetReassignment().GetFrom().GetReviewer().GetName())
	assert.Equal(t, "The certification has an error", c.GetErrorMessage())
	assert.Equal(t, int32(20), c.GetDecisionsMade())
	assert.Equal(t, int32(40), c.GetDecisionsTotal())
	assert.Equal(t, int32(5), c.GetEntitiesCompleted())
	assert.Equal(t, int32(10), c.GetEntitiesTotal())
	assert.Equal(t, mustTime(t, "2018-10-19T13:49:37.385Z"), c.GetSigned())
}

func TestIdentityCertificationTaskTypeValues(t *testing.T) {
	values := beta.IdentityCertificationTaskTypeValues()
	assert.Equal(t, []beta.IdentityCertificationTaskType{beta.IdentityCertificationTaskTypeReassign}, values)
	assert.Equal(t, beta.IdentityCertificationTaskType("REASSIGN"), beta.IdentityCertificationTaskTypeReassign)
	for _, v := range values {
		assert.True(t, v.IsKnown(), "%s", v)
	}
	assert.False(t, beta.IdentityCertificationTaskType("ADMIN_REASSIGN").IsKnown(), "v3 task types are not beta task types")
	assert.False(t, beta.IdentityCertificationTaskType("").IsKnown())
	values[0] = "CHANGED"
	assert.Equal(t, beta.IdentityCertificationTaskTypeReassign, beta.IdentityCertificationTaskTypeValues()[0], "each call returns a new slice")
}
