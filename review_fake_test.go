package certifications

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeCert is one certification served through httpmock the way tenants
// serve it: the undecided items (filters=completed eq false) in a fixed
// order, paged by offset and limit, X-Total-Count on count=true, the
// tenants' 400 for an offset past the end, and decide calls applied
// atomically. Hooks let a test act as another reviewer between requests
// and break calls. It is safe for concurrent requests.
type fakeCert struct {
	t  *testing.T
	id string

	mu      sync.Mutex
	ids     []string                         // every item, in list order
	decided map[string]CertificationDecision // decision per decided item
	calls   map[string]int                   // decide calls that included each item
	log     []fakeRequest

	// noCount leaves X-Total-Count out of every answer.
	noCount bool
	// countHeader, if set, is sent as X-Total-Count instead of the true
	// count, as a server that miscounts would.
	countHeader string
	// before, if set, runs before each request is answered (with mu held):
	// n counts the requests from 1.
	before func(f *fakeCert, n int, req *http.Request)
	// decideFault, if set, may break decide call n (counting from 1):
	// applied says whether the decisions are applied first, err is what
	// the client gets instead of the answer (nil: the normal answer).
	decideFault func(n int) (applied bool, status int, err error)
	decideCalls int
	// view, if set, returns the undecided items a listing sees (nil: the
	// current ones), so that a test can answer a listing as the server
	// would have when it processed it earlier than it did.
	view func(f *fakeCert, r fakeRequest) []string

	// answering counts the requests that reached the fake and are not
	// answered yet: a request whose caller gave up (its context ended) is
	// still answered, and applied, as a server would, after the caller
	// has returned.
	answering sync.WaitGroup
}

// enteringTransport counts each request into answering before the fake's
// responder, which httpmock runs on a goroutine of its own, takes it.
type enteringTransport struct {
	next http.RoundTripper
	wg   *sync.WaitGroup
}

func (e enteringTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	e.wg.Add(1)
	return e.next.RoundTrip(req)
}

// quiesce waits until every request that reached the fake is answered.
func (f *fakeCert) quiesce() { f.answering.Wait() }

// fakeRequest is what the fake logged of one request.
type fakeRequest struct {
	method        string
	offset, limit int
	count         bool
	filters       string
	decisions     int
	status        int
	ids           []string // the ids a listing returned, or a decide call sent
}

func newFakeCert(t *testing.T, items int) (*fakeCert, *APIClient) {
	t.Helper()
	f := &fakeCert{t: t, id: "cert-1", decided: map[string]CertificationDecision{}, calls: map[string]int{}}
	for i := range items {
		f.ids = append(f.ids, fakeItemID(i))
	}
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
		cfg.HTTPClient = &http.Client{Transport: enteringTransport{next: cfg.HTTPClient.Transport, wg: &f.answering}}
	})
	base := regexp.QuoteMeta(testBase + "/v3/certifications/" + f.id)
	mt.RegisterRegexpResponder(http.MethodGet, regexp.MustCompile("^"+base+"/access-review-items"), f.list)
	mt.RegisterRegexpResponder(http.MethodPost, regexp.MustCompile("^"+base+"/decide$"), f.decide)
	return f, c
}

func fakeItemID(i int) string { return fmt.Sprintf("item-%05d", i) }

// fakeIDs returns the ids of the first n items whose position passes keep.
func fakeIDs(n int, keep func(i int) bool) []string {
	var out []string
	for i := range n {
		if keep(i) {
			out = append(out, fakeItemID(i))
		}
	}
	return out
}

// fakeIndex is the position of an item id in list order.
func fakeIndex(id string) int {
	n, _ := strconv.Atoi(id[len("item-"):])
	return n
}

// decideNow decides items as another reviewer would (mu must be held).
func (f *fakeCert) decideNow(ids ...string) {
	for _, id := range ids {
		f.decided[id] = CertificationDecisionApprove
	}
}

// undecided returns the ids of the undecided items in list order (mu must
// be held).
func (f *fakeCert) undecided() []string {
	var out []string
	for _, id := range f.ids {
		if _, ok := f.decided[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

// fakeItem is an undecided item as the fake lists it: a struct rather
// than a map, which encoding/json writes several times faster, for pages
// of tens of thousands of items.
type fakeItem struct {
	ID            string `json:"id"`
	Completed     bool   `json:"completed"`
	AccessSummary struct {
		Access struct {
			Type string `json:"type"`
		} `json:"access"`
	} `json:"accessSummary"`
}

func (f *fakeCert) list(req *http.Request) (*http.Response, error) {
	defer f.answering.Done()
	f.mu.Lock()
	defer f.mu.Unlock()
	q := req.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit := MaxPageSize
	if q.Has("limit") {
		limit, _ = strconv.Atoi(q.Get("limit"))
	}
	entry := fakeRequest{method: http.MethodGet, offset: offset, limit: limit, count: q.Get("count") == "true", filters: q.Get("filters")}
	if f.before != nil {
		f.before(f, len(f.log)+1, req)
	}
	if entry.filters != "completed eq false" {
		f.t.Errorf("listing with filters %q, want completed eq false", entry.filters)
	}
	var all []string
	if f.view != nil {
		all = f.view(f, entry)
	}
	if all == nil {
		all = f.undecided()
	}
	if offset > 0 && offset >= len(all) {
		entry.status = http.StatusBadRequest
		f.log = append(f.log, entry)
		return httpmock.NewJsonResponse(http.StatusBadRequest, map[string]any{
			"detailMessage": "Specified offset is invalid.", "stackTrace": []any{}, "suppressedExceptions": []any{},
		})
	}
	page := []fakeItem{}
	for _, id := range all[min(offset, len(all)):min(offset+limit, len(all))] {
		entry.ids = append(entry.ids, id)
		item := fakeItem{ID: id}
		item.AccessSummary.Access.Type = []string{"ENTITLEMENT", "ENTITLEMENT", "ACCESS_PROFILE", "ROLE"}[fakeIndex(id)%4]
		page = append(page, item)
	}
	resp, err := httpmock.NewJsonResponse(http.StatusOK, page)
	if entry.count && !f.noCount {
		resp.Header.Set("X-Total-Count", strconv.Itoa(len(all)))
		if f.countHeader != "" {
			resp.Header.Set("X-Total-Count", f.countHeader)
		}
	}
	entry.status = http.StatusOK
	f.log = append(f.log, entry)
	return resp, err
}

func (f *fakeCert) decide(req *http.Request) (*http.Response, error) {
	defer f.answering.Done()
	f.mu.Lock()
	defer f.mu.Unlock()
	var ds []ReviewDecision
	if err := json.NewDecoder(req.Body).Decode(&ds); err != nil {
		f.t.Errorf("decide body: %v", err)
	}
	if f.before != nil {
		f.before(f, len(f.log)+1, req)
	}
	f.decideCalls++
	entry := fakeRequest{method: http.MethodPost, decisions: len(ds), status: http.StatusOK}
	for _, d := range ds {
		entry.ids = append(entry.ids, d.ID)
	}
	applied, status, err := true, 0, error(nil)
	if f.decideFault != nil {
		applied, status, err = f.decideFault(f.decideCalls)
	}
	if status != 0 {
		entry.status = status
	}
	if applied {
		for _, d := range ds {
			if slices.Index(f.ids, d.ID) < 0 {
				f.t.Errorf("decision for unknown item %q", d.ID)
			}
			f.decided[d.ID] = d.Decision
			f.calls[d.ID]++
		}
	}
	f.log = append(f.log, entry)
	if err != nil {
		// The request reached the server: tell the client so, as a real
		// connection would, so that it does not send the POST again.
		if tr := httptrace.ContextClientTrace(req.Context()); tr != nil && tr.WroteRequest != nil {
			tr.WroteRequest(httptrace.WroteRequestInfo{})
		}
		return nil, err
	}
	if status != 0 {
		return httpmock.NewJsonResponse(status, map[string]any{"messages": []map[string]string{{"text": "refused"}}})
	}
	return httpmock.NewJsonResponse(http.StatusOK, map[string]any{
		"id": f.id, "decisionsMade": len(f.decided), "decisionsTotal": len(f.ids), "completed": len(f.decided) == len(f.ids),
	})
}

// requests returns the log of requests, oldest first.
func (f *fakeCert) requests() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.log)
}

// count returns the requests with the method.
func (f *fakeCert) count(method string) int {
	n := 0
	for _, r := range f.requests() {
		if r.method == method {
			n++
		}
	}
	return n
}

// assertDecidedOnce checks that every item of ids was included in exactly
// one decide call.
func (f *fakeCert) assertDecidedOnce(t *testing.T, ids []string) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		require.Equal(t, 1, f.calls[id], "decide calls that included %s", id)
	}
}

// errDropped stands for a connection that broke after the server did the
// work.
var errDropped = errors.New("connection reset by peer")

// assertSameIDs asserts that got holds the ids of want, each as often, in
// any order. It sorts copies: assert.ElementsMatch compares every pair,
// which for the thousands of ids of a review is most of the test's time.
func assertSameIDs(t *testing.T, want, got []string, msgAndArgs ...any) bool {
	t.Helper()
	return assert.Equal(t, slices.Sorted(slices.Values(want)), slices.Sorted(slices.Values(got)), msgAndArgs...)
}
