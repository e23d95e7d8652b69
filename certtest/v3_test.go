package certtest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

func TestListAndGetCertifications(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi

	all, resp, err := api.ListIdentityCertifications(ctx(t)).Count(true).Execute()
	require.NoError(t, err)
	def := certtest.DefaultSizes()
	assert.Len(t, all, def.Reviewers*def.CertificationsPerReviewer)
	total, ok := certifications.TotalCount(resp)
	require.True(t, ok)
	assert.EqualValues(t, len(all), total)

	mine := myCerts(t, c)
	assert.Len(t, mine, def.CertificationsPerReviewer)
	for _, cert := range mine {
		assert.Equal(t, srv.MeID(), cert.GetReviewer().GetID())
		assert.Equal(t, certifications.CertificationPhaseActive, cert.GetPhase())
		assert.EqualValues(t, def.IdentitiesPerCertification*def.ItemsPerIdentity, cert.GetDecisionsTotal())
		assert.EqualValues(t, def.IdentitiesPerCertification, cert.GetIdentitiesTotal())
		assert.Zero(t, cert.GetDecisionsMade())
		assert.False(t, cert.GetCompleted())
		assert.True(t, cert.GetDue().After(srv.ReferenceTime()))
		assert.True(t, cert.GetCreated().Before(srv.ReferenceTime()))
		assert.Nil(t, cert.Signed)

		got, _, err := api.GetIdentityCertification(ctx(t), cert.GetID()).Execute()
		require.NoError(t, err)
		assert.Equal(t, cert, *got)
	}

	// reviewer-identity with another reviewer's id.
	other := srv.Reviewers()[1]
	theirs, _, err := api.ListIdentityCertifications(ctx(t)).ReviewerIdentity(other.GetID()).Execute()
	require.NoError(t, err)
	require.Len(t, theirs, def.CertificationsPerReviewer)
	for _, cert := range theirs {
		assert.Equal(t, other.GetID(), cert.GetReviewer().GetID())
	}
	none, _, err := api.ListIdentityCertifications(ctx(t)).ReviewerIdentity("nobody").Execute()
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestNotFound(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := myCerts(t, c)[0]
	item := allItems(t, c, cert.GetID())[0]

	for name, call := range map[string]func() error{
		"get certification": func() error { _, _, err := api.GetIdentityCertification(ctx(t), "nope").Execute(); return err },
		"items":             func() error { _, _, err := api.ListIdentityAccessReviewItems(ctx(t), "nope").Execute(); return err },
		"reviewers":         func() error { _, _, err := api.ListCertificationReviewers(ctx(t), "nope").Execute(); return err },
		"task":              func() error { _, _, err := api.GetCertificationTask(ctx(t), "nope").Execute(); return err },
		"sign-off":          func() error { _, _, err := api.SignOffIdentityCertification(ctx(t), "nope").Execute(); return err },
		"permissions of unknown item": func() error {
			_, _, err := api.GetIdentityCertificationItemPermissions(ctx(t), cert.GetID(), "0123456789abcdef0123456789abcdef").Execute()
			return err
		},
		"permissions of an item of another certification": func() error {
			second := myCerts(t, c)[1]
			_, _, err := api.GetIdentityCertificationItemPermissions(ctx(t), second.GetID(), item.GetID()).Execute()
			return err
		},
		"decide": func() error {
			_, _, err := api.MakeIdentityDecision(ctx(t), "nope").ReviewDecision(decisions([]certifications.AccessReviewItem{item}, "APPROVE", "")).Execute()
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			ae := apiError(t, call(), http.StatusNotFound)
			errorDto(t, ae.Body, "404 Not found")
			assert.True(t, certifications.IsNotFound(ae))
		})
	}

	resp, body := raw(t, srv, http.MethodGet, "/v3/no-such-thing", nil, "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	errorDto(t, body, "404 Not found")
}

func TestAccessReviewItems(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	cert := myCerts(t, c)[0]
	items := allItems(t, c, cert.GetID())
	require.Len(t, items, int(cert.GetDecisionsTotal()))

	types := map[certifications.DtoType]int{}
	ids := map[string]bool{}
	identities := map[string]int{}
	for _, it := range items {
		require.NotEmpty(t, it.GetID())
		assert.False(t, ids[it.GetID()], "ids are unique")
		ids[it.GetID()] = true
		identities[it.GetIdentitySummary().GetID()]++
		acc := it.GetAccessSummary().GetAccess()
		types[acc.GetType()]++
		assert.NotEmpty(t, acc.GetID())
		assert.NotEmpty(t, acc.GetName())
		assert.False(t, it.GetCompleted())
		assert.Nil(t, it.Decision)

		same, ok := srv.Item(cert.GetID(), it.GetID())
		require.True(t, ok)
		assert.Equal(t, it, same)
	}
	assert.Len(t, identities, int(cert.GetIdentitiesTotal()))
	for _, typ := range []certifications.DtoType{certifications.DtoTypeEntitlement, certifications.DtoTypeAccessProfile, certifications.DtoTypeRole} {
		assert.Positive(t, types[typ], "items of type %s", typ)
	}
	assert.Equal(t, items, srv.Items(cert.GetID()))

	// entitlements / access-profiles / roles parameters.
	var ent certifications.AccessReviewItem
	for _, it := range items {
		if it.GetAccessSummary().GetAccess().GetType() == certifications.DtoTypeEntitlement {
			ent = it
			break
		}
	}
	got, _, err := c.CertificationsApi.ListIdentityAccessReviewItems(ctx(t), cert.GetID()).Entitlements(ent.GetAccessSummary().GetAccess().GetID() + ",unknown").Execute()
	require.NoError(t, err)
	require.NotEmpty(t, got)
	for _, it := range got {
		assert.Equal(t, ent.GetAccessSummary().GetAccess().GetID(), it.GetAccessSummary().GetAccess().GetID())
	}
	resp, body := raw(t, srv, http.MethodGet, "/v3/certifications/"+cert.GetID()+"/access-review-items", url.Values{"roles": {"a"}, "entitlements": {"b"}}, "")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	errorDto(t, body, "400.1 Bad Request Content")
}

func TestReviewers(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	seenExtra := false
	for _, cert := range srv.Certifications() {
		revs, _, err := c.CertificationsApi.ListCertificationReviewers(ctx(t), cert.GetID()).Sorters("name").Execute()
		require.NoError(t, err)
		require.NotEmpty(t, revs)
		found := false
		for i, r := range revs {
			assert.Equal(t, "IDENTITY", r.GetType())
			assert.NotEmpty(t, r.GetName())
			assert.True(t, strings.HasSuffix(r.GetEmail(), ".example"), r.GetEmail())
			found = found || r.GetID() == cert.GetReviewer().GetID()
			if i > 0 {
				assert.LessOrEqual(t, strings.ToLower(revs[i-1].GetName()), strings.ToLower(r.GetName()))
			}
		}
		assert.True(t, found, "the certification's reviewer is listed")
		seenExtra = seenExtra || len(revs) > 1
	}
	assert.True(t, seenExtra, "some certifications have further reviewers")

	cert := myCerts(t, c)[0]
	revs, _, err := c.CertificationsApi.ListCertificationReviewers(ctx(t), cert.GetID()).Filters(`id eq "` + srv.MeID() + `"`).Execute()
	require.NoError(t, err)
	require.Len(t, revs, 1)
	assert.Equal(t, "Robin Okafor", revs[0].GetName())
}

func TestItemPermissions(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	var withPerms, without []certifications.AccessReviewItem
	var certOf = map[string]string{}
	for _, cert := range srv.Certifications() {
		for _, it := range srv.Items(cert.GetID()) {
			certOf[it.GetID()] = cert.GetID()
			if it.GetAccessSummary().GetEntitlement().GetHasPermissions() {
				withPerms = append(withPerms, it)
			} else {
				without = append(without, it)
			}
		}
	}
	require.NotEmpty(t, withPerms)
	it := withPerms[0]
	perms, resp, err := api.GetIdentityCertificationItemPermissions(ctx(t), certOf[it.GetID()], it.GetID()).Count(true).Execute()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(perms), 3)
	n, _ := certifications.TotalCount(resp)
	assert.EqualValues(t, len(perms), n)
	for _, p := range perms {
		assert.NotEmpty(t, p.GetTarget())
		assert.NotEmpty(t, p.Rights)
	}
	assert.Equal(t, "SYS.OBJAUTH2", perms[0].GetTarget())

	// Filters: target and rights, values case-insensitive.
	got, _, err := api.GetIdentityCertificationItemPermissions(ctx(t), certOf[it.GetID()], it.GetID()).Filters(`target eq "sys.objauth2"`).Execute()
	require.NoError(t, err)
	require.Len(t, got, 1)
	right := strings.ToLower(perms[0].Rights[0])
	got, _, err = api.GetIdentityCertificationItemPermissions(ctx(t), certOf[it.GetID()], it.GetID()).Filters(`rights ca ("` + right + `") and target sw "SYS."`).Execute()
	require.NoError(t, err)
	require.NotEmpty(t, got)
	for _, p := range got {
		assert.True(t, strings.HasPrefix(p.GetTarget(), "SYS."))
	}
	// Two clauses on the same field are refused by the server, too.
	resp2, body := raw(t, srv, http.MethodGet, "/v3/certifications/"+certOf[it.GetID()]+"/access-review-items/"+it.GetID()+"/permissions",
		url.Values{"filters": {`rights ca ("CREATE") and rights ca ("SELECT")`}}, "")
	assert.Equal(t, http.StatusBadRequest, resp2.StatusCode)
	errorDto(t, body, "400.1 Bad Request Content")

	// Items without permissions (roles, access profiles, plain entitlements) answer an empty list.
	require.NotEmpty(t, without)
	empty, _, err := api.GetIdentityCertificationItemPermissions(ctx(t), certOf[without[0].GetID()], without[0].GetID()).Execute()
	require.NoError(t, err)
	assert.Empty(t, empty)
}

func TestDecideUpdatesCounters(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	items := allItems(t, c, cert.GetID())

	// Group items by identity.
	byIdent := map[string][]certifications.AccessReviewItem{}
	var order []string
	for _, it := range items {
		id := it.GetIdentitySummary().GetID()
		if byIdent[id] == nil {
			order = append(order, id)
		}
		byIdent[id] = append(byIdent[id], it)
	}
	first := byIdent[order[0]]

	// All but one item of the first identity: no identity completed yet.
	got, _, err := api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(first[:len(first)-1], "APPROVE", "")).Execute()
	require.NoError(t, err)
	assert.EqualValues(t, len(first)-1, got.GetDecisionsMade())
	assert.Zero(t, got.GetIdentitiesCompleted())
	assert.False(t, got.GetCompleted())

	// The last one completes the identity.
	last := decisions(first[len(first)-1:], "REVOKE", "no longer needed")
	got, _, err = api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(last).Execute()
	require.NoError(t, err)
	assert.EqualValues(t, len(first), got.GetDecisionsMade())
	assert.EqualValues(t, 1, got.GetIdentitiesCompleted())
	assert.True(t, got.GetModified().After(cert.GetModified()))

	it, ok := srv.Item(cert.GetID(), first[len(first)-1].GetID())
	require.True(t, ok)
	assert.True(t, it.GetCompleted())
	assert.Equal(t, certifications.CertificationDecisionRevoke, it.GetDecision())
	assert.Equal(t, "no longer needed", it.GetComments())
	assert.True(t, it.GetIdentitySummary().GetCompleted())

	// Deciding again changes the decision without counting twice.
	got, _, err = api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(first[len(first)-1:], "APPROVE", "")).Execute()
	require.NoError(t, err)
	assert.EqualValues(t, len(first), got.GetDecisionsMade())
	assert.EqualValues(t, 1, got.GetIdentitiesCompleted())
	it, _ = srv.Item(cert.GetID(), first[len(first)-1].GetID())
	assert.Equal(t, certifications.CertificationDecisionApprove, it.GetDecision())
	assert.Equal(t, 2, srv.DecisionCount(it.GetID()))
	assert.Equal(t, 1, srv.DecisionCount(first[0].GetID()))
	assert.Equal(t, 0, srv.DecisionCount(byIdent[order[1]][0].GetID()))

	// Decide the rest: complete.
	got, _, err = api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items, "APPROVE", "")).Execute()
	require.NoError(t, err)
	assert.Equal(t, got.GetDecisionsTotal(), got.GetDecisionsMade())
	assert.Equal(t, got.GetIdentitiesTotal(), got.GetIdentitiesCompleted())
	assert.True(t, got.GetCompleted())
}

func TestDecideValidation(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	revokeOnly := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions)
	items := allItems(t, c, revokeOnly.GetID())
	id := items[0].GetID()
	noComments := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	other := allItems(t, c, noComments.GetID())[0].GetID()
	path := "/v3/certifications/" + revokeOnly.GetID() + "/decide"

	many := make([]string, 251)
	for i := range many {
		many[i] = `{"id":"` + id + `","decision":"APPROVE","bulk":true}`
	}
	for name, body := range map[string]string{
		"empty array":             `[]`,
		"251 decisions":           "[" + strings.Join(many, ",") + "]",
		"not an array":            `{"id":"` + id + `"}`,
		"unknown item":            `[{"id":"0123456789abcdef0123456789abcdef","decision":"APPROVE","bulk":true}]`,
		"item of another cert":    `[{"id":"` + other + `","decision":"APPROVE","bulk":true}]`,
		"bad decision":            `[{"id":"` + id + `","decision":"ACKNOWLEDGE","bulk":true}]`,
		"missing bulk":            `[{"id":"` + id + `","decision":"APPROVE"}]`,
		"end date on approve":     `[{"id":"` + id + `","decision":"APPROVE","bulk":true,"proposedEndDate":"2025-04-01T00:00:00Z"}]`,
		"revoke without comment":  `[{"id":"` + id + `","decision":"REVOKE","bulk":false}]`,
		"one bad in a good batch": `[{"id":"` + items[1].GetID() + `","decision":"APPROVE","bulk":true},{"id":"nope","decision":"APPROVE","bulk":true}]`,
	} {
		t.Run(name, func(t *testing.T) {
			resp, b := raw(t, srv, http.MethodPost, path, nil, body)
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", b)
			errorDto(t, b, "400.1 Bad Request Content")
		})
	}
	cert, _ := srv.Certification(revokeOnly.GetID())
	assert.Zero(t, cert.GetDecisionsMade(), "a refused call changes nothing")
	assert.Zero(t, srv.DecisionCount(items[1].GetID()))

	// With a comment the revoke is accepted; a proposed end date too.
	resp, b := raw(t, srv, http.MethodPost, path, nil, `[{"id":"`+id+`","decision":"REVOKE","bulk":false,"comments":"left the team","proposedEndDate":"2025-04-01T00:00:00Z"}]`)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
	after := decode[certifications.IdentityCertificationDto](t, b)
	assert.EqualValues(t, 1, after.GetDecisionsMade())
}

func TestSignOff(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	items := allItems(t, c, cert.GetID())

	_, _, err := api.SignOffIdentityCertification(ctx(t), cert.GetID()).Execute()
	ae := apiError(t, err, http.StatusBadRequest)
	errorDto(t, ae.Body, "400.1 Bad Request Content")
	assert.Contains(t, ae.Message, "0 of 32 decisions")

	_, _, err = api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items, "APPROVE", "")).Execute()
	require.NoError(t, err)
	signed, _, err := api.SignOffIdentityCertification(ctx(t), cert.GetID()).Execute()
	require.NoError(t, err)
	assert.Equal(t, certifications.CertificationPhaseSigned, signed.GetPhase())
	require.NotNil(t, signed.Signed)
	assert.False(t, signed.GetSigned().Before(srv.ReferenceTime()))

	// Signed: read-only.
	_, _, err = api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items[:1], "REVOKE", "x")).Execute()
	apiError(t, err, http.StatusBadRequest)
	_, _, err = api.ReassignIdentityCertifications(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{{ID: items[0].GetID(), Type: "ITEM"}}, ReassignTo: srv.Reviewers()[1].GetID(), Reason: "r",
	}).Execute()
	apiError(t, err, http.StatusBadRequest)
	_, _, err = api.SignOffIdentityCertification(ctx(t), cert.GetID()).Execute()
	apiError(t, err, http.StatusBadRequest)
	it, _ := srv.Item(cert.GetID(), items[0].GetID())
	assert.Equal(t, certifications.CertificationDecisionApprove, it.GetDecision())
}

func TestReassignSync(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := myCerts(t, c)[0]
	items := allItems(t, c, cert.GetID())
	target := srv.Reviewers()[2]

	// Decide one item first: its decision travels with it.
	_, _, err := api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items[:1], "APPROVE", "ok")).Execute()
	require.NoError(t, err)

	ident := items[0].GetIdentitySummary().GetID()
	var identItems []string
	for _, it := range items {
		if it.GetIdentitySummary().GetID() == ident {
			identItems = append(identItems, it.GetID())
		}
	}
	lone := items[len(items)-1]
	got, _, err := api.ReassignIdentityCertifications(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{
			{ID: ident, Type: certifications.ReassignReferenceTypeIdentitySummary},
			{ID: lone.GetID(), Type: certifications.ReassignReferenceTypeItem},
		},
		ReassignTo: target.GetID(),
		Reason:     "Moved to the application owner",
	}).Execute()
	require.NoError(t, err)
	moved := len(identItems) + 1
	assert.Equal(t, cert.GetID(), got.GetID())
	assert.EqualValues(t, len(items)-moved, got.GetDecisionsTotal())
	assert.Zero(t, got.GetDecisionsMade())
	assert.EqualValues(t, cert.GetIdentitiesTotal()-1, got.GetIdentitiesTotal(), "the identity left; the lone item's identity stays")
	assert.Len(t, allItems(t, c, cert.GetID()), len(items)-moved)

	// The items are now in a certification of the target in the same campaign.
	theirs, _, err := api.ListIdentityCertifications(ctx(t)).ReviewerIdentity(target.GetID()).Filters(`campaign.id eq "` + cert.GetCampaign().GetID() + `"`).Execute()
	require.NoError(t, err)
	require.Len(t, theirs, 1)
	dest := theirs[0]
	for _, id := range append(identItems, lone.GetID()) {
		_, ok := srv.Item(cert.GetID(), id)
		assert.False(t, ok)
		it, ok := srv.Item(dest.GetID(), id)
		require.True(t, ok, "item %s in the destination", id)
		assert.Equal(t, id == items[0].GetID(), it.GetCompleted())
	}
	destNow, _ := srv.Certification(dest.GetID())
	assert.EqualValues(t, dest.GetDecisionsTotal(), destNow.GetDecisionsTotal())
	assert.EqualValues(t, 1, destNow.GetDecisionsMade())

	// Refusals: too many references, unknown target, same reviewer, unknown ids.
	refs := make([]certifications.ReassignReference, 51)
	for i := range refs {
		refs[i] = certifications.ReassignReference{ID: items[5].GetID(), Type: "ITEM"}
	}
	for name, body := range map[string]any{
		"51 references":  certifications.ReviewReassign{Reassign: refs, ReassignTo: target.GetID(), Reason: "r"},
		"unknown target": certifications.ReviewReassign{Reassign: refs[:1], ReassignTo: "nobody", Reason: "r"},
		"same reviewer":  certifications.ReviewReassign{Reassign: refs[:1], ReassignTo: srv.MeID(), Reason: "r"},
		"unknown item":   certifications.ReviewReassign{Reassign: []certifications.ReassignReference{{ID: "x", Type: "ITEM"}}, ReassignTo: target.GetID(), Reason: "r"},
		"moved item":     certifications.ReviewReassign{Reassign: []certifications.ReassignReference{{ID: lone.GetID(), Type: "ITEM"}}, ReassignTo: target.GetID(), Reason: "r"},
		"missing reason": map[string]any{"reassign": refs[:1], "reassignTo": target.GetID()},
		"bad type":       map[string]any{"reassign": []map[string]string{{"id": items[5].GetID(), "type": "ROLE"}}, "reassignTo": target.GetID(), "reason": "r"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := sdkDo(t, c, http.MethodPost, "v3/certifications/"+cert.GetID()+"/reassign", nil, body, nil)
			ae := apiError(t, err, http.StatusBadRequest)
			errorDto(t, ae.Body, "400.1 Bad Request Content")
		})
	}
}

func TestReassignCreatesCertificationAndTargetSummary(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	cert := myCerts(t, c)[0]
	items := allItems(t, c, cert.GetID())
	accessID := items[0].GetAccessSummary().GetAccess().GetID()
	want := 0
	for _, it := range items {
		if it.GetAccessSummary().GetAccess().GetID() == accessID {
			want++
		}
	}
	owner := items[0].GetAccessSummary().GetEntitlement().GetOwner()
	if owner == nil {
		owner = items[0].GetAccessSummary().GetAccessProfile().GetOwner()
	}
	if owner == nil {
		owner = items[0].GetAccessSummary().GetRole().GetOwner()
	}
	before := len(srv.Certifications())
	got, _, err := c.CertificationsApi.ReassignIdentityCertifications(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: accessID, Type: certifications.ReassignReferenceTypeTargetSummary}},
		ReassignTo: owner.GetID(),
		Reason:     "The owner reviews this access",
	}).Execute()
	require.NoError(t, err)
	assert.EqualValues(t, len(items)-want, got.GetDecisionsTotal())

	all := srv.Certifications()
	require.Len(t, all, before+1, "a certification was created for the owner")
	created := all[len(all)-1]
	assert.Equal(t, owner.GetID(), created.GetReviewer().GetID())
	assert.Equal(t, cert.GetCampaign().GetID(), created.GetCampaign().GetID())
	assert.EqualValues(t, want, created.GetDecisionsTotal())
	require.NotNil(t, created.Reassignment)
	assert.Equal(t, cert.GetID(), created.GetReassignment().GetFrom().GetID())
	assert.Equal(t, srv.MeID(), created.GetReassignment().GetFrom().GetReviewer().GetID())
	assert.Equal(t, "The owner reviews this access", created.GetReassignment().GetComment())
	moved := allItems(t, c, created.GetID())
	require.Len(t, moved, want)
	for _, it := range moved {
		assert.Equal(t, accessID, it.GetAccessSummary().GetAccess().GetID())
	}
}

func TestReassignAsyncTaskProgression(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := myCerts(t, c)[1]
	items := allItems(t, c, cert.GetID())
	target := srv.Reviewers()[1]
	body := certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: items[0].GetID(), Type: "ITEM"}, {ID: items[1].GetID(), Type: "ITEM"}},
		ReassignTo: target.GetID(),
		Reason:     "vacation",
	}
	task, _, err := api.SubmitReassignCertsAsync(ctx(t), cert.GetID()).ReviewReassign(body).Execute()
	require.NoError(t, err)
	assert.Equal(t, certifications.CertificationTaskStatusQueued, task.GetStatus())
	assert.Equal(t, certifications.CertificationTaskTypeReassign, task.GetType())
	assert.Equal(t, certifications.CertificationTaskTargetTypeCertification, task.GetTargetType())
	assert.Equal(t, cert.GetID(), task.GetTargetID())
	assert.False(t, task.GetCreated().IsZero())

	// Pending: listed, nothing moved yet.
	pending, _, err := api.GetPendingCertificationTasks(ctx(t)).ReviewerIdentity("me").Execute()
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, task.GetID(), pending[0].GetID())
	byFilter, _, err := api.GetPendingCertificationTasks(ctx(t)).Filters(`targetId eq "` + cert.GetID() + `" and type in ("REASSIGN","ADMIN_REASSIGN")`).Execute()
	require.NoError(t, err)
	assert.Len(t, byFilter, 1)
	_, ok := srv.Item(cert.GetID(), items[0].GetID())
	assert.True(t, ok)

	var statuses []certifications.CertificationTaskStatus
	for range 3 {
		got, _, err := api.GetCertificationTask(ctx(t), task.GetID()).Execute()
		require.NoError(t, err)
		statuses = append(statuses, got.GetStatus())
	}
	assert.Equal(t, []certifications.CertificationTaskStatus{"IN_PROGRESS", "SUCCESS", "SUCCESS"}, statuses)

	_, ok = srv.Item(cert.GetID(), items[0].GetID())
	assert.False(t, ok, "moved on SUCCESS")
	now, _ := srv.Certification(cert.GetID())
	assert.EqualValues(t, len(items)-2, now.GetDecisionsTotal())
	pending, _, err = api.GetPendingCertificationTasks(ctx(t)).Execute()
	require.NoError(t, err)
	assert.Empty(t, pending)

	// 501 references are refused.
	refs := make([]certifications.ReassignReference, 501)
	for i := range refs {
		refs[i] = certifications.ReassignReference{ID: items[5].GetID(), Type: "ITEM"}
	}
	_, err = sdkDo(t, c, http.MethodPost, "v3/certifications/"+cert.GetID()+"/reassign-async", nil,
		certifications.ReviewReassign{Reassign: refs, ReassignTo: target.GetID(), Reason: "r"}, nil)
	apiError(t, err, http.StatusBadRequest)
}

func TestAsyncTaskErrorsWhenCertificationSignedMeanwhile(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	items := allItems(t, c, cert.GetID())
	task, _, err := api.SubmitReassignCertsAsync(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{{ID: items[0].GetID(), Type: "ITEM"}}, ReassignTo: srv.Reviewers()[1].GetID(), Reason: "r",
	}).Execute()
	require.NoError(t, err)
	_, _, err = api.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items, "APPROVE", "")).Execute()
	require.NoError(t, err)
	_, _, err = api.SignOffIdentityCertification(ctx(t), cert.GetID()).Execute()
	require.NoError(t, err)

	_, err = api.WaitForCertificationTask(ctx(t), task.GetID(), &certifications.WaitOptions{Initial: 1, Max: 1})
	var te *certifications.TaskError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, certifications.CertificationTaskStatusError, te.Task.GetStatus())
	require.Len(t, te.Task.GetErrors(), 1)
	assert.Contains(t, te.Task.GetErrors()[0].GetText(), "signed off")
}

func TestReassignToTheReviewedIdentityKeepsTheirItems(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	api := c.CertificationsApi
	cert := myCerts(t, c)[0]
	items := allItems(t, c, cert.GetID())
	self := items[0].GetIdentitySummary()
	task, _, err := api.SubmitReassignCertsAsync(ctx(t), cert.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{
			{ID: self.GetID(), Type: certifications.ReassignReferenceTypeIdentitySummary},
			{ID: items[len(items)-1].GetID(), Type: certifications.ReassignReferenceTypeItem},
		},
		ReassignTo: self.GetIdentityID(),
		Reason:     "r",
	}).Execute()
	require.NoError(t, err)
	before, ok := srv.Task(task.GetID())
	require.True(t, ok)
	assert.Equal(t, certifications.CertificationTaskStatusQueued, before.GetStatus(), "Task does not move the task on")

	done, err := api.WaitForCertificationTask(ctx(t), task.GetID(), &certifications.WaitOptions{Initial: 1, Max: 1})
	require.NoError(t, err)
	require.Len(t, done.GetReassignmentTrailDTOs(), 1, "no one certifies their own access")
	trail := done.GetReassignmentTrailDTOs()[0]
	assert.Equal(t, self.GetIdentityID(), trail.GetPreviousOwner())
	assert.Equal(t, srv.MeID(), trail.GetNewOwner())
	_, stayed := srv.Item(cert.GetID(), items[0].GetID())
	assert.True(t, stayed)
	_, moved := srv.Item(cert.GetID(), items[len(items)-1].GetID())
	assert.False(t, moved, "the other identity's item went to the new reviewer")
	assert.Nil(t, srv.Items("nope"))
}
