package certtest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRankIndexAgreesWithAList sets positions of a growing index at random
// and checks counts, ranks, windows and iteration against a plain list of
// slots after every step, across block boundaries and tree rebuilds.
func TestRankIndexAgreesWithAList(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	ix := newRankIndex(0)
	var want []slot
	for step := range 2000 {
		if step%40 == 0 { // grow now and then, by up to two blocks
			n := len(want) + rng.IntN(130)
			ix.grow(n)
			for len(want) < n {
				want = append(want, slotEmpty)
			}
		}
		if len(want) == 0 {
			continue
		}
		p, v := rng.IntN(len(want)), slot(rng.IntN(3))
		ix.set(p, v)
		want[p] = v
		if step%25 == 0 {
			checkRankIndex(t, ix, want, rng)
		}
	}
	checkRankIndex(t, ix, want, rng)

	// recount after marks gives the same index as set.
	re := newRankIndex(len(want))
	for p, v := range want {
		re.mark(p, v)
	}
	re.recount()
	checkRankIndex(t, re, want, rng)

	// fill marks a prefix undecided.
	f := newRankIndex(200)
	f.fill(130)
	f.recount()
	require.Equal(t, 130, f.len(slotUndecided))
	require.Equal(t, 129, f.find(slotUndecided, 129))
	require.Equal(t, slotEmpty, f.at(130))
}

func checkRankIndex(t *testing.T, ix *rankIndex, want []slot, rng *rand.Rand) {
	t.Helper()
	for _, v := range []slot{slotUndecided, slotDecided} {
		var pos []int
		for p, w := range want {
			if w == v {
				pos = append(pos, p)
			}
		}
		require.Equal(t, len(pos), ix.len(v), "count of %d", v)
		for k, p := range pos {
			require.Equal(t, p, ix.find(v, k), "rank %d of %d", k, v)
		}
		require.Equal(t, pos, slices.Collect(ix.from(v, 0)), "positions of %d", v)
		for range 5 {
			off, n := rng.IntN(len(pos)+2), rng.IntN(70)
			w := pos[min(off, len(pos)):min(off+n, len(pos))]
			require.Equal(t, append([]int{}, w...), ix.window(v, off, n), "window %d+%d of %d", off, n, v)
		}
	}
	for p, w := range want {
		require.Equal(t, w, ix.at(p), "position %d", p)
	}
}
