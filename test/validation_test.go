package test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// apiCall sends one request through api and returns its error.
type apiCall func(api *certifications.CertificationsApiService) error

// refused is a call the client must refuse before sending, naming param.
type refused struct {
	name  string
	param string
	call  apiCall
}

// runRefused runs each case on a fresh client and checks the
// *ValidationError and that nothing was sent.
func runRefused(t *testing.T, cases []refused, opts ...func(*certifications.Configuration)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newTestClient(t, opts...)
			err := tc.call(c.CertificationsApi)
			require.Error(t, err)
			requireValidation(t, mt, err, tc.param)
		})
	}
}

func decisions(n int) []certifications.ReviewDecision {
	ds := make([]certifications.ReviewDecision, n)
	for i := range ds {
		ds[i] = certifications.ReviewDecision{ID: fmt.Sprintf("item-%d", i), Decision: certifications.CertificationDecisionApprove}
	}
	return ds
}

func reassignOf(n int) certifications.ReviewReassign {
	refs := make([]certifications.ReassignReference, n)
	for i := range refs {
		refs[i] = certifications.ReassignReference{ID: fmt.Sprintf("item-%d", i), Type: certifications.ReassignReferenceTypeItem}
	}
	return certifications.ReviewReassign{Reassign: refs, ReassignTo: "reviewer-2", Reason: "rotation"}
}

// callsWithIDs returns a call per path parameter of every operation that
// has one, passing id (or item for itemId) in that parameter.
func callsWithIDs(id, item string) []refused {
	bg := context.Background()
	return []refused{
		{"getCertificationTask", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.GetCertificationTask(bg, id).Execute()
			return err
		}},
		{"getIdentityCertification", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.GetIdentityCertification(bg, id).Execute()
			return err
		}},
		{"getIdentityCertificationItemPermissions", "certificationId", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.GetIdentityCertificationItemPermissions(bg, id, "item-1").Execute()
			return err
		}},
		{"getIdentityCertificationItemPermissions item", "itemId", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.GetIdentityCertificationItemPermissions(bg, "cert-1", item).Execute()
			return err
		}},
		{"listCertificationReviewers", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.ListCertificationReviewers(bg, id).Execute()
			return err
		}},
		{"listIdentityAccessReviewItems", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.ListIdentityAccessReviewItems(bg, id).Execute()
			return err
		}},
		{"makeIdentityDecision", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.MakeIdentityDecision(bg, id).ReviewDecision(oneDecision).Execute()
			return err
		}},
		{"reassignIdentityCertifications", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.ReassignIdentityCertifications(bg, id).ReviewReassign(oneReassign).Execute()
			return err
		}},
		{"signOffIdentityCertification", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.SignOffIdentityCertification(bg, id).Execute()
			return err
		}},
		{"submitReassignCertsAsync", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.SubmitReassignCertsAsync(bg, id).ReviewReassign(oneReassign).Execute()
			return err
		}},
	}
}

// TestValidationEmptyPathParameters checks every path parameter of every
// operation: empty or blank is refused, so that no request goes to a path
// such as /v3/certifications//decide.
func TestValidationEmptyPathParameters(t *testing.T) {
	for _, id := range []string{"", " ", "\t\n"} {
		t.Run(fmt.Sprintf("%q", id), func(t *testing.T) {
			runRefused(t, callsWithIDs(id, id))
		})
	}
}

// TestValidationDotSegmentPathParameters checks that "." and ".." are
// refused: escaping leaves them as they are, and a server resolves
// /v3/certifications/../decide to /v3/decide.
func TestValidationDotSegmentPathParameters(t *testing.T) {
	for _, id := range []string{".", ".."} {
		t.Run(id, func(t *testing.T) {
			runRefused(t, callsWithIDs(id, id))
		})
	}
	// Dots inside an id are fine.
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`{"id":"..."}`))
	_, _, err := c.CertificationsApi.GetIdentityCertification(context.Background(), "...").Execute()
	require.NoError(t, err)
	assert.Equal(t, wirePath("/v3/certifications/..."), srv.only(t).URL.EscapedPath())
}

// TestValidationNilContext checks that a nil context is refused.
func TestValidationNilContext(t *testing.T) {
	var nilCtx context.Context
	for _, op := range operations {
		t.Run(op.id, func(t *testing.T) {
			c, mt := newTestClient(t)
			_, resp, err := op.call(nilCtx, c.CertificationsApi, "cert-1", "item-1")
			assert.Nil(t, resp)
			requireValidation(t, mt, err, "ctx")
		})
	}
}

// listOp sets paging and query options on one list operation.
type listOp struct {
	name string
	// send calls the operation with the options applied; unset (nil)
	// options are not set on the builder.
	send func(api *certifications.CertificationsApiService, o certifications.ListOptions) error
}

var listOps = []listOp{
	{"listIdentityCertifications", func(api *certifications.CertificationsApiService, o certifications.ListOptions) error {
		r := api.ListIdentityCertifications(context.Background())
		if o.Limit != nil {
			r = r.Limit(*o.Limit)
		}
		if o.Offset != nil {
			r = r.Offset(*o.Offset)
		}
		if o.Filters != nil {
			r = r.Filters(*o.Filters)
		}
		if o.Sorters != nil {
			r = r.Sorters(*o.Sorters)
		}
		_, _, err := r.Execute()
		return err
	}},
	{"getPendingCertificationTasks", func(api *certifications.CertificationsApiService, o certifications.ListOptions) error {
		r := api.GetPendingCertificationTasks(context.Background())
		if o.Limit != nil {
			r = r.Limit(*o.Limit)
		}
		if o.Offset != nil {
			r = r.Offset(*o.Offset)
		}
		if o.Filters != nil {
			r = r.Filters(*o.Filters)
		}
		if o.Sorters != nil {
			panic("getPendingCertificationTasks takes no sorters")
		}
		_, _, err := r.Execute()
		return err
	}},
	{"getIdentityCertificationItemPermissions", func(api *certifications.CertificationsApiService, o certifications.ListOptions) error {
		r := api.GetIdentityCertificationItemPermissions(context.Background(), "cert-1", "item-1")
		if o.Limit != nil {
			r = r.Limit(*o.Limit)
		}
		if o.Offset != nil {
			r = r.Offset(*o.Offset)
		}
		if o.Filters != nil {
			r = r.Filters(*o.Filters)
		}
		if o.Sorters != nil {
			panic("getIdentityCertificationItemPermissions takes no sorters")
		}
		_, _, err := r.Execute()
		return err
	}},
	{"listCertificationReviewers", func(api *certifications.CertificationsApiService, o certifications.ListOptions) error {
		r := api.ListCertificationReviewers(context.Background(), "cert-1")
		if o.Limit != nil {
			r = r.Limit(*o.Limit)
		}
		if o.Offset != nil {
			r = r.Offset(*o.Offset)
		}
		if o.Filters != nil {
			r = r.Filters(*o.Filters)
		}
		if o.Sorters != nil {
			r = r.Sorters(*o.Sorters)
		}
		_, _, err := r.Execute()
		return err
	}},
	{"listIdentityAccessReviewItems", func(api *certifications.CertificationsApiService, o certifications.ListOptions) error {
		r := api.ListIdentityAccessReviewItems(context.Background(), "cert-1")
		if o.Limit != nil {
			r = r.Limit(*o.Limit)
		}
		if o.Offset != nil {
			r = r.Offset(*o.Offset)
		}
		if o.Filters != nil {
			r = r.Filters(*o.Filters)
		}
		if o.Sorters != nil {
			r = r.Sorters(*o.Sorters)
		}
		_, _, err := r.Execute()
		return err
	}},
}

func listOpNamed(t *testing.T, name string) listOp {
	for _, op := range listOps {
		if op.name == name {
			return op
		}
	}
	t.Fatalf("no list operation %s", name)
	return listOp{}
}

// TestValidationLimitAndOffset checks the documented ranges: limit 0 to
// 250, offset 0 or more. The bounds themselves are sent.
func TestValidationLimitAndOffset(t *testing.T) {
	for _, op := range listOps {
		t.Run(op.name, func(t *testing.T) {
			var cases []refused
			for _, n := range []int32{-1, 251, math.MinInt32, math.MaxInt32} {
				cases = append(cases, refused{fmt.Sprintf("limit %d", n), "limit", func(api *certifications.CertificationsApiService) error {
					return op.send(api, certifications.ListOptions{Limit: certifications.Ptr(n)})
				}})
			}
			for _, n := range []int32{-1, math.MinInt32} {
				cases = append(cases, refused{fmt.Sprintf("offset %d", n), "offset", func(api *certifications.CertificationsApiService) error {
					return op.send(api, certifications.ListOptions{Offset: certifications.Ptr(n)})
				}})
			}
			runRefused(t, cases)

			for _, tc := range []struct {
				limit, offset int32
			}{{0, 0}, {250, math.MaxInt32}, {1, 1}} {
				t.Run(fmt.Sprintf("accepted limit %d offset %d", tc.limit, tc.offset), func(t *testing.T) {
					c, mt := newTestClient(t)
					srv := serve(t, mt, ok(`[]`))
					require.NoError(t, op.send(c.CertificationsApi, certifications.ListOptions{Limit: &tc.limit, Offset: &tc.offset}))
					got := srv.only(t).URL.Query()
					assert.Equal(t, fmt.Sprint(tc.limit), got.Get("limit"))
					assert.Equal(t, fmt.Sprint(tc.offset), got.Get("offset"))
				})
			}
		})
	}
}

// TestValidationFilters checks, per list operation, that filters with a
// syntax error, an unknown field or an operator the field does not
// support are refused.
func TestValidationFilters(t *testing.T) {
	tests := []struct {
		op                                   string
		valid, syntax, unknownField, wrongOp string
	}{
		{"listIdentityCertifications", `phase eq "ACTIVE"`, `phase EQ "ACTIVE"`, `name eq "Q3"`, `phase ne "ACTIVE"`},
		{"getPendingCertificationTasks", `type in ("REASSIGN")`, `type in ("REASSIGN"`, `status eq "QUEUED"`, `type sw "RE"`},
		{"getIdentityCertificationItemPermissions", `target eq "SYS.OBJAUTH2"`, `target eq`, `name eq "x"`, `target co "SYS"`},
		{"listCertificationReviewers", `name sw "Al"`, `name sw "Al" and`, `phase eq "ACTIVE"`, `name co "ann"`},
		{"listIdentityAccessReviewItems", `completed eq false`, `(completed eq false`, `decision eq "APPROVE"`, `access.type in ("ROLE")`},
	}
	for _, tt := range tests {
		op := listOpNamed(t, tt.op)
		with := func(f string) apiCall {
			return func(api *certifications.CertificationsApiService) error {
				return op.send(api, certifications.ListOptions{Filters: &f})
			}
		}
		t.Run(tt.op, func(t *testing.T) {
			runRefused(t, []refused{
				{"syntax error", "filters", with(tt.syntax)},
				{"unknown field", "filters", with(tt.unknownField)},
				{"wrong operator", "filters", with(tt.wrongOp)},
				{"empty", "filters", with("")},
			})

			t.Run("syntax error is a FilterSyntaxError", func(t *testing.T) {
				c, mt := newTestClient(t)
				err := with(tt.syntax)(c.CertificationsApi)
				var se *certifications.FilterSyntaxError
				require.True(t, errors.As(err, &se), "got %T: %v", err, err)
				assert.Equal(t, tt.syntax, se.Input)
				assert.Equal(t, 0, mt.GetTotalCallCount())
			})

			t.Run("valid filter is sent", func(t *testing.T) {
				c, mt := newTestClient(t)
				srv := serve(t, mt, ok(`[]`))
				require.NoError(t, with(tt.valid)(c.CertificationsApi))
				assert.Equal(t, tt.valid, srv.only(t).URL.Query().Get("filters"))
			})

			// SkipFilterValidation lets fields and operators through, but a
			// filter that does not parse is still refused.
			skip := func(cfg *certifications.Configuration) { cfg.SkipFilterValidation = true }
			for _, f := range []string{tt.unknownField, tt.wrongOp} {
				t.Run("skip validation sends "+f, func(t *testing.T) {
					c, mt := newTestClient(t, skip)
					srv := serve(t, mt, ok(`[]`))
					require.NoError(t, with(f)(c.CertificationsApi))
					assert.Equal(t, f, srv.only(t).URL.Query().Get("filters"))
				})
			}
			runRefused(t, []refused{{"skip validation still refuses bad syntax", "filters", with(tt.syntax)}}, skip)
		})
	}
}

// TestValidationPermissionsFilterShape checks the extra rule of the item
// permissions endpoint: one and/or, joining a target and a rights clause.
func TestValidationPermissionsFilterShape(t *testing.T) {
	op := listOpNamed(t, "getIdentityCertificationItemPermissions")
	with := func(f string) apiCall {
		return func(api *certifications.CertificationsApiService) error {
			return op.send(api, certifications.ListOptions{Filters: &f})
		}
	}
	runRefused(t, []refused{
		{"same field twice", "filters", with(`rights ca ("READ") and rights ca ("UPDATE")`)},
		{"two connectives", "filters", with(`target eq "A" and rights ca ("READ") or target sw "B"`)},
		{"not", "filters", with(`not target eq "A"`)},
	})
	c, mt := newTestClient(t)
	srv := serve(t, mt, ok(`[]`))
	require.NoError(t, with(`rights ca ("CREATE") and target eq "SYS.OBJAUTH2"`)(c.CertificationsApi))
	assert.Len(t, srv.requests(), 1)
}

// TestValidationSorters checks that sorters name only sortable fields and
// are well formed, and that SkipFilterValidation lets unknown fields
// through.
func TestValidationSorters(t *testing.T) {
	tests := []struct {
		op, valid, unknown string
	}{
		{"listIdentityCertifications", "-due,name", "created"},
		{"listCertificationReviewers", "email", "id"},
		{"listIdentityAccessReviewItems", "-access.type", "decision"},
	}
	for _, tt := range tests {
		op := listOpNamed(t, tt.op)
		with := func(s string) apiCall {
			return func(api *certifications.CertificationsApiService) error {
				return op.send(api, certifications.ListOptions{Sorters: &s})
			}
		}
		t.Run(tt.op, func(t *testing.T) {
			runRefused(t, []refused{
				{"unknown field", "sorters", with(tt.unknown)},
				{"unknown field after a valid one", "sorters", with(tt.valid + "," + tt.unknown)},
				{"plus prefix", "sorters", with("+" + tt.unknown)},
				{"empty", "sorters", with("")},
			})
			skip := func(cfg *certifications.Configuration) { cfg.SkipFilterValidation = true }
			runRefused(t, []refused{{"skip validation still refuses bad syntax", "sorters", with(tt.valid + ",,")}}, skip)

			c, mt := newTestClient(t, skip)
			srv := serve(t, mt, ok(`[]`))
			require.NoError(t, with(tt.unknown)(c.CertificationsApi))
			assert.Equal(t, tt.unknown, srv.only(t).URL.Query().Get("sorters"))
		})
	}
}

// TestValidationDecide checks the decide body rules: 1 to 250 decisions,
// each with an id and a decision.
func TestValidationDecide(t *testing.T) {
	decide := func(ds []certifications.ReviewDecision) apiCall {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := api.MakeIdentityDecision(context.Background(), "cert-1").ReviewDecision(ds).Execute()
			return err
		}
	}
	noID := decisions(3)
	noID[1].ID = ""
	blankID := decisions(2)
	blankID[0].ID = "  "
	noDecision := decisions(2)
	noDecision[0].Decision = ""
	runRefused(t, []refused{
		{"body never set", "reviewDecision", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.MakeIdentityDecision(context.Background(), "cert-1").Execute()
			return err
		}},
		{"no decisions", "reviewDecision", decide([]certifications.ReviewDecision{})},
		{"nil decisions", "reviewDecision", decide(nil)},
		{"251 decisions", "reviewDecision", decide(decisions(251))},
		{"decision without id", "reviewDecision[1].id", decide(noID)},
		{"decision with a blank id", "reviewDecision[0].id", decide(blankID)},
		{"decision without decision", "reviewDecision[0].decision", decide(noDecision)},
		{"empty id checked before the body", "id", func(api *certifications.CertificationsApiService) error {
			_, _, err := api.MakeIdentityDecision(context.Background(), "").Execute()
			return err
		}},
	})

	t.Run("250 decisions are sent", func(t *testing.T) {
		c, mt := newTestClient(t)
		srv := serve(t, mt, ok(`{"id":"cert-1"}`))
		require.NoError(t, decide(decisions(250))(c.CertificationsApi))
		var sent []map[string]any
		require.NoError(t, json.Unmarshal(srv.only(t).Body, &sent))
		assert.Len(t, sent, 250)
	})
}

// TestValidationReassign checks the reassign body rules for both reassign
// operations: reassignTo, reason and at least one reference, each with an
// id and a type; at most 50 references synchronously, 500 asynchronously.
func TestValidationReassign(t *testing.T) {
	sync := func(b certifications.ReviewReassign) apiCall {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := api.ReassignIdentityCertifications(context.Background(), "cert-1").ReviewReassign(b).Execute()
			return err
		}
	}
	async := func(b certifications.ReviewReassign) apiCall {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := api.SubmitReassignCertsAsync(context.Background(), "cert-1").ReviewReassign(b).Execute()
			return err
		}
	}
	noTo := reassignOf(1)
	noTo.ReassignTo = ""
	blankReason := reassignOf(1)
	blankReason.Reason = " "
	noReason := reassignOf(1)
	noReason.Reason = ""
	noItems := reassignOf(0)
	nilItems := reassignOf(1)
	nilItems.Reassign = nil
	refNoID := reassignOf(3)
	refNoID.Reassign[2].ID = ""
	refNoType := reassignOf(2)
	refNoType.Reassign[0].Type = ""

	for _, v := range []struct {
		name string
		send func(certifications.ReviewReassign) apiCall
		max  int
	}{{"reassignIdentityCertifications", sync, 50}, {"submitReassignCertsAsync", async, 500}} {
		t.Run(v.name, func(t *testing.T) {
			runRefused(t, []refused{
				{"without reassignTo", "reviewReassign.reassignTo", v.send(noTo)},
				{"without reason", "reviewReassign.reason", v.send(noReason)},
				{"with a blank reason", "reviewReassign.reason", v.send(blankReason)},
				{"without items", "reviewReassign.reassign", v.send(noItems)},
				{"with nil items", "reviewReassign.reassign", v.send(nilItems)},
				{fmt.Sprintf("%d items", v.max+1), "reviewReassign.reassign", v.send(reassignOf(v.max + 1))},
				{"reference without id", "reviewReassign.reassign[2].id", v.send(refNoID)},
				{"reference without type", "reviewReassign.reassign[0].type", v.send(refNoType)},
				{"body never set", "reviewReassign", func(api *certifications.CertificationsApiService) error {
					var err error
					if v.max == 50 {
						_, _, err = api.ReassignIdentityCertifications(context.Background(), "cert-1").Execute()
					} else {
						_, _, err = api.SubmitReassignCertsAsync(context.Background(), "cert-1").Execute()
					}
					return err
				}},
			})

			t.Run(fmt.Sprintf("exactly %d items are sent", v.max), func(t *testing.T) {
				c, mt := newTestClient(t)
				srv := serve(t, mt, ok(`{"id":"x"}`))
				require.NoError(t, v.send(reassignOf(v.max))(c.CertificationsApi))
				var sent struct {
					Reassign []map[string]any `json:"reassign"`
				}
				require.NoError(t, json.Unmarshal(srv.only(t).Body, &sent))
				assert.Len(t, sent.Reassign, v.max)
			})
		})
	}

	t.Run("async takes more than the synchronous limit", func(t *testing.T) {
		c, mt := newTestClient(t)
		srv := serve(t, mt, ok(`{"id":"task-1"}`))
		require.NoError(t, async(reassignOf(51))(c.CertificationsApi))
		assert.Len(t, srv.requests(), 1)
	})
}

// TestValidationReviewItemsOneAccessKind checks that at most one of
// Entitlements, AccessProfiles and Roles may be set.
func TestValidationReviewItemsOneAccessKind(t *testing.T) {
	type R = certifications.ApiListIdentityAccessReviewItemsRequest
	with := func(f func(R) R) apiCall {
		return func(api *certifications.CertificationsApiService) error {
			_, _, err := f(api.ListIdentityAccessReviewItems(context.Background(), "cert-1")).Execute()
			return err
		}
	}
	const param = "entitlements, access-profiles, roles"
	runRefused(t, []refused{
		{"entitlements and access-profiles", param, with(func(r R) R { return r.Entitlements("e1").AccessProfiles("ap1") })},
		{"entitlements and roles", param, with(func(r R) R { return r.Entitlements("e1").Roles("r1") })},
		{"access-profiles and roles", param, with(func(r R) R { return r.AccessProfiles("ap1").Roles("r1") })},
		{"all three", param, with(func(r R) R { return r.Roles("r1").AccessProfiles("ap1").Entitlements("e1") })},
		{"set to empty strings still counts", param, with(func(r R) R { return r.Entitlements("").Roles("") })},
	})
}

// TestValidationErrorMessageSaysWhatToDo checks that a validation error
// names the parameter, the problem and what is allowed in one line.
func TestValidationErrorMessageSaysWhatToDo(t *testing.T) {
	c, mt := newTestClient(t)
	_, _, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).Limit(500).Execute()
	ve := requireValidation(t, mt, err, "limit")
	assert.Equal(t, "0 to 250", ve.Allowed)
	assert.Equal(t, "certifications: invalid limit: 500 is out of range; allowed: 0 to 250", err.Error())
	var ae *certifications.APIError
	assert.False(t, errors.As(err, &ae), "a refused call is not an APIError")
}
