package main

import (
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// When the server sends a recommendation with an item, items export and
// items list fill the recommendation column with it; items without one,
// and a recommendation of a shape the API does not document, leave it
// empty and lose no item.
func TestRecommendationIsFilledWhenTheServerGivesOne(t *testing.T) {
	t.Parallel()
	pages := map[string]string{
		"C": `[{"id":"i1","identitySummary":{"name":"Ann"},"accessSummary":{"access":{"type":"ENTITLEMENT","name":"admin"}},"recommendation":{"recommendation":"REVOKE","reasons":["unused"]}},` +
			`{"id":"i2","identitySummary":{"name":"Bo"},"accessSummary":{"access":{"type":"ROLE","name":"Dev"}}}]`,
		"BAD": `[{"id":"i1","recommendation":"REVOKE"},{"id":"i2"}]`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cert := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/v3/certifications/"), "/access-review-items")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(pages[cert]))
	}))
	t.Cleanup(srv.Close)
	p := &inProcess{vars: map[string]string{certifications.EnvBaseURL: srv.URL, certifications.EnvAccessToken: "tok"}}

	require.Equal(t, 0, p.run(t.Context(), false, "items", "export", "C"), p.stderr.String())
	rows, err := csv.NewReader(strings.NewReader(p.stdout.String())).ReadAll()
	require.NoError(t, err)
	rec := -1
	for i, h := range rows[0] {
		if h == "recommendation" {
			rec = i
		}
	}
	require.GreaterOrEqual(t, rec, 0)
	assert.Equal(t, "REVOKE", rows[1][rec])
	assert.Equal(t, "", rows[2][rec])

	require.Equal(t, 0, p.run(t.Context(), false, "items", "export", "C", "-o", "jsonl"), p.stderr.String())
	assert.Contains(t, p.stdout.String(), `"recommendation":{"recommendation":"REVOKE","reasons":["unused"]}`)
	require.Equal(t, 0, p.run(t.Context(), false, "items", "list", "C", "-o", "json"), p.stderr.String())
	assert.Contains(t, p.stdout.String(), `"recommendation": "REVOKE"`)

	require.Equal(t, 0, p.run(t.Context(), false, "items", "list", "BAD", "-o", "csv"), p.stderr.String())
	rows, err = csv.NewReader(strings.NewReader(p.stdout.String())).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 3, "both items, without recommendations")
}
