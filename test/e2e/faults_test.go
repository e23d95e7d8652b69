// Package e2e runs the SDK end to end against the certtest sandbox: under
// injected faults, under the rate limit, and at scale.
package e2e

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/spectest"
)

// hostileFaults is the mix the reliability tests run under: 30% 429 with a
// Retry-After, 10% 503, dropped connections and slow responses.
func hostileFaults() certtest.Faults {
	return certtest.Faults{
		ErrorRate:             0.4,
		ErrorStatuses:         []int{429, 429, 429, 503},
		DecimalRetryAfter:     true,
		UnavailableRetryAfter: 5 * time.Millisecond,
		DropRate:              0.05,
		Latency:               time.Millisecond,
	}
}

// newSandbox starts a sandbox with faults off (so the test can read the
// truth first) and a client that retries patiently and quickly. Every
// request the client sends is checked against the API definition.
func newSandbox(t *testing.T, opts ...certtest.Option) (*certtest.Server, *certifications.APIClient) {
	t.Helper()
	srv := certtest.NewTestServer(t, opts...)
	srv.SetFaultsEnabled(false)
	cfg := srv.Configuration()
	cfg.HTTPClient.Transport = spectest.NewValidatingTransport(t, transportOf(cfg.HTTPClient))
	cfg.DisableRateLimit = true
	cfg.MaxRetries = 25
	cfg.RetryWaitMin, cfg.RetryWaitMax = time.Millisecond, 20*time.Millisecond
	return srv, certifications.NewAPIClient(cfg)
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

func TestStreamUnderFaultsYieldsEachItemOnceInOrder(t *testing.T) {
	srv, client := newSandbox(t, certtest.WithLargeCertification("big", 10_000), certtest.WithFaults(hostileFaults()))
	api := client.CertificationsApi
	want := itemIDs(t, api.ListIdentityAccessReviewItems(context.Background(), "big").All())
	require.Len(t, want, 10_000)

	srv.SetFaultsEnabled(true)
	srv.ResetRequests()
	got := itemIDs(t, api.ListIdentityAccessReviewItems(context.Background(), "big").All())
	assert.Equal(t, want, got, "every item exactly once, in order")

	faults := map[certtest.Fault]int{}
	for _, r := range srv.Requests() {
		faults[r.Fault]++
	}
	t.Logf("requests by fault: %v", faults)
	assert.Greater(t, len(faults), 2, "the faults were really injected")
}

func TestStreamWithReadAheadUnderFaults(t *testing.T) {
	srv, client := newSandbox(t, certtest.WithLargeCertification("big", 10_000), certtest.WithFaults(hostileFaults()))
	api := client.CertificationsApi
	want := itemIDs(t, api.ListIdentityAccessReviewItems(context.Background(), "big").All())
	srv.SetFaultsEnabled(true)
	got := itemIDs(t, api.ListIdentityAccessReviewItems(context.Background(), "big").Limit(100).Pager().ReadAhead(4).All())
	assert.Equal(t, want, got)
}

func TestDecideUnderFaultsDecidesEachItemOnce(t *testing.T) {
	srv, client := newSandbox(t, certtest.WithLargeCertification("big", 5_000), certtest.WithFaults(hostileFaults()))
	api := client.CertificationsApi
	ids := itemIDs(t, api.ListIdentityAccessReviewItems(context.Background(), "big").All())
	require.Len(t, ids, 5_000)
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
	ctx, cancel := context.WithCancel(context.Background())
	res, err := api.DecideAll(ctx, "big", decisions, &certifications.DecideOptions{
		Progress: func(p certifications.DecideProgress) {
			if p.Decided+p.Failed >= 750 {
				cancel()
			}
		},
	})
	cancel()
	require.Error(t, err)
	require.NotNil(t, res)
	assert.NotEmpty(t, res.Decided)
	assert.NotEmpty(t, res.Failed)

	// Reruns finish the job; a chunk whose answer was lost (a dropped
	// connection after the server decided) shows up as skipped next time.
	for run := 0; run < 10; run++ {
		res, err = api.DecideAll(context.Background(), "big", decisions, nil)
		if err == nil {
			break
		}
	}
	require.NoError(t, err)

	for i, id := range ids {
		require.Equal(t, 1, srv.DecisionCount(id), "item %s decided exactly once", id)
		item, ok := srv.Item("big", id)
		require.True(t, ok)
		assert.Equal(t, decisions[i].Decision, item.GetDecision())
	}
	cert, ok := srv.Certification("big")
	require.True(t, ok)
	assert.EqualValues(t, 5_000, cert.GetDecisionsMade())
	assert.True(t, cert.GetCompleted())
}

func TestCancelStopsPromptlyAndLeavesNoGoroutine(t *testing.T) {
	opt := goleak.IgnoreCurrent()
	srv := certtest.NewServer(certtest.WithLargeCertification("big", 50_000), certtest.WithLatency(30*time.Millisecond))
	cfg := srv.Configuration()
	cfg.DisableRateLimit = true
	client := certifications.NewAPIClient(cfg)

	ctx, cancel := context.WithCancel(context.Background())
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
				cancel()
			}
		}
		done <- last
	}()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(5 * time.Second):
		t.Fatal("iteration did not stop after cancel")
	}
	srv.Close()
	if tr, ok := cfg.HTTPClient.Transport.(interface{ CloseIdleConnections() }); ok {
		tr.CloseIdleConnections()
	}
	goleak.VerifyNone(t, opt)
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
