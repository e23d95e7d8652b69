package certtest

import (
	"fmt"
	"math/rand/v2"
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

// recount computes a certification's counters from its items.
func recount(tn *tenant, c *certState) (total, made, identTot, identDone int) {
	type cnt struct{ items, decided int }
	idents := map[identKey]*cnt{}
	for ref := range tn.refs(c) {
		total++
		k := tn.identOf(ref)
		if idents[k] == nil {
			idents[k] = &cnt{}
		}
		idents[k].items++
		if tn.decisions[ref] != nil {
			made++
			idents[k].decided++
		}
	}
	for _, ic := range idents {
		identTot++
		if ic.decided == ic.items {
			identDone++
		}
	}
	return
}

// TestCountersSurviveRandomMovesAndDecisions moves and decides items at
// random and checks after every step that the incremental counters and the
// fast paging window agree with a full recount.
func TestCountersSurviveRandomMovesAndDecisions(t *testing.T) {
	srv := NewServer(WithLargeCertification("big", 203), WithSizes(Sizes{ItemsPerIdentity: 3}))
	defer srv.Close()
	tn := srv.t
	rng := rand.New(rand.NewPCG(3, 4))
	tn.mu.Lock()
	defer tn.mu.Unlock()
	for step := range 600 {
		c := tn.certs[rng.IntN(len(tn.certs))]
		if c.total == 0 {
			continue
		}
		ref := tn.window(c, rng.IntN(c.total), 1)[0]
		switch rng.IntN(3) {
		case 0, 1:
			d := c
			for d == c {
				d = tn.certs[rng.IntN(len(tn.certs))]
			}
			tn.move(ref, c, d)
		case 2:
			id := tn.itemID(ref)
			e := tn.decide(c, []wireDecision{{ID: &id, Decision: certifications.Ptr("REVOKE"), Bulk: certifications.Ptr(false), Comments: certifications.Ptr("x")}})
			require.Nil(t, e)
		}
		for _, cc := range []*certState{c} {
			total, made, it, id := recount(tn, cc)
			require.Equal(t, []int{total, made, it, id}, []int{cc.total, cc.made, cc.identTot, cc.identDone}, "step %d, certification %d", step, cc.idx)
		}
	}
	for _, c := range tn.certs {
		total, made, it, id := recount(tn, c)
		require.Equal(t, []int{total, made, it, id}, []int{c.total, c.made, c.identTot, c.identDone})
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
