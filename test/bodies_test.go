package test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// TestBodyDecideSpecExample decodes the spec's decide request example into
// []ReviewDecision, sends it, and checks the body on the wire is the same
// JSON array.
func TestBodyDecideSpecExample(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(example(t, "makeIdentityDecision")))
	reqJSON := example(t, "makeIdentityDecision.request")
	var decisions []certifications.ReviewDecision
	require.NoError(t, json.Unmarshal([]byte(reqJSON), &decisions))
	require.Len(t, decisions, 2)

	cert, _, err := c.CertificationsApi.MakeIdentityDecision(context.Background(), "ef38f94347e94562b5bb8424a56397d8").
		ReviewDecision(decisions).Execute()
	require.NoError(t, err)
	checkExampleCertification(t, cert)
	assertRequest(t, srv.only(t), want{Method: http.MethodPost, Path: "/v3/certifications/ef38f94347e94562b5bb8424a56397d8/decide", Body: reqJSON})
}

// TestBodyDecideAllFields checks every ReviewDecision field on the wire:
// required ones always (bulk false included), optional ones only when set.
func TestBodyDecideAllFields(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`{"id":"cert-1"}`))
	end := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	stamp := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	decisions := []certifications.ReviewDecision{
		{ID: "i1", Decision: certifications.CertificationDecisionApprove},
		{
			ID:              "i2",
			Decision:        certifications.CertificationDecisionRevoke,
			ProposedEndDate: &end,
			Bulk:            true,
			Recommendation: &certifications.ReviewRecommendation{
				Recommendation: certifications.Ptr("REVOKE"),
				Reasons:        []string{"unused for 90 days"},
				Timestamp:      &stamp,
			},
			Comments: certifications.Ptr("left the team"),
		},
	}
	cert, _, err := c.CertificationsApi.MakeIdentityDecision(context.Background(), "cert-1").ReviewDecision(decisions).Execute()
	require.NoError(t, err)
	assert.Equal(t, "cert-1", cert.GetID())
	assertRequest(t, srv.only(t), want{Method: http.MethodPost, Path: "/v3/certifications/cert-1/decide", Body: `[
		{"id":"i1","decision":"APPROVE","bulk":false},
		{"id":"i2","decision":"REVOKE","bulk":true,"proposedEndDate":"2026-03-31T00:00:00Z",
		 "recommendation":{"recommendation":"REVOKE","reasons":["unused for 90 days"],"timestamp":"2026-01-02T03:04:05Z"},
		 "comments":"left the team"}
	]`})
}

// TestBodyReassignSpecExample sends the spec's reassign request example to
// both reassign operations and checks the JSON object on the wire.
func TestBodyReassignSpecExample(t *testing.T) {
	tests := []struct {
		name, example, path string
		send                func(t *testing.T, api *certifications.CertificationsApiService, body certifications.ReviewReassign) error
	}{
		{"reassignIdentityCertifications", "reassignIdentityCertifications", "/v3/certifications/cert-1/reassign",
			func(t *testing.T, api *certifications.CertificationsApiService, body certifications.ReviewReassign) error {
				cert, _, err := api.ReassignIdentityCertifications(context.Background(), "cert-1").ReviewReassign(body).Execute()
				if err == nil {
					checkExampleCertification(t, cert)
				}
				return err
			}},
		{"submitReassignCertsAsync", "submitReassignCertsAsync", "/v3/certifications/cert-1/reassign-async",
			func(t *testing.T, api *certifications.CertificationsApiService, body certifications.ReviewReassign) error {
				task, _, err := api.SubmitReassignCertsAsync(context.Background(), "cert-1").ReviewReassign(body).Execute()
				if err == nil {
					checkExampleTask(t, task)
				}
				return err
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serve(t, mt, ok(example(t, tt.example)))
			reqJSON := example(t, tt.example+".request")
			var body certifications.ReviewReassign
			require.NoError(t, json.Unmarshal([]byte(reqJSON), &body))
			require.NoError(t, tt.send(t, c.CertificationsApi, body))
			assertRequest(t, srv.only(t), want{Method: http.MethodPost, Path: tt.path, Body: reqJSON})
		})
	}
}

// TestBodyReassignAllTypes sends one reference of each type.
func TestBodyReassignAllTypes(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`{"id":"cert-1"}`))
	body := certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{
			{ID: "t1", Type: certifications.ReassignReferenceTypeTargetSummary},
			{ID: "i1", Type: certifications.ReassignReferenceTypeItem},
			{ID: "s1", Type: certifications.ReassignReferenceTypeIdentitySummary},
		},
		ReassignTo: "reviewer-2",
		Reason:     "Quarterly rotation",
	}
	_, _, err := c.CertificationsApi.ReassignIdentityCertifications(context.Background(), "cert-1").ReviewReassign(body).Execute()
	require.NoError(t, err)
	assertRequest(t, srv.only(t), want{Method: http.MethodPost, Path: "/v3/certifications/cert-1/reassign", Body: `{
		"reassign":[{"id":"t1","type":"TARGET_SUMMARY"},{"id":"i1","type":"ITEM"},{"id":"s1","type":"IDENTITY_SUMMARY"}],
		"reassignTo":"reviewer-2","reason":"Quarterly rotation"}`})
}

// TestBodyBuilderKeepsItsOwnCopy checks that changing the caller's body
// after ReviewReassign does not change what the builder sends.
func TestBodyBuilderKeepsItsOwnCopy(t *testing.T) {
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`{"id":"cert-1"}`))
	body := oneReassign
	req := c.CertificationsApi.ReassignIdentityCertifications(context.Background(), "cert-1").ReviewReassign(body)
	body.Reason = "changed afterwards"
	body.ReassignTo = "someone-else"
	_, _, err := req.Execute()
	require.NoError(t, err)
	assert.JSONEq(t, oneReassignJSON, string(srv.only(t).Body))
}
