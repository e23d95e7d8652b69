package certifications

import (
	"context"
	"fmt"

	"github.com/iscgo/certifications/internal/call"
	"github.com/iscgo/certifications/internal/query"
)

// ReviewRule decides one access review item: it returns the decision and
// true, or false to leave the item undecided for someone else. Review sets
// the decision's ID to the item's, so the rule need not fill it in. Review
// calls the rule from the goroutine that called Review, once per item, in
// the order it reads the items.
type ReviewRule func(item AccessReviewItem) (decision ReviewDecision, ok bool)

// DefaultReviewConcurrency is the number of calls a Review keeps in flight
// when ReviewOptions.Concurrency is 0.
const DefaultReviewConcurrency = 8

// maxReviewConcurrency bounds ReviewOptions.Concurrency.
const maxReviewConcurrency = 32

// maxReviewItems bounds the items one Review reads, and so the record of
// ids it keeps to hand each item to the rule once; a run that reaches it
// stops reading with an error, and a rerun goes on with the rest. The
// record holds a 64-bit hash of each id, whatever its length: 9 to 18
// bytes an item (1.8 MB for 100,000 items, at most 302 MB), and as much
// again for a second pass. Two ids share a hash with a probability of
// about n²/2⁶⁵ (10⁻⁸ for a million items); the second is then taken as
// read and left for the next run.
const maxReviewItems = 1 << 24

// ReviewOptions tunes Review. The zero value is ready to use.
type ReviewOptions struct {
	// PageSize is the number of items per listing, 1 to 250 (default 250).
	// Smaller pages cost more requests.
	PageSize int
	// ChunkSize is the number of decisions per decide call, 1 to 250
	// (default 250).
	ChunkSize int
	// Concurrency is the most calls (listings and decide calls together)
	// in flight at once, 1 to maxReviewConcurrency (default
	// DefaultReviewConcurrency). The client's pacing keeps them under the
	// rate limit whatever the value; raise it when the tenant answers
	// slowly, so that a request is always waiting for the next slot.
	Concurrency int
	// Filters, if set, narrows the review to the undecided items that
	// match it (for example `access.type eq "ENTITLEMENT"`). It is parsed
	// on its own and checked against the filters the item listing takes,
	// then sent in parentheses after the undecided restriction, so it can
	// only narrow the listing; a blank value is refused.
	Filters string
	// Progress, if set, is called after each listing is read and after
	// each decide call returns, from the goroutine that called Review.
	Progress func(ReviewProgress)
}

// ReviewProgress reports how far a Review has come.
type ReviewProgress struct {
	// Total is the number of undecided items when the review started: the
	// first listing's count (X-Total-Count) once confirmed, or the end the
	// listings found when they contradict it; -1 if the server did not
	// count (or said more than 2³¹-1) and they fill more than a page.
	Total int
	// Listed is the number of items handed to the rule so far.
	Listed int
	// Decided is the number of decisions the server accepted.
	Decided int
	// LeftAlone is the number of items the rule left undecided.
	LeftAlone int
	// Failed is the number of decisions that were refused, lost or not
	// sent.
	Failed int
	// Pending is the number of decisions waiting to be sent or in flight.
	Pending int
	// Requests is the number of calls sent so far, listings and decide
	// calls (the client's retries of one call are not counted).
	Requests int
}

// ReviewResult says what a Review did, item by item.
type ReviewResult struct {
	// Total is the number of undecided items when the review started: the
	// first listing's X-Total-Count once confirmed, or the end the
	// listings found when they contradict it; -1 if the server did not
	// count (or said more than 2³¹-1) and they fill more than a page.
	Total int
	// Decided holds the ids of the items decided by this run, in the order
	// the server accepted them.
	Decided []string
	// LeftAlone holds the ids of the items the rule left undecided.
	LeftAlone []string
	// Failed maps the id of each decision that was not accepted to the
	// reason: the error of its decide call (which may or may not have
	// reached the server: a rerun finds out), or the error that stopped
	// the run before it was sent.
	Failed map[string]error
	// Ignored counts items a listing returned that were not handed to the
	// rule: seen before in this run, already decided, or without an id.
	Ignored int
	// ListCalls and DecideCalls count the calls sent (the client's retries
	// of one call are not counted).
	ListCalls   int
	DecideCalls int
	// Certification is the certification as the last successful decide
	// call returned it, or nil.
	Certification *IdentityCertificationDto
}

// Review decides the undecided items of a certification by rule, reading
// only what is still undecided (filter `completed eq false`) and sending
// the rule's decisions in calls of up to 250 while it reads, with up to
// ReviewOptions.Concurrency calls in flight. Every item is handed to the
// rule at most once per run and decided at most once; a rerun after an
// interruption or a failure reads only the items still undecided.
//
// Cost: the pages of the undecided items, plus a listing or two (O(log n)
// more when the server's count is wrong, and more when other reviewers
// decide items of the same certification meanwhile),
// and one call per 250 decisions; nothing is read past the end. Items
// added to the certification during the run (moved in by a reassignment)
// are left for the next run.
//
// The API has no conditional decision, so an item another reviewer
// decides after Review listed it and before Review's decision reaches the
// server is decided again, Review's way. At any moment at most
// Concurrency×PageSize + ChunkSize items (2,250 with the defaults) are
// listed and not yet decided: what Concurrency calls in flight, the least
// that keeps a request waiting for each slot of the rate limit, and the
// chunk being filled hold. Items decided before Review lists them are
// never listed, so never decided again.
//
// The server is not trusted to page correctly: a listing that does not
// advance (a server that ignores offset or repeats pages) stops the
// reading with a *PagingError that says what the listing held, after at
// most two listings past the first.
//
// A decide call the server refuses (a 4xx answer other than 429) stops the
// review; other failed calls (after the client's retries) are recorded in
// Failed and the review goes on. A failed listing, or one that does not
// advance, stops the reading, and the decisions already made are still
// sent. When ctx ends, the calls in flight end with it and the decisions
// not yet sent are recorded in Failed. The returned error joins the
// distinct failures; the result is never nil once the input is valid.
//
// Refused before sending, with a *ValidationError: a service not made by
// NewAPIClient, a nil ctx, an empty certificationID, a nil rule, options
// out of range, a blank Filters, and filters that do not parse or that the
// endpoint does not take. A decision of the rule without Decision stops
// the review with a *ValidationError naming the item.
func (s *CertificationsApiService) Review(ctx context.Context, certificationID string, rule ReviewRule, opts *ReviewOptions) (*ReviewResult, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	o, err := checkReviewOptions(certificationID, rule, opts)
	if err != nil {
		return nil, err
	}
	filter, err := reviewFilter(o.Filters, s.client.conf().SkipFilterValidation)
	if err != nil {
		return nil, err
	}
	// How the undecided items are paged. They shrink while the review
	// decides them, so they are not paged from the front: an offset there
	// would move with every decision the review makes and with every
	// decision another reviewer makes meanwhile. The first listing counts
	// the undecided items (Count(true)); when there are more than a page,
	// the run reads them again from the back, each page ending where the
	// one before it started. Its own decisions only remove items behind
	// the pages still to read, so they move nothing it has yet to read,
	// and the decisions of a page are sent only after every page behind it
	// has been read. Decisions of another reviewer can only move items
	// towards the front, past pages read before: a page may repeat items
	// already read (they are ignored), but when the pages are read one
	// after the other, none is skipped. A page read while the one behind
	// it is still on its way overlaps it by one item; if the two share no
	// item (another reviewer decided items in front of both while they
	// were both on their way), items may have slipped between them, and
	// the run reads what is still undecided once more at the end, one page
	// at a time.
	//
	// The count is a hint: when the first page is full, one listing at the
	// count confirms that nothing lies past it, and a count that is wrong
	// either way costs O(log n) listings to find the real end, never one
	// per page, and never an item left unread.
	//
	// A count past 2³¹-1, which no offset reaches, is taken as no count. A
	// full listing that brings no id not read before means the server does
	// not advance, unless the count fell meanwhile by enough to explain it
	// by items other reviewers decided in front (one listing of one item
	// finds out).
	r := newReviewRun(ctx, s, certificationID, filter, rule, o)
	return r.res, r.run()
}

// undecidedFilter is the filter of the undecided items.
var undecidedFilter = Eq("completed", false).String()

// reviewFilter returns the filter of a review's listings: the undecided
// items, narrowed by extra when it is set. extra is parsed on its own, so
// that a syntax error points into what the caller wrote, and it is sent in
// its parsed form as one operand in parentheses, so that nothing in it
// reaches past them and widens the listing to decided items. The result is
// checked as the listing will check it, so that a bad filter is refused
// before anything is sent rather than after the first page.
func reviewFilter(extra string, skipFields bool) (string, error) {
	if extra == "" {
		return undecidedFilter, nil
	}
	if err := call.NotBlank(validationErrors{}, "filters", extra, `a filter expression such as access.type eq "ROLE"; leave Filters empty to review every undecided item`); err != nil {
		return "", err
	}
	f, err := ParseFilter(extra)
	if err != nil {
		return "", err
	}
	filter := undecidedFilter + " and (" + f.String() + ")"
	return filter, checkFiltersText(query.For("CertificationsApi", "ListIdentityAccessReviewItems"), filter, skipFields)
}

// checkReviewOptions validates the input of Review and returns the options
// with their defaults filled in.
func checkReviewOptions(certificationID string, rule ReviewRule, opts *ReviewOptions) (ReviewOptions, error) {
	var o ReviewOptions
	if opts != nil {
		o = *opts
	}
	if err := checkID("certificationId", certificationID); err != nil {
		return o, err
	}
	if rule == nil {
		return o, &ValidationError{Parameter: "rule", Problem: "is nil", Allowed: "a ReviewRule"}
	}
	for _, f := range []struct {
		name     string
		v        *int
		def, max int
	}{
		{"PageSize", &o.PageSize, MaxPageSize, MaxPageSize},
		{"ChunkSize", &o.ChunkSize, MaxDecisionsPerCall, MaxDecisionsPerCall},
		{"Concurrency", &o.Concurrency, DefaultReviewConcurrency, maxReviewConcurrency},
	} {
		if *f.v == 0 {
			*f.v = f.def
		}
		if *f.v < 1 || *f.v > f.max {
			return o, &ValidationError{Parameter: f.name, Problem: fmt.Sprintf("is %d", *f.v), Allowed: fmt.Sprintf("1 to %d", f.max)}
		}
	}
	return o, nil
}
