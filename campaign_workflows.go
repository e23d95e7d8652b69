package certifications

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"
)

// The campaign workflows: the jobs an admin scripts around a campaign's
// lifecycle. They are built on the generated operations only.

// ready checks what every workflow needs before its first request.
func (s *CertificationCampaignsApiService) ready(ctx context.Context) error {
	if _, err := s.caller(); err != nil {
		return err
	}
	if ctx == nil {
		return &ValidationError{Parameter: "ctx", Problem: "is nil", Allowed: "a context.Context, e.g. context.Background()"}
	}
	return nil
}

// CampaignError reports a campaign that ended in ERROR, with the alerts
// the server gave for it.
type CampaignError struct {
	// Campaign is the campaign as last read.
	Campaign *Campaign
}

// Error names the campaign, its status and its alerts.
func (e *CampaignError) Error() string {
	c := e.Campaign
	var alerts []string
	for _, a := range c.GetAlerts() {
		for _, l := range a.Localizations {
			alerts = append(alerts, fmt.Sprintf("%s: %s", a.GetLevel(), l.GetText()))
			break // one language is enough
		}
	}
	msg := fmt.Sprintf("certifications: campaign %s (%s) is %s", c.GetID(), c.Name, c.GetStatus())
	if len(alerts) == 0 {
		return msg + " and has no alerts; see the campaign in the admin console"
	}
	return msg + ": " + strings.Join(alerts, "; ")
}

// transitional reports a status the server leaves on its own.
func transitional(s CampaignStatus) bool {
	switch s {
	case CampaignStatusPending, CampaignStatusActivating, CampaignStatusCompleting, CampaignStatusCanceling:
		return true
	}
	return false
}

// WaitForCampaign polls a campaign (in its full shape) while its status
// is transitional (PENDING, ACTIVATING, COMPLETING, CANCELING) and returns
// it once settled. A campaign in ERROR is a *CampaignError naming its
// alerts. opts sets the backoff and WaitOptions.Timeout bounds the wait;
// nil uses the defaults.
func (s *CertificationCampaignsApiService) WaitForCampaign(ctx context.Context, campaignID string, opts *WaitOptions) (*Campaign, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	var last *Campaign
	err := poll(ctx, opts, func() string {
		return fmt.Sprintf("campaign %s is still %s", campaignID, last.GetStatus())
	}, func() (bool, error) {
		c, _, err := s.GetCampaign(ctx, campaignID).Detail(CampaignDetailFull).Execute()
		if err != nil {
			return false, err
		}
		last = c
		if c.GetStatus() == CampaignStatusError {
			return false, &CampaignError{Campaign: c}
		}
		return !transitional(c.GetStatus()), nil
	})
	return last, err
}

// CampaignProgress sums the certifications of a campaign.
type CampaignProgress struct {
	// Certifications counts the campaign's certifications, Signed those
	// signed off.
	Certifications int
	Signed         int
	// DecisionsMade and DecisionsTotal sum the certifications' counters.
	DecisionsMade  int
	DecisionsTotal int
	// PastDue holds the certifications not signed off whose due date has
	// passed (by the client's clock), in the order they were read.
	PastDue []IdentityCertificationDto
	// ByReviewer holds the same counters per reviewer, by name then ID.
	ByReviewer []ReviewerProgress
}

// ReviewerProgress is the progress of one reviewer's certifications.
type ReviewerProgress struct {
	ReviewerID     string
	ReviewerName   string
	Certifications int
	Signed         int
	DecisionsMade  int
	DecisionsTotal int
}

// campaignFilter selects the certifications of a campaign.
func campaignFilter(campaignID string) string {
	return fmt.Sprintf("campaign.id eq %q", campaignID)
}

// Progress reads every certification of a campaign (ListIdentityCertifications
// filtered on campaign.id, all pages) and sums their counters, in all and
// per reviewer.
func (s *CertificationCampaignsApiService) Progress(ctx context.Context, campaignID string) (*CampaignProgress, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	if err := checkID("campaignID", campaignID); err != nil {
		return nil, err
	}
	p := &CampaignProgress{}
	by := map[string]*ReviewerProgress{}
	now := time.Now()
	for c, err := range s.client.CertificationsApi.ListIdentityCertifications(ctx).Filters(campaignFilter(campaignID)).All() {
		if err != nil {
			return nil, err
		}
		signed := c.GetPhase() == CertificationPhaseSigned
		made, total := int(c.GetDecisionsMade()), int(c.GetDecisionsTotal())
		rv := c.GetReviewer()
		r := by[rv.GetID()]
		if r == nil {
			r = &ReviewerProgress{ReviewerID: rv.GetID(), ReviewerName: rv.GetName()}
			by[rv.GetID()] = r
		}
		for _, n := range []struct{ certs, signedN, made, total *int }{
			{&p.Certifications, &p.Signed, &p.DecisionsMade, &p.DecisionsTotal},
			{&r.Certifications, &r.Signed, &r.DecisionsMade, &r.DecisionsTotal},
		} {
			*n.certs++
			if signed {
				*n.signedN++
			}
			*n.made += made
			*n.total += total
		}
		if due := c.GetDue(); !signed && !due.IsZero() && due.Before(now) {
			p.PastDue = append(p.PastDue, c)
		}
	}
	for _, r := range by {
		p.ByReviewer = append(p.ByReviewer, *r)
	}
	slices.SortFunc(p.ByReviewer, func(a, b ReviewerProgress) int {
		return cmp.Or(cmp.Compare(a.ReviewerName, b.ReviewerName), cmp.Compare(a.ReviewerID, b.ReviewerID))
	})
	return p, nil
}

// CampaignItem is one access review item of a campaign, with the
// certification it belongs to.
type CampaignItem struct {
	Certification IdentityCertificationDto
	Item          AccessReviewItem
}

// AllItemsOptions tunes AllItems.
type AllItemsOptions struct {
	// Concurrency is how many certifications are read at once (default
	// DefaultAllItemsConcurrency, at most 16). Every request
	// still goes through the client's pacing.
	Concurrency int
}

// DefaultAllItemsConcurrency is how many certifications AllItems reads
// at once by default.
const DefaultAllItemsConcurrency = 4

// itemsBuffer bounds the items a certification being read holds ahead of
// the caller.
const itemsBuffer = MaxPageSize

// AllItems streams every access review item of every certification of a
// campaign: the audit evidence of a whole campaign. It lists the
// certifications (filtered on campaign.id) and reads the items of several
// at once, each certification's pages in order and each page once, under
// the client's pacing; items come certification by certification, in the
// order of the listing. Memory stays bounded: each certification being
// read holds at most a page of items ahead of the caller. An error ends
// the stream; break stops every request at once.
func (s *CertificationCampaignsApiService) AllItems(ctx context.Context, campaignID string, opts *AllItemsOptions) iter.Seq2[CampaignItem, error] {
	return func(yield func(CampaignItem, error) bool) {
		if err := s.ready(ctx); err != nil {
			yield(CampaignItem{}, err)
			return
		}
		if err := checkID("campaignID", campaignID); err != nil {
			yield(CampaignItem{}, err)
			return
		}
		n := DefaultAllItemsConcurrency
		if opts != nil && opts.Concurrency > 0 {
			n = min(opts.Concurrency, maxReadAhead)
		}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel()

		type result struct {
			item AccessReviewItem
			err  error
		}
		type job struct {
			cert IdentityCertificationDto
			err  error
			out  chan result
		}
		order := make(chan job, n) // the certifications in flight, in order
		sem := make(chan struct{}, n)
		send := func(ch chan result, r result) bool {
			select {
			case ch <- r:
				return true
			case <-ctx.Done():
				return false
			}
		}
		// The listing runs a page ahead of the dispatch below, so that
		// fetching the next page of certifications overlaps the reading
		// of items instead of holding every reader up. Its jobs have no
		// out yet: the dispatch gives each a reader.
		certs := make(chan job, MaxPageSize)
		wg.Add(2)
		go func() {
			defer wg.Done()
			defer close(certs)
			for cert, err := range s.client.CertificationsApi.ListIdentityCertifications(ctx).Filters(campaignFilter(campaignID)).All() {
				select {
				case certs <- job{cert: cert, err: err}:
				case <-ctx.Done():
					return
				}
				if err != nil {
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			defer close(order)
			for j := range certs {
				cert, err := j.cert, j.err
				if err == nil {
					select {
					case sem <- struct{}{}:
					case <-ctx.Done():
						return
					}
					j.out = make(chan result, itemsBuffer)
					wg.Add(1)
					go func() {
						defer wg.Done()
						defer func() { <-sem }()
						defer close(j.out)
						for item, err := range s.client.CertificationsApi.ListIdentityAccessReviewItems(ctx, cert.GetID()).All() {
							if !send(j.out, result{item, err}) || err != nil {
								return
							}
						}
					}()
				}
				select {
				case order <- j:
				case <-ctx.Done():
					return
				}
				if err != nil {
					return
				}
			}
		}()
		for j := range order {
			if j.err != nil {
				yield(CampaignItem{}, j.err)
				return
			}
			for r := range j.out {
				if r.err != nil {
					yield(CampaignItem{Certification: j.cert}, fmt.Errorf("certifications: reading the items of certification %s: %w", j.cert.GetID(), r.err))
					return
				}
				if !yield(CampaignItem{Certification: j.cert, Item: r.item}, nil) {
					return
				}
			}
			if ctx.Err() != nil {
				yield(CampaignItem{}, ctx.Err())
				return
			}
		}
		// The listing and the dispatch stop quietly when ctx ends, so a
		// stream cut short by it ends here: say so, or a cancelled export
		// would look complete.
		if err := ctx.Err(); err != nil {
			yield(CampaignItem{}, err)
		}
	}
}

// ReportError reports a campaign report whose run did not succeed.
type ReportError struct {
	// Report is the report as last read.
	Report *CampaignReport
}

// Error names the report and the status it ended in.
func (e *ReportError) Error() string {
	return fmt.Sprintf("certifications: report %s (%s) ended %s; run it again, or see the campaign's reports in the admin console",
		e.Report.GetID(), e.Report.GetReportType(), e.Report.GetStatus())
}

// RunReport runs a report of a campaign and streams its file into w: it
// starts the report (StartCampaignReport), waits with the backoff of opts
// until the campaign's report of that type has run after the start, and
// downloads the file through ReportsApi.GetReport. reportType and format
// take the wire values (CAMPAIGN_STATUS_REPORT, csv). A run that ends in
// ERROR, TERMINATED or TEMP_ERROR is a *ReportError.
func (s *CertificationCampaignsApiService) RunReport(ctx context.Context, campaignID string, reportType ReportType, format ReportFileFormat, w io.Writer, opts *WaitOptions) (*CampaignReport, error) {
	if err := s.ready(ctx); err != nil {
		return nil, err
	}
	if w == nil {
		return nil, &ValidationError{Parameter: "w", Problem: "is nil", Allowed: "an io.Writer for the report file"}
	}
	if err := checkEnum("format", format, ReportFileFormatValues()); err != nil {
		return nil, err
	}
	find := func() (*CampaignReport, error) {
		reports, _, err := s.GetCampaignReports(ctx, campaignID).Execute()
		if err != nil {
			return nil, err
		}
		for i := range reports {
			if reports[i].GetReportType() == reportType {
				return &reports[i], nil
			}
		}
		return nil, nil
	}
	before, err := find()
	if err != nil {
		return nil, err
	}
	if _, err := s.StartCampaignReport(ctx, campaignID, reportType).Execute(); err != nil {
		return nil, err
	}
	var last *CampaignReport
	sawPending := false
	err = poll(ctx, opts, func() string {
		return fmt.Sprintf("the %s of campaign %s has not run yet", reportType, campaignID)
	}, func() (bool, error) {
		r, err := find()
		if err != nil || r == nil {
			return false, err
		}
		last = r
		if r.GetStatus() == CampaignReportStatusPending {
			sawPending = true
			return false, nil
		}
		ran := sawPending || before == nil || r.GetID() != before.GetID() || r.GetLastRunAt().After(before.GetLastRunAt())
		if !ran {
			return false, nil
		}
		switch r.GetStatus() {
		case CampaignReportStatusSuccess, CampaignReportStatusWarning:
			return true, nil
		}
		return false, &ReportError{Report: r}
	})
	if err != nil {
		return last, err
	}
	file, _, err := s.client.ReportsApi.GetReport(ctx, last.GetID()).FileFormat(format).Execute()
	if err != nil {
		return last, err
	}
	defer file.Close()
	if _, err := io.Copy(w, file); err != nil {
		return last, fmt.Errorf("certifications: writing report %s: %w", last.GetID(), err)
	}
	return last, nil
}

// checkEnum refuses a value the API does not define.
func checkEnum[T ~string](param string, v T, known []T) error {
	if slices.Contains(known, v) {
		return nil
	}
	return &ValidationError{Parameter: param, Problem: fmt.Sprintf("%q is not a value the API defines", string(v)), Allowed: "one of " + joinValues(known)}
}
