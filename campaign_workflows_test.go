package certifications

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Progress names the certifications past due, not only their number: an
// unsigned certification due long ago is past due, one due far ahead and
// one signed after its due date are not, whatever today's date is.
func TestProgressNamesThePastDueCertifications(t *testing.T) {
	c, mt := newMockClient(t)
	var tokens atomic.Int32
	mt.RegisterResponder(http.MethodPost, testTokenURL, tokenResponder(t, time.Hour, &tokens))
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications", func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, `campaign.id eq "camp-1"`, req.URL.Query().Get("filters"))
		return httpmock.NewJsonResponse(200, []map[string]any{
			{"id": "late", "phase": "ACTIVE", "due": "1999-01-01T00:00:00Z", "decisionsMade": 1, "decisionsTotal": 4,
				"reviewer": map[string]any{"id": "r1", "name": "Ann", "type": "IDENTITY"}},
			{"id": "early", "phase": "ACTIVE", "due": "2999-01-01T00:00:00Z", "decisionsMade": 0, "decisionsTotal": 2,
				"reviewer": map[string]any{"id": "r1", "name": "Ann", "type": "IDENTITY"}},
			{"id": "signed", "phase": "SIGNED", "due": "1999-01-01T00:00:00Z", "decisionsMade": 3, "decisionsTotal": 3,
				"reviewer": map[string]any{"id": "r2", "name": "Bo", "type": "IDENTITY"}},
		})
	})
	p, err := c.CertificationCampaignsApi.Progress(t.Context(), "camp-1")
	require.NoError(t, err)
	require.Len(t, p.PastDue, 1)
	assert.Equal(t, "late", p.PastDue[0].GetID())
	assert.Equal(t, 3, p.Certifications)
	assert.Equal(t, 1, p.Signed)
	assert.Equal(t, 4, p.DecisionsMade)
	assert.Equal(t, 9, p.DecisionsTotal)
	require.Len(t, p.ByReviewer, 2)
	assert.Equal(t, "Ann", p.ByReviewer[0].ReviewerName)
	assert.Equal(t, 2, p.ByReviewer[0].Certifications)
}
