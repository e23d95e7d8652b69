package e2e

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

const (
	// streamCertID is the sandbox certification the streaming benchmark
	// and test read.
	streamCertID = "stream-certification"
	// streamHeapMetric is the heap the sampler watches: the bytes of heap
	// objects, reachable or not yet swept, so garbage counts until it is
	// collected.
	streamHeapMetric = "/memory/classes/heap/objects:bytes"
	// streamSampleEvery is how often the sampler reads it.
	streamSampleEvery = time.Millisecond
	// streamReadAhead is the read-ahead of the benchmark's pager variant.
	streamReadAhead = 4
)

// newStreamSandbox starts a sandbox with one certification of items items
// and returns it with an unpaced client: the streaming runs measure the
// client and the sandbox, not the rate limit.
func newStreamSandbox(tb testing.TB, items int) (*certtest.Server, *certifications.APIClient) {
	tb.Helper()
	srv := certtest.NewTestServer(tb, certtest.WithLargeCertification(streamCertID, items))
	cfg := perfConfig(tb, srv, streamReadAhead)
	cfg.DisableRateLimit = true
	client := certifications.NewAPIClient(cfg)
	require.NoError(tb, client.Err())
	return srv, client
}

// streamCount ranges over seq and returns the number of items, checking
// that each was decoded (it has an id). It stops at the first error.
func streamCount(seq iter.Seq2[certifications.AccessReviewItem, error]) (int, error) {
	n := 0
	for item, err := range seq {
		if err != nil {
			return n, err
		}
		if item.GetID() == "" {
			return n, fmt.Errorf("item %d has no id", n)
		}
		n++
	}
	return n, nil
}

// streamHeap reads streamHeapMetric now.
func streamHeap() uint64 {
	s := []metrics.Sample{{Name: streamHeapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// streamSettledHeap collects garbage until the heap stops shrinking (at
// most a few cycles) and returns what is left: the baseline of a run.
func streamSettledHeap() uint64 {
	runtime.GC()
	h := streamHeap()
	for range 3 {
		runtime.GC()
		next := streamHeap()
		if next >= h {
			return next
		}
		h = next
	}
	return h
}

// streamHeapSampler reads streamHeapMetric every streamSampleEvery from a
// goroutine and keeps the highest value, until Stop.
type streamHeapSampler struct {
	stop chan struct{}
	done chan struct{}
	peak uint64 // written by the goroutine; read after done is closed
}

func startStreamHeapSampler() *streamHeapSampler {
	h := &streamHeapSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		tick := time.NewTicker(streamSampleEvery)
		defer tick.Stop()
		s := []metrics.Sample{{Name: streamHeapMetric}}
		for {
			metrics.Read(s)
			h.peak = max(h.peak, s[0].Value.Uint64())
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// Stop ends the sampling, waits for the goroutine and returns the peak,
// a last reading included.
func (h *streamHeapSampler) Stop() uint64 {
	close(h.stop)
	<-h.done
	return max(h.peak, streamHeap())
}

// streamMB converts bytes to MB for a benchmark metric.
func streamMB(b uint64) float64 { return float64(b) / (1 << 20) }

// BenchmarkStreamAll streams every item of a 10,000- and a 100,000-item
// certification from the sandbox with All, one page at a time, and with a
// pager reading 4 pages ahead. It reports the items per second, the heap
// after a forced collection before the loop (base-heap-MB) and the highest
// heap sampled during the loop (peak-heap-MB): the peak must not grow with
// the number of items.
func BenchmarkStreamAll(b *testing.B) {
	ctx := context.Background()
	for _, total := range []int{10_000, 100_000} {
		srv, client := newStreamSandbox(b, total)
		api := client.CertificationsApi
		for _, mode := range []struct {
			name string
			seq  func() iter.Seq2[certifications.AccessReviewItem, error]
		}{
			{"all", func() iter.Seq2[certifications.AccessReviewItem, error] {
				return api.ListIdentityAccessReviewItems(ctx, streamCertID).All()
			}},
			{fmt.Sprintf("readahead=%d", streamReadAhead), func() iter.Seq2[certifications.AccessReviewItem, error] {
				return api.ListIdentityAccessReviewItems(ctx, streamCertID).Pager().ReadAhead(streamReadAhead).All()
			}},
		} {
			b.Run(fmt.Sprintf("items=%d/%s", total, mode.name), func(b *testing.B) {
				// Warm up on the last page, outside the measurements: the
				// token, the connections, the API definition the validating
				// transport loads.
				n, err := streamCount(api.ListIdentityAccessReviewItems(ctx, streamCertID).Offset(int32(total - 250)).All())
				if err != nil || n != 250 {
					b.Fatalf("warm-up: %d items: %v", n, err)
				}
				b.ReportAllocs()
				base := streamSettledHeap()
				sampler := startStreamHeapSampler()
				b.ResetTimer()
				for range b.N {
					n, err := streamCount(mode.seq())
					if err != nil || n != total {
						b.Fatalf("streamed %d of %d items: %v", n, total, err)
					}
				}
				b.StopTimer()
				peak := sampler.Stop()
				b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
				b.ReportMetric(streamMB(base), "base-heap-MB")
				b.ReportMetric(streamMB(peak), "peak-heap-MB")
			})
		}
		srv.Close()
	}
}

// streamRun is the heap of one measured streaming run.
type streamRun struct {
	items      int
	base, peak uint64
}

// growth is how far the heap rose above the baseline during the run.
func (r streamRun) growth() uint64 { return r.peak - min(r.base, r.peak) }

func (r streamRun) String() string {
	return fmt.Sprintf("%d items: base %.1f MB, peak %.1f MB, growth %.1f MB",
		r.items, streamMB(r.base), streamMB(r.peak), streamMB(r.growth()))
}

// streamMeasure streams the items of req from a settled heap and returns
// the baseline and the peak sampled meanwhile.
func streamMeasure(t *testing.T, req certifications.ApiListIdentityAccessReviewItemsRequest) streamRun {
	t.Helper()
	base := streamSettledHeap()
	sampler := startStreamHeapSampler()
	n, err := streamCount(req.All())
	peak := sampler.Stop()
	require.NoError(t, err)
	return streamRun{items: n, base: base, peak: peak}
}

// streamFlatSlack is the heap growth, beyond 1.5 times that of the small
// run, that the large run may show: room for a sample that happened to
// catch one more page in flight or a collection starting a little later.
const streamFlatSlack = 4 << 20

// streamRaceBuild reports whether the test binary was built with -race,
// which makes decoding and encoding JSON about ten times slower.
func streamRaceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// Streaming holds a page at a time: the heap rises to the same peak for
// 60,000 items as for 10,000, instead of growing with the total. Under
// -race the runs are 6,000 and 1,000 items, the same ratio, to keep the
// test to a few seconds; 1,000 items are still 4 pages and several
// collections, enough to reach the peak a page in flight gives.
func TestStreamHeapStaysFlat(t *testing.T) {
	// The peak of a garbage-collected heap depends on GOGC; pin it so that
	// GOGC=off or a large value in the environment cannot fail the test.
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	total, small := 60_000, 10_000
	if streamRaceBuild() {
		total, small = 6_000, 1_000
	}
	_, client := newStreamSandbox(t, total)
	ctx := context.Background()
	items := func() certifications.ApiListIdentityAccessReviewItemsRequest {
		return client.CertificationsApi.ListIdentityAccessReviewItems(ctx, streamCertID)
	}

	// Warm up outside the measurements: the token, the connection, the
	// API definition the validating transport loads, the decoder's caches.
	n, err := streamCount(items().Offset(int32(total - 250)).All())
	require.NoError(t, err)
	require.Equal(t, 250, n)

	smallRun := streamMeasure(t, items().Offset(int32(total-small)))
	largeRun := streamMeasure(t, items())
	t.Log(smallRun)
	t.Log(largeRun)
	require.Equal(t, small, smallRun.items)
	require.Equal(t, total, largeRun.items)
	require.NotZero(t, smallRun.growth(), "the small run allocated nothing the sampler saw")
	assert.LessOrEqual(t, largeRun.growth(), smallRun.growth()*3/2+streamFlatSlack,
		"heap growth streaming %d items against %d: memory grows with the total", total, small)
}
