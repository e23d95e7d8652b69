package certifications

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bad decision anywhere in a DecideAll set is named by its own index, and
// nothing is sent, not even the listing of decided items.
func TestDecideAllRefusesIncompleteDecisionByIndex(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	ds := []ReviewDecision{
		{ID: "i1", Decision: CertificationDecisionApprove},
		{ID: "i2", Decision: CertificationDecisionRevoke},
		{ID: " ", Decision: CertificationDecisionApprove},
	}
	res, err := c.CertificationsApi.DecideAll(context.Background(), "cert-1", ds, nil)
	assert.Nil(t, res)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "reviewDecision[2].id", ve.Parameter)
	ds[2] = ReviewDecision{ID: "i3"}
	_, err = c.CertificationsApi.DecideAll(context.Background(), "cert-1", ds, nil)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "reviewDecision[2].decision", ve.Parameter)
	assert.Zero(t, mt.GetTotalCallCount())
}

// DecideAll reads only the undecided items to tell what to skip: a
// decision for an item already decided, or for an id that is no item of
// the certification, is skipped without being sent.
func TestDecideAllReadsOnlyUndecidedItems(t *testing.T) {
	f, c := newFakeCert(t, 1000)
	var ds []ReviewDecision
	for i := range 1000 {
		if i >= 200 {
			f.decideNow(fakeItemID(i))
		}
		ds = append(ds, ReviewDecision{ID: fakeItemID(i), Decision: CertificationDecisionApprove, Bulk: true})
	}
	ds = append(ds, ReviewDecision{ID: "no-such-item", Decision: CertificationDecisionRevoke}, ds[0])

	res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, nil)
	require.NoError(t, err)
	assert.Len(t, res.Decided, 200)
	assert.Len(t, res.Skipped, 801)
	assert.Contains(t, res.Skipped, "no-such-item")
	f.assertDecidedOnce(t, res.Decided)
	reqs := f.requests()
	require.Len(t, reqs, 2, "one page of undecided items, one decide call")
	assert.Equal(t, http.MethodGet, reqs[0].method)
	assert.Equal(t, "completed eq false", reqs[0].filters)
	assert.Equal(t, 200, reqs[1].decisions)
}

// The skip check of a larger certification reads each page of undecided
// items, and one more (the count), never every item.
func TestDecideAllSkipCheckCostsThePagesOfUndecidedItems(t *testing.T) {
	f, c := newFakeCert(t, 3000)
	var ds []ReviewDecision
	for i := range 3000 {
		if i%3 == 0 {
			f.decideNow(fakeItemID(i))
		} else {
			ds = append(ds, ReviewDecision{ID: fakeItemID(i), Decision: CertificationDecisionApprove, Bulk: true})
		}
	}
	res, err := c.CertificationsApi.DecideAll(context.Background(), f.id, ds, nil)
	require.NoError(t, err)
	assert.Len(t, res.Decided, 2000)
	assert.Empty(t, res.Skipped)
	assertListings(t, f.count(http.MethodGet), 2000, MaxPageSize, false)
	assert.Equal(t, 8, f.count(http.MethodPost))
}

// SignOffWhenComplete goes by the counters, not by completed: a server
// that says completed with 20 of 40 decisions gets no sign-off.
func TestSignOffWhenCompleteChecksTheCounters(t *testing.T) {
	cases := map[string]struct {
		body    string
		signOff bool
		message string
	}{
		"completed with decisions missing": {body: `{"id":"cert-1","phase":"ACTIVE","completed":true,"decisionsMade":20,"decisionsTotal":40}`, message: "20 of 40 decisions made"},
		"counters missing":                 {body: `{"id":"cert-1","phase":"ACTIVE","completed":true}`, message: "does not report its decision counters"},
		"every decision made":              {body: `{"id":"cert-1","phase":"ACTIVE","completed":false,"decisionsMade":40,"decisionsTotal":40}`, signOff: true},
		"no items":                         {body: `{"id":"cert-1","phase":"ACTIVE","completed":true,"decisionsMade":0,"decisionsTotal":0}`, signOff: true},
		"already signed":                   {body: `{"id":"cert-1","phase":"SIGNED","completed":true,"decisionsMade":40,"decisionsTotal":40}`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
			mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications/cert-1", httpmock.NewStringResponder(http.StatusOK, tc.body))
			mt.RegisterResponder(http.MethodPost, testBase+"/v3/certifications/cert-1/sign-off",
				httpmock.NewStringResponder(http.StatusOK, `{"id":"cert-1","phase":"SIGNED","decisionsMade":40,"decisionsTotal":40}`))
			cert, err := c.CertificationsApi.SignOffWhenComplete(context.Background(), "cert-1")
			require.NotNil(t, cert)
			posts := mt.GetCallCountInfo()["POST "+testBase+"/v3/certifications/cert-1/sign-off"]
			if tc.signOff {
				require.NoError(t, err)
				assert.Equal(t, CertificationPhaseSigned, cert.GetPhase())
				assert.Equal(t, 1, posts)
				return
			}
			assert.Zero(t, posts, "no sign-off was sent")
			if tc.message == "" {
				require.NoError(t, err)
				return
			}
			var ie *IncompleteError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, "cert-1", ie.CertificationID)
			assert.Contains(t, ie.Error(), tc.message)
			assert.NotContains(t, ie.Error(), "certifications: certifications:")
		})
	}
}
