// Package e2e runs the SDK end to end against the certtest sandbox: under
// injected faults, under the rate limit, and at scale. The fault and
// pacing tests run in testing/synctest bubbles on the sandbox's in-memory
// network, so that latency, Retry-After, backoff and rate-limit windows
// pass on a fake clock: the waits are real-sized and take no real time.
package e2e

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/spectest"
)

// hostileFaults is the mix the reliability tests run under: 30% 429 with a
// Retry-After of a second, 10% 503, dropped connections and slow responses.
// On the bubble's clock the waits cost nothing, so they are a real
// tenant's, not shortened ones.
func hostileFaults() certtest.Faults {
	return certtest.Faults{
		ErrorRate:             0.4,
		ErrorStatuses:         []int{429, 429, 429, 503},
		UnavailableRetryAfter: time.Second,
		DropRate:              0.05,
		Latency:               50 * time.Millisecond,
	}
}

// newSandbox starts a sandbox on the in-memory network (so call it inside
// a synctest bubble) with a certification "big" of n items under
// hostileFaults, still off so that the test can set up first, and a client
// that retries patiently with the SDK's default waits. Every request the
// client sends is checked against the API definition. It also returns the
// ids of the items in list order, read from the sandbox's state rather
// than through the SDK: the truth the test checks the SDK against.
func newSandbox(t *testing.T, n int) (*certtest.Server, *certifications.APIClient, []string) {
	t.Helper()
	srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(),
		certtest.WithLargeCertification("big", n), certtest.WithFaults(hostileFaults()))
	srv.SetFaultsEnabled(false)
	cfg := srv.Configuration()
	cfg.HTTPClient.Transport = spectest.NewValidatingTransport(t, transportOf(cfg.HTTPClient))
	cfg.DisableRateLimit = true
	cfg.MaxRetries = 25

	items := srv.Items("big")
	require.Len(t, items, n)
	ids := make([]string, n)
	for i, it := range items {
		ids[i] = it.GetID()
	}
	return srv, certifications.NewAPIClient(cfg), ids
}

// assertFaultsInjected checks that the sandbox's answers included faults
// of more than one kind, and logs them.
func assertFaultsInjected(t *testing.T, srv *certtest.Server) {
	t.Helper()
	faults := map[certtest.Fault]int{}
	for _, r := range srv.Requests() {
		faults[r.Fault]++
	}
	t.Logf("requests by fault: %v", faults)
	assert.Greater(t, len(faults), 2, "the faults were really injected")
}

func transportOf(hc *http.Client) http.RoundTripper {
	if hc.Transport != nil {
		return hc.Transport
	}
	return http.DefaultTransport
}

// newStaticServer answers every request with body and status 200.
func newStaticServer(t *testing.T, body string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func itemIDs(t *testing.T, seq func(func(certifications.AccessReviewItem, error) bool)) []string {
	t.Helper()
	var ids []string
	for item, err := range seq {
		require.NoError(t, err)
		ids = append(ids, item.GetID())
	}
	return ids
}

// The streaming tests below page through 40 and 100 pages under faults.
// What they exercise is the number of requests (each may fail, be
// dropped or be retried), not the size of the items: the pages are kept
// small, so that the time goes to paging under faults and not to
// encoding and decoding JSON.

func TestStreamUnderFaultsYieldsEachItemOnceInOrder(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		srv, client, want := newSandbox(t, 2_000)
		srv.SetFaultsEnabled(true)
		got := itemIDs(t, client.CertificationsApi.ListIdentityAccessReviewItems(t.Context(), "big").Limit(50).All())
		assert.Equal(t, want, got, "every item exactly once, in order")
		assertFaultsInjected(t, srv)
	})
}

func TestStreamWithReadAheadUnderFaults(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		srv, client, want := newSandbox(t, 2_500)
		srv.SetFaultsEnabled(true)
		got := itemIDs(t, client.CertificationsApi.ListIdentityAccessReviewItems(t.Context(), "big").Limit(25).Pager().ReadAhead(4).All())
		assert.Equal(t, want, got, "every item exactly once, in order")
		assertFaultsInjected(t, srv)
	})
}

func TestDecideUnderFaultsDecidesEachItemOnce(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		// 1,000 decisions in chunks of 50 are as many decide calls under
		// faults as 5,000 in chunks of 250.
		srv, client, ids := newSandbox(t, 1_000)
		api := client.CertificationsApi
		decisions := make([]certifications.ReviewDecision, len(ids))
		for i, id := range ids {
			d := certifications.CertificationDecisionApprove
			if i%3 == 0 {
				d = certifications.CertificationDecisionRevoke
			}
			decisions[i] = certifications.ReviewDecision{ID: id, Decision: d, Bulk: true}
		}
		srv.SetFaultsEnabled(true)

		// The first run is interrupted after a few chunks, as a crash would.
		ctx, cancel := context.WithCancel(t.Context())
		res, err := api.DecideAll(ctx, "big", decisions, &certifications.DecideOptions{
			ChunkSize: 50,
			Progress: func(p certifications.DecideProgress) {
				if p.Decided+p.Failed >= 150 {
					cancel()
				}
			},
		})
		cancel()
		require.Error(t, err)
		require.NotNil(t, res)
		assert.NotEmpty(t, res.Decided)
		assert.NotEmpty(t, res.Failed)
		interrupted := res

		// Reruns finish the job; a chunk whose answer was lost (a dropped
		// connection after the server decided) shows up as skipped next time.
		for run := 0; run < 10; run++ {
			res, err = api.DecideAll(t.Context(), "big", decisions, &certifications.DecideOptions{ChunkSize: 50})
			if err == nil {
				break
			}
		}
		require.NoError(t, err)
		// The last rerun accounts for every item, the interrupted run's
		// decisions among those it found made.
		assert.Empty(t, res.Failed)
		assert.Len(t, res.Decided, len(ids)-len(res.Skipped))
		assert.Subset(t, res.Skipped, interrupted.Decided)

		for i, id := range ids {
			require.Equal(t, 1, srv.DecisionCount(id), "item %s decided exactly once", id)
			item, ok := srv.Item("big", id)
			require.True(t, ok)
			assert.Equal(t, decisions[i].Decision, item.GetDecision())
		}
		cert, ok := srv.Certification("big")
		require.True(t, ok)
		assert.EqualValues(t, len(ids), cert.GetDecisionsMade())
		assert.True(t, cert.GetCompleted())
	})
}

func TestCancelStopsPromptlyAndLeavesNoGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		opt := goleak.IgnoreCurrent()
		const latency = 30 * time.Millisecond
		srv := certtest.NewServer(certtest.WithInMemoryNetwork(), certtest.WithLargeCertification("big", 50_000), certtest.WithLatency(latency))
		cfg := srv.Configuration()
		cfg.DisableRateLimit = true
		client := certifications.NewAPIClient(cfg)

		ctx, cancel := context.WithCancel(t.Context())
		var cancelled time.Time
		done := make(chan error, 1)
		go func() {
			var last error
			n := 0
			for _, err := range client.CertificationsApi.ListIdentityAccessReviewItems(ctx, "big").Limit(50).Pager().ReadAhead(6).All() {
				if err != nil {
					last = err
					break
				}
				if n++; n == 120 {
					cancelled = time.Now()
					cancel()
				}
			}
			done <- last
		}()
		select {
		case err := <-done:
			assert.ErrorIs(t, err, context.Canceled)
			// On the bubble's clock: the pages in flight were abandoned,
			// not waited for.
			assert.Less(t, time.Since(cancelled), latency, "time from cancel to the end of the iteration")
		case <-time.After(5 * time.Second):
			t.Fatal("iteration did not stop after cancel")
		}
		srv.Close()
		if tr, ok := cfg.HTTPClient.Transport.(interface{ CloseIdleConnections() }); ok {
			tr.CloseIdleConnections()
		}
		// Let the goroutines that are ending end, then look for any left.
		synctest.Wait()
		goleak.VerifyNone(t, opt)
	})
}

func TestMalformedBodiesAreTypedErrors(t *testing.T) {
	bodies := map[string]string{
		"truncated":       `[{"id":"i1","accessSummary":{"access":{"type":"ENTITLEMENT"`,
		"not json":        `<html>maintenance</html>`,
		"wrong type":      `[{"id":"i1","accessSummary":"oops"}]`,
		"object not list": `{"id":"i1"}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv := newStaticServer(t, body)
			cfg := certifications.NewConfiguration()
			cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit = srv.URL, "t", true
			api := certifications.NewAPIClient(cfg).CertificationsApi
			assert.NotPanics(t, func() {
				items, resp, err := api.ListIdentityAccessReviewItems(context.Background(), "c1").Execute()
				var de *certifications.DecodeError
				require.True(t, errors.As(err, &de), "got %v", err)
				require.NotNil(t, resp)
				assert.Equal(t, http.StatusOK, resp.StatusCode)
				_ = items
			})
		})
	}
}
