package test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// TestToleranceOddReviewItemKeepsThePage lists a three-item page whose
// middle item lacks the properties every item normally carries (the spec
// marks none of AccessReviewItem's properties required), has nulls,
// unknown properties and unknown enum values. All three items come back,
// the odd values kept as sent.
func TestToleranceOddReviewItemKeepsThePage(t *testing.T) {
	c, mt := newTestClient(t)
	page := `[
		{"id": "item-1", "completed": true, "decision": "APPROVE",
		 "identitySummary": {"id": "s1", "name": "Ann"},
		 "accessSummary": {"access": {"type": "ENTITLEMENT", "id": "e1", "name": "Payroll read"}}},
		{"completed": null, "newAccess": null, "comments": null,
		 "decision": "ESCALATE",
		 "riskScore": 97, "tags": ["x", {"y": null}],
		 "identitySummary": {"name": "Bo", "manager": {"id": "m1"}},
		 "accessSummary": {"access": {"type": "PERMISSION_SET", "id": "p1"}, "entitlement": null, "role": {"entitlements": null, "revocable": null}}},
		{"id": "item-3", "completed": false, "decision": "REVOKE",
		 "identitySummary": {"id": "s3", "name": "Cy"}}
	]`
	serve(t, mt, ok(page))
	items, resp, err := c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Execute()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.Len(t, items, 3, "one odd item does not cost the page")

	assert.Equal(t, "item-1", items[0].GetID())
	assert.True(t, items[0].GetCompleted())
	assert.Equal(t, certifications.CertificationDecisionApprove, items[0].GetDecision())
	assert.Equal(t, certifications.DtoTypeEntitlement, items[0].GetAccessSummary().GetAccess().GetType())
	assert.Equal(t, "Payroll read", items[0].GetAccessSummary().GetAccess().GetName())

	odd := items[1]
	assert.Nil(t, odd.ID, "missing id stays unset")
	assert.Equal(t, "", odd.GetID())
	assert.Nil(t, odd.Completed, "null completed stays unset")
	assert.Nil(t, odd.NewAccess)
	assert.Nil(t, odd.Comments)
	assert.Equal(t, certifications.CertificationDecision("ESCALATE"), odd.GetDecision(), "unknown enum value kept")
	assert.False(t, odd.GetDecision().IsKnown())
	assert.Equal(t, "Bo", odd.GetIdentitySummary().GetName())
	assert.Equal(t, certifications.DtoType("PERMISSION_SET"), odd.GetAccessSummary().GetAccess().GetType(), "unknown enum value kept")
	assert.Nil(t, odd.GetAccessSummary().GetEntitlement())
	require.NotNil(t, odd.GetAccessSummary().GetRole())
	assert.Nil(t, odd.GetAccessSummary().GetRole().GetEntitlements())
	assert.Nil(t, odd.GetAccessSummary().GetRole().Revocable)

	assert.Equal(t, "item-3", items[2].GetID())
	assert.Equal(t, certifications.CertificationDecisionRevoke, items[2].GetDecision())
	assert.Equal(t, "Cy", items[2].GetIdentitySummary().GetName())
}

// TestToleranceCertificationMissingRequiredCampaignFields lists
// certifications where one campaign reference lacks the properties the
// spec marks required, or has them null, with an unknown phase.
func TestToleranceCertificationMissingRequiredCampaignFields(t *testing.T) {
	c, mt := newTestClient(t)
	serve(t, mt, ok(`[
		{"id": "c1", "phase": "ACTIVE", "campaign": {"id": "camp-1", "name": "Q3", "type": "CAMPAIGN", "campaignType": "MANAGER",
		 "description": "d", "correlatedStatus": "CORRELATED", "mandatoryCommentRequirement": "NO_DECISIONS"}},
		{"id": "c2", "phase": "REOPENED", "campaign": {"name": "Q3 retry", "type": null, "campaignType": "APPLICATION"}, "due": null, "surprise": {"a": 1}},
		{"id": "c3", "phase": "SIGNED", "campaign": null}
	]`))
	certs, _, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).Execute()
	require.NoError(t, err)
	require.Len(t, certs, 3)
	assert.Equal(t, "camp-1", certs[0].GetCampaign().GetID())

	odd := certs[1]
	assert.Equal(t, certifications.CertificationPhase("REOPENED"), odd.GetPhase())
	require.NotNil(t, odd.GetCampaign())
	assert.Equal(t, "", odd.GetCampaign().GetID(), "missing required id is a zero value")
	assert.Equal(t, "Q3 retry", odd.GetCampaign().GetName())
	assert.Equal(t, certifications.CampaignReferenceType(""), odd.GetCampaign().GetType())
	assert.Equal(t, certifications.CampaignReferenceCampaignType("APPLICATION"), odd.GetCampaign().GetCampaignType())
	assert.Nil(t, odd.Due)

	assert.Equal(t, certifications.CertificationPhaseSigned, certs[2].GetPhase())
	assert.Nil(t, certs[2].GetCampaign())
}

// TestToleranceTrailAsSingleObject decodes a task whose
// reassignmentTrailDTOs is a lone object (as the spec's own example sends
// it) through each operation that returns tasks.
func TestToleranceTrailAsSingleObject(t *testing.T) {
	task := `{"id":"task-1","status":"IN_PROGRESS","reassignmentTrailDTOs":{"previousOwner":"p1","newOwner":"n1","reassignmentType":"MANUAL_REASSIGNMENT"}}`
	tests := []struct {
		name string
		body string
		call func(api *certifications.CertificationsApiService) (*certifications.CertificationTask, error)
	}{
		{"getCertificationTask", task, func(api *certifications.CertificationsApiService) (*certifications.CertificationTask, error) {
			v, _, err := api.GetCertificationTask(context.Background(), "task-1").Execute()
			return v, err
		}},
		{"submitReassignCertsAsync", task, func(api *certifications.CertificationsApiService) (*certifications.CertificationTask, error) {
			v, _, err := api.SubmitReassignCertsAsync(context.Background(), "cert-1").ReviewReassign(oneReassign).Execute()
			return v, err
		}},
		{"getPendingCertificationTasks", "[" + task + "]", func(api *certifications.CertificationsApiService) (*certifications.CertificationTask, error) {
			v, _, err := api.GetPendingCertificationTasks(context.Background()).Execute()
			if len(v) != 1 {
				return nil, errors.New("want one task")
			}
			return &v[0], err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newTestClient(t)
			serve(t, mt, ok(tt.body))
			got, err := tt.call(c.CertificationsApi)
			require.NoError(t, err)
			assert.Equal(t, certifications.CertificationTaskStatusInProgress, got.GetStatus())
			assert.Equal(t, certifications.ReassignmentTrailDTOs{{
				PreviousOwner:    certifications.Ptr("p1"),
				NewOwner:         certifications.Ptr("n1"),
				ReassignmentType: certifications.Ptr("MANUAL_REASSIGNMENT"),
			}}, got.GetReassignmentTrailDTOs())
		})
	}
}

// TestToleranceMalformedJSON answers every operation with a body that is
// not JSON: the error is a *DecodeError, no result is returned, and the
// response comes back with its body readable.
func TestToleranceMalformedJSON(t *testing.T) {
	for _, body := range []string{`{"id": "x", `, `<html>gateway</html>`, `[{"id":"a"}] trailing`} {
		for _, op := range operations {
			t.Run(op.id+"/"+body, func(t *testing.T) {
				c, mt := newTestClient(t)
				srv := serve(t, mt, ok(body))
				v, resp, err := op.call(context.Background(), c.CertificationsApi, "cert-1", "item-1")
				require.Error(t, err)
				var de *certifications.DecodeError
				require.True(t, errors.As(err, &de), "want *DecodeError, got %T: %v", err, err)
				assert.Equal(t, op.method(), de.Method)
				assert.Equal(t, wirePath(op.path("cert-1", "item-1")), de.URLPath)
				assert.Equal(t, http.StatusOK, de.StatusCode)
				var se *json.SyntaxError
				assert.True(t, errors.As(err, &se), "unwraps to the JSON syntax error")
				var ae *certifications.APIError
				assert.False(t, errors.As(err, &ae), "a 200 is not an APIError")
				if op.method() == http.MethodPost || !isList(v) {
					assert.True(t, isNil(v), "no half-decoded model")
				}
				require.NotNil(t, resp)
				assert.Equal(t, http.StatusOK, resp.StatusCode)
				assert.Equal(t, body, readBody(t, resp))
				assert.Len(t, srv.requests(), 1, "a decode error is not retried")
			})
		}
	}
}

func isList(v any) bool {
	switch v.(type) {
	case []certifications.CertificationTask, []certifications.IdentityCertificationDto, []certifications.PermissionDto,
		[]certifications.IdentityReferenceWithNameAndEmail, []certifications.AccessReviewItem:
		return true
	}
	return false
}

// TestToleranceImpossibleTypeNamesTheField answers with a value of a type
// no decoder can accept and checks the *DecodeError names the field path.
func TestToleranceImpossibleTypeNamesTheField(t *testing.T) {
	tests := []struct {
		name, body, path string
		call             apiCall
	}{
		{"string for an object in a review item page", `[{"id":"a"},{"identitySummary":"Ann"}]`, "identitySummary",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListIdentityAccessReviewItems(context.Background(), "cert-1").Execute()
				return err
			}},
		{"number deep in a review item", `[{"accessSummary":{"entitlement":{"account":{"activityInsights":{"accountID":7}}}}}]`,
			"accessSummary.entitlement.account.activityInsights.accountID",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListIdentityAccessReviewItems(context.Background(), "cert-1").Execute()
				return err
			}},
		{"string for an int32", `{"id":"c1","decisionsMade":"20"}`, "decisionsMade",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.GetIdentityCertification(context.Background(), "c1").Execute()
				return err
			}},
		{"string for a bool after sign-off", `{"id":"c1","completed":"yes"}`, "completed",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.SignOffIdentityCertification(context.Background(), "c1").Execute()
				return err
			}},
		{"string for the trail", `{"id":"t1","reassignmentTrailDTOs":"p1"}`, "reassignmentTrailDTOs",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.GetCertificationTask(context.Background(), "t1").Execute()
				return err
			}},
		{"object for the rights array", `[{"rights":{"r":"READ"},"target":"T"}]`, "rights",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.GetIdentityCertificationItemPermissions(context.Background(), "c1", "i1").Execute()
				return err
			}},
		{"object where the page array belongs", `{"id":"r1"}`, "",
			func(api *certifications.CertificationsApiService) error {
				_, _, err := api.ListCertificationReviewers(context.Background(), "c1").Execute()
				return err
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newTestClient(t)
			serve(t, mt, ok(tt.body))
			err := tt.call(c.CertificationsApi)
			var de *certifications.DecodeError
			require.True(t, errors.As(err, &de), "want *DecodeError, got %T: %v", err, err)
			var te *json.UnmarshalTypeError
			require.True(t, errors.As(err, &te), "unwraps to the JSON type error")
			assert.Equal(t, tt.path, de.Path)
			if tt.path != "" {
				assert.Contains(t, err.Error(), "at "+tt.path)
			}
			if tt.name != "string for the trail" && tt.name != "object for the rights array" {
				// The decoder of the lists that also take a single value
				// (trail, rights) reports no offset; encoding/json gives
				// one for every other type error.
				assert.Positive(t, de.Offset)
			}
		})
	}
}

// TestToleranceEmptyPage checks that an empty page is an empty, non-error
// result.
func TestToleranceEmptyPage(t *testing.T) {
	c, mt := newTestClient(t)
	serve(t, mt, ok(`[]`))
	items, _, err := c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Execute()
	require.NoError(t, err)
	assert.Empty(t, items)
}
