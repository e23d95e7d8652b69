package test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/apigen"
	"github.com/iscgo/certifications/internal/optable"
)

// Bodies of the minimal valid write calls.
var (
	oneDecision = []certifications.ReviewDecision{{ID: "item-1", Decision: certifications.CertificationDecisionApprove, Bulk: true}}
	oneReassign = certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: "item-1", Type: certifications.ReassignReferenceTypeItem}},
		ReassignTo: "reviewer-2",
		Reason:     "on leave",
	}
	oneDecisionJSON = `[{"id":"item-1","decision":"APPROVE","bulk":true}]`
	oneReassignJSON = `{"reassign":[{"id":"item-1","type":"ITEM"}],"reassignTo":"reviewer-2","reason":"on leave"}`
)

// operation describes one v3 operation for the table tests. Its method
// and path come from the operation table the builders are generated from.
type operation struct {
	// id is the operationId; testdata/examples/<id>.json is its spec example.
	id string
	// body is the JSON the minimal call sends, "" for none.
	body string
	// has404 tells whether the spec lists a 404 response.
	has404 bool
	// call sends the operation with its required input only.
	call func(ctx context.Context, api *certifications.CertificationsApiService, id, item string) (any, *http.Response, error)
	// check asserts the key fields of the decoded spec example.
	check func(t *testing.T, v any)
}

// isNil reports whether a returned result is a nil pointer or slice.
func isNil(v any) bool {
	switch r := v.(type) {
	case *certifications.CertificationTask:
		return r == nil
	case *certifications.IdentityCertificationDto:
		return r == nil
	case []certifications.CertificationTask:
		return r == nil
	case []certifications.IdentityCertificationDto:
		return r == nil
	case []certifications.PermissionDto:
		return r == nil
	case []certifications.IdentityReferenceWithNameAndEmail:
		return r == nil
	case []certifications.AccessReviewItem:
		return r == nil
	}
	panic(fmt.Sprintf("isNil: unexpected type %T", v))
}

var operations = []operation{
	{
		id: "getCertificationTask", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.GetCertificationTask(ctx, id).Execute()
		},
		check: func(t *testing.T, v any) { checkExampleTask(t, v.(*certifications.CertificationTask)) },
	},
	{
		id: "getPendingCertificationTasks", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, _, _ string) (any, *http.Response, error) {
			return api.GetPendingCertificationTasks(ctx).Execute()
		},
		check: func(t *testing.T, v any) {
			tasks := v.([]certifications.CertificationTask)
			require.Len(t, tasks, 1)
			checkExampleTask(t, &tasks[0])
		},
	},
	{
		id: "getIdentityCertification", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.GetIdentityCertification(ctx, id).Execute()
		},
		check: func(t *testing.T, v any) { checkExampleCertification(t, v.(*certifications.IdentityCertificationDto)) },
	},
	{
		id: "getIdentityCertificationItemPermissions", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, item string) (any, *http.Response, error) {
			return api.GetIdentityCertificationItemPermissions(ctx, id, item).Execute()
		},
		check: func(t *testing.T, v any) {
			perms := v.([]certifications.PermissionDto)
			require.Len(t, perms, 1)
			assert.Equal(t, []string{"SELECT"}, perms[0].GetRights())
			assert.Equal(t, "SYS.GV_$TRANSACTION", perms[0].GetTarget())
		},
	},
	{
		id: "listCertificationReviewers", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.ListCertificationReviewers(ctx, id).Execute()
		},
		check: func(t *testing.T, v any) {
			reviewers := v.([]certifications.IdentityReferenceWithNameAndEmail)
			require.Len(t, reviewers, 1)
			assert.Equal(t, "IDENTITY", reviewers[0].GetType())
			assert.Equal(t, "5168015d32f890ca15812c9180835d2e", reviewers[0].GetID())
			assert.Equal(t, "Alison Ferguso", reviewers[0].GetName())
			assert.Equal(t, "alison.ferguso@identitysoon.com", reviewers[0].GetEmail())
		},
	},
	{
		id: "listIdentityAccessReviewItems", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.ListIdentityAccessReviewItems(ctx, id).Execute()
		},
		check: func(t *testing.T, v any) {
			items := v.([]certifications.AccessReviewItem)
			require.Len(t, items, 1)
			checkExampleReviewItem(t, &items[0])
		},
	},
	{
		// The only v3 operation whose spec lists no 404.
		id: "listIdentityCertifications", has404: false,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, _, _ string) (any, *http.Response, error) {
			return api.ListIdentityCertifications(ctx).Execute()
		},
		check: func(t *testing.T, v any) {
			certs := v.([]certifications.IdentityCertificationDto)
			require.Len(t, certs, 1)
			checkExampleCertification(t, &certs[0])
		},
	},
	{
		id: "makeIdentityDecision", has404: true, body: oneDecisionJSON,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.MakeIdentityDecision(ctx, id).ReviewDecision(oneDecision).Execute()
		},
		check: func(t *testing.T, v any) { checkExampleCertification(t, v.(*certifications.IdentityCertificationDto)) },
	},
	{
		id: "reassignIdentityCertifications", has404: true, body: oneReassignJSON,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.ReassignIdentityCertifications(ctx, id).ReviewReassign(oneReassign).Execute()
		},
		check: func(t *testing.T, v any) { checkExampleCertification(t, v.(*certifications.IdentityCertificationDto)) },
	},
	{
		id: "signOffIdentityCertification", has404: true,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.SignOffIdentityCertification(ctx, id).Execute()
		},
		check: func(t *testing.T, v any) { checkExampleCertification(t, v.(*certifications.IdentityCertificationDto)) },
	},
	{
		id: "submitReassignCertsAsync", has404: true, body: oneReassignJSON,
		call: func(ctx context.Context, api *certifications.CertificationsApiService, id, _ string) (any, *http.Response, error) {
			return api.SubmitReassignCertsAsync(ctx, id).ReviewReassign(oneReassign).Execute()
		},
		check: func(t *testing.T, v any) { checkExampleTask(t, v.(*certifications.CertificationTask)) },
	},
}

// TestOperationTableCoversEveryOperation guards the table: eleven distinct
// operations, each with a spec example on disk.
// method returns the operation's HTTP method, as declared.
func (op operation) method() string { return declared(op.id).Method }

// path returns the v3 wire path for already escaped path parameters (item
// fills a second parameter, the permissions operation's only).
func (op operation) path(id, item string) string {
	p := declared(op.id).Wire(apigen.V3)
	for _, v := range []string{id, item} {
		open, end := strings.IndexByte(p, '{'), strings.IndexByte(p, '}')
		if open < 0 || end < open {
			break
		}
		p = p[:open] + v + p[end+1:]
	}
	return p
}

// declared returns the CertificationsApi operation of the table.
func declared(id string) optable.Op {
	op, ok := optable.Find("CertificationsApi", id)
	if !ok {
		panic("no declared CertificationsApi operation " + id)
	}
	return op
}

func TestOperationTableCoversEveryOperation(t *testing.T) {
	seen := map[string]bool{}
	for _, op := range operations {
		assert.False(t, seen[op.id], "%s listed twice", op.id)
		seen[op.id] = true
		assert.NotEmpty(t, example(t, op.id))
	}
	for _, op := range optable.Of("CertificationsApi") {
		assert.True(t, seen[op.ID], "%s is declared but not in the table", op.ID)
	}
	assert.Len(t, seen, len(optable.Of("CertificationsApi")))
}

// TestOperationMethodPathAndHeaders sends every operation with path
// parameters that need escaping and checks method, escaped path, headers,
// body, and that no optional query parameter is sent when none is set.
func TestOperationMethodPathAndHeaders(t *testing.T) {
	ids := []struct {
		name, id, escaped string
	}{
		{"plain", "2c9180835d2e5168015d32f890ca1581", "2c9180835d2e5168015d32f890ca1581"},
		{"slash", "a/b", "a%2Fb"},
		{"space", "a b", "a%20b"},
		{"percent", "100%", "100%25"},
		{"unicode", "zertifikat-ü-✓", "zertifikat-%C3%BC-%E2%9C%93"},
		{"query and fragment characters", "a?b#c", "a%3Fb%23c"},
		{"everything", "a/b c%d é", "a%2Fb%20c%25d%20%C3%A9"},
	}
	for _, op := range operations {
		for _, tc := range ids {
			t.Run(op.id+"/"+tc.name, func(t *testing.T) {
				c, mt := newTestClient(t)
				srv := serve(t, mt, ok(example(t, op.id)))
				item, itemEscaped := "item "+tc.id, "item%20"+tc.escaped
				_, resp, err := op.call(context.Background(), c.CertificationsApi, tc.id, item)
				require.NoError(t, err)
				assert.Equal(t, http.StatusOK, resp.StatusCode)
				assertRequest(t, srv.only(t), want{Method: op.method(), Path: op.path(tc.escaped, itemEscaped), Body: op.body})
			})
		}
	}
}

// TestOperationDecodesSpecExample answers every operation with its spec
// example and checks the key fields of the decoded result.
func TestOperationDecodesSpecExample(t *testing.T) {
	for _, op := range operations {
		t.Run(op.id, func(t *testing.T) {
			c, mt := newTestClient(t)
			body := example(t, op.id)
			serve(t, mt, ok(body))
			v, resp, err := op.call(context.Background(), c.CertificationsApi, "cert-1", "item-1")
			require.NoError(t, err)
			op.check(t, v)
			assert.Equal(t, body, readBody(t, resp), "the response body stays readable")
		})
	}
}

// Error bodies from the spec: 403, 404 and 500 have named examples; 400
// uses the schema's property examples; 401 and 429 have their own shapes.
const (
	errTrackingID = "b21b1f7ce4da4d639f2c62a57171b427"
	body400       = `{"detailCode":"400.1 Bad Request Content","trackingId":"e7eab60924f64aa284175b9fa3309599",` +
		`"messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The request was syntactically correct but its content is semantically invalid."}],` +
		`"causes":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The request was syntactically correct but its content is semantically invalid."}]}`
	body401 = `{"error":"JWT validation failed: JWT is expired"}`
	body403 = `{"detailCode":"403 Forbidden","trackingId":"b21b1f7ce4da4d639f2c62a57171b427",` +
		`"messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The server understood the request but refuses to authorize it."}]}`
	body404 = `{"detailCode":"404 Not found","trackingId":"b21b1f7ce4da4d639f2c62a57171b427",` +
		`"messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The server did not find a current representation for the target resource."}]}`
	body429 = `{"message":" Rate Limit Exceeded "}`
	body500 = `{"detailCode":"500.0 Internal Fault","trackingId":"b21b1f7ce4da4d639f2c62a57171b427",` +
		`"messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"An internal fault occurred."}]}`
)

// errorCase is one error status of the spec and what the client makes of it.
type errorCase struct {
	status     int
	body       string
	retryAfter string
	// What the *APIError must hold.
	message    string
	detailCode string // "" when the body is not an ErrorResponseDto
	trackingID string
	attempts   int // 1 + retries
}

var errorCases = []errorCase{
	{status: 400, body: body400, message: "The request was syntactically correct but its content is semantically invalid.",
		detailCode: "400.1 Bad Request Content", trackingID: "e7eab60924f64aa284175b9fa3309599", attempts: 1},
	{status: 401, body: body401, message: "JWT validation failed: JWT is expired", attempts: 1},
	{status: 403, body: body403, message: "The server understood the request but refuses to authorize it.",
		detailCode: "403 Forbidden", trackingID: errTrackingID, attempts: 1},
	{status: 404, body: body404, message: "The server did not find a current representation for the target resource.",
		detailCode: "404 Not found", trackingID: errTrackingID, attempts: 1},
	// 429 is retried MaxRetries times, whatever the method.
	{status: 429, body: body429, retryAfter: "1", message: " Rate Limit Exceeded ", attempts: 1 + maxRetries},
	// 500 is never retried: not for POST (the server may have acted), and
	// the client treats it as final for GET too.
	{status: 500, body: body500, message: "An internal fault occurred.",
		detailCode: "500.0 Internal Fault", trackingID: errTrackingID, attempts: 1},
}

// TestOperationErrorStatuses answers every operation with every error
// status its spec lists, using the spec's error bodies, and checks the
// *APIError, the returned response and the number of attempts.
func TestOperationErrorStatuses(t *testing.T) {
	for _, op := range operations {
		for _, ec := range errorCases {
			if ec.status == http.StatusNotFound && !op.has404 {
				continue
			}
			t.Run(fmt.Sprintf("%s/%d", op.id, ec.status), func(t *testing.T) {
				c, mt := newTestClient(t)
				r := reply{status: ec.status, body: ec.body}
				if ec.retryAfter != "" {
					r = r.withHeader("Retry-After", ec.retryAfter)
				}
				srv := serve(t, mt, r)
				v, resp, err := op.call(context.Background(), c.CertificationsApi, "cert-1", "item-1")
				require.Error(t, err)
				assert.True(t, isNil(v), "no result with an error, got %#v", v)

				var ae *certifications.APIError
				require.True(t, errors.As(err, &ae), "want *APIError, got %T: %v", err, err)
				assert.Equal(t, ec.status, ae.StatusCode)
				assert.Equal(t, op.method(), ae.Method)
				assert.Equal(t, wirePath(op.path("cert-1", "item-1")), ae.Path)
				assert.Equal(t, ec.message, ae.Message)
				assert.Equal(t, ec.trackingID, ae.TrackingID)
				assert.Equal(t, ec.body, string(ae.Body))
				if ec.detailCode != "" {
					require.NotNil(t, ae.ErrorResponse, "ErrorResponseDto body")
					assert.Equal(t, ec.detailCode, ae.ErrorResponse.GetDetailCode())
					assert.Equal(t, ec.trackingID, ae.ErrorResponse.GetTrackingID())
					require.NotEmpty(t, ae.ErrorResponse.GetMessages())
					assert.Equal(t, "en-US", ae.ErrorResponse.GetMessages()[0].GetLocale())
					assert.Equal(t, certifications.LocaleOriginDefault, ae.ErrorResponse.GetMessages()[0].GetLocaleOrigin())
					assert.Contains(t, err.Error(), ec.detailCode)
				} else {
					assert.Nil(t, ae.ErrorResponse, "the %d body is not an ErrorResponseDto", ec.status)
				}
				if ec.retryAfter != "" {
					assert.Equal(t, time.Second, ae.RetryAfter)
				} else {
					assert.Zero(t, ae.RetryAfter)
				}
				assert.Equal(t, ec.attempts, ae.Attempts, "APIError.Attempts")
				assert.Len(t, srv.requests(), ec.attempts, "requests sent")
				assert.Equal(t, ec.status == http.StatusNotFound, certifications.IsNotFound(err))
				assert.Equal(t, ec.status == http.StatusTooManyRequests, certifications.IsRateLimited(err))

				require.NotNil(t, resp, "the last response is returned with the error")
				assert.Equal(t, ec.status, resp.StatusCode)
				assert.Equal(t, ec.body, readBody(t, resp))
			})
		}
	}
}

// TestOperationRetriedAfter429Succeeds checks that every operation, POSTs
// included, is sent again after a 429 and that a retried body is the same
// bytes.
func TestOperationRetriedAfter429Succeeds(t *testing.T) {
	for _, op := range operations {
		t.Run(op.id, func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serve(t, mt, reply{status: 429, body: body429}.withHeader("Retry-After", "0.001"), ok(example(t, op.id)))
			v, resp, err := op.call(context.Background(), c.CertificationsApi, "cert-1", "item-1")
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			op.check(t, v)
			reqs := srv.requests()
			require.Len(t, reqs, 2)
			for _, r := range reqs {
				assertRequest(t, r, want{Method: op.method(), Path: op.path("cert-1", "item-1"), Body: op.body})
			}
			assert.Equal(t, string(reqs[0].Body), string(reqs[1].Body), "the retry replays the body")
		})
	}
}

// TestOperation502RetriedOnlyForGet checks the method-dependent rule: a
// 502 is retried for GET only, as a POST may have reached the server.
func TestOperation502RetriedOnlyForGet(t *testing.T) {
	for _, op := range operations {
		t.Run(op.id, func(t *testing.T) {
			c, mt := newTestClient(t)
			srv := serve(t, mt, reply{status: 502, body: `bad gateway`})
			_, _, err := op.call(context.Background(), c.CertificationsApi, "cert-1", "item-1")
			var ae *certifications.APIError
			require.True(t, errors.As(err, &ae))
			want := 1
			if op.method() == http.MethodGet {
				want = 1 + maxRetries
			}
			assert.Len(t, srv.requests(), want)
			assert.Equal(t, want, ae.Attempts)
		})
	}
}

// TestOperation429RetriesFollowMaxRetries checks that a persistent 429 is
// sent 1 + MaxRetries times, for a GET and a POST alike.
func TestOperation429RetriesFollowMaxRetries(t *testing.T) {
	for _, retries := range []int{0, 1, 4} {
		for _, op := range []operation{opByID(t, "getIdentityCertification"), opByID(t, "makeIdentityDecision")} {
			t.Run(fmt.Sprintf("%s/MaxRetries=%d", op.id, retries), func(t *testing.T) {
				c, mt := newTestClient(t, func(cfg *certifications.Configuration) { cfg.MaxRetries = retries })
				srv := serve(t, mt, reply{status: 429, body: body429}.withHeader("Retry-After", "1"))
				_, resp, err := op.call(context.Background(), c.CertificationsApi, "cert-1", "item-1")
				var ae *certifications.APIError
				require.True(t, errors.As(err, &ae))
				assert.Equal(t, 1+retries, ae.Attempts)
				assert.Len(t, srv.requests(), 1+retries)
				assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
				if retries > 0 {
					assert.Contains(t, err.Error(), fmt.Sprintf("after %d attempts", 1+retries))
				}
			})
		}
	}
}

// opByID returns the operation with the given operationId.
func opByID(t *testing.T, id string) operation {
	t.Helper()
	for _, op := range operations {
		if op.id == id {
			return op
		}
	}
	t.Fatalf("no operation %s", id)
	return operation{}
}
