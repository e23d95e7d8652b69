package certtest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// newShuffledTenant returns a tenant with a certification "big" of n items
// and the default ones, locked until the test ends.
func newShuffledTenant(t *testing.T, n int) *tenant {
	t.Helper()
	srv := NewServer(WithLargeCertification("big", n), WithSizes(Sizes{IdentitiesPerCertification: 4, ItemsPerIdentity: 3}))
	t.Cleanup(srv.Close)
	tn := srv.t
	tn.mu.Lock()
	t.Cleanup(tn.mu.Unlock)
	return tn
}

// randomItem returns a random item of a random certification that has
// items.
func randomItem(tn *tenant, rng *rand.Rand) (*certState, itemRef) {
	for {
		c := tn.certs[rng.IntN(len(tn.certs))]
		if c.total() > 0 {
			return c, tn.window(c, rng.IntN(c.total()), 1)[0]
		}
	}
}

// decideItem decides ref of c as a decide call would.
func decideItem(t *testing.T, tn *tenant, c *certState, ref itemRef, dec string) {
	t.Helper()
	id := tn.itemID(ref)
	e := tn.decide(c, []wireDecision{{ID: &id, Decision: &dec, Bulk: certifications.Ptr(false), Comments: certifications.Ptr("x")}})
	require.Nil(t, e)
}

// shuffle makes n random changes: decisions (new and changed) and moves of
// items to other certifications, their own among them.
func shuffle(t *testing.T, tn *tenant, rng *rand.Rand, n int) {
	t.Helper()
	for range n {
		c, ref := randomItem(tn, rng)
		if rng.IntN(3) == 0 {
			d := c
			for d == c {
				d = tn.certs[rng.IntN(len(tn.certs))]
			}
			tn.move(ref, c, d)
			continue
		}
		decideItem(t, tn, c, ref, []string{"APPROVE", "REVOKE"}[rng.IntN(2)])
	}
}

// renderedDocs renders every item of the tenant once, as the scan of a
// filtered listing sees it.
func renderedDocs(tn *tenant) map[itemRef]map[string]any {
	docs := map[itemRef]map[string]any{}
	for _, c := range tn.certs {
		for ref := range tn.refs(c) {
			d := toDoc(tn.item(ref))
			tn.itemAliases(d)
			docs[ref] = d
		}
	}
	return docs
}

// TestItemFieldsAreTheRenderedOnes checks every field the index's plans
// read without rendering against the rendered item, for every item of a
// tenant whose items were decided and moved around.
func TestItemFieldsAreTheRenderedOnes(t *testing.T) {
	t.Parallel()
	tn := newShuffledTenant(t, 50)
	shuffle(t, tn, rand.New(rand.NewPCG(1, 2)), 150)
	present := map[string]int{}
	for ref, doc := range renderedDocs(tn) {
		for f := range itemFields {
			want, wantOK := lookup(doc, f)
			got, gotOK := lookup(tn.fieldDoc(ref, []string{f}), f)
			require.Equal(t, wantOK, gotOK, "%s of item %v is present", f, ref)
			require.Equal(t, want, got, "%s of item %v", f, ref)
			present[f] += b2i(gotOK)
		}
	}
	t.Logf("items with each field: %v", present)
	assert.Positive(t, present["accessProfile.sourceName"])
	assert.Positive(t, present["entitlement.sourceName"])
}

// itemFilterCase is a filter of TestIndexedItemListingsMatchTheScan and
// how it is expected to be answered.
type itemFilterCase struct {
	expr    string
	indexed bool // without a scan: the completed conjuncts alone
	planned bool // without rendering
}

// itemFilterCases returns filters over the items of c: pure completed
// tests, tests joined with fields known without rendering, and filters
// that need the items rendered.
func itemFilterCases(tn *tenant, c *certState) []itemFilterCase {
	ref0, ref5 := itemRef{int32(c.idx), 0}, itemRef{int32(c.idx), 5}
	q := func(f string, args ...any) string { return fmt.Sprintf(f, args...) }
	return []itemFilterCase{
		{"completed eq false", true, true},
		{"completed eq true", true, true},
		{"completed ne true", true, true},
		{"completed ne false", true, true},
		{"completed eq false and completed ne true", true, true},
		{"completed eq false and completed eq true", false, true},
		{`completed eq false and access.type eq "ROLE"`, false, true},
		{`completed eq true and (type eq "entitlement" or identitySummary.name sw "a")`, false, true},
		{`access.type eq "ACCESS_PROFILE"`, false, true},
		{`completed eq false and not (entitlement.sourceName eq "SAP")`, false, true},
		{`completed ne false and entitlement.sourceName isnull`, false, true},
		{`completed eq "false"`, false, true},
		{q(`completed eq false and id in ("%s", "%s")`, tn.itemID(ref0), tn.itemID(ref5)), false, true},
		{q(`identitySummary.id eq "%s" and completed eq false`, tn.identID(tn.identOf(ref5))), false, true},
		{q(`access.id eq "%s" or access.name sw "sap"`, tn.accessID(tn.kindOf(ref0))), false, true},
		{"completed eq false or completed eq true", false, true},
		{"completed eq false and newAccess eq true", false, false},
		{`completed eq false and accessSummary.access.name sw "a"`, false, false},
	}
}

// compareListings checks, for every certification and filter, with and
// without a pre-filter, that the index's answer is the scan's: the same
// items in the same order, the same count, and any window the same; and
// that a sorter leaves the listing to the scan. docs holds the rendered
// items, so that the scan renders each item once for all filters.
func compareListings(t *testing.T, tn *tenant, msg string) {
	t.Helper()
	docs := renderedDocs(tn)
	roles := func(ref itemRef) bool { return tn.kindIndex(ref) == kindRole }
	indexed := 0
	for _, c := range tn.certs {
		for _, fc := range itemFilterCases(tn, tn.cert("big")) {
			f, err := certifications.ParseFilter(fc.expr)
			require.NoError(t, err, fc.expr)
			for _, keep := range []func(itemRef) bool{nil, roles} {
				what := fmt.Sprintf("%s: certification %d, %q, pre-filter %t", msg, c.idx, fc.expr, keep != nil)
				slow := lister[itemRef, itemRef]{all: tn.refs(c), render: func(r itemRef) itemRef { return r },
					doc: func(r itemRef) map[string]any { return docs[r] }, keep: keep}
				fast := slow
				fast.index = func(lp listParams) (ranked[itemRef], bool) { return tn.indexedItems(c, lp, keep) }
				// With a sorter, the scan's own answer.
				_, ok := fast.direct(listParams{limit: 1, filter: f, sorters: []certifications.Sorter{{Field: "access.name"}}})
				require.False(t, ok, "%s: sorted without a scan", what)

				lp := listParams{limit: certifications.MaxPageSize, filter: f}
				m, ok := fast.direct(lp)
				require.Equal(t, fc.planned, ok, "%s: answered without rendering", what)
				if !ok {
					continue
				}
				if p, _ := planItems(f); fc.indexed {
					require.True(t, p.rest == nil && p.want != slotEmpty, "%s: a pure completed test", what)
					indexed++
				}
				want := slow.matching(lp)
				require.Equal(t, len(want), m.n, "%s: count", what)
				for _, off := range []int{0, 1, m.n / 3, m.n - 2, m.n - 1} {
					for _, n := range []int{1, 4, certifications.MaxPageSize} {
						if off >= 0 && off < m.n {
							require.Equal(t, want[off:min(off+n, len(want))], m.window(off, n), "%s: window %d+%d", what, off, n)
						}
					}
				}
			}
		}
		checkIndexFresh(t, tn, c, msg)
	}
	require.Positive(t, indexed)
}

// checkIndexFresh checks that c's index, kept up to date through the
// changes, is the one built from scratch now.
func checkIndexFresh(t *testing.T, tn *tenant, c *certState, msg string) {
	t.Helper()
	kept := c.index
	if kept == nil {
		return
	}
	c.index = nil
	fresh := tn.itemIndex(c)
	for _, v := range []slot{slotUndecided, slotDecided} {
		require.Equal(t, fresh.len(v), kept.len(v), "%s: count %d of certification %d", msg, v, c.idx)
		for p := range c.gen + len(c.added) {
			require.Equal(t, fresh.at(p), kept.at(p), "%s: position %d of certification %d", msg, p, c.idx)
		}
		for k := range fresh.len(v) {
			require.Equal(t, fresh.find(v, k), kept.find(v, k), "%s: rank %d of certification %d", msg, k, c.idx)
		}
	}
	c.index = kept
}

// TestIndexedItemListingsMatchTheScan decides and moves items at random,
// drops indexes now and then so that some are built again from the state,
// and compares every answer the index gives with the scan that renders
// every item, for filters it answers and filters it leaves to the scan.
func TestIndexedItemListingsMatchTheScan(t *testing.T) {
	t.Parallel()
	tn := newShuffledTenant(t, 150)
	rng := rand.New(rand.NewPCG(7, 8))
	compareListings(t, tn, "start")
	for round := range 5 {
		shuffle(t, tn, rng, 60)
		if round%2 == 1 {
			tn.certs[rng.IntN(len(tn.certs))].index = nil
		}
		compareListings(t, tn, fmt.Sprintf("round %d", round))
	}

	// Items moved into a certification and most of them out again: its
	// list of moved-in items is compacted, their positions change.
	big, dest := tn.cert("big"), tn.certs[0]
	tn.itemIndex(dest)
	var in []itemRef
	for i := 0; len(in) < 20; i++ {
		if ref := (itemRef{int32(big.idx), int32(i)}); tn.location(ref) == big.idx {
			tn.move(ref, big, dest)
			in = append(in, ref)
		}
	}
	decideItem(t, tn, dest, in[19], "APPROVE")
	before := len(dest.added)
	for _, ref := range in[:15] {
		tn.move(ref, dest, big)
	}
	require.Less(t, len(dest.added), before, "compacted")
	compareListings(t, tn, "after compaction")
}

// TestItemIndexIsSmall checks the size of the index of a 100,000-item
// certification: under half a byte per item.
func TestItemIndexIsSmall(t *testing.T) {
	t.Parallel()
	tn := newShuffledTenant(t, 100_000)
	c := tn.cert("big")
	decideItem(t, tn, c, itemRef{int32(c.idx), 99_999}, "APPROVE")
	ix := tn.itemIndex(c)
	size := 0
	for s := range ix.words {
		size += 8*len(ix.words[s]) + 4*len(ix.tree[s])
	}
	t.Logf("index of %d items: %d bytes", c.total(), size)
	assert.Less(t, size, c.total()/2)
	assert.Equal(t, []int{99_999, 1}, []int{ix.len(slotUndecided), ix.len(slotDecided)})
	assert.Equal(t, 99_999, ix.find(slotDecided, 0))
}
