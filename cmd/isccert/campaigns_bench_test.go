package main

import (
	"context"
	"flag"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/require"
)

// exportPer is the window of the export benchmark's rate limit: the
// documented 100 requests per 10 s, with time scaled by 1/10.
var exportPer = flag.Duration("export.per", time.Second, "window of the campaign export benchmark's rate limit of 100 requests")

const (
	exportBenchCerts = 1_000
	exportBenchItems = 100 // per certification: 100,000 in all
)

// newExportSandbox starts a sandbox enforcing 100 requests per exportPer
// with an active campaign of exportBenchCerts certifications of
// exportBenchItems items, and an app whose client is paced at the same
// limit. The token and the campaign's setup are outside the count.
func newExportSandbox(b *testing.B) (*certtest.Server, *app, string) {
	b.Helper()
	ctx := context.Background()
	limit := certifications.RateLimit{Requests: 100, Per: *exportPer}
	srv := certtest.NewTestServer(b,
		certtest.WithRateLimit(limit.Requests, limit.Per),
		certtest.WithDecimalRetryAfter(),
		// Activation makes one certification per reviewer, of
		// IdentitiesPerCertification x ItemsPerIdentity items.
		certtest.WithSizes(certtest.Sizes{Campaigns: 1, Reviewers: exportBenchCerts, CertificationsPerReviewer: 1,
			IdentitiesPerCertification: exportBenchItems / 4, ItemsPerIdentity: 4}),
	)
	cfg := srv.Configuration()
	cfg.RateLimit = &limit
	if tr, ok := cfg.HTTPClient.Transport.(*http.Transport); ok {
		tr = tr.Clone()
		tr.MaxIdleConnsPerHost = exportConcurrency + 1 // the reads in flight and the listing
		b.Cleanup(tr.CloseIdleConnections)
		cfg.HTTPClient.Transport = tr
	}
	client := certifications.NewAPIClient(cfg)
	require.NoError(b, client.Err())

	srv.SetFaultsEnabled(false) // no rate limit for the setup
	api := client.CertificationCampaignsApi
	camp, _, err := api.CreateCampaign(ctx).Campaign(certifications.Campaign{
		Name: "Export benchmark", Description: certifications.Ptr("1,000 certifications"), Type: certifications.CampaignReferenceCampaignTypeManager,
	}).Execute()
	require.NoError(b, err)
	fast := &certifications.WaitOptions{Initial: time.Millisecond}
	_, err = api.WaitForCampaign(ctx, camp.GetID(), fast)
	require.NoError(b, err)
	_, err = api.StartCampaign(ctx, camp.GetID()).Execute()
	require.NoError(b, err)
	_, err = api.WaitForCampaign(ctx, camp.GetID(), fast)
	require.NoError(b, err)
	srv.SetFaultsEnabled(true)
	srv.ResetRequests()

	a := &app{env: env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}, ctx: ctx, client: client}
	return srv, a, camp.GetID()
}

// BenchmarkCampaignExport runs campaigns export (the command's own code,
// CSV to a discarding writer) on a campaign of 1,000 certifications and
// 100,000 items at the documented rate limit, time scaled (see
// exportPer). It reports the requests the sandbox received per the
// minimum (the campaign, the pages of certifications, one page of items
// per certification; goal 1.00), the time the rate limit needs for the
// minimum per the time taken (goal 0.9 or more), and 429s per run.
func BenchmarkCampaignExport(b *testing.B) {
	minimum := 1 + ceilDiv(exportBenchCerts, certifications.MaxPageSize) + exportBenchCerts*ceilDiv(exportBenchItems, certifications.MaxPageSize)
	floor := time.Duration(minimum) * *exportPer / 100
	var sent, limited int
	var elapsed time.Duration
	for range b.N {
		b.StopTimer()
		srv, a, id := newExportSandbox(b)
		var rows countingWriter
		a.stdout = &rows
		cmd := campaignsExportCmd(a)
		b.StartTimer()
		start := time.Now()
		require.NoError(b, cmd.RunE(cmd, []string{id}))
		elapsed += time.Since(start)
		b.StopTimer()
		require.Equal(b, exportBenchCerts*exportBenchItems+1, rows.lines, "a header and one row per item")
		for _, r := range srv.Requests() {
			if strings.Contains(r.Path, "/oauth/") {
				continue
			}
			sent++
			if r.Status == http.StatusTooManyRequests {
				limited++
			}
		}
	}
	b.ReportMetric(float64(sent)/float64(b.N*minimum), "requests/min")
	b.ReportMetric(float64(b.N)*floor.Seconds()/elapsed.Seconds(), "speed/floor")
	b.ReportMetric(float64(limited)/float64(b.N), "429s/op")
	b.Logf("%d runs: %d requests sent for a minimum of %d each, %s taken for a floor of %s each",
		b.N, sent, minimum, elapsed.Round(time.Millisecond), floor)
}

func ceilDiv(n, d int) int { return (n + d - 1) / d }

// countingWriter counts the lines written to it.
type countingWriter struct{ lines int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.lines += strings.Count(string(p), "\n")
	return len(p), nil
}
