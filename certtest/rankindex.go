package certtest

import (
	"iter"
	"math/bits"
)

// slot is what one position of an item list holds, as a rankIndex sees it.
type slot uint8

const (
	slotEmpty     slot = iota // no item: it moved away, or the entry is a removed one
	slotUndecided             // an item without decision (completed false)
	slotDecided               // a decided item (completed true)
)

// rankIndex ranks the positions of a list by the state of the item at each
// (undecided or decided): how many positions hold an item in a state, and
// which position holds the k-th of them, each in O(log n), so that a
// listing filtered on completed finds its page without going through the
// items in front of it.
//
// It keeps a bit per position and state, and per state a Fenwick tree of
// the bits' counts per block of 64 positions: under half a byte per
// position, 38 KB for 100,000 items.
type rankIndex struct {
	size  int         // positions
	words [2][]uint64 // per state: bit p%64 of word p/64 is set when position p holds an item in that state
	tree  [2][]int32  // per state: Fenwick tree (1-based) of the blocks' counts; len is the capacity in blocks + 1
	count [2]int      // per state: the items in it
	high  int         // the highest power of two not above the capacity in blocks
}

// state is the index of v in rankIndex's per-state arrays, -1 for
// slotEmpty.
func (v slot) state() int { return int(v) - 1 }

// newRankIndex returns an index of size empty positions.
func newRankIndex(size int) *rankIndex {
	ix := &rankIndex{}
	ix.rebuild(1)
	ix.grow(size)
	return ix
}

// grow makes room for positions up to size; new positions are empty.
func (ix *rankIndex) grow(size int) {
	if size <= ix.size {
		return
	}
	ix.size = size
	blocks := (size + 63) / 64
	for s := range ix.words {
		for len(ix.words[s]) < blocks {
			ix.words[s] = append(ix.words[s], 0)
		}
	}
	if blocks > len(ix.tree[0])-1 {
		// Doubling keeps appending positions one at a time (items moved
		// in) at O(log n) each on average.
		ix.rebuild(max(blocks, 2*(len(ix.tree[0])-1)))
	}
}

// rebuild recomputes the counts and the trees, with room for capacity
// blocks, from the bits.
func (ix *rankIndex) rebuild(capacity int) {
	ix.high = 1
	for ix.high*2 <= capacity {
		ix.high *= 2
	}
	for s := range ix.tree {
		tree := make([]int32, capacity+1)
		n := 0
		for b, w := range ix.words[s] {
			c := bits.OnesCount64(w)
			tree[b+1] += int32(c)
			n += c
		}
		for i := 1; i <= capacity; i++ { // each node adds itself to its parent
			if j := i + i&-i; j <= capacity {
				tree[j] += tree[i]
			}
		}
		ix.tree[s], ix.count[s] = tree, n
	}
}

// recount brings the counts and the trees in step with bits changed by
// mark and fill.
func (ix *rankIndex) recount() { ix.rebuild(len(ix.tree[0]) - 1) }

// mark sets position p to slot v in the bits alone and returns what it
// held: recount, or set, brings the trees in step.
func (ix *rankIndex) mark(p int, v slot) slot {
	old := ix.at(p)
	if s := old.state(); s >= 0 {
		ix.words[s][p/64] &^= 1 << (p % 64)
	}
	if s := v.state(); s >= 0 {
		ix.words[s][p/64] |= 1 << (p % 64)
	}
	return old
}

// fill marks positions [0, n) undecided, in the bits alone.
func (ix *rankIndex) fill(n int) {
	w := ix.words[slotUndecided.state()]
	for b := range n / 64 {
		w[b] = ^uint64(0)
	}
	if r := n % 64; r > 0 {
		w[n/64] |= 1<<r - 1
	}
}

// at returns what position p holds.
func (ix *rankIndex) at(p int) slot {
	for _, v := range []slot{slotUndecided, slotDecided} {
		if ix.words[v.state()][p/64]&(1<<(p%64)) != 0 {
			return v
		}
	}
	return slotEmpty
}

// set sets position p to slot v.
func (ix *rankIndex) set(p int, v slot) {
	old := ix.mark(p, v)
	if old == v {
		return
	}
	ix.add(old, p/64, -1)
	ix.add(v, p/64, 1)
}

// add adds d to the count of block b in the tree of v's state.
func (ix *rankIndex) add(v slot, b, d int) {
	s := v.state()
	if s < 0 {
		return
	}
	ix.count[s] += d
	tree := ix.tree[s]
	for i := b + 1; i < len(tree); i += i & -i {
		tree[i] += int32(d)
	}
}

// len returns how many positions hold an item in state v.
func (ix *rankIndex) len(v slot) int { return ix.count[v.state()] }

// find returns the position of the k-th (from 0) item in state v; k must
// be below len(v).
func (ix *rankIndex) find(v slot, k int) int {
	s := v.state()
	tree := ix.tree[s]
	b := 0 // blocks before the one that holds it
	for step := ix.high; step > 0; step /= 2 {
		if next := b + step; next < len(tree) && int(tree[next]) <= k {
			b = next
			k -= int(tree[next])
		}
	}
	w := ix.words[s][b]
	for range k {
		w &= w - 1 // drop the lowest bits that rank before it
	}
	return b*64 + bits.TrailingZeros64(w)
}

// window returns the positions of the items in state v ranked [off,
// off+n), in order.
func (ix *rankIndex) window(v slot, off, n int) []int {
	n = max(0, min(n, ix.len(v)-off))
	out := make([]int, 0, n)
	if n == 0 {
		return out
	}
	for p := range ix.from(v, ix.find(v, off)) {
		out = append(out, p)
		if len(out) == n {
			break
		}
	}
	return out
}

// from iterates over the positions of the items in state v from position
// p on, in order.
func (ix *rankIndex) from(v slot, p int) iter.Seq[int] {
	return func(yield func(int) bool) {
		words := ix.words[v.state()]
		for b := p / 64; b < len(words); b++ {
			w := words[b]
			if b == p/64 {
				w &^= 1<<(p%64) - 1
			}
			for ; w != 0; w &= w - 1 {
				if !yield(b*64 + bits.TrailingZeros64(w)) {
					return
				}
			}
		}
	}
}
