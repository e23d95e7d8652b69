package certtest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// Only a top-level campaign.id eq narrows a certification listing; the
// narrowed set is that campaign's certifications, whatever the case of
// the id.
func TestCertsOfCampaignNarrowsOnlyAnEqOnTheCampaign(t *testing.T) {
	tn := newShuffledTenant(t, 10)
	id := tn.campaigns[tn.certs[0].campaign].ref.ID
	narrowed := func(filter string) (n int, ok bool) {
		t.Helper()
		f, err := certifications.ParseFilter(filter)
		require.NoError(t, err)
		seq, ok := tn.certsOfCampaign(listParams{filter: f})
		if !ok {
			return 0, false
		}
		for c := range seq {
			assert.Equal(t, tn.certs[0].campaign, c.campaign)
			n++
		}
		return n, true
	}
	for _, filter := range []string{
		`campaign.id eq "` + id + `"`,
		`phase eq "ACTIVE" and campaign.id eq "` + id + `"`,
		`campaign.id eq "` + strings.ToUpper(id) + `"`,
	} {
		n, ok := narrowed(filter)
		assert.True(t, ok, filter)
		assert.Positive(t, n, filter)
	}
	for _, filter := range []string{
		`campaign.id in ("` + id + `")`,
		`campaign.id eq "` + id + `" or phase eq "ACTIVE"`,
		`not campaign.id eq "` + id + `"`,
	} {
		_, ok := narrowed(filter)
		assert.False(t, ok, filter)
	}
}
