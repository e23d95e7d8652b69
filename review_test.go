package certifications

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// leaveIf returns a rule that leaves alone the items whose list position
// matches, approves every third of the rest and revokes the others.
func leaveIf(alone func(i int) bool) ReviewRule {
	return func(item AccessReviewItem) (ReviewDecision, bool) {
		i := fakeIndex(item.GetID())
		if alone(i) {
			return ReviewDecision{}, false
		}
		d := CertificationDecisionRevoke
		if i%3 == 0 {
			d = CertificationDecisionApprove
		}
		return ReviewDecision{Decision: d, Bulk: true}, true
	}
}

// ceilDiv is the number of calls n things take at size per call.
func ceilDiv(n, size int) int { return (n + size - 1) / size }

// wantListings is the number of listings Review needs for undecided items
// read pageSize at a time: one short page, or the counted first page, the
// listing at the count that confirms it, and every page from the back.
// Pages read while the one behind is on its way overlap by an item, so
// there may be up to most.
func wantListings(undecided, pageSize int) (least, most int) {
	switch {
	case undecided < pageSize:
		return 1, 1
	case undecided == pageSize:
		return 2, 2
	}
	least = 2 + ceilDiv(undecided, pageSize)
	if pageSize == 1 {
		return least, least // pages of one item are read one at a time
	}
	return least, 2 + ceilDiv(undecided-1, pageSize-1)
}

// assertListings checks the number of listings against wantListings:
// exactly the least when they are read one at a time.
func assertListings(t *testing.T, got, undecided, pageSize int, oneAtATime bool) {
	t.Helper()
	least, most := wantListings(undecided, pageSize)
	if oneAtATime {
		most = least
	}
	assert.GreaterOrEqual(t, got, least, "listings")
	assert.LessOrEqual(t, got, most, "listings")
}

// Review hands each undecided item to the rule once, decides exactly what
// the rule decides, and needs no more calls than the pages of undecided
// items plus one and the chunks of its decisions, whatever the rule leaves
// alone and wherever the items it leaves alone lie.
func TestReviewDecidesEachUndecidedItemOnce(t *testing.T) {
	patterns := map[string]func(i int) bool{
		"decide all":      func(int) bool { return false },
		"leave all":       func(int) bool { return true },
		"leave every 3rd": func(i int) bool { return i%3 == 0 },
		"leave the front": func(i int) bool { return i < 400 },
		"leave the back":  func(i int) bool { return i >= 600 },
		"leave page ends": func(i int) bool { return i%250 == 0 || i%250 == 249 },
		"leave at random": func(i int) bool { return rand.New(rand.NewPCG(uint64(i), 7)).IntN(5) == 0 },
	}
	sizes := []struct {
		items, predecided int
		page, chunk, conc int
		name              string
	}{
		{name: "1000 items", items: 1000},
		{name: "1000 items, 1 at a time", items: 1000, conc: 1},
		{name: "251 items", items: 251},
		{name: "exactly one page", items: 250},
		{name: "small pages and chunks", items: 307, page: 20, chunk: 13, conc: 6},
		{name: "pages of one item", items: 40, page: 1, chunk: 7, conc: 3},
		{name: "some decided before", items: 1000, predecided: 377},
		{name: "none", items: 0},
	}
	for _, sz := range sizes {
		for name, alone := range patterns {
			t.Run(sz.name+"/"+name, func(t *testing.T) {
				f, c := newFakeCert(t, sz.items)
				for i := 0; i < sz.predecided; i++ {
					f.decideNow(fakeItemID(i * 2))
				}
				f.mu.Lock()
				undecided := f.undecided()
				f.mu.Unlock()
				var wantDecided, wantAlone []string
				for _, id := range undecided {
					if alone(fakeIndex(id)) {
						wantAlone = append(wantAlone, id)
					} else {
						wantDecided = append(wantDecided, id)
					}
				}
				page, chunk := max(sz.page, 0), max(sz.chunk, 0)
				res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(alone), &ReviewOptions{PageSize: page, ChunkSize: chunk, Concurrency: sz.conc})
				require.NoError(t, err)
				if page == 0 {
					page = MaxPageSize
				}
				if chunk == 0 {
					chunk = MaxDecisionsPerCall
				}

				assertSameIDs(t, wantDecided, res.Decided)
				assertSameIDs(t, wantAlone, res.LeftAlone)
				assert.Empty(t, res.Failed)
				// Only pages that overlap the one behind them repeat an item.
				if sz.conc == 1 {
					assert.Zero(t, res.Ignored)
				} else {
					assert.Less(t, res.Ignored, max(res.ListCalls-1, 1))
				}
				assert.Equal(t, len(undecided), res.Total)
				f.assertDecidedOnce(t, wantDecided)
				f.mu.Lock()
				for _, id := range wantDecided {
					assert.Equal(t, leaveIfDecision(id), f.decided[id], "decision on %s", id)
				}
				assertSameIDs(t, wantAlone, f.undecided(), "what is left undecided")
				f.mu.Unlock()

				assertListings(t, f.count(http.MethodGet), len(undecided), page, sz.conc == 1)
				assert.Equal(t, ceilDiv(len(wantDecided), chunk), f.count(http.MethodPost), "decide calls")
				assert.Equal(t, f.count(http.MethodGet), res.ListCalls)
				assert.Equal(t, f.count(http.MethodPost), res.DecideCalls)
				partial := 0
				for i, r := range f.requests() {
					if i == 1 && r.method == http.MethodGet && r.offset == len(undecided) {
						continue // the listing at the count that confirms it
					}
					assert.Equal(t, http.StatusOK, r.status, "request %d (%s at offset %d) answered %d: nothing else is read past the end", i, r.method, r.offset, r.status)
					if r.method == http.MethodPost && r.decisions < chunk {
						partial++
					}
				}
				assert.LessOrEqual(t, partial, 1, "decide calls not full")
			})
		}
	}
}

// leaveIfDecision is the decision leaveIf makes for the item id.
func leaveIfDecision(id string) CertificationDecision {
	if fakeIndex(id)%3 == 0 {
		return CertificationDecisionApprove
	}
	return CertificationDecisionRevoke
}

// Another reviewer deciding items while Review runs moves the undecided
// items under it: items it has not read yet, items it left alone, items
// whose decisions are on their way. Review still hands every item that is
// undecided when it gets there to the rule, never decides one twice, and
// reads no more pages than planned.
func TestReviewWithAnotherReviewerDeciding(t *testing.T) {
	const items = 1200
	alone := func(i int) bool { return i%4 == 1 }
	others := map[string]func(f *fakeCert, n int, rng *rand.Rand) []string{
		"ahead at the front": func(f *fakeCert, n int, _ *rand.Rand) []string {
			u := f.undecided()
			return u[:min(7, len(u))]
		},
		"items left alone": func(f *fakeCert, n int, _ *rand.Rand) []string {
			var out []string
			for _, id := range f.undecided() {
				if alone(fakeIndex(id)) && fakeIndex(id) > items-300*(n/2+1) && len(out) < 20 {
					out = append(out, id)
				}
			}
			return out
		},
		"anywhere at random": func(f *fakeCert, n int, rng *rand.Rand) []string {
			u := f.undecided()
			var out []string
			for range min(25, len(u)) {
				out = append(out, u[rng.IntN(len(u))])
			}
			return out
		},
		"half at once": func(f *fakeCert, n int, _ *rand.Rand) []string {
			if n != 3 {
				return nil
			}
			u := f.undecided()
			return u[:len(u)/2]
		},
	}
	for name, pick := range others {
		for _, conc := range []int{1, 4} {
			t.Run(fmt.Sprintf("%s/concurrency %d", name, conc), func(t *testing.T) {
				f, c := newFakeCert(t, items)
				rng := rand.New(rand.NewPCG(3, uint64(conc)))
				theirs := map[string]bool{}
				f.before = func(f *fakeCert, n int, _ *http.Request) {
					for _, id := range pick(f, n, rng) {
						theirs[id] = true
						f.decideNow(id)
					}
				}
				res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(alone), &ReviewOptions{PageSize: 100, Concurrency: conc})
				require.NoError(t, err)
				f.before = nil

				ours := map[string]bool{}
				for _, id := range res.Decided {
					require.False(t, ours[id], "item %s decided twice by the review", id)
					ours[id] = true
				}
				f.mu.Lock()
				defer f.mu.Unlock()
				for _, id := range f.ids {
					assert.Equal(t, b2i(ours[id]), f.calls[id], "review's decide calls on %s", id)
					if alone(fakeIndex(id)) {
						assert.False(t, ours[id], "item %s is one the rule leaves alone", id)
					} else {
						assert.True(t, ours[id] || theirs[id], "item %s was decided by nobody: the review skipped it", id)
					}
				}
				// Every item still undecided was read and left alone.
				assert.Subset(t, res.LeftAlone, f.undecided())
				reads := 0
				for _, r := range f.log {
					if r.method == http.MethodGet {
						reads++
					}
				}
				_, most := wantListings(items, 100)
				assert.LessOrEqual(t, reads, 2*most, "listings: at most a second pass")
			})
		}
	}
}

// Two pages on their way at once may reach the server in either order.
// When the page in front is processed after the one behind it, and
// another reviewer decided items in front of both in between, items slip
// between the two pages. The pages share no item then; the review notices
// and reads what is undecided once more, so that nothing is missed.
func TestReviewReadsAgainWhenItemsSlipBetweenPages(t *testing.T) {
	f, c := newFakeCert(t, 1000)
	var before []string // the undecided items when the page behind was processed
	f.view = func(f *fakeCert, r fakeRequest) []string {
		switch {
		case r.count && r.offset == 0:
			before = f.undecided()
		case r.offset == 900: // the last page, processed after the others decided
			f.decideNow(f.undecided()[:10]...)
		case r.offset == 801: // the page behind it, overlapping it by one item
			return before
		}
		return nil
	}
	res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), &ReviewOptions{PageSize: 100})
	require.NoError(t, err)
	f.mu.Lock()
	defer f.mu.Unlock()
	assert.Empty(t, f.undecided(), "every item decided, the ones that slipped between the pages included")
	for i := 901; i < 910; i++ {
		assert.Contains(t, res.Decided, fakeItemID(i))
	}
	first := 0
	for i, r := range f.log {
		if r.method == http.MethodGet && r.count && r.offset == 0 && i > 0 {
			first = i
		}
	}
	assert.Positive(t, first, "a second pass started with a count")
}

// A review interrupted halfway leaves a rerun only the pages of what is
// still undecided, and no item is decided twice over both runs.
func TestReviewRerunCostsOnlyWhatIsLeft(t *testing.T) {
	const items = 5000
	f, c := newFakeCert(t, items)
	alone := func(i int) bool { return i%10 == 0 }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res, err := c.CertificationsApi.Review(ctx, f.id, leaveIf(alone), &ReviewOptions{
		Concurrency: 2,
		Progress: func(p ReviewProgress) {
			if p.Decided >= items/2 {
				cancel()
			}
		},
	})
	require.ErrorIs(t, err, context.Canceled)
	require.NotEmpty(t, res.Decided)
	for id, err := range res.Failed {
		require.ErrorIs(t, err, context.Canceled, "failed %s", id)
	}

	f.quiesce() // calls the cancelled run gave up on may still be applied
	f.mu.Lock()
	left := f.undecided()
	f.log = nil
	f.mu.Unlock()
	decisions := 0
	for _, id := range left {
		if !alone(fakeIndex(id)) {
			decisions++
		}
	}
	require.Positive(t, decisions)
	again, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(alone), nil)
	require.NoError(t, err)
	assert.Equal(t, len(left), again.Total)
	assertListings(t, f.count(http.MethodGet), len(left), MaxPageSize, false)
	assert.Equal(t, ceilDiv(decisions, MaxDecisionsPerCall), f.count(http.MethodPost))

	f.assertDecidedOnce(t, fakeIDs(items, func(i int) bool { return !alone(i) }))
}

// A decide call whose answer is lost after the server applied it is
// recorded as failed and the review goes on; a rerun finds those items
// decided and does not send them again.
func TestReviewLostAnswerIsNotDecidedAgain(t *testing.T) {
	f, c := newFakeCert(t, 1000)
	f.decideFault = func(n int) (bool, int, error) {
		if n == 2 {
			return true, 0, errDropped
		}
		return true, 0, nil
	}
	res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, errDropped)
	assert.Len(t, res.Failed, MaxDecisionsPerCall)
	assert.Len(t, res.Decided, 1000-MaxDecisionsPerCall)
	assert.Equal(t, 4, res.DecideCalls, "the review went on after the failure")

	f.decideFault = nil
	again, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), nil)
	require.NoError(t, err)
	assert.Empty(t, again.Decided)
	assert.Zero(t, again.Total)
	f.assertDecidedOnce(t, fakeIDs(1000, func(int) bool { return true }))
}

// A decide call the server refuses stops the review: nothing more is read
// or sent, and the decisions not sent are reported with the refusal.
func TestReviewStopsWhenTheServerRefusesADecision(t *testing.T) {
	f, c := newFakeCert(t, 3000)
	f.decideFault = func(n int) (bool, int, error) {
		if n == 1 {
			return false, http.StatusBadRequest, nil
		}
		return true, 0, nil
	}
	res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), &ReviewOptions{Concurrency: 1})
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, http.StatusBadRequest, ae.StatusCode)
	assert.Empty(t, res.Decided)
	assert.Equal(t, 1, res.DecideCalls)
	assert.Equal(t, 1, f.count(http.MethodPost))
	least, _ := wantListings(3000, MaxPageSize)
	assert.Less(t, res.ListCalls, least, "reading stopped")
	for id, e := range res.Failed {
		assert.Same(t, ae, errorsAsAPI(e), "failed %s", id)
	}
	assert.GreaterOrEqual(t, len(res.Failed), MaxDecisionsPerCall)
}

func errorsAsAPI(err error) *APIError {
	var ae *APIError
	errors.As(err, &ae)
	return ae
}

// A server that does not count gets the review from the front, one page
// after the other, each read once the decisions before it are answered.
func TestReviewWithoutCountReadsFromTheFront(t *testing.T) {
	for name, alone := range map[string]func(int) bool{
		"decide all": func(int) bool { return false },
		"leave some": func(i int) bool { return i%7 < 3 },
	} {
		t.Run(name, func(t *testing.T) {
			f, c := newFakeCert(t, 1100)
			f.noCount = true
			res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(alone), nil)
			require.NoError(t, err)
			assert.Equal(t, -1, res.Total)
			want := fakeIDs(1100, func(i int) bool { return !alone(i) })
			assertSameIDs(t, want, res.Decided)
			f.assertDecidedOnce(t, want)
			f.mu.Lock()
			assert.Len(t, f.undecided(), 1100-len(want))
			f.mu.Unlock()
		})
	}
}

// When another reviewer decides most items after the count, the pages at
// the back are past the end: Review takes the tenants' 400 as an empty
// page, counts again and skips what is past the new end.
func TestReviewPastTheEndAfterOthersDecided(t *testing.T) {
	f, c := newFakeCert(t, 5000)
	f.before = func(f *fakeCert, n int, _ *http.Request) {
		if n == 2 {
			u := f.undecided()
			f.decideNow(u[100:4900]...)
		}
	}
	res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(int) bool { return false }), &ReviewOptions{Concurrency: 1})
	require.NoError(t, err)
	assert.Len(t, res.Decided, 200)
	f.mu.Lock()
	assert.Empty(t, f.undecided())
	f.mu.Unlock()
	assert.Less(t, res.ListCalls, 10, "windows past the new end were skipped")
}

// Progress is reported from one goroutine, its counters only grow, and the
// last report adds up.
func TestReviewProgress(t *testing.T) {
	f, c := newFakeCert(t, 900)
	var ps []ReviewProgress
	res, err := c.CertificationsApi.Review(context.Background(), f.id, leaveIf(func(i int) bool { return i%5 == 0 }), &ReviewOptions{
		Progress: func(p ReviewProgress) { ps = append(ps, p) },
	})
	require.NoError(t, err)
	require.NotEmpty(t, ps)
	for i := 1; i < len(ps); i++ {
		assert.GreaterOrEqual(t, ps[i].Decided, ps[i-1].Decided)
		assert.GreaterOrEqual(t, ps[i].Listed, ps[i-1].Listed)
		assert.GreaterOrEqual(t, ps[i].Requests, ps[i-1].Requests)
	}
	last := ps[len(ps)-1]
	assert.Equal(t, ReviewProgress{Total: 900, Listed: 900, Decided: 720, LeftAlone: 180, Requests: res.ListCalls + res.DecideCalls}, last)
}

// Bad input is refused with a *ValidationError and nothing is sent; a
// decision of the rule without a decision stops the review, naming the
// item, after what came before it was sent.
func TestReviewValidation(t *testing.T) {
	approve := leaveIf(func(int) bool { return false })
	cases := map[string]struct {
		cert  string
		rule  ReviewRule
		opts  *ReviewOptions
		param string
	}{
		"empty id":         {cert: " ", rule: approve, param: "certificationId"},
		"nil rule":         {cert: "cert-1", param: "rule"},
		"page too large":   {cert: "cert-1", rule: approve, opts: &ReviewOptions{PageSize: 251}, param: "PageSize"},
		"chunk negative":   {cert: "cert-1", rule: approve, opts: &ReviewOptions{ChunkSize: -1}, param: "ChunkSize"},
		"concurrency":      {cert: "cert-1", rule: approve, opts: &ReviewOptions{Concurrency: maxReviewConcurrency + 1}, param: "Concurrency"},
		"unknown filter":   {cert: "cert-1", rule: approve, opts: &ReviewOptions{Filters: `due lt 2025-01-01T00:00:00Z`}, param: "filters"},
		"filter gibberish": {cert: "cert-1", rule: approve, opts: &ReviewOptions{Filters: `access.type eq`}, param: "filters"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f, c := newFakeCert(t, 10)
			res, err := c.CertificationsApi.Review(context.Background(), tc.cert, tc.rule, tc.opts)
			assert.Nil(t, res)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Contains(t, ve.Parameter, tc.param)
			assert.Empty(t, f.requests())
		})
	}

	t.Run("rule without decision", func(t *testing.T) {
		f, c := newFakeCert(t, 600)
		rule := func(item AccessReviewItem) (ReviewDecision, bool) {
			if fakeIndex(item.GetID()) == 200 {
				return ReviewDecision{Bulk: true}, true
			}
			return approve(item)
		}
		res, err := c.CertificationsApi.Review(context.Background(), f.id, rule, &ReviewOptions{Concurrency: 1})
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Contains(t, ve.Error(), fakeItemID(200))
		require.NotNil(t, res)
		assert.NotContains(t, res.Decided, fakeItemID(200))
		assert.Positive(t, len(res.Decided), "the decisions made before were sent")
		f.assertDecidedOnce(t, res.Decided)
	})
}

// Filters narrow the review, and the rule sees only matching items.
func TestReviewFiltersAreSentWithTheUndecidedFilter(t *testing.T) {
	got, res, err := reviewFiltersSent(t, `access.type eq "ROLE"`)
	require.NoError(t, err)
	assert.Zero(t, res.Total)
	assert.Equal(t, []string{`completed eq false and (access.type eq "ROLE")`}, got)
	assert.Equal(t, 0, res.DecideCalls)
}

// reviewFiltersSent runs a Review with filters against a certification
// without undecided items and returns the filters of its listings.
func reviewFiltersSent(t *testing.T, filters string) ([]string, *ReviewResult, error) {
	t.Helper()
	c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
	var got []string
	mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications/cert-1/access-review-items", func(req *http.Request) (*http.Response, error) {
		got = append(got, req.URL.Query().Get("filters"))
		return httpmock.NewStringResponse(http.StatusOK, `[]`), nil
	})
	res, err := c.CertificationsApi.Review(context.Background(), "cert-1", leaveIf(func(int) bool { return false }), &ReviewOptions{Filters: filters})
	return got, res, err
}

// The plan reads total items from the back, each window ending where the
// one before it started, or one item further when that one is still on
// its way; the last starts at offset 0, and a fresh count cuts off what
// is past it.
func TestBackPlan(t *testing.T) {
	windows := func(p *backPlan, behind func(i int) bool) []reviewWindow {
		var out []reviewWindow
		for i := 0; !p.done(); i++ {
			out = append(out, p.next(behind(i)))
		}
		return out
	}
	never := func(int) bool { return false }
	assert.Equal(t, []reviewWindow{{500, 250, false}, {250, 250, false}, {0, 250, false}}, windows(&backPlan{end: 750, size: 250}, never))
	assert.Equal(t, []reviewWindow{{501, 250, false}, {251, 250, false}, {1, 250, false}, {0, 1, false}}, windows(&backPlan{end: 751, size: 250}, never))
	assert.Equal(t, []reviewWindow{{500, 250, false}, {251, 250, true}, {2, 250, true}, {0, 3, true}},
		windows(&backPlan{end: 750, size: 250}, func(i int) bool { return i > 0 }))
	assert.Equal(t, []reviewWindow{{0, 3, false}}, windows(&backPlan{end: 3, size: 250}, never))
	assert.Len(t, windows(&backPlan{end: 100_000, size: 250}, never), 400)
	assert.Len(t, windows(&backPlan{end: 100_000, size: 250}, func(i int) bool { return i > 0 }), 402)

	p := &backPlan{end: 1000, size: 100}
	assert.Equal(t, reviewWindow{900, 100, false}, p.next(false))
	p.shrinkTo(450)
	assert.Equal(t, reviewWindow{350, 100, false}, p.next(false))
	p.shrinkTo(10_000)
	assert.Equal(t, reviewWindow{250, 100, false}, p.next(false))
	p.shrinkTo(0)
	assert.True(t, p.done())
}

// b2i counts a bool as 0 or 1.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
