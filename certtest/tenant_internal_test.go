package certtest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

func TestScrambleIsABijection(t *testing.T) {
	for _, x := range []uint64{0, 1, 2, 99_999, 1 << 40, ^uint64(0)} {
		assert.Equal(t, x, unscramble(scramble(x)))
	}
	assert.NotEqual(t, scramble(1)>>32, scramble(2)>>32, "neighbours differ in the high bits too")
}

func TestItemAndIdentityIDsParse(t *testing.T) {
	srv := NewServer(WithLargeCertification("big", 1001))
	defer srv.Close()
	tn := srv.t
	for ci, c := range tn.certs {
		for _, i := range []int{0, 1, c.gen - 1} {
			ref := itemRef{int32(ci), int32(i)}
			got, ok := tn.parseItemID(tn.itemID(ref))
			require.True(t, ok)
			assert.Equal(t, ref, got)
			k := tn.identOf(ref)
			gk, ok := tn.parseIdentID(tn.identID(k))
			require.True(t, ok)
			assert.Equal(t, k, gk)
		}
		// An index past the end does not parse.
		_, ok := tn.parseItemID(c.itemPrefix + fmt.Sprintf("%016x", scramble(uint64(c.gen)^c.itemMask)))
		assert.False(t, ok)
	}
	_, ok := tn.parseItemID("not-an-id")
	assert.False(t, ok)
}

// recount computes a certification's tallies from its items: the whole
// certification's and each identity's. The kind is the one kindOf picks
// the catalog entry for (TestKindIndexIsTheRenderedType ties it to the
// rendered items).
func recount(tn *tenant, c *certState) (sum tally, idents map[identKey]tally, order []identKey) {
	idents = map[identKey]tally{}
	for ref := range tn.refs(c) {
		var d certifications.CertificationDecision
		if st := tn.decisions[ref]; st != nil {
			d = st.decision
		}
		kind := slices.Index(kindTypes[:], tn.kindOf(ref).typ)
		sum.add(kind, d, 1)
		k := tn.identOf(ref)
		if _, seen := idents[k]; !seen {
			order = append(order, k)
		}
		ik := idents[k]
		ik.add(kind, d, 1)
		idents[k] = ik
	}
	return sum, idents, order
}

// checkCounters compares c's incremental counters, identity tallies and
// identity paging with a full recount.
func checkCounters(t *testing.T, tn *tenant, c *certState, msg string) {
	t.Helper()
	sum, idents, order := recount(tn, c)
	require.Equal(t, sum, c.sum, "%s: tally of certification %d", msg, c.idx)
	done := 0
	for k, want := range idents {
		require.Equal(t, want, c.peekIdentity(k), "%s: identity %v of certification %d", msg, k, c.idx)
		done += b2i(want.complete())
	}
	require.Equal(t, []int{len(idents), done}, []int{c.identTot, c.identDone}, "%s: identity counters of certification %d", msg, c.idx)
	require.Equal(t, order, slices.Collect(tn.identities(c)), "%s: identities of certification %d in item order", msg, c.idx)
	for _, off := range []int{0, 1, 3, len(order) / 2, max(0, len(order)-2)} {
		want := order[min(off, len(order)):min(off+3, len(order))]
		got := tn.identWindow(c, off, 3)
		require.Equal(t, len(want), len(got), "%s: identity window at %d", msg, off)
		if len(want) > 0 {
			require.Equal(t, want, got, "%s: identity window at %d", msg, off)
		}
	}
}

// TestCountersSurviveRandomMovesAndDecisions moves and decides items at
// random (new and changed decisions) and checks after every step that the
// incremental counters and the fast paging windows agree with a full
// recount.
func TestCountersSurviveRandomMovesAndDecisions(t *testing.T) {
	srv := NewServer(WithLargeCertification("big", 203), WithSizes(Sizes{ItemsPerIdentity: 3}))
	defer srv.Close()
	tn := srv.t
	rng := rand.New(rand.NewPCG(3, 4))
	tn.mu.Lock()
	defer tn.mu.Unlock()
	for _, c := range tn.certs {
		checkCounters(t, tn, c, "start")
	}
	for step := range 600 {
		c := tn.certs[rng.IntN(len(tn.certs))]
		if c.total() == 0 {
			continue
		}
		ref := tn.window(c, rng.IntN(c.total()), 1)[0]
		switch rng.IntN(3) {
		case 0, 1:
			d := c
			for d == c {
				d = tn.certs[rng.IntN(len(tn.certs))]
			}
			tn.move(ref, c, d)
			checkCounters(t, tn, d, fmt.Sprintf("step %d", step))
		case 2:
			id := tn.itemID(ref)
			dec := []string{"APPROVE", "REVOKE"}[rng.IntN(2)]
			e := tn.decide(c, []wireDecision{{ID: &id, Decision: &dec, Bulk: certifications.Ptr(false), Comments: certifications.Ptr("x")}})
			require.Nil(t, e)
		}
		checkCounters(t, tn, c, fmt.Sprintf("step %d", step))
	}
	for _, c := range tn.certs {
		checkCounters(t, tn, c, "end")
		var all []itemRef
		for ref := range tn.refs(c) {
			all = append(all, ref)
		}
		for _, off := range []int{0, 1, 7, len(all) / 2, max(0, len(all)-3)} {
			want := all[off:min(off+5, len(all))]
			got := tn.window(c, off, 5)
			if len(want) == 0 {
				assert.Empty(t, got)
				continue
			}
			assert.Equal(t, want, got, "window at %d of certification %d", off, c.idx)
		}
	}
}

// TestGeneratedTotalsMatchTheItems checks the closed form of genTotals
// against counting the kinds item by item, for sizes around the rotation
// of four kinds.
func TestGeneratedTotalsMatchTheItems(t *testing.T) {
	for _, per := range []int{1, 2, 3, 4, 5, 7, 8} {
		for _, gen := range []int{0, 1, 2, 3, 4, 5, 9, 16, 17, 31, 100, 1001} {
			c := &certState{gen: gen, perIdent: per}
			var want tally
			for i := range gen {
				want.add(kindAt(i%per, i/per), "", 1)
			}
			assert.Equal(t, want, c.genTotals(), "%d items, %d per identity", gen, per)
		}
	}
}

// TestKindIndexIsTheRenderedType checks that the kind the counters use is
// the access type of the rendered item.
func TestKindIndexIsTheRenderedType(t *testing.T) {
	srv := NewServer(WithSizes(Sizes{ItemsPerIdentity: 5}))
	defer srv.Close()
	tn := srv.t
	for _, c := range tn.certs {
		for ref := range tn.refs(c) {
			it := tn.item(ref)
			require.Equal(t, it.GetAccessSummary().GetAccess().GetType(), kindTypes[tn.kindIndex(ref)])
		}
	}
}
