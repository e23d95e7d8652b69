package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// undecidedFilter is the filter Review and DecideAll list with.
const undecidedFilter = "completed eq false"

// undecidedIndex answers the undecided-item listings (filters=completed eq
// false) of one sandbox certification from an index of its items, for the
// review tests and benchmark at scale. The sandbox evaluates a filter by
// rendering every item of the certification, on every filtered listing
// after a change: about 5 s a page for 100,000 items on a 2-core machine,
// so a run would measure the sandbox's scans, not the review.
//
// Everything else stays the sandbox's. Each such listing still goes to
// the sandbox, as an unfiltered listing of no item, so that authentication,
// the rate limit, injected faults and latency and the request log apply to
// it as to any call; the items come from Server.Item, as the API shows
// them; which items are undecided comes from Server.DecisionCount. Decide
// calls on the certification pass through it and mark their items to be
// checked again, so every client deciding on it must use the index. It
// knows nothing of reassignments.
type undecidedIndex struct {
	srv    *certtest.Server
	certID string
	next   http.RoundTripper
	ids    []string       // every item, in list order
	pos    map[string]int // list position of each id

	mu      sync.Mutex
	decided []bool
	recheck map[int]bool // positions a decide call may have changed
}

// indexedIDs caches the item ids of sandbox certifications by seed, id and
// size, which determine them: benchmark iterations start fresh sandboxes
// with the same items.
var indexedIDs sync.Map

// newUndecidedIndex indexes certification certID of srv, which must have
// no decision yet. It reads the ids with a client of its own, with faults
// switched off for the time.
func newUndecidedIndex(tb testing.TB, srv *certtest.Server, certID string) *undecidedIndex {
	tb.Helper()
	cert, ok := srv.Certification(certID)
	require.True(tb, ok, "certification %s", certID)
	require.Zero(tb, cert.GetDecisionsMade(), "the index starts from an undecided certification")
	key := fmt.Sprint(srv.Seed(), "/", certID, "/", cert.GetDecisionsTotal())
	ids, ok := indexedIDs.Load(key)
	if !ok {
		cfg := srv.Configuration()
		cfg.DisableRateLimit = true
		api := certifications.NewAPIClient(cfg).CertificationsApi
		was := srv.Faults()
		srv.SetFaults(certtest.Faults{})
		all, err := certifications.Collect(api.ListIdentityAccessReviewItems(context.Background(), certID).Pager().ReadAhead(4).All())
		srv.SetFaults(was)
		require.NoError(tb, err)
		list := make([]string, len(all))
		for i := range all {
			list[i] = all[i].GetID()
		}
		ids, _ = indexedIDs.LoadOrStore(key, list)
	}
	ix := &undecidedIndex{srv: srv, certID: certID, ids: ids.([]string), recheck: map[int]bool{}}
	ix.decided = make([]bool, len(ix.ids))
	ix.pos = make(map[string]int, len(ix.ids))
	for i, id := range ix.ids {
		ix.pos[id] = i
	}
	return ix
}

// wrap puts the index in front of next and returns it as the transport.
func (ix *undecidedIndex) wrap(next http.RoundTripper) http.RoundTripper {
	ix.next = next
	return ix
}

// RoundTrip answers undecided-item listings of the certification, marks
// the items of its decide calls, and passes everything else on.
func (ix *undecidedIndex) RoundTrip(req *http.Request) (*http.Response, error) {
	base := "/v3/certifications/" + ix.certID
	q := req.URL.Query()
	switch {
	case req.Method == http.MethodGet && req.URL.Path == base+"/access-review-items" && q.Get("filters") == undecidedFilter &&
		!q.Has("sorters") && !q.Has("entitlements") && !q.Has("access-profiles") && !q.Has("roles"):
		return ix.list(req)
	case req.Method == http.MethodPost && req.URL.Path == base+"/decide":
		return ix.decide(req)
	}
	return ix.next.RoundTrip(req)
}

// decide passes a decide call on, marking its items to be checked before
// and after: the sandbox may apply it at any moment in between.
func (ix *undecidedIndex) decide(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return nil, err
	}
	var ds []struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(body, &ds) // a bad body is the sandbox's to refuse
	mark := func() {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		for _, d := range ds {
			if p, ok := ix.pos[d.ID]; ok && !ix.decided[p] {
				ix.recheck[p] = true
			}
		}
	}
	mark()
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	resp, err := ix.next.RoundTrip(out)
	mark()
	return resp, err
}

// list sends the listing to the sandbox as an unfiltered listing of no
// item and, when the sandbox answers 200, answers it from the index.
func (ix *undecidedIndex) list(req *http.Request) (*http.Response, error) {
	q := req.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit := certifications.MaxPageSize
	if q.Has("limit") {
		limit, _ = strconv.Atoi(q.Get("limit"))
	}
	out := req.Clone(req.Context())
	out.URL.RawQuery = "limit=0"
	resp, err := ix.next.RoundTrip(out)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	// Drain the sandbox's answer: a connection it drops fails here, as it
	// would fail the client.
	_, err = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}

	page, total := ix.window(offset, limit, q.Get("count") == "true")
	status, body := http.StatusOK, []byte(nil)
	if offset > 0 && len(page) == 0 {
		status = http.StatusBadRequest // the tenants' answer past the end
		body = []byte(`{"detailMessage":"Specified offset is invalid.","stackTrace":[],"suppressedExceptions":[]}`)
	} else {
		items := make([]certifications.AccessReviewItem, 0, len(page))
		for _, id := range page {
			if it, ok := ix.srv.Item(ix.certID, id); ok {
				items = append(items, it)
			}
		}
		if body, err = json.Marshal(items); err != nil {
			return nil, err
		}
	}
	h := resp.Header.Clone()
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Del("X-Total-Count")
	if total >= 0 && status == http.StatusOK {
		h.Set("X-Total-Count", strconv.Itoa(total))
	}
	return &http.Response{
		Status: fmt.Sprintf("%d %s", status, http.StatusText(status)), StatusCode: status,
		Proto: resp.Proto, ProtoMajor: resp.ProtoMajor, ProtoMinor: resp.ProtoMinor,
		Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: req,
	}, nil
}

// window returns the ids of the undecided items at [offset, offset+limit)
// in list order and, when count is set, how many are undecided (else -1).
func (ix *undecidedIndex) window(offset, limit int, count bool) ([]string, int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for p := range ix.recheck {
		if ix.srv.DecisionCount(ix.ids[p]) > 0 {
			ix.decided[p] = true
		}
		delete(ix.recheck, p)
	}
	var page []string
	n := 0
	for p, done := range ix.decided {
		if done {
			continue
		}
		if n >= offset && len(page) < limit {
			page = append(page, ix.ids[p])
		}
		n++
		if !count && len(page) == limit {
			break
		}
	}
	if !count {
		n = -1
	}
	return page, n
}

// undecided returns the ids the index takes as undecided, in list order,
// once every decide call is answered: for checking it against the sandbox.
func (ix *undecidedIndex) undecided() []string {
	ids, _ := ix.window(0, len(ix.ids), false)
	return ids
}
