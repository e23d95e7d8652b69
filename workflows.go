package certifications

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ready refuses what would make a workflow panic or fail on its first
// request, before anything is sent: a service not made by NewAPIClient (a
// nil or zero CertificationsApiService), the way every operation refuses
// it, and a nil context, the way NewRequest refuses it.
func (s *CertificationsApiService) ready(ctx context.Context) error {
	if _, err := s.caller(); err != nil {
		return err
	}
	if ctx == nil {
		return &ValidationError{Parameter: "ctx", Problem: "is nil", Allowed: "a context.Context, e.g. context.Background()"}
	}
	return nil
}

// DecideProgress reports how far a DecideAll run has come.
type DecideProgress struct {
	// Total is the number of decisions asked for.
	Total int
	// Skipped were not among the undecided items (see DecideResult.Skipped).
	Skipped int
	// Decided were sent and accepted so far.
	Decided int
	// Failed were sent in a call that failed.
	Failed int
}

// DecideOptions tunes DecideAll. The zero value is ready to use.
type DecideOptions struct {
	// ChunkSize is the number of decisions per call, 1 to 250 (default 250).
	ChunkSize int
	// Progress, if set, is called after the skip check and after each call.
	Progress func(DecideProgress)
	// CheckSkipped, if set, is called once the undecided items are read and
	// before anything is sent, with the ids of the decisions that will be
	// skipped (those DecideResult.Skipped will list, in the same order). A
	// caller that must tell an item already decided from an id that is no
	// item of the certification looks up only these, instead of reading the
	// certification a second time. When it returns an error, nothing is
	// sent and DecideAll returns that error with a nil result.
	CheckSkipped func(skipped []string) error
}

// DecideResult says what a DecideAll run did, item by item, so that a rerun
// after a failure finishes the job without deciding anything twice.
type DecideResult struct {
	// Decided holds the ids of the items decided by this run.
	Decided []string
	// Skipped holds the ids of the decisions not sent because their item
	// is not among the certification's undecided items: already decided,
	// or not an item of this certification.
	Skipped []string
	// Failed maps the id of each item whose call failed to that call's error.
	Failed map[string]error
	// Certification is the certification as the last successful call
	// returned it, or nil.
	Certification *IdentityCertificationDto
}

// DecideAll applies any number of decisions to a certification: it skips
// the decisions of items that are not among the certification's undecided
// items, sends the rest in chunks of at most 250, and reports progress.
//
// To tell which items are undecided it reads only the undecided items
// (filter `completed eq false`), the way Review does, not every item. A
// decision whose id is not among them is skipped and listed in Skipped,
// without being sent: the item is already decided, or it is not an item
// of this certification (a wrong id, or an item a reassignment moved
// away), which the server would refuse for the whole chunk. The same id
// twice is decided once, the first way.
//
// When the undecided items cannot be read to the end (a failed listing,
// or a server that does not advance: a *PagingError), no decision is taken
// as skipped and none is sent: the result is nil and the error says why.
//
// A failed chunk does not stop the others; its items are listed in Failed
// and the returned error joins the distinct failures. Running DecideAll
// again with the same decisions after a failure decides only what is left.
func (s *CertificationsApiService) DecideAll(ctx context.Context, certificationID string, decisions []ReviewDecision, opts *DecideOptions) (*DecideResult, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	if err := checkID("certificationId", certificationID); err != nil {
		return nil, err
	}
	var o DecideOptions
	if opts != nil {
		o = *opts
	}
	if o.ChunkSize == 0 {
		o.ChunkSize = MaxDecisionsPerCall
	}
	if o.ChunkSize < 1 || o.ChunkSize > MaxDecisionsPerCall {
		return nil, &ValidationError{Parameter: "ChunkSize", Problem: fmt.Sprintf("is %d", o.ChunkSize), Allowed: fmt.Sprintf("1 to %d", MaxDecisionsPerCall)}
	}
	// Any number of decisions, but each complete: nothing is sent otherwise.
	if err := validateEachDecision(decisions); err != nil {
		return nil, err
	}

	undecided, err := s.undecidedAmong(ctx, certificationID, decisions)
	if err != nil {
		return nil, err
	}
	res := &DecideResult{Failed: map[string]error{}}
	todo := make([]ReviewDecision, 0, len(decisions))
	seen := make(map[string]bool, len(decisions))
	for _, d := range decisions {
		switch {
		case !undecided[d.ID]:
			res.Skipped = append(res.Skipped, d.ID)
		case seen[d.ID]:
			// The same item twice in one run is decided once, the first way.
		default:
			seen[d.ID] = true
			todo = append(todo, d)
		}
	}
	if o.CheckSkipped != nil {
		if err := o.CheckSkipped(res.Skipped); err != nil {
			return nil, err
		}
	}
	prog := DecideProgress{Total: len(decisions), Skipped: len(res.Skipped)}
	report := func() {
		if o.Progress != nil {
			o.Progress(prog)
		}
	}
	report()

	var errs []error
	for start := 0; start < len(todo); start += o.ChunkSize {
		if err := ctx.Err(); err != nil {
			markFailed(res, todo[start:], err)
			errs = append(errs, err)
			break
		}
		chunk := todo[start:min(start+o.ChunkSize, len(todo))]
		cert, _, err := s.MakeIdentityDecision(ctx, certificationID).ReviewDecision(chunk).Execute()
		if err != nil {
			markFailed(res, chunk, err)
			prog.Failed += len(chunk)
			errs = append(errs, err)
		} else {
			res.Certification = cert
			for _, d := range chunk {
				res.Decided = append(res.Decided, d.ID)
			}
			prog.Decided += len(chunk)
		}
		report()
	}
	return res, errors.Join(errs...)
}

func markFailed(res *DecideResult, ds []ReviewDecision, err error) {
	for _, d := range ds {
		res.Failed[d.ID] = err
	}
}

// undecidedAmong returns the ids of decisions whose items are undecided
// in the certification. It reads the undecided items the way Review does,
// with a rule that leaves every item alone, and fails unless the reading
// ended cleanly: only then does an id missing from found mean an item
// that is not undecided.
func (s *CertificationsApiService) undecidedAmong(ctx context.Context, certificationID string, decisions []ReviewDecision) (map[string]bool, error) {
	wanted := make(map[string]bool, len(decisions))
	for _, d := range decisions {
		wanted[d.ID] = true
	}
	found := make(map[string]bool, len(decisions))
	note := func(item AccessReviewItem) (ReviewDecision, bool) {
		if id := item.GetID(); wanted[id] {
			found[id] = true
		}
		return ReviewDecision{}, false
	}
	o := ReviewOptions{PageSize: MaxPageSize, ChunkSize: MaxDecisionsPerCall, Concurrency: DefaultReviewConcurrency}
	r := newReviewRun(ctx, s, certificationID, undecidedFilter, note, o)
	r.keepAlone = false // only found is needed: no id of every undecided item
	if err := r.run(); err != nil {
		return nil, err
	}
	return found, nil
}

// ReassignOptions tunes ReassignAll. The zero value reassigns synchronously.
type ReassignOptions struct {
	// Async uses reassign-async (up to 500 per call) and waits for each task.
	Async bool
	// ChunkSize is the number of references per call (default and maximum:
	// 50 synchronously, 500 asynchronously).
	ChunkSize int
	// Wait tunes the polling of asynchronous tasks.
	Wait *WaitOptions
	// Progress, if set, is called after each chunk with the number of
	// references done and the total.
	Progress func(done, total int)
}

// ReassignResult says what a ReassignAll run did.
type ReassignResult struct {
	// Reassigned holds the ids of the references moved to the new reviewer.
	Reassigned []string
	// Tasks holds the finished tasks of an asynchronous run, in order.
	Tasks []CertificationTask
	// Submitted holds the ids of the references of an asynchronous call
	// that the server accepted but whose task did not end in SUCCESS
	// while the run followed it: the task came back without an id, ended
	// in another status, or the wait failed. They may have moved or not:
	// check the certification before sending them again.
	Submitted []string
	// SubmittedTask is the id of the task the server returned for
	// Submitted, to follow it later (WaitForCertificationTask); "" when
	// nothing is submitted or the server gave no id.
	SubmittedTask string
}

// ReassignAll moves any number of identities or items of a certification
// to another reviewer, in chunks of 50 (synchronous) or 500 (asynchronous,
// waiting for each task to finish). It stops at the first failure; the
// result lists what was moved before it, and what was submitted without
// being confirmed (see ReassignResult.Submitted). A task the server
// returns without an id cannot be followed: the run stops with a
// *TaskError.
func (s *CertificationsApiService) ReassignAll(ctx context.Context, certificationID string, body ReviewReassign, opts *ReassignOptions) (*ReassignResult, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	var o ReassignOptions
	if opts != nil {
		o = *opts
	}
	limit := MaxReassignSync
	if o.Async {
		limit = MaxReassignAsync
	}
	if o.ChunkSize == 0 {
		o.ChunkSize = limit
	}
	if o.ChunkSize < 1 || o.ChunkSize > limit {
		return nil, &ValidationError{Parameter: "ChunkSize", Problem: fmt.Sprintf("is %d", o.ChunkSize), Allowed: fmt.Sprintf("1 to %d", limit)}
	}
	if err := checkID("certificationId", certificationID); err != nil {
		return nil, err
	}
	// Validate the whole body up front: nothing is sent if any part is bad.
	if err := body.Validate(max(len(body.Reassign), 1)); err != nil {
		return nil, err
	}
	res := &ReassignResult{}
	for start := 0; start < len(body.Reassign); start += o.ChunkSize {
		chunk := body
		chunk.Reassign = body.Reassign[start:min(start+o.ChunkSize, len(body.Reassign))]
		if o.Async {
			task, _, err := s.SubmitReassignCertsAsync(ctx, certificationID).ReviewReassign(chunk).Execute()
			if err != nil {
				return res, err
			}
			submitted := task
			// The chunk is submitted now: an id the server left out is
			// its fault, not the caller's, and the chunk is on record.
			if checkID("id", task.GetID()) != nil {
				err = &TaskError{Task: task}
			} else {
				task, err = s.WaitForCertificationTask(ctx, task.GetID(), o.Wait)
			}
			if err != nil {
				for _, r := range chunk.Reassign {
					res.Submitted = append(res.Submitted, r.ID)
				}
				if checkID("id", submitted.GetID()) == nil {
					res.SubmittedTask = submitted.GetID()
				}
				return res, err
			}
			res.Tasks = append(res.Tasks, *task)
		} else if _, _, err := s.ReassignIdentityCertifications(ctx, certificationID).ReviewReassign(chunk).Execute(); err != nil {
			return res, err
		}
		for _, r := range chunk.Reassign {
			res.Reassigned = append(res.Reassigned, r.ID)
		}
		if o.Progress != nil {
			o.Progress(len(res.Reassigned), len(body.Reassign))
		}
	}
	return res, nil
}

// WaitOptions tunes WaitForCertificationTask.
type WaitOptions struct {
	// Initial is the first wait between polls (default 500 ms); it grows by
	// half each poll.
	Initial time.Duration
	// Max caps the wait between polls (default 10 s).
	Max time.Duration
	// Timeout bounds the whole wait (default DefaultTaskWaitTimeout), so
	// that a task the server leaves pending for ever does not hold the
	// caller for ever when its context has no deadline.
	Timeout time.Duration
}

// DefaultTaskWaitTimeout is how long WaitForCertificationTask waits for a
// task at most unless WaitOptions.Timeout says otherwise: far longer than
// a reassignment of 500 items takes.
const DefaultTaskWaitTimeout = time.Hour

// TaskError reports a certification task that did not succeed: it ended
// in ERROR, or in a status that is neither pending (QUEUED, IN_PROGRESS)
// nor SUCCESS (CANCELLED, say, or none), or the server returned it
// without an id, so that it cannot be followed.
type TaskError struct {
	// Task is the task as last polled, or as submitted when it has no id.
	Task *CertificationTask
}

// Error names the task, the status it stopped in and its error messages.
func (e *TaskError) Error() string {
	t := e.Task
	id, status := t.GetID(), t.GetStatus()
	if checkID("id", id) != nil {
		return fmt.Sprintf("certifications: the server returned a task without a usable id (id %q, type %q, status %q), so it cannot be followed; its work was submitted: check the certification before sending it again", id, t.GetType(), status)
	}
	var msg string
	switch status {
	case CertificationTaskStatusError:
		msg = fmt.Sprintf("certifications: task %s (%s) ended in ERROR", id, t.GetType())
	case "":
		msg = fmt.Sprintf("certifications: task %s (%s) came back without a status, so it is neither pending nor done; check the task", id, t.GetType())
	default:
		msg = fmt.Sprintf("certifications: task %s (%s) stopped in status %s, neither pending (QUEUED, IN_PROGRESS) nor SUCCESS; check the task", id, t.GetType(), status)
	}
	var msgs []string
	for _, m := range t.GetErrors() {
		if text := m.GetText(); text != "" {
			msgs = append(msgs, text)
		}
	}
	if len(msgs) > 0 {
		msg += ": " + strings.Join(msgs, "; ")
	}
	return msg
}

// WaitForCertificationTask polls a certification task with backoff while
// it is QUEUED or IN_PROGRESS, until it reaches SUCCESS (returned) or any
// other status (ERROR, a status the API may add, or none: returned with a
// *TaskError naming it), or ctx ends, or WaitOptions.Timeout passes (an
// error that matches context.DeadlineExceeded). Whenever it returns an
// error after a successful poll, the task as last polled comes with it, so
// that the caller can always show the last known state; it is nil only
// when no poll succeeded.
func (s *CertificationsApiService) WaitForCertificationTask(ctx context.Context, taskID string, opts *WaitOptions) (*CertificationTask, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	var last *CertificationTask
	err := poll(ctx, opts, func() string {
		return fmt.Sprintf("task %s is still %s", last.GetID(), last.GetStatus())
	}, func() (bool, error) {
		task, _, err := s.GetCertificationTask(ctx, taskID).Execute()
		if err != nil {
			return false, err
		}
		last = task
		switch task.GetStatus() {
		case CertificationTaskStatusSuccess:
			return true, nil
		case CertificationTaskStatusQueued, CertificationTaskStatusInProgress:
			return false, nil
		default:
			return false, &TaskError{Task: task}
		}
	})
	return last, err
}

// positiveOr returns d, or def when d is zero or negative.
func positiveOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// poll calls check until it reports done, waiting between calls with the
// backoff and within the timeout of opts (see WaitOptions). what names the
// thing waited for in the timeout error.
func poll(ctx context.Context, opts *WaitOptions, what func() string, check func() (bool, error)) error {
	wait, maxWait, timeout := 500*time.Millisecond, 10*time.Second, DefaultTaskWaitTimeout
	if opts != nil {
		// A zero or negative option means its default.
		wait, maxWait, timeout = positiveOr(opts.Initial, wait), positiveOr(opts.Max, maxWait), positiveOr(opts.Timeout, timeout)
	}
	deadline := time.Now().Add(timeout)
	for {
		done, err := check()
		if done || err != nil {
			return err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return fmt.Errorf("certifications: %s after %s; wait longer (WaitOptions.Timeout) or poll it again later: %w", what(), timeout, context.DeadlineExceeded)
		}
		if err := sleep(ctx, min(wait, left)); err != nil {
			return err
		}
		wait = min(wait+wait/2, maxWait)
	}
}

// IncompleteError reports a sign-off refused because decisions are missing.
type IncompleteError struct {
	// CertificationID is the certification that was not signed off.
	CertificationID string
	// DecisionsMade and DecisionsTotal are its counters as last read (0
	// when the server did not send them).
	DecisionsMade  int32
	DecisionsTotal int32
	// Missing names the counters the server did not send
	// ("decisionsMade", "decisionsTotal"), in that order; empty when it
	// sent both.
	Missing []string
}

// Error says how many decisions are still missing, or which counter the
// server did not send.
func (e *IncompleteError) Error() string {
	missing := e.Missing
	if len(missing) == 0 && e.DecisionsMade == 0 && e.DecisionsTotal == 0 {
		// A complete certification of no items is signed off, so 0 of 0
		// here means the server sent no counters.
		missing = []string{"decisionsMade", "decisionsTotal"}
	}
	switch {
	case len(missing) > 1:
		return fmt.Sprintf("certifications: certification %s does not report its decision counters (%s); check it before signing off", e.CertificationID, strings.Join(missing, ", "))
	case len(missing) == 1:
		return fmt.Sprintf("certifications: certification %s does not report its decision counter %s; check it before signing off", e.CertificationID, missing[0])
	}
	return fmt.Sprintf("certifications: certification %s is not complete (%d of %d decisions made); decide the remaining items before signing off",
		e.CertificationID, e.DecisionsMade, e.DecisionsTotal)
}

// SignOffWhenComplete signs a certification off when every decision is
// made: its decisionsMade equals its decisionsTotal. It does not trust the
// completed flag alone, which servers have been seen to set with decisions
// missing. A certification already SIGNED is returned as is. Otherwise it
// returns the certification with an *IncompleteError and sends no
// sign-off; so it does when the server's answer lacks either counter.
func (s *CertificationsApiService) SignOffWhenComplete(ctx context.Context, certificationID string) (*IdentityCertificationDto, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	cert, _, err := s.GetIdentityCertification(ctx, certificationID).Execute()
	if err != nil {
		return nil, err
	}
	if cert.GetPhase() == CertificationPhaseSigned {
		return cert, nil
	}
	var missing []string
	if cert.DecisionsMade == nil {
		missing = append(missing, "decisionsMade")
	}
	if cert.DecisionsTotal == nil {
		missing = append(missing, "decisionsTotal")
	}
	if len(missing) > 0 || *cert.DecisionsMade != *cert.DecisionsTotal {
		return cert, &IncompleteError{CertificationID: certificationID, DecisionsMade: cert.GetDecisionsMade(), DecisionsTotal: cert.GetDecisionsTotal(), Missing: missing}
	}
	signed, _, err := s.SignOffIdentityCertification(ctx, certificationID).Execute()
	return signed, err
}
