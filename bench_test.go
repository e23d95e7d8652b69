package certifications

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// benchPageServer serves the same 250-item page of fully populated review
// items (built from the spec's example) for every request.
func benchPageServer(b *testing.B) (*httptest.Server, int) {
	b.Helper()
	body := page(b, "listIdentityAccessReviewItems", 250)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv, len(body)
}

func benchClient(srv *httptest.Server) *APIClient {
	cfg := NewConfiguration()
	cfg.BaseURL, cfg.AccessToken = srv.URL, "bench-token"
	// Pacing is a deliberate throttle; the benchmark measures the pipeline.
	cfg.DisableRateLimit = true
	return NewAPIClient(cfg)
}

func sdkList(b *testing.B, c *APIClient) {
	items, _, err := c.CertificationsApi.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(250).Execute()
	if err != nil || len(items) != 250 {
		b.Fatalf("sdk: %d items, %v", len(items), err)
	}
}

// baselineList is what a careful hand-written client does: net/http plus
// encoding/json into the same structs.
func baselineList(b *testing.B, hc *http.Client, url string) {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url+"/v3/certifications/cert-1/access-review-items?limit=250", nil)
	req.Header.Set("Authorization", "Bearer bench-token")
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	var items []AccessReviewItem
	err = json.NewDecoder(resp.Body).Decode(&items)
	_ = resp.Body.Close()
	if err != nil || len(items) != 250 {
		b.Fatalf("baseline: %d items, %v", len(items), err)
	}
}

// BenchmarkListAccessReviewItems compares a full ListIdentityAccessReviewItems
// call (250 fully populated items) with the plain net/http + encoding/json
// baseline in the same run.
func BenchmarkListAccessReviewItems(b *testing.B) {
	srv, size := benchPageServer(b)
	b.Run("sdk", func(b *testing.B) {
		c := benchClient(srv)
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for i := 0; i < b.N; i++ {
			sdkList(b, c)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{}
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for i := 0; i < b.N; i++ {
			baselineList(b, hc, srv.URL)
		}
	})
}

// BenchmarkListAccessReviewItemsRatio interleaves SDK and baseline calls and
// reports their time and allocation ratios (sdk / baseline); the goal is
// at most 1.10 for both.
func BenchmarkListAccessReviewItemsRatio(b *testing.B) {
	srv, _ := benchPageServer(b)
	c := benchClient(srv)
	hc := &http.Client{}
	var sdkTime, baseTime time.Duration
	var sdkAllocs, baseAllocs, sdkBytes, baseBytes uint64
	var ms runtime.MemStats
	measure := func(f func()) (time.Duration, uint64, uint64) {
		runtime.ReadMemStats(&ms)
		m0, b0 := ms.Mallocs, ms.TotalAlloc
		start := time.Now()
		f()
		d := time.Since(start)
		runtime.ReadMemStats(&ms)
		return d, ms.Mallocs - m0, ms.TotalAlloc - b0
	}
	sdkList(b, c) // warm both connections
	baselineList(b, hc, srv.URL)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, a, by := measure(func() { sdkList(b, c) })
		sdkTime, sdkAllocs, sdkBytes = sdkTime+d, sdkAllocs+a, sdkBytes+by
		d, a, by = measure(func() { baselineList(b, hc, srv.URL) })
		baseTime, baseAllocs, baseBytes = baseTime+d, baseAllocs+a, baseBytes+by
	}
	n := float64(b.N)
	b.ReportMetric(float64(sdkTime.Nanoseconds())/n, "sdk-ns/call")
	b.ReportMetric(float64(baseTime.Nanoseconds())/n, "base-ns/call")
	b.ReportMetric(float64(sdkAllocs)/n, "sdk-allocs/call")
	b.ReportMetric(float64(baseAllocs)/n, "base-allocs/call")
	b.ReportMetric(float64(sdkBytes)/n, "sdk-B/call")
	b.ReportMetric(float64(baseBytes)/n, "base-B/call")
	b.ReportMetric(float64(sdkTime)/float64(baseTime), "time-ratio")
	b.ReportMetric(float64(sdkAllocs)/float64(baseAllocs), "alloc-ratio")
}
