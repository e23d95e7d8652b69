package main

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var decideItems = flag.Int("decide.items", 2000, "items of the certification TestDecideCostsWhatDecideAllCosts decides")

// decide sends what DecideAll sends: the pages of the undecided items and
// one call per 250 decisions, plus the certification and the token; the
// check that every id of the file is an item of the certification comes
// from the same pages. Run with -decide.items=100000 to measure.
func TestDecideCostsWhatDecideAllCosts(t *testing.T) {
	t.Parallel()
	n := *decideItems
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("large", n))
	var b strings.Builder
	b.WriteString("id,decision,comments\n")
	for _, it := range srv.Items("large") {
		b.WriteString(it.GetID() + ",APPROVE,kept\n")
	}
	r := newRunner(t).tenant(srv)
	r.file("all.csv", b.String())
	srv.ResetRequests()
	out := r.ok("decide", "large", "--file", "all.csv", "-o", "jsonl")
	assert.Contains(t, out.stdout, fmt.Sprintf(`"decided":%d`, n))

	pages := (n + certifications.MaxPageSize - 1) / certifications.MaxPageSize
	calls := (n + certifications.MaxDecisionsPerCall - 1) / certifications.MaxDecisionsPerCall
	lists := requestsTo(srv, "GET", "/access-review-items")
	t.Logf("decide of %d items: %d requests (%d listing pages, %d decide calls; minimum %d+%d)",
		n, len(srv.Requests()), lists, requestsTo(srv, "POST", "/decide"), pages, calls)
	require.Equal(t, calls, requestsTo(srv, "POST", "/decide"))
	// Review's way of reading the undecided items reads the counted first
	// page once more, confirms the count with one listing past it, and
	// overlaps some pages by one item.
	assert.LessOrEqual(t, lists, pages+pages/100+3, "one reading of the items, not two")
}
