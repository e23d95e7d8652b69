package main

import (
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func campaignsStatusCmd(a *app) *cobra.Command {
	var html string
	c := &cobra.Command{
		Use:   "status CAMPAIGN",
		Short: "Show a campaign's progress, overall and per reviewer, with the certifications past due",
		Long: `Show where a campaign stands: certifications signed, decisions made of total,
and a bar per reviewer, furthest behind first, then the certifications past
their due date. -o json writes it all as one object, -o csv one row per
reviewer. --html FILE also writes a self-contained page (inline CSS, no
scripts, nothing loaded from the network) to attach to an e-mail.`,
		Example: `  isccert campaigns status CAMPAIGN
  isccert campaigns status CAMPAIGN --html status.html`,
		Args: argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			camp, _, err := api.GetCampaign(a.ctx, args[0]).Execute()
			if err != nil {
				return err
			}
			bar := a.newProgress("reading the certifications of "+camp.GetName(), -1)
			stop := bar.animate()
			p, err := api.Progress(a.ctx, args[0])
			stop()
			if err != nil {
				bar.stop()
				return err
			}
			now := time.Now()
			bar.done()
			v := statusViewOf(camp, p, now)
			if html != "" {
				if err := writeFileAtomic(html, func(f *os.File) error { return writeStatusHTML(f, v) }); err != nil {
					return err
				}
			}
			return writeStatus(a.stdout, a.outputFormat(formatTable), v)
		},
	}
	c.Flags().StringVar(&html, "html", "", "also write the status as a self-contained HTML page to this file")
	return c
}

// statusViewOf builds the view of a campaign from the SDK's progress; the
// certifications past due are shown earliest due first.
func statusViewOf(camp *certifications.Campaign, p *certifications.CampaignProgress, now time.Time) *statusView {
	late := slices.Clone(p.PastDue)
	slices.SortStableFunc(late, func(a, b certifications.IdentityCertificationDto) int {
		return a.GetDue().Compare(b.GetDue())
	})
	v := &statusView{
		CampaignID: camp.GetID(),
		Name:       camp.GetName(),
		Status:     string(camp.GetStatus()),
		Deadline:   camp.GetDeadline(),
		AsOf:       now,
		counters:   counters{Certifications: p.Certifications, Signed: p.Signed, DecisionsMade: p.DecisionsMade, DecisionsTotal: p.DecisionsTotal},
		Reviewers:  make([]reviewerRow, 0, len(p.ByReviewer)),
		PastDue:    make([]pastDueRow, 0, len(late)),
	}
	for _, r := range p.ByReviewer {
		v.Reviewers = append(v.Reviewers, reviewerRow{
			ReviewerID:   r.ReviewerID,
			ReviewerName: r.ReviewerName,
			counters:     counters{Certifications: r.Certifications, Signed: r.Signed, DecisionsMade: r.DecisionsMade, DecisionsTotal: r.DecisionsTotal},
		})
	}
	for i := range late {
		c := &late[i]
		v.PastDue = append(v.PastDue, pastDueRow{
			ID:             c.GetID(),
			Name:           c.GetName(),
			ReviewerName:   c.GetReviewer().GetName(),
			Due:            c.GetDue(),
			Signed:         isSigned(c),
			DecisionsMade:  int(c.GetDecisionsMade()),
			DecisionsTotal: int(c.GetDecisionsTotal()),
		})
	}
	return v
}

// writeFileAtomic writes a file through a temporary file in the same
// folder, renamed over the target only once the whole content is written:
// an error leaves no half-written file behind.
func writeFileAtomic(name string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.partial")
	if err != nil {
		return failf("cannot write %s: %v", name, unwrapPath(err))
	}
	tmp := f.Name()
	if err := write(f); err != nil {
		f.Close()
		_ = os.Remove(tmp)
		return err // the writer's own error (a failed download) as it is
	}
	err = f.Close()
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return failf("writing %s: %v", name, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the operation and path of an *os.PathError, which the
// messages above already name.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
