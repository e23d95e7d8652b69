package certtest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// ids returns the ids of items, in order.
func ids(items []certifications.AccessReviewItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.GetID()
	}
	return out
}

// TestCompletedListingsOfALargeCertification decides items of a
// 100,000-item certification through v1 and v3 and reassigns some, then
// lists its undecided and decided items through either generation: the
// items in list order, counted, and the offset past the end refused, as
// for any listing.
func TestCompletedListingsOfALargeCertification(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 100_000))
	api := newClient(t, srv).CertificationsApi
	const v3, v1 = "/v3/certifications/big/access-review-items", "/certifications/v1/big/access-review-items"
	list := func(path, filter string, offset int) ([]certifications.AccessReviewItem, int) {
		t.Helper()
		q := url.Values{"offset": {strconv.Itoa(offset)}, "count": {"true"}}
		if filter != "" {
			q.Set("filters", filter)
		}
		resp, body := raw(t, srv, http.MethodGet, path, q, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
		total, err := strconv.Atoi(resp.Header.Get("X-Total-Count"))
		require.NoError(t, err)
		return decode[[]certifications.AccessReviewItem](t, body), total
	}
	first, _ := list(v3, "", 0)
	second, _ := list(v3, "", 250)
	head := append(first, second...)

	// The first 300 items decided through v1, item 400 through v3.
	for _, chunk := range [][]certifications.AccessReviewItem{head[:250], head[250:300]} {
		body, err := json.Marshal(decisions(chunk, "APPROVE", ""))
		require.NoError(t, err)
		resp, b := raw(t, srv, http.MethodPost, "/certifications/v1/big/decide", nil, string(body))
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
	}
	_, _, err := api.MakeIdentityDecision(ctx(t), "big").ReviewDecision(decisions(head[400:401], "REVOKE", "")).Execute()
	require.NoError(t, err)

	undecided, total := list(v1, "completed eq false", 0)
	assert.Equal(t, 100_000-301, total)
	require.Len(t, undecided, 250)
	assert.Equal(t, ids(append(head[300:400:400], head[401:]...)), ids(undecided[:199]))
	for _, it := range undecided {
		assert.False(t, it.GetCompleted(), it.GetID())
	}
	decided, total := list(v3, "completed eq true", 250)
	assert.Equal(t, 301, total)
	assert.Equal(t, ids(append(head[250:300:300], head[400])), ids(decided))
	assert.Equal(t, certifications.CertificationDecisionRevoke, decided[50].GetDecision())

	// The last undecided item is the certification's last; past it, the
	// tenant's 400.
	last, _ := list(v3, "completed ne true", 100_000-302)
	end, _ := list(v3, "", 99_999)
	assert.Equal(t, ids(end), ids(last))
	resp, _ := raw(t, srv, http.MethodGet, v3, url.Values{"offset": {"99699"}, "filters": {"completed eq false"}}, "")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)

	// Three undecided items reassigned: they leave the listing and join
	// the new certification's.
	var refs []certifications.ReassignReference
	for _, it := range head[300:303] {
		refs = append(refs, certifications.ReassignReference{ID: it.GetID(), Type: certifications.ReassignReferenceTypeItem})
	}
	_, _, err = api.ReassignIdentityCertifications(ctx(t), "big").ReviewReassign(certifications.ReviewReassign{
		Reassign: refs, ReassignTo: srv.Reviewers()[1].GetID(), Reason: "r",
	}).Execute()
	require.NoError(t, err)
	undecided, total = list(v3, "completed eq false", 0)
	assert.Equal(t, 100_000-304, total)
	assert.Equal(t, ids(head[303:400]), ids(undecided[:97]))
	var dest string
	for _, c := range srv.Certifications() {
		if _, ok := srv.Item(c.GetID(), head[300].GetID()); ok {
			dest = c.GetID()
		}
	}
	require.NotEmpty(t, dest)
	theirs, _ := list("/v3/certifications/"+dest+"/access-review-items", "completed eq false", 0)
	require.GreaterOrEqual(t, len(theirs), 3)
	assert.Equal(t, ids(head[300:303]), ids(theirs[len(theirs)-3:]), "moved in last, in order")
}
