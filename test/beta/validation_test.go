package beta_test

import (
	"context"
	"github.com/iscgo/certifications/internal/query"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
)

type betaCall func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error)

func permissions(id, item string, set func(beta.ApiGetIdentityCertificationItemPermissionsRequest) beta.ApiGetIdentityCertificationItemPermissionsRequest) betaCall {
	return func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error) {
		return set(api.GetIdentityCertificationItemPermissions(ctx, id, item)).Execute()
	}
}

func reviewers(id string, set func(beta.ApiListCertificationReviewersRequest) beta.ApiListCertificationReviewersRequest) betaCall {
	return func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error) {
		return set(api.ListCertificationReviewers(ctx, id)).Execute()
	}
}

func certs(set func(beta.ApiListCertificationsRequest) beta.ApiListCertificationsRequest) betaCall {
	return func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error) {
		return set(api.ListCertifications(ctx)).Execute()
	}
}

func reassign(id string, body *beta.ReviewReassign) betaCall {
	return func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error) {
		r := api.SubmitReassignCertsAsync(ctx, id)
		if body != nil {
			r = r.ReviewReassign(*body)
		}
		return r.Execute()
	}
}

func pendingTasks(id string) betaCall {
	return func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error) {
		return api.GetIdentityCertificationPendingTasks(ctx, id).Execute()
	}
}

func taskStatus(id, task string) betaCall {
	return func(ctx context.Context, api *beta.CertificationsApiService) (any, *http.Response, error) {
		return api.GetIdentityCertificationTaskStatus(ctx, id, task).Execute()
	}
}

type permReq = beta.ApiGetIdentityCertificationItemPermissionsRequest
type revReq = beta.ApiListCertificationReviewersRequest
type certReq = beta.ApiListCertificationsRequest

func reassignWith(change func(*beta.ReviewReassign)) *beta.ReviewReassign {
	b := validReassign()
	change(&b)
	return &b
}

func refs(n int) []beta.ReassignReference {
	out := make([]beta.ReassignReference, n)
	for i := range out {
		out[i] = beta.ReassignReference{ID: "item", Type: certifications.ReassignReferenceTypeItem}
	}
	return out
}

// TestValidationRejectsBeforeSending runs every client-side rule: each case
// must fail with a *ValidationError naming the parameter, return no result
// and no response, and send nothing.
func TestValidationRejectsBeforeSending(t *testing.T) {
	tests := []struct {
		name  string
		call  betaCall
		param string
	}{
		// Path parameters.
		{"permissions: empty certificationId", permissions("", "i", func(r permReq) permReq { return r }), "certificationId"},
		{"permissions: blank certificationId", permissions("  ", "i", func(r permReq) permReq { return r }), "certificationId"},
		{"permissions: empty itemId", permissions("c", "", func(r permReq) permReq { return r }), "itemId"},
		{"pending tasks: empty id", pendingTasks(""), "id"},
		{"pending tasks: blank id", pendingTasks("\t"), "id"},
		{"task status: empty id", taskStatus("", "t"), "id"},
		{"task status: empty taskId", taskStatus("c", ""), "taskId"},
		{"reviewers: empty id", reviewers("", func(r revReq) revReq { return r }), "id"},
		{"reassign: empty id", reassign("", reassignWith(func(*beta.ReviewReassign) {})), "id"},

		// Paging.
		{"permissions: limit -1", permissions("c", "i", func(r permReq) permReq { return r.Limit(-1) }), "limit"},
		{"permissions: limit 251", permissions("c", "i", func(r permReq) permReq { return r.Limit(251) }), "limit"},
		{"permissions: offset -1", permissions("c", "i", func(r permReq) permReq { return r.Offset(-1) }), "offset"},
		{"reviewers: limit -1", reviewers("c", func(r revReq) revReq { return r.Limit(-1) }), "limit"},
		{"reviewers: limit 251", reviewers("c", func(r revReq) revReq { return r.Limit(251) }), "limit"},
		{"reviewers: offset -1", reviewers("c", func(r revReq) revReq { return r.Offset(-1) }), "offset"},
		{"certifications: limit -1", certs(func(r certReq) certReq { return r.Limit(-1) }), "limit"},
		{"certifications: limit 251", certs(func(r certReq) certReq { return r.Limit(251) }), "limit"},
		{"certifications: offset -1", certs(func(r certReq) certReq { return r.Offset(-1) }), "offset"},

		// Filters and sorters against the beta field lists.
		{"permissions: unknown filter field", permissions("c", "i", func(r permReq) permReq { return r.Filters(`name eq "x"`) }), "filters"},
		{"permissions: target co not allowed", permissions("c", "i", func(r permReq) permReq { return r.Filters(`target co "SYS"`) }), "filters"},
		{"permissions: rights eq not allowed", permissions("c", "i", func(r permReq) permReq { return r.Filters(`rights eq "SELECT"`) }), "filters"},
		{"permissions: and between two rights clauses", permissions("c", "i", func(r permReq) permReq {
			return r.Filters(`rights ca ("CREATE") and rights ca ("SELECT")`)
		}), "filters"},
		{"permissions: two connectives", permissions("c", "i", func(r permReq) permReq {
			return r.Filters(`target eq "A" and rights ca ("X") or target eq "B"`)
		}), "filters"},
		{"permissions: not", permissions("c", "i", func(r permReq) permReq { return r.Filters(`not target eq "A"`) }), "filters"},
		{"permissions: syntax error", permissions("c", "i", func(r permReq) permReq { return r.Filters(`target eq`) }), "filters"},
		{"reviewers: name co not allowed", reviewers("c", func(r revReq) revReq { return r.Filters(`name co "ann"`) }), "filters"},
		{"reviewers: unknown filter field", reviewers("c", func(r revReq) revReq { return r.Filters(`type eq "IDENTITY"`) }), "filters"},
		{"reviewers: unsortable field", reviewers("c", func(r revReq) revReq { return r.Sorters("id") }), "sorters"},
		{"reviewers: malformed sorters", reviewers("c", func(r revReq) revReq { return r.Sorters("name,,email") }), "sorters"},
		{"certifications: v3 field campaign.id", certs(func(r certReq) certReq { return r.Filters(`campaign.id eq "c1"`) }), "filters"},
		{"certifications: phase in not allowed", certs(func(r certReq) certReq { return r.Filters(`phase in ("ACTIVE","SIGNED")`) }), "filters"},
		{"certifications: completed gt not allowed", certs(func(r certReq) certReq { return r.Filters(`completed gt false`) }), "filters"},
		{"certifications: upper-case operator", certs(func(r certReq) certReq { return r.Filters(`phase EQ "ACTIVE"`) }), "filters"},
		{"certifications: unsortable field", certs(func(r certReq) certReq { return r.Sorters("created") }), "sorters"},
		{"certifications: + prefix", certs(func(r certReq) certReq { return r.Sorters("+due") }), "sorters"},

		// The reassign body.
		{"reassign: body not set", reassign("c", nil), "reviewReassign"},
		{"reassign: empty reassignTo", reassign("c", reassignWith(func(b *beta.ReviewReassign) { b.ReassignTo = "" })), "reviewReassign.reassignTo"},
		{"reassign: empty reason", reassign("c", reassignWith(func(b *beta.ReviewReassign) { b.Reason = " " })), "reviewReassign.reason"},
		{"reassign: no items", reassign("c", reassignWith(func(b *beta.ReviewReassign) { b.Reassign = nil })), "reviewReassign.reassign"},
		{"reassign: 501 items", reassign("c", reassignWith(func(b *beta.ReviewReassign) { b.Reassign = refs(certifications.MaxReassignAsync + 1) })), "reviewReassign.reassign"},
		{"reassign: item without id", reassign("c", reassignWith(func(b *beta.ReviewReassign) { b.Reassign[0].ID = "" })), "reviewReassign.reassign[0].id"},
		{"reassign: item without type", reassign("c", reassignWith(func(b *beta.ReviewReassign) { b.Reassign[0].Type = "" })), "reviewReassign.reassign[0].type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api, mt := newAPI(t)
			answerWith(t, mt, 200, `[]`)
			got, resp, err := tc.call(context.Background(), api)
			var ve *certifications.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.param, ve.Parameter)
			assert.Nil(t, resp)
			assert.True(t, isNil(got), "no result on a validation error, got %#v", got)
			assert.Equal(t, 0, mt.GetTotalCallCount(), "nothing may be sent")
		})
	}
}

// TestValidationAcceptsBoundaries checks the edges of each rule are sent.
func TestValidationAcceptsBoundaries(t *testing.T) {
	max := validReassign()
	max.Reassign = refs(certifications.MaxReassignAsync)
	tests := []struct {
		name string
		call betaCall
	}{
		{"permissions: limit 0, offset 0", permissions("c", "i", func(r permReq) permReq { return r.Limit(0).Offset(0) })},
		{"permissions: limit 250", permissions("c", "i", func(r permReq) permReq { return r.Limit(250) })},
		{"permissions: target and rights joined by or", permissions("c", "i", func(r permReq) permReq {
			return r.Filters(`target eq "SYS.OBJAUTH2" or rights ca ("CREATE")`)
		})},
		{"reviewers: every field and sorter", reviewers("c", func(r revReq) revReq {
			return r.Filters(`id in ("a","b") or name eq "Pat \"PJ\" Lee" or email sw "ops."`).Sorters("-name,email")
		})},
		{"certifications: every field and sorter", certs(func(r certReq) certReq {
			return r.Filters(`id eq "x" and phase eq "ACTIVE" and completed ne true and campaignRef.campaignType in ("MANAGER") and campaignRef.id eq "c1"`).
				Sorters("name,-due,signed").Limit(250)
		})},
		{"reassign: 500 items", reassign("c", &max)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api, mt := newAPI(t)
			answer(t, mt, func(r recorded) (int, http.Header, string) {
				if r.Method == http.MethodPost {
					return 200, nil, `{}`
				}
				return 200, nil, `[]`
			})
			_, _, err := tc.call(context.Background(), api)
			require.NoError(t, err)
			assert.Equal(t, 1, mt.GetTotalCallCount())
		})
	}
}

// TestSkipFilterValidation checks that the client's SkipFilterValidation
// lets unknown filter and sorter fields through to the server, while syntax
// and paging are still checked.
func TestSkipFilterValidation(t *testing.T) {
	skip := func(cfg *certifications.Configuration) { cfg.SkipFilterValidation = true }

	t.Run("unknown fields are sent", func(t *testing.T) {
		api, mt := newAPI(t, skip)
		rec := answerWith(t, mt, 200, `[]`)
		_, _, err := api.ListCertifications(context.Background()).Filters(`campaign.id eq "c1"`).Sorters("created").Execute()
		require.NoError(t, err)
		r := rec.only(t)
		assert.Equal(t, `campaign.id eq "c1"`, r.Query.Get("filters"))
		assert.Equal(t, "created", r.Query.Get("sorters"))
	})
	t.Run("the permissions composite rule is a field rule and is skipped too", func(t *testing.T) {
		api, mt := newAPI(t, skip)
		answerWith(t, mt, 200, `[]`)
		_, _, err := api.GetIdentityCertificationItemPermissions(context.Background(), "c", "i").Filters(`rights ca ("A") and rights ca ("B")`).Execute()
		require.NoError(t, err)
		assert.Equal(t, 1, mt.GetTotalCallCount())
	})
	rejected := map[string]betaCall{
		"filter syntax":  certs(func(r certReq) certReq { return r.Filters(`phase eq`) }),
		"sorter syntax":  reviewers("c", func(r revReq) revReq { return r.Sorters("name,") }),
		"limit too high": certs(func(r certReq) certReq { return r.Limit(251) }),
	}
	for name, call := range rejected {
		t.Run(name+" is still checked", func(t *testing.T) {
			api, mt := newAPI(t, skip)
			answerWith(t, mt, 200, `[]`)
			_, _, err := call(context.Background(), api)
			var ve *certifications.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, 0, mt.GetTotalCallCount())
		})
	}
}

// TestRulesMatchTheBetaSpec pins the beta rule tables to the parameter
// descriptions of the beta spec.
func TestRulesMatchTheBetaSpec(t *testing.T) {
	rules := func(name string) *query.Rules {
		r := query.For("beta.CertificationsApi", name)
		require.NotNil(t, r, name)
		return r
	}
	ops := func(o ...string) []string { return o }

	assert.Equal(t, "listCertifications", rules("ListCertifications").Operation)
	assert.Equal(t, map[string][]string{
		"id": ops("eq", "in"), "phase": ops("eq"), "completed": ops("eq", "ne"),
		"campaignRef.campaignType": ops("eq", "in"), "campaignRef.id": ops("eq", "in"),
	}, rules("ListCertifications").Filters)
	assert.Equal(t, []string{"name", "due", "signed"}, rules("ListCertifications").Sorters)

	assert.Equal(t, "listCertificationReviewers", rules("ListCertificationReviewers").Operation)
	assert.Equal(t, map[string][]string{
		"id": ops("eq", "in"), "name": ops("eq", "sw"), "email": ops("eq", "sw"),
	}, rules("ListCertificationReviewers").Filters)
	assert.Equal(t, []string{"name", "email"}, rules("ListCertificationReviewers").Sorters)

	assert.Equal(t, "getIdentityCertificationItemPermissions", rules("GetIdentityCertificationItemPermissions").Operation)
	assert.Equal(t, map[string][]string{
		"target": ops("eq", "sw"), "rights": ops("ca"),
	}, rules("GetIdentityCertificationItemPermissions").Filters)
	assert.Empty(t, rules("GetIdentityCertificationItemPermissions").Sorters)
	assert.Equal(t, query.TargetRightsPair, rules("GetIdentityCertificationItemPermissions").Check)
}
