package certtest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// betaDo calls a beta endpoint through the SDK client's generic request
// path and decodes the answer into out.
func betaDo(t *testing.T, c *certifications.APIClient, method, path string, q url.Values, body, out any) (*http.Response, error) {
	t.Helper()
	return sdkDo(t, c, method, "beta/"+path, q, body, out)
}

func TestBetaListCertifications(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)

	var raw []map[string]json.RawMessage
	resp, err := betaDo(t, c, http.MethodGet, "certifications", url.Values{"count": {"true"}}, nil, &raw)
	require.NoError(t, err)
	require.Len(t, raw, len(srv.Certifications()))
	assert.Equal(t, "6", resp.Header.Get("X-Total-Count"))
	for _, cert := range raw {
		// Every property the beta spec requires, and no v3-only ones.
		for _, k := range []string{"campaignRef", "completed", "decisionsMade", "decisionsTotal", "due", "signed", "reviewer",
			"campaignOwner", "hasErrors", "phase", "entitiesCompleted", "entitiesTotal"} {
			assert.Contains(t, cert, k)
		}
		for _, k := range []string{"id", "name", "campaign", "identitiesTotal"} {
			assert.NotContains(t, cert, k)
		}
		assert.JSONEq(t, "null", string(cert["signed"]))
	}

	type betaCert struct {
		CampaignRef struct {
			ID           string `json:"id"`
			CampaignType string `json:"campaignType"`
		} `json:"campaignRef"`
		Reviewer struct {
			Type, ID, Name string
		} `json:"reviewer"`
		EntitiesTotal  int32 `json:"entitiesTotal"`
		DecisionsTotal int32 `json:"decisionsTotal"`
	}
	var mine []betaCert
	_, err = betaDo(t, c, http.MethodGet, "certifications", url.Values{"reviewer-identitiy": {"me"}}, nil, &mine)
	require.NoError(t, err)
	require.Len(t, mine, 2)
	v3 := myCerts(t, c)
	for i, m := range mine {
		assert.Equal(t, srv.MeID(), m.Reviewer.ID)
		assert.Equal(t, "IDENTITY", m.Reviewer.Type)
		assert.Equal(t, v3[i].GetCampaign().GetID(), m.CampaignRef.ID)
		assert.Equal(t, v3[i].GetIdentitiesTotal(), m.EntitiesTotal)
		assert.Equal(t, v3[i].GetDecisionsTotal(), m.DecisionsTotal)
	}

	// Beta filters and sorters: campaignRef.*, and id/name although the
	// shape has neither.
	var filtered []betaCert
	_, err = betaDo(t, c, http.MethodGet, "certifications",
		url.Values{"filters": {`id eq "` + v3[0].GetID() + `" and campaignRef.campaignType in ("MANAGER","SEARCH") and completed ne true`}, "sorters": {"-name"}}, nil, &filtered)
	require.NoError(t, err)
	require.Len(t, filtered, 1)
	assert.Equal(t, v3[0].GetCampaign().GetID(), filtered[0].CampaignRef.ID)

	// The client refuses a sort key the operation does not take; the
	// sandbox refuses it too when a client skips the check.
	_, err = betaDo(t, c, http.MethodGet, "certifications", url.Values{"sorters": {"phase"}}, nil, nil)
	var ve *certifications.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "sorters", ve.Parameter)
	unchecked := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.SkipFilterValidation = true })
	_, err = betaDo(t, unchecked, http.MethodGet, "certifications", url.Values{"sorters": {"phase"}}, nil, nil)
	apiError(t, err, http.StatusBadRequest)
}

func TestBetaReviewersAndPermissions(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	cert := myCerts(t, c)[0]

	var revs []certifications.IdentityReferenceWithNameAndEmail
	_, err := betaDo(t, c, http.MethodGet, "certifications/"+cert.GetID()+"/reviewers", url.Values{"filters": {`email sw "robin."`}}, nil, &revs)
	require.NoError(t, err)
	require.Len(t, revs, 1)
	assert.Equal(t, srv.MeID(), revs[0].GetID())

	var item certifications.AccessReviewItem
	for _, it := range srv.Items(cert.GetID()) {
		if it.GetAccessSummary().GetEntitlement().GetHasPermissions() {
			item = it
		}
	}
	require.NotEmpty(t, item.GetID(), "me's first certification has an item with permissions")
	var perms []certifications.PermissionDto
	resp, err := betaDo(t, c, http.MethodGet, "certifications/"+cert.GetID()+"/access-review-items/"+item.GetID()+"/permissions",
		url.Values{"filters": {`target sw "SYS"`}, "count": {"true"}, "limit": {"1"}}, nil, &perms)
	require.NoError(t, err)
	require.Len(t, perms, 1)
	assert.NotEmpty(t, resp.Header.Get("X-Total-Count"))

	_, err = betaDo(t, c, http.MethodGet, "certifications/nope/reviewers", nil, nil, nil)
	ae := apiError(t, err, http.StatusNotFound)
	errorDto(t, ae.Body, "404 Not found")
}

func TestBetaReassignAsyncAndTasks(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	cert := myCerts(t, c)[0]
	items := srv.Items(cert.GetID())
	target := srv.Reviewers()[2]

	type betaTask struct {
		ID              string   `json:"id"`
		CertificationID string   `json:"certificationId"`
		Type            string   `json:"type"`
		Status          string   `json:"status"`
		Errors          []string `json:"errors"`
	}
	var task betaTask
	_, err := betaDo(t, c, http.MethodPost, "certifications/"+cert.GetID()+"/reassign-async", nil, certifications.ReviewReassign{
		Reassign:   []certifications.ReassignReference{{ID: items[0].GetIdentitySummary().GetID(), Type: certifications.ReassignReferenceTypeIdentitySummary}},
		ReassignTo: target.GetID(),
		Reason:     "handover",
	}, &task)
	require.NoError(t, err)
	assert.Equal(t, betaTask{ID: task.ID, CertificationID: cert.GetID(), Type: "REASSIGN", Status: "QUEUED", Errors: []string{}}, task)

	var pending []betaTask
	_, err = betaDo(t, c, http.MethodGet, "certifications/"+cert.GetID()+"/tasks-pending", nil, nil, &pending)
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, task.ID, pending[0].ID)

	// The beta task is the same task the v3 API shows.
	v3task, _, err := c.CertificationsApi.GetPendingCertificationTasks(ctx(t)).Filters(`id eq "` + task.ID + `"`).Execute()
	require.NoError(t, err)
	require.Len(t, v3task, 1)

	var statuses []string
	for range 2 {
		var got betaTask
		_, err = betaDo(t, c, http.MethodGet, "certifications/"+cert.GetID()+"/tasks/"+task.ID, nil, nil, &got)
		require.NoError(t, err)
		statuses = append(statuses, got.Status)
	}
	assert.Equal(t, []string{"IN_PROGRESS", "SUCCESS"}, statuses)
	_, err = betaDo(t, c, http.MethodGet, "certifications/"+cert.GetID()+"/tasks-pending", nil, nil, &pending)
	require.NoError(t, err)
	assert.Empty(t, pending)
	now, _ := srv.Certification(cert.GetID())
	assert.EqualValues(t, cert.GetIdentitiesTotal()-1, now.GetIdentitiesTotal())

	// A task of another certification is not found under this one.
	other := myCerts(t, c)[1]
	_, err = betaDo(t, c, http.MethodGet, "certifications/"+other.GetID()+"/tasks/"+task.ID, nil, nil, nil)
	apiError(t, err, http.StatusNotFound)
}
