package certtest_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// getJSON sends a GET with a fresh token, requires the status and decodes
// a 200 answer into a T.
func getJSON[T any](t *testing.T, srv *certtest.Server, path string, q url.Values, status int) (T, *http.Response) {
	t.Helper()
	resp, body := raw(t, srv, http.MethodGet, path, q, "")
	require.Equal(t, status, resp.StatusCode, "GET %s?%s: %s", path, q.Encode(), body)
	var v T
	if status == http.StatusOK {
		v = decode[T](t, body)
	} else if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "detailMessage") {
		errorDto(t, body, map[int]string{400: "400.1 Bad Request Content", 404: "404 Not found"}[status])
	}
	return v, resp
}

// countSummary counts items the way a decision summary does.
func countSummary(items []certifications.AccessReviewItem) certifications.IdentityCertDecisionSummary {
	n := map[string]int32{}
	for _, it := range items {
		typ := it.GetAccessSummary().GetAccess().GetType()
		n[string(typ)+" total"]++
		if it.GetCompleted() {
			n[string(typ)+" made"]++
			n[string(typ)+" "+string(it.GetDecision())]++
		}
	}
	p := func(k string) *int32 { return certifications.Ptr(n[k]) }
	return certifications.IdentityCertDecisionSummary{
		EntitlementDecisionsMade: p("ENTITLEMENT made"), AccessProfileDecisionsMade: p("ACCESS_PROFILE made"), RoleDecisionsMade: p("ROLE made"),
		AccountDecisionsMade:      p("ACCOUNT made"),
		EntitlementDecisionsTotal: p("ENTITLEMENT total"), AccessProfileDecisionsTotal: p("ACCESS_PROFILE total"), RoleDecisionsTotal: p("ROLE total"),
		AccountDecisionsTotal: p("ACCOUNT total"),
		EntitlementsApproved:  p("ENTITLEMENT APPROVE"), EntitlementsRevoked: p("ENTITLEMENT REVOKE"),
		AccessProfilesApproved: p("ACCESS_PROFILE APPROVE"), AccessProfilesRevoked: p("ACCESS_PROFILE REVOKE"),
		RolesApproved: p("ROLE APPROVE"), RolesRevoked: p("ROLE REVOKE"),
		AccountsApproved: p("ACCOUNT APPROVE"), AccountsRevoked: p("ACCOUNT REVOKE"),
	}
}

// ofIdentities keeps the items of the given identity summaries.
func ofIdentities(items []certifications.AccessReviewItem, ids ...string) []certifications.AccessReviewItem {
	var out []certifications.AccessReviewItem
	for _, it := range items {
		if slices.Contains(ids, it.GetIdentitySummary().GetID()) {
			out = append(out, it)
		}
	}
	return out
}

// firstOfType returns the first item granting access of type typ.
func firstOfType(t *testing.T, items []certifications.AccessReviewItem, typ certifications.DtoType) certifications.AccessReviewItem {
	t.Helper()
	for _, it := range items {
		if it.GetAccessSummary().GetAccess().GetType() == typ {
			return it
		}
	}
	t.Fatalf("no item of type %s", typ)
	return certifications.AccessReviewItem{}
}

// summaryFixture starts a tenant and picks a certification of "me" whose
// campaign requires no comments, with its items.
func summaryFixture(t *testing.T) (*certtest.Server, *certifications.APIClient, certifications.IdentityCertificationDto, []certifications.AccessReviewItem) {
	t.Helper()
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	return srv, c, cert, srv.Items(cert.GetID())
}

func TestDecisionSummaryFollowsDecisions(t *testing.T) {
	srv, c, cert, items := summaryFixture(t)
	id := cert.GetID()
	a, b := items[0].GetIdentitySummary().GetID(), items[len(items)-1].GetIdentitySummary().GetID()

	// check compares the summaries of both generations, unfiltered and
	// narrowed to identities, with a count of the items.
	check := func(step string) {
		t.Helper()
		items := srv.Items(id)
		for _, g := range generations {
			path := g.certs + "/" + id + "/decision-summary"
			got, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, path, nil, http.StatusOK)
			assert.Equal(t, countSummary(items), got, "%s, %s", step, g.name)
			var others []string
			for _, s := range identitySummaries(items) {
				if s.GetID() != a {
					others = append(others, s.GetID())
				}
			}
			for filter, want := range map[string]certifications.IdentityCertDecisionSummary{
				`identitySummary.id eq "` + a + `"`:                                                         countSummary(ofIdentities(items, a)),
				`identitySummary.id eq "` + strings.ToUpper(a) + `"`:                                        countSummary(ofIdentities(items, a)),
				`identitySummary.id in ("` + a + `","` + b + `","unknown")`:                                 countSummary(ofIdentities(items, a, b)),
				`identitySummary.id eq "` + a + `" or identitySummary.id eq "` + b + `"`:                    countSummary(ofIdentities(items, a, b)),
				`identitySummary.id in ("` + a + `","` + b + `") and not identitySummary.id eq "` + b + `"`: countSummary(ofIdentities(items, a)),
				`not identitySummary.id eq "` + a + `"`:                                                     countSummary(ofIdentities(items, others...)),
				`identitySummary.id eq "unknown"`:                                                           countSummary(nil),
			} {
				got, _ = getJSON[certifications.IdentityCertDecisionSummary](t, srv, path, url.Values{"filters": {filter}}, http.StatusOK)
				assert.Equal(t, want, got, "%s, %s, %s", step, g.name, filter)
			}
		}
	}
	check("start")
	start, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, v3.certs+"/"+id+"/decision-summary", nil, http.StatusOK)
	assert.Positive(t, start.GetEntitlementDecisionsTotal())
	assert.Positive(t, start.GetAccessProfileDecisionsTotal())
	assert.Positive(t, start.GetRoleDecisionsTotal())
	assert.EqualValues(t, len(items), start.GetEntitlementDecisionsTotal()+start.GetAccessProfileDecisionsTotal()+start.GetRoleDecisionsTotal())
	assert.Zero(t, start.GetEntitlementDecisionsMade()+start.GetAccessProfileDecisionsMade()+start.GetRoleDecisionsMade())
	require.NotNil(t, start.AccountDecisionsTotal, "every counter is sent, 0 included")

	ent := firstOfType(t, items, certifications.DtoTypeEntitlement)
	ap := firstOfType(t, items, certifications.DtoTypeAccessProfile)
	role := firstOfType(t, items, certifications.DtoTypeRole)
	api := c.CertificationsApi
	_, _, err := api.MakeIdentityDecision(ctx(t), id).ReviewDecision(append(
		decisions([]certifications.AccessReviewItem{ent, role}, "APPROVE", ""),
		decisions([]certifications.AccessReviewItem{ap}, "REVOKE", "")...)).Execute()
	require.NoError(t, err)
	check("after three decisions")
	after, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, v1.certs+"/"+id+"/decision-summary", nil, http.StatusOK)
	assert.EqualValues(t, 1, after.GetEntitlementDecisionsMade())
	assert.EqualValues(t, 1, after.GetEntitlementsApproved())
	assert.EqualValues(t, 1, after.GetAccessProfilesRevoked())
	assert.EqualValues(t, 1, after.GetRolesApproved())
	assert.Equal(t, start.GetEntitlementDecisionsTotal(), after.GetEntitlementDecisionsTotal())

	// A changed decision moves a count from approved to revoked.
	_, _, err = api.MakeIdentityDecision(ctx(t), id).ReviewDecision(decisions([]certifications.AccessReviewItem{ent}, "REVOKE", "")).Execute()
	require.NoError(t, err)
	changed, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, v3.certs+"/"+id+"/decision-summary", nil, http.StatusOK)
	assert.EqualValues(t, 1, changed.GetEntitlementDecisionsMade())
	assert.Zero(t, changed.GetEntitlementsApproved())
	assert.EqualValues(t, 1, changed.GetEntitlementsRevoked())
	check("after a changed decision")

	// Items reassigned away leave the totals, decisions and all.
	_, _, err = api.ReassignIdentityCertifications(ctx(t), id).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{{ID: ent.GetID(), Type: "ITEM"}}, ReassignTo: srv.Reviewers()[1].GetID(), Reason: "r",
	}).Execute()
	require.NoError(t, err)
	moved, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, v3.certs+"/"+id+"/decision-summary", nil, http.StatusOK)
	assert.Equal(t, start.GetEntitlementDecisionsTotal()-1, moved.GetEntitlementDecisionsTotal())
	assert.Zero(t, moved.GetEntitlementsRevoked())
	check("after a reassignment")

	// Refusals: another field or operator, an unknown certification.
	getJSON[any](t, srv, v3.certs+"/"+id+"/decision-summary", url.Values{"filters": {`identitySummary.name eq "x"`}}, http.StatusBadRequest)
	getJSON[any](t, srv, v1.certs+"/"+id+"/decision-summary", url.Values{"filters": {`identitySummary.id sw "x"`}}, http.StatusBadRequest)
	getJSON[any](t, srv, v1.certs+"/nope/decision-summary", nil, http.StatusNotFound)
}

// identitySummaries returns the distinct identity summaries of items, in
// item order.
func identitySummaries(items []certifications.AccessReviewItem) []certifications.CertificationIdentitySummary {
	var out []certifications.CertificationIdentitySummary
	seen := map[string]bool{}
	for _, it := range items {
		s := *it.GetIdentitySummary()
		if !seen[s.GetID()] {
			seen[s.GetID()] = true
			out = append(out, s)
		}
	}
	return out
}

func TestIdentitySummaries(t *testing.T) {
	srv, c, cert, items := summaryFixture(t)
	id := cert.GetID()
	want := identitySummaries(items)
	require.Len(t, want, int(cert.GetIdentitiesTotal()))

	for _, g := range generations {
		path := g.certs + "/" + id + "/identity-summaries"
		got, resp := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path, url.Values{"count": {"true"}}, http.StatusOK)
		assert.Equal(t, want, got, g.name)
		assert.Equal(t, strconv.Itoa(len(want)), resp.Header.Get("X-Total-Count"))
		for _, s := range got {
			assert.False(t, s.GetCompleted())
			assert.NotEmpty(t, s.GetName())
			assert.Len(t, s.GetIdentityID(), 32)
			one, _ := getJSON[certifications.CertificationIdentitySummary](t, srv, path+"/"+s.GetID(), nil, http.StatusOK)
			assert.Equal(t, s, one)
		}
	}

	// Deciding every item of one identity completes it, and only it.
	first := ofIdentities(items, want[0].GetID())
	_, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), id).ReviewDecision(decisions(first[:len(first)-1], "APPROVE", "")).Execute()
	require.NoError(t, err)
	path := v1.certs + "/" + id + "/identity-summaries"
	one, _ := getJSON[certifications.CertificationIdentitySummary](t, srv, path+"/"+want[0].GetID(), nil, http.StatusOK)
	assert.False(t, one.GetCompleted(), "one item is still open")
	_, _, err = c.CertificationsApi.MakeIdentityDecision(ctx(t), id).ReviewDecision(decisions(first[len(first)-1:], "REVOKE", "")).Execute()
	require.NoError(t, err)
	for _, g := range generations {
		one, _ = getJSON[certifications.CertificationIdentitySummary](t, srv, g.certs+"/"+id+"/identity-summaries/"+want[0].GetID(), nil, http.StatusOK)
		assert.True(t, one.GetCompleted(), g.name)
	}
	it, _ := srv.Item(id, first[0].GetID())
	assert.True(t, it.GetIdentitySummary().GetCompleted(), "the item shows the same identity summary")

	t.Run("filters", func(t *testing.T) {
		ids := func(ss []certifications.CertificationIdentitySummary) []string {
			out := make([]string, len(ss))
			for i, s := range ss {
				out[i] = s.GetID()
			}
			return out
		}
		all := ids(want)
		prefix := strings.ToLower(want[3].GetName()[:2])
		var byPrefix []string
		for _, s := range want {
			if strings.HasPrefix(strings.ToLower(s.GetName()), prefix) {
				byPrefix = append(byPrefix, s.GetID())
			}
		}
		for filter, wantIDs := range map[string][]string{
			`completed eq true`:      all[:1],
			`completed ne true`:      all[1:],
			`id eq "` + all[2] + `"`: all[2:3],
			`id in ("` + all[4] + `","` + all[1] + `","unknown")`:                 {all[1], all[4]},
			`name eq "` + strings.ToUpper(want[5].GetName()) + `"`:                {all[5]},
			`name sw "` + prefix + `"`:                                            byPrefix,
			`not completed eq true and id in ("` + all[0] + `","` + all[6] + `")`: {all[6]},
		} {
			got, resp := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path, url.Values{"filters": {filter}, "count": {"true"}}, http.StatusOK)
			assert.Equal(t, wantIDs, ids(got), filter)
			assert.Equal(t, strconv.Itoa(len(wantIDs)), resp.Header.Get("X-Total-Count"), filter)
		}
		for _, filter := range []string{`name co "a"`, `identityId eq "x"`, `completed gt false`, `name EQ "x"`} {
			getJSON[any](t, srv, path, url.Values{"filters": {filter}}, http.StatusBadRequest)
		}
	})

	t.Run("sorters and paging", func(t *testing.T) {
		for _, sorter := range []string{"name", "-name"} {
			got, _ := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path, url.Values{"sorters": {sorter}}, http.StatusOK)
			require.Len(t, got, len(want))
			assert.True(t, slices.IsSortedFunc(got, func(a, b certifications.CertificationIdentitySummary) int {
				c := strings.Compare(strings.ToLower(a.GetName()), strings.ToLower(b.GetName()))
				if sorter == "-name" {
					return -c
				}
				return c
			}), sorter)
			var paged []certifications.CertificationIdentitySummary
			for off := 0; off < len(want); off += 3 {
				page, _ := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path, url.Values{"sorters": {sorter}, "limit": {"3"}, "offset": {strconv.Itoa(off)}}, http.StatusOK)
				paged = append(paged, page...)
			}
			assert.Equal(t, got, paged, "pages are consecutive windows of the sorted list")
		}
		getJSON[any](t, srv, path, url.Values{"sorters": {"id"}}, http.StatusBadRequest)
		getJSON[any](t, srv, path, url.Values{"offset": {strconv.Itoa(len(want))}}, http.StatusBadRequest)
		page, _ := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path, url.Values{"limit": {"0"}}, http.StatusOK)
		assert.Empty(t, page)
	})

	t.Run("not found", func(t *testing.T) {
		other := srv.Items(myCerts(t, c)[1].GetID())[0].GetIdentitySummary().GetID()
		require.NotEqual(t, id, myCerts(t, c)[1].GetID())
		for _, p := range []string{path + "/nope", path + "/" + other, path + "/0123456789abcdef0123456789abcdef", v3.certs + "/nope/identity-summaries"} {
			getJSON[any](t, srv, p, nil, http.StatusNotFound)
		}
	})

	t.Run("reassigned identities move", func(t *testing.T) {
		target := srv.Reviewers()[2]
		moving := want[7]
		_, _, err := c.CertificationsApi.ReassignIdentityCertifications(ctx(t), id).ReviewReassign(certifications.ReviewReassign{
			Reassign: []certifications.ReassignReference{{ID: moving.GetID(), Type: certifications.ReassignReferenceTypeIdentitySummary}}, ReassignTo: target.GetID(), Reason: "r",
		}).Execute()
		require.NoError(t, err)
		getJSON[any](t, srv, path+"/"+moving.GetID(), nil, http.StatusNotFound)
		left, _ := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path, nil, http.StatusOK)
		assert.Equal(t, identitySummaries(srv.Items(id)), left)
		require.Len(t, left, len(want)-1)
		for i, s := range left {
			assert.Equal(t, want[i].GetID(), s.GetID(), "the others stay, in order")
		}
		theirs, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).ReviewerIdentity(target.GetID()).Filters(`campaign.id eq "` + cert.GetCampaign().GetID() + `"`).Execute()
		require.NoError(t, err)
		require.Len(t, theirs, 1)
		dest := theirs[0].GetID()
		there, _ := getJSON[[]certifications.CertificationIdentitySummary](t, srv, v1.certs+"/"+dest+"/identity-summaries", nil, http.StatusOK)
		assert.Equal(t, identitySummaries(srv.Items(dest)), there)
		assert.Contains(t, there, moving, "the identity is listed where its items went")
		one, _ := getJSON[certifications.CertificationIdentitySummary](t, srv, v3.certs+"/"+dest+"/identity-summaries/"+moving.GetID(), nil, http.StatusOK)
		assert.Equal(t, moving, one)
	})
}

// accessSummaries returns the access summaries of the items of one type.
func accessSummaries(items []certifications.AccessReviewItem, typ certifications.AccessSummaryType) []certifications.AccessSummary {
	out := []certifications.AccessSummary{}
	for _, it := range items {
		if string(it.GetAccessSummary().GetAccess().GetType()) == string(typ) {
			out = append(out, *it.GetAccessSummary())
		}
	}
	return out
}

func TestAccessSummaries(t *testing.T) {
	srv, c, cert, items := summaryFixture(t)
	id := cert.GetID()

	total := 0
	for _, typ := range certifications.AccessSummaryTypeValues() {
		want := accessSummaries(items, typ)
		require.NotEmpty(t, want, typ)
		total += len(want)
		for _, g := range generations {
			got, resp := getJSON[[]certifications.AccessSummary](t, srv, g.certs+"/"+id+"/access-summaries/"+string(typ), url.Values{"count": {"true"}}, http.StatusOK)
			assert.Equal(t, want, got, "%s %s", g.name, typ)
			assert.Equal(t, strconv.Itoa(len(want)), resp.Header.Get("X-Total-Count"))
		}
	}
	assert.Equal(t, len(items), total, "every item is in the summaries of its type")

	path := v1.certs + "/" + id + "/access-summaries/ENTITLEMENT"
	ents := accessSummaries(items, certifications.AccessSummaryTypeEntitlement)
	ent := firstOfType(t, items, certifications.DtoTypeEntitlement)
	_, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), id).ReviewDecision(decisions([]certifications.AccessReviewItem{ent}, "APPROVE", "")).Execute()
	require.NoError(t, err)

	t.Run("filters", func(t *testing.T) {
		src := ents[1].GetEntitlement().GetSourceName()
		name := ents[2].GetAccess().GetName()
		keep := func(pred func(certifications.AccessSummary) bool) []certifications.AccessSummary {
			out := []certifications.AccessSummary{}
			for _, s := range ents {
				if pred(s) {
					out = append(out, s)
				}
			}
			return out
		}
		for filter, want := range map[string][]certifications.AccessSummary{
			`completed eq true`: {*ent.GetAccessSummary()},
			`completed ne true`: ents[1:],
			`access.id eq "` + ents[3].GetAccess().GetID() + `"`: keep(func(s certifications.AccessSummary) bool { return s.GetAccess().GetID() == ents[3].GetAccess().GetID() }),
			`access.id in ("` + ents[0].GetAccess().GetID() + `","` + ents[1].GetAccess().GetID() + `")`: keep(func(s certifications.AccessSummary) bool {
				return s.GetAccess().GetID() == ents[0].GetAccess().GetID() || s.GetAccess().GetID() == ents[1].GetAccess().GetID()
			}),
			`access.name eq "` + strings.ToLower(name) + `"`: keep(func(s certifications.AccessSummary) bool { return s.GetAccess().GetName() == name }),
			`access.name sw "` + name[:3] + `"`: keep(func(s certifications.AccessSummary) bool {
				return strings.HasPrefix(strings.ToLower(s.GetAccess().GetName()), strings.ToLower(name[:3]))
			}),
			`entitlement.sourceName eq "` + src + `"`: keep(func(s certifications.AccessSummary) bool { return s.GetEntitlement().GetSourceName() == src }),
			`entitlement.sourceName sw "` + src[:2] + `"`: keep(func(s certifications.AccessSummary) bool {
				return strings.HasPrefix(strings.ToLower(s.GetEntitlement().GetSourceName()), strings.ToLower(src[:2]))
			}),
			`accessProfile.sourceName eq "` + src + `"`: {},
		} {
			got, resp := getJSON[[]certifications.AccessSummary](t, srv, path, url.Values{"filters": {filter}, "count": {"true"}}, http.StatusOK)
			assert.Equal(t, want, got, filter)
			assert.Equal(t, strconv.Itoa(len(want)), resp.Header.Get("X-Total-Count"), filter)
		}
		for _, filter := range []string{`access.type eq "ROLE"`, `access.name co "a"`, `identitySummary.id eq "x"`} {
			getJSON[any](t, srv, path, url.Values{"filters": {filter}}, http.StatusBadRequest)
		}
	})

	t.Run("sorters and paging", func(t *testing.T) {
		got, _ := getJSON[[]certifications.AccessSummary](t, srv, path, url.Values{"sorters": {"-access.name"}}, http.StatusOK)
		require.Len(t, got, len(ents))
		assert.True(t, slices.IsSortedFunc(got, func(a, b certifications.AccessSummary) int {
			return strings.Compare(strings.ToLower(b.GetAccess().GetName()), strings.ToLower(a.GetAccess().GetName()))
		}))
		var paged []certifications.AccessSummary
		for off := 0; off < len(ents); off += 5 {
			page, _ := getJSON[[]certifications.AccessSummary](t, srv, path, url.Values{"sorters": {"-access.name"}, "limit": {"5"}, "offset": {strconv.Itoa(off)}}, http.StatusOK)
			paged = append(paged, page...)
		}
		assert.Equal(t, got, paged)
		getJSON[any](t, srv, path, url.Values{"sorters": {"entitlement.sourceName"}}, http.StatusBadRequest)
		getJSON[any](t, srv, path, url.Values{"offset": {strconv.Itoa(len(ents))}}, http.StatusBadRequest)
	})

	t.Run("refusals", func(t *testing.T) {
		for _, typ := range []string{"ACCOUNT", "role", "Entitlement", "ACCESS_PROFILES"} {
			getJSON[any](t, srv, v3.certs+"/"+id+"/access-summaries/"+typ, nil, http.StatusBadRequest)
		}
		getJSON[any](t, srv, v1.certs+"/nope/access-summaries/ROLE", nil, http.StatusNotFound)
	})
}

// TestSummariesOfAHugeCertification asks for the summaries of a
// certification of 2^30 items: they come from counters and positions, so
// no request generates the items before the page it returns.
func TestSummariesOfAHugeCertification(t *testing.T) {
	const n = 1 << 30
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("huge", n))
	path := v1.certs + "/huge"
	sum, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, path+"/decision-summary", nil, http.StatusOK)
	assert.EqualValues(t, n/2, sum.GetEntitlementDecisionsTotal(), "two of every four items are entitlements")
	assert.EqualValues(t, n/4, sum.GetAccessProfileDecisionsTotal())
	assert.EqualValues(t, n/4, sum.GetRoleDecisionsTotal())

	idents := n / certtest.DefaultSizes().ItemsPerIdentity
	page, resp := getJSON[[]certifications.CertificationIdentitySummary](t, srv, path+"/identity-summaries",
		url.Values{"offset": {strconv.Itoa(idents - 2)}, "count": {"true"}}, http.StatusOK)
	require.Len(t, page, 2)
	assert.Equal(t, strconv.Itoa(idents), resp.Header.Get("X-Total-Count"))
	last := page[1]

	// Deciding the last identity's items changes the counters and completes it.
	body := `[`
	for i := n - 4; i < n; i++ {
		if i > n-4 {
			body += ","
		}
		body += `{"id":"` + itemIDAt(t, srv, "huge", i) + `","decision":"APPROVE","bulk":true}`
	}
	r, b := raw(t, srv, http.MethodPost, path+"/decide", nil, body+"]")
	require.Equal(t, http.StatusOK, r.StatusCode, "%s", b)
	sum, _ = getJSON[certifications.IdentityCertDecisionSummary](t, srv, path+"/decision-summary", nil, http.StatusOK)
	assert.EqualValues(t, 4, sum.GetEntitlementDecisionsMade()+sum.GetAccessProfileDecisionsMade()+sum.GetRoleDecisionsMade())
	one, _ := getJSON[certifications.CertificationIdentitySummary](t, srv, path+"/identity-summaries/"+last.GetID(), nil, http.StatusOK)
	assert.True(t, one.GetCompleted())
	narrowed, _ := getJSON[certifications.IdentityCertDecisionSummary](t, srv, path+"/decision-summary",
		url.Values{"filters": {`identitySummary.id eq "` + last.GetID() + `"`}}, http.StatusOK)
	assert.EqualValues(t, 4, narrowed.GetEntitlementDecisionsTotal()+narrowed.GetAccessProfileDecisionsTotal()+narrowed.GetRoleDecisionsTotal())
}

// itemIDAt returns the id of the item at a position of a certification's
// list, through one page of the API.
func itemIDAt(t *testing.T, srv *certtest.Server, certID string, pos int) string {
	t.Helper()
	page, _ := getJSON[[]certifications.AccessReviewItem](t, srv, v3.certs+"/"+certID+"/access-review-items",
		url.Values{"offset": {strconv.Itoa(pos)}, "limit": {"1"}}, http.StatusOK)
	require.Len(t, page, 1)
	return page[0].GetID()
}
