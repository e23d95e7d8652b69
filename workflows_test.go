package certifications

import (
	"context"
	"testing"

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
