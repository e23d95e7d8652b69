package certifications_test

import (
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// itemPageBody returns the raw body of a page of a certification's items
// as the sandbox serves it.
func itemPageBody(t testing.TB, srv *certtest.Server, certID string, offset int) []byte {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL()+"/v3/certifications/"+certID+"/access-review-items?limit=250&offset="+strconv.Itoa(offset), nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.IssueToken())
	resp, err := srv.Configuration().HTTPClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return body
}

// Every page of items of the sandbox's certifications is read without
// encoding/json, to the items encoding/json gives.
func TestDecodeJSONReadsTheSandboxPages(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("big", 600))
	pages := map[string][]byte{}
	for _, c := range srv.Certifications() {
		pages[c.GetID()] = itemPageBody(t, srv, c.GetID(), 0)
	}
	for _, offset := range []int{250, 500} {
		pages["big@"+strconv.Itoa(offset)] = itemPageBody(t, srv, "big", offset)
	}
	for name, body := range pages {
		var want, got []certifications.AccessReviewItem
		require.NoError(t, json.Unmarshal(body, &want), name)
		require.NotEmpty(t, want, name)
		require.NoError(t, certifications.DecodeJSON(body, &got), name)
		assert.True(t, reflect.DeepEqual(want, got), "%s: decodeJSON and encoding/json differ", name)
		assert.True(t, certifications.ReadsItemPage(body), "%s: the page was left to encoding/json", name)
	}
}

// BenchmarkDecodeItemPage decodes a page of 250 of the sandbox's items
// with decodeJSON and, as the baseline, with encoding/json.
func BenchmarkDecodeItemPage(b *testing.B) {
	srv := certtest.NewTestServer(b, certtest.WithLargeCertification("big", 250))
	body := itemPageBody(b, srv, "big", 0)
	for _, bc := range []struct {
		name   string
		decode func([]byte, any) error
	}{{"decodeJSON", certifications.DecodeJSON}, {"encoding-json", json.Unmarshal}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				var page []certifications.AccessReviewItem
				if err := bc.decode(body, &page); err != nil || len(page) != 250 {
					b.Fatalf("decoded %d items: %v", len(page), err)
				}
			}
		})
	}
}
