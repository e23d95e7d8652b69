package certtest_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/iscgo/certifications/certtest"
)

// BenchmarkItemsPage measures one 250-item page of a 100,000-item
// certification, at the start (the baseline) and at the end: items are
// generated for the page only, so the offset must not change the cost.
func BenchmarkItemsPage(b *testing.B) {
	srv := certtest.NewTestServer(b, certtest.WithLargeCertification("big", 100_000))
	token := srv.IssueToken()
	hc := srv.Configuration().HTTPClient
	for _, offset := range []int{0, 99_750} {
		b.Run("offset="+strconv.Itoa(offset), func(b *testing.B) {
			req, err := http.NewRequest(http.MethodGet, srv.URL()+"/v3/certifications/big/access-review-items?offset="+strconv.Itoa(offset), nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+token)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				resp, err := hc.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				n, _ := resp.Body.Read(make([]byte, 1))
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || n != 1 {
					b.Fatalf("status %d", resp.StatusCode)
				}
			}
		})
	}
}
