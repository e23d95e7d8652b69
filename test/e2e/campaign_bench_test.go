package e2e

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/spectest"
)

const (
	// campaignBenchCerts and campaignBenchItemsPerCert make the
	// benchmark's campaign: 1,000 certifications of 100 items.
	campaignBenchCerts        = 1_000
	campaignBenchItemsPerCert = 100
)

// newCampaignSandbox starts a sandbox enforcing 100 requests per
// reviewPer, with a client paced at the same limit, and an ACTIVE campaign
// of certs certifications of itemsPerCert items each. The setup's requests
// are not counted.
func newCampaignSandbox(tb testing.TB, certs, itemsPerCert int, opts ...certtest.Option) (*certtest.Server, *certifications.APIClient, string) {
	tb.Helper()
	limit := certifications.RateLimit{Requests: 100, Per: *reviewPer}
	srv := certtest.NewTestServer(tb, append([]certtest.Option{
		certtest.WithRateLimit(limit.Requests, limit.Per),
		certtest.WithDecimalRetryAfter(),
		certtest.WithSizes(certtest.Sizes{Reviewers: certs, CertificationsPerReviewer: 1, IdentitiesPerCertification: itemsPerCert / 10, ItemsPerIdentity: 10}),
	}, opts...)...)
	cfg := perfConfig(tb, srv, 16) // connections for the most certifications AllItems reads at once
	spectest.Load(tb, "v3")
	spectest.Load(tb, "campaigns-v3")
	cfg.RateLimit = &limit
	cfg.DisableRateLimit = false
	client := certifications.NewAPIClient(cfg)
	require.NoError(tb, client.Err())

	srv.SetFaultsEnabled(false)
	ctx := context.Background()
	api := client.CertificationCampaignsApi
	c, _, err := api.CreateCampaign(ctx).Campaign(certifications.Campaign{Name: "Audit", Type: certifications.CampaignReferenceCampaignTypeManager}).Execute()
	require.NoError(tb, err)
	_, err = api.WaitForCampaign(ctx, c.GetID(), &certifications.WaitOptions{Initial: time.Millisecond})
	require.NoError(tb, err)
	_, err = api.StartCampaign(ctx, c.GetID()).Execute()
	require.NoError(tb, err)
	_, err = api.WaitForCampaign(ctx, c.GetID(), &certifications.WaitOptions{Initial: time.Millisecond})
	require.NoError(tb, err)
	srv.SetFaultsEnabled(true)
	srv.ResetRequests()
	return srv, client, c.GetID()
}

// allItemsMinimum is the fewest requests that read every item of a
// campaign: the pages of its certifications and, per certification, the
// pages of its items.
func allItemsMinimum(certs, itemsPerCert int) int {
	return ceilDiv(certs, certifications.MaxPageSize) + certs*ceilDiv(itemsPerCert, certifications.MaxPageSize)
}

// BenchmarkAllItems reads every item of a sandbox campaign of 1,000
// certifications and 100,000 items at the documented limit, time scaled
// down (see reviewPer). It reports the requests the sandbox received per
// the minimum (certification pages plus item pages; goal 1.00), the time
// the rate limit needs for the minimum per the time taken (goal 0.9 or
// more), and the 429s per run (goal 0).
func BenchmarkAllItems(b *testing.B) {
	var tally reviewTally
	minimum := allItemsMinimum(campaignBenchCerts, campaignBenchItemsPerCert)
	for range b.N {
		b.StopTimer()
		srv, client, id := newCampaignSandbox(b, campaignBenchCerts, campaignBenchItemsPerCert)
		b.StartTimer()
		start := time.Now()
		n := 0
		for _, err := range client.CertificationCampaignsApi.AllItems(context.Background(), id, nil) {
			require.NoError(b, err)
			n++
		}
		elapsed := time.Since(start)
		b.StopTimer()
		require.Equal(b, campaignBenchCerts*campaignBenchItemsPerCert, n)
		tally.addRun(srv, minimum, elapsed)
		srv.Close()
		b.StartTimer()
	}
	tally.report(b)
}

// A short run of the benchmark's setup on the bubble's clock: AllItems
// reaches every item of every certification, sends exactly the minimum of
// requests and draws no 429.
func TestAllItemsBenchmarkSetup(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		srv, client, id := newCampaignSandbox(t, 40, 20, certtest.WithInMemoryNetwork())
		seen := map[string]bool{}
		for ci, err := range client.CertificationCampaignsApi.AllItems(t.Context(), id, &certifications.AllItemsOptions{Concurrency: 3}) {
			require.NoError(t, err)
			require.Equal(t, id, ci.Certification.GetCampaign().GetID())
			seen[ci.Item.GetID()] = true
		}
		require.Len(t, seen, 40*20)
		sent, limited := reviewSent(srv)
		require.Zero(t, limited, "429s")
		require.Equal(t, allItemsMinimum(40, 20), sent, "requests sent")
	})
}
