package beta_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
)

// checkGetHeaders asserts the headers every beta GET carries.
func checkGetHeaders(t *testing.T, r recorded) {
	t.Helper()
	assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"))
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "isc-certifications-go/"), "User-Agent %q", r.Header.Get("User-Agent"))
	assert.Empty(t, r.Header.Get("Content-Type"), "a GET has no body")
	assert.Empty(t, r.Body)
}

func TestGetIdentityCertificationItemPermissionsRequest(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, example(t, "getIdentityCertificationItemPermissions"))
	_, _, err := api.GetIdentityCertificationItemPermissions(context.Background(), "cert-1", "item-2").
		Filters(`target sw "SYS." and rights ca ("SELECT","UPDATE")`).
		Limit(50).
		Offset(100).
		Count(true).
		Execute()
	require.NoError(t, err)
	r := rec.only(t)
	assert.Equal(t, http.MethodGet, r.Method)
	assert.Equal(t, "/beta/certifications/cert-1/access-review-items/item-2/permissions", r.EscapedPath)
	assert.Equal(t, "count=true&filters=target%20sw%20%22SYS.%22%20and%20rights%20ca%20%28%22SELECT%22%2C%22UPDATE%22%29&limit=50&offset=100", r.RawQuery)
	assert.Equal(t, `target sw "SYS." and rights ca ("SELECT","UPDATE")`, r.Query.Get("filters"))
	checkGetHeaders(t, r)
}

func TestGetIdentityCertificationPendingTasksRequest(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, example(t, "getIdentityCertificationPendingTasks"))
	_, _, err := api.GetIdentityCertificationPendingTasks(context.Background(), "cert-1").Execute()
	require.NoError(t, err)
	r := rec.only(t)
	assert.Equal(t, http.MethodGet, r.Method)
	assert.Equal(t, "/beta/certifications/cert-1/tasks-pending", r.EscapedPath)
	assert.Empty(t, r.RawQuery, "the operation has no query parameters")
	checkGetHeaders(t, r)
}

func TestGetIdentityCertificationTaskStatusRequest(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, example(t, "getIdentityCertificationTaskStatus"))
	_, _, err := api.GetIdentityCertificationTaskStatus(context.Background(), "cert-1", "task-9").Execute()
	require.NoError(t, err)
	r := rec.only(t)
	assert.Equal(t, http.MethodGet, r.Method)
	assert.Equal(t, "/beta/certifications/cert-1/tasks/task-9", r.EscapedPath)
	assert.Empty(t, r.RawQuery, "the operation has no query parameters")
	checkGetHeaders(t, r)
}

func TestListCertificationReviewersRequest(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, example(t, "listCertificationReviewers"))
	_, _, err := api.ListCertificationReviewers(context.Background(), "cert-1").
		Limit(10).
		Offset(20).
		Count(false).
		Filters(`email sw "ops."`).
		Sorters("name,-email").
		Execute()
	require.NoError(t, err)
	r := rec.only(t)
	assert.Equal(t, http.MethodGet, r.Method)
	assert.Equal(t, "/beta/certifications/cert-1/reviewers", r.EscapedPath)
	assert.Equal(t, "count=false&filters=email%20sw%20%22ops.%22&limit=10&offset=20&sorters=name%2C-email", r.RawQuery)
	checkGetHeaders(t, r)
}

func TestListCertificationsRequest(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, example(t, "listCertifications"))
	_, _, err := api.ListCertifications(context.Background()).
		ReviewerIdentity("me").
		Limit(25).
		Offset(0).
		Count(true).
		Filters(`campaignRef.id in ("c1","c2") and phase eq "ACTIVE"`).
		Sorters("-due,signed").
		Execute()
	require.NoError(t, err)
	r := rec.only(t)
	assert.Equal(t, http.MethodGet, r.Method)
	assert.Equal(t, "/beta/certifications", r.EscapedPath)
	assert.Equal(t, "count=true&filters=campaignRef.id%20in%20%28%22c1%22%2C%22c2%22%29%20and%20phase%20eq%20%22ACTIVE%22&limit=25&offset=0&reviewer-identitiy=me&sorters=-due%2Csigned", r.RawQuery)
	assert.Equal(t, "me", r.Query.Get("reviewer-identitiy"), "the beta API's own spelling")
	assert.NotContains(t, r.Query, "reviewer-identity", "the v3 spelling must not be sent to beta")
	checkGetHeaders(t, r)
}

func TestSubmitReassignCertsAsyncRequest(t *testing.T) {
	api, mt := newAPI(t)
	rec := answerWith(t, mt, 200, example(t, "submitReassignCertsAsync"))
	_, _, err := api.SubmitReassignCertsAsync(context.Background(), "cert-1").ReviewReassign(validReassign()).Execute()
	require.NoError(t, err)
	r := rec.only(t)
	assert.Equal(t, http.MethodPost, r.Method)
	assert.Equal(t, "/beta/certifications/cert-1/reassign-async", r.EscapedPath)
	assert.Empty(t, r.RawQuery)
	assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"))
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.JSONEq(t, fixture(t, "examples/submitReassignCertsAsync.request.json"), string(r.Body))
}

// TestOptionalParametersNotSentWhenUnset checks that a list builder without
// setters sends no query string at all.
func TestOptionalParametersNotSentWhenUnset(t *testing.T) {
	ctx := context.Background()
	tests := map[string]func(*beta.CertificationsApiService) error{
		"getIdentityCertificationItemPermissions": func(api *beta.CertificationsApiService) error {
			_, _, err := api.GetIdentityCertificationItemPermissions(ctx, "c", "i").Execute()
			return err
		},
		"listCertificationReviewers": func(api *beta.CertificationsApiService) error {
			_, _, err := api.ListCertificationReviewers(ctx, "c").Execute()
			return err
		},
		"listCertifications": func(api *beta.CertificationsApiService) error {
			_, _, err := api.ListCertifications(ctx).Execute()
			return err
		},
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			api, mt := newAPI(t)
			rec := answerWith(t, mt, 200, `[]`)
			require.NoError(t, call(api))
			assert.Empty(t, rec.only(t).RawQuery)
		})
	}
}

// TestPathParametersAreEscaped sends ids holding a slash and a space: each
// must stay one escaped path segment.
func TestPathParametersAreEscaped(t *testing.T) {
	want := map[string]string{
		"getIdentityCertificationItemPermissions": "/beta/certifications/cert%2F1%20a/access-review-items/item%2F2%20b/permissions",
		"getIdentityCertificationPendingTasks":    "/beta/certifications/cert%2F1%20a/tasks-pending",
		"getIdentityCertificationTaskStatus":      "/beta/certifications/cert%2F1%20a/tasks/item%2F2%20b",
		"listCertificationReviewers":              "/beta/certifications/cert%2F1%20a/reviewers",
		"listCertifications":                      "/beta/certifications",
		"submitReassignCertsAsync":                "/beta/certifications/cert%2F1%20a/reassign-async",
	}
	for _, op := range operations() {
		t.Run(op.id, func(t *testing.T) {
			api, mt := newAPI(t)
			rec := answerWith(t, mt, 200, example(t, op.id))
			_, _, err := op.call(context.Background(), api, "cert/1 a", "item/2 b")
			require.NoError(t, err)
			r := rec.only(t)
			assert.Equal(t, op.method, r.Method)
			assert.Equal(t, want[op.id], r.EscapedPath)
			assert.Equal(t, op.path("cert/1 a", "item/2 b"), r.EscapedPath)
		})
	}
}

// TestDecodeSpecExamples decodes the 200 bodies assembled from the beta
// spec's examples through each operation.
func TestDecodeSpecExamples(t *testing.T) {
	ctx := context.Background()
	wantTask := beta.IdentityCertificationTask{
		ID:              certifications.Ptr("abcd-ef12-3456"),
		CertificationID: certifications.Ptr("ef38f94347e94562b5bb8424a56397d8"),
		Type:            certifications.Ptr(beta.IdentityCertificationTaskTypeReassign),
		Status:          certifications.Ptr(certifications.CertificationTaskStatusQueued),
		Errors:          []string{},
	}

	t.Run("getIdentityCertificationItemPermissions", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, example(t, "getIdentityCertificationItemPermissions"))
		got, resp, err := api.GetIdentityCertificationItemPermissions(ctx, "c", "i").Execute()
		require.NoError(t, err)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, []beta.PermissionDto{{Rights: []string{"SELECT"}, Target: certifications.Ptr("SYS.GV_$TRANSACTION")}}, got)
	})
	t.Run("getIdentityCertificationPendingTasks", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, example(t, "getIdentityCertificationPendingTasks"))
		got, _, err := api.GetIdentityCertificationPendingTasks(ctx, "c").Execute()
		require.NoError(t, err)
		assert.Equal(t, []beta.IdentityCertificationTask{wantTask}, got)
	})
	t.Run("getIdentityCertificationTaskStatus", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, example(t, "getIdentityCertificationTaskStatus"))
		got, _, err := api.GetIdentityCertificationTaskStatus(ctx, "c", "t").Execute()
		require.NoError(t, err)
		assert.Equal(t, &wantTask, got)
	})
	t.Run("submitReassignCertsAsync", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, example(t, "submitReassignCertsAsync"))
		got, _, err := api.SubmitReassignCertsAsync(ctx, "c").ReviewReassign(validReassign()).Execute()
		require.NoError(t, err)
		assert.Equal(t, &wantTask, got)
	})
	t.Run("listCertificationReviewers", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, example(t, "listCertificationReviewers"))
		got, _, err := api.ListCertificationReviewers(ctx, "c").Execute()
		require.NoError(t, err)
		assert.Equal(t, []beta.IdentityReferenceWithNameAndEmail{{
			Type:  certifications.Ptr("IDENTITY"),
			ID:    certifications.Ptr("5168015d32f890ca15812c9180835d2e"),
			Name:  certifications.Ptr("Alison Ferguso"),
			Email: certifications.Ptr("alison.ferguso@identitysoon.com"),
		}}, got)
	})
	t.Run("listCertifications", func(t *testing.T) {
		api, mt := newAPI(t)
		answerWith(t, mt, 200, example(t, "listCertifications"))
		got, _, err := api.ListCertifications(ctx).Execute()
		require.NoError(t, err)
		assert.Equal(t, []beta.CertificationDto{specCertification(t)}, got)
	})
}

// specCertification is the CertificationDto the spec's examples describe.
// The example's reassignment.from.type is IDENTITY although the enum allows
// only CERTIFICATION; the value is kept as sent.
func specCertification(t testing.TB) beta.CertificationDto {
	reviewer := beta.Reviewer{
		Type:  certifications.ReviewerTypeIdentity,
		ID:    "2c7180a46faadee4016fb4e018c20642",
		Name:  "Michael Michaels",
		Email: certifications.Ptr("reviewer@test.com"),
	}
	return beta.CertificationDto{
		CampaignRef: beta.CampaignReference{
			ID:                          "ef38f94347e94562b5bb8424a56397d8",
			Name:                        "Campaign Name",
			Type:                        certifications.CampaignReferenceTypeCampaign,
			CampaignType:                certifications.CampaignReferenceCampaignTypeManager,
			Description:                 certifications.Ptr("A description of the campaign"),
			CorrelatedStatus:            certifications.CampaignReferenceCorrelatedStatusCorrelated,
			MandatoryCommentRequirement: certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions,
		},
		Phase:    certifications.CertificationPhaseActive,
		Due:      mustTime(t, "2018-10-19T13:49:37.385Z"),
		Signed:   mustTime(t, "2018-10-19T13:49:37.385Z"),
		Reviewer: reviewer,
		Reassignment: &beta.Reassignment{
			From: &beta.CertificationReference{
				Type:     certifications.Ptr(certifications.CertificationReferenceType("IDENTITY")),
				ID:       certifications.Ptr("7589a83cec4b4f138ce56c1a5ef0756d"),
				Name:     certifications.Ptr("Manager Access for Michael Michaels"),
				Reviewer: &reviewer,
			},
			Comment: certifications.Ptr("Please review"),
		},
		HasErrors:         false,
		ErrorMessage:      certifications.Ptr("The certification has an error"),
		Completed:         false,
		DecisionsMade:     20,
		DecisionsTotal:    40,
		EntitiesCompleted: 5,
		EntitiesTotal:     10,
	}
}

// TestErrorStatuses answers every operation with each error status its spec
// lists, using the spec's example bodies, and checks the *APIError.
func TestErrorStatuses(t *testing.T) {
	type want struct {
		message, tracking, detail string
		retryAfter                time.Duration
	}
	wants := map[int]want{
		400: {message: "The request was syntactically correct but its content is semantically invalid.", tracking: "e7eab60924f64aa284175b9fa3309599", detail: "400.1 Bad Request Content"},
		401: {message: "JWT validation failed: JWT is expired"},
		403: {message: "The server understood the request but refuses to authorize it.", tracking: "b21b1f7ce4da4d639f2c62a57171b427", detail: "403 Forbidden"},
		404: {message: "The server did not find a current representation for the target resource.", tracking: "b21b1f7ce4da4d639f2c62a57171b427", detail: "404 Not found"},
		429: {message: " Rate Limit Exceeded ", retryAfter: 3 * time.Second},
		500: {message: "An internal fault occurred.", tracking: "b21b1f7ce4da4d639f2c62a57171b427", detail: "500.0 Internal Fault"},
	}
	for _, op := range operations() {
		for _, status := range op.statuses {
			t.Run(op.id+"/"+http.StatusText(status), func(t *testing.T) {
				w := wants[status]
				body := fixture(t, "errors/"+strconv.Itoa(status)+".json")
				api, mt := newAPI(t, noRetries)
				answer(t, mt, func(recorded) (int, http.Header, string) {
					h := http.Header{}
					if status == 429 {
						h.Set("Retry-After", "3")
					}
					return status, h, body
				})
				got, resp, err := op.call(context.Background(), api, "cert-1", "item-2")
				assert.True(t, isNil(got), "no result on error, got %#v", got)
				require.NotNil(t, resp)
				assert.Equal(t, status, resp.StatusCode)
				var ae *certifications.APIError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, status, ae.StatusCode)
				assert.Equal(t, op.method, ae.Method)
				assert.Equal(t, op.path("cert-1", "item-2"), ae.Path)
				assert.Equal(t, body, string(ae.Body))
				assert.Equal(t, w.message, ae.Message)
				assert.Equal(t, w.tracking, ae.TrackingID)
				assert.Equal(t, w.retryAfter, ae.RetryAfter)
				assert.Equal(t, 1, ae.Attempts)
				if w.detail != "" {
					require.NotNil(t, ae.ErrorResponse)
					assert.Equal(t, w.detail, ae.ErrorResponse.GetDetailCode())
				} else {
					assert.Nil(t, ae.ErrorResponse, "401 and 429 bodies are not ErrorResponseDto")
				}
				assert.Equal(t, status == 404, certifications.IsNotFound(err))
				assert.Equal(t, status == 429, certifications.IsRateLimited(err))
				b, err := io.ReadAll(resp.Body)
				require.NoError(t, err)
				assert.Equal(t, body, string(b), "the response body stays readable")
			})
		}
	}
}

// TestRetriedLikeV3 checks that a beta call goes through the client's retry
// policy: a 429 is retried and the retry's answer returned.
func TestRetriedLikeV3(t *testing.T) {
	api, mt := newAPI(t)
	calls := 0
	rec := answer(t, mt, func(recorded) (int, http.Header, string) {
		calls++
		if calls == 1 {
			return 429, http.Header{"Retry-After": {"0"}}, `{"message":"slow down"}`
		}
		return 200, nil, example(t, "listCertificationReviewers")
	})
	got, resp, err := api.ListCertificationReviewers(context.Background(), "cert-1").Execute()
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Len(t, got, 1)
	assert.Len(t, rec.all(), 2)
}

// TestDecodeErrorIsReported checks that a 200 body with an impossible type
// fails with a *DecodeError naming the field; a list keeps what decoded, a
// single model is not returned half-filled.
func TestDecodeErrorIsReported(t *testing.T) {
	api, mt := newAPI(t)
	answerWith(t, mt, 200, `[{"decisionsMade":"twenty"}]`)
	got, resp, err := api.ListCertifications(context.Background()).Execute()
	require.NotNil(t, resp)
	var de *certifications.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "decisionsMade", de.Path)
	assert.Contains(t, err.Error(), "decisionsMade")
	// As in v3, a list keeps what could be decoded next to the error.
	require.Len(t, got, 1)
	assert.Zero(t, got[0].GetDecisionsMade())

	api2, mt2 := newAPI(t)
	answerWith(t, mt2, 200, `{"status":7}`)
	task, _, err := api2.GetIdentityCertificationTaskStatus(context.Background(), "c", "t").Execute()
	require.ErrorAs(t, err, &de)
	assert.Nil(t, task, "a failed call returns no half-filled task")
}

// TestContextIsHonoured checks that a cancelled context ends the call.
func TestContextIsHonoured(t *testing.T) {
	api, mt := newAPI(t)
	answerWith(t, mt, 200, `[]`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := api.ListCertifications(ctx).Execute()
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
}
