package certtest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// A listing filtered on one campaign is answered from that campaign's
// certifications alone; it must show what the full scan shows for the
// same condition written so that it cannot be narrowed (campaign.id in),
// with the rest of the filter, the sorters and the paging applied.
func TestCampaignFilterNarrowsLikeTheScan(t *testing.T) {
	srv := certtest.NewTestServer(t)
	api := newClient(t, srv).CertificationsApi
	campaigns := map[string]bool{}
	for _, c := range srv.Certifications() {
		campaigns[c.GetCampaign().GetID()] = true
	}
	require.Greater(t, len(campaigns), 1, "the tenant has several campaigns")
	campaigns["no-such-campaign"] = true
	for id := range campaigns {
		// The tenants compare ids as any string, ignoring case: so must
		// the narrowing.
		campaigns[strings.ToUpper(id)] = true
	}
	for id := range campaigns {
		for _, q := range []struct{ narrowed, scanned, sorters string }{
			{`campaign.id eq "` + id + `"`, `campaign.id in ("` + id + `")`, ""},
			{`campaign.id eq "` + id + `" and completed eq false`, `campaign.id in ("` + id + `") and completed eq false`, "-name"},
			{`phase eq "ACTIVE" and campaign.id eq "` + id + `"`, `phase eq "ACTIVE" and campaign.id in ("` + id + `")`, "due"},
		} {
			list := func(filter string) []certifications.IdentityCertificationDto {
				req := api.ListIdentityCertifications(ctx(t)).Filters(filter).Limit(3)
				if q.sorters != "" {
					req = req.Sorters(q.sorters)
				}
				got, err := certifications.Collect(req.All())
				require.NoError(t, err, filter)
				return got
			}
			want := list(q.scanned)
			got := list(q.narrowed)
			assert.Equal(t, want, got, q.narrowed)
			for _, c := range got {
				assert.True(t, strings.EqualFold(id, c.GetCampaign().GetID()), "%s of campaign %s", c.GetID(), id)
			}
		}
	}
}
