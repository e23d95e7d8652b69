// Command quickstart runs a certification review the way a reviewer would:
// list my active certifications, stream every access review item, decide
// by a simple rule (revoke entitlements whose account shows no activity in
// the last 90 days, approve the rest), reassign a few items, wait for the
// asynchronous task, sign off, and print a summary.
//
// With no SAIL_* variables it starts the certtest sandbox tenant in process
// and runs the whole review there. With SAIL_BASE_URL and credentials set
// it lists and plans against that tenant read-only, and sends decisions,
// reassignments and sign-offs only with -apply.
//
//	go run ./examples/quickstart
//	SAIL_BASE_URL=https://acme.api.identitynow.com SAIL_CLIENT_ID=... SAIL_CLIENT_SECRET=... go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"text/tabwriter"
	"time"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

func main() {
	apply := flag.Bool("apply", false, "on a real tenant, send decisions, reassignments and sign-offs (the sandbox always applies them)")
	reassignTo := flag.String("reassign-to", "", "identity id to reassign a few items to (sandbox: another seeded reviewer)")
	reassignN := flag.Int("reassign", 3, "how many items of the first certification to reassign")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, options{apply: *apply, reassignTo: *reassignTo, reassignN: *reassignN}); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

type options struct {
	apply      bool
	reassignTo string
	reassignN  int

	// The tests run the tenant on certtest's in-memory network, inside a
	// synctest bubble, so that the review's waits (pacing, task polling)
	// pass on a fake clock: sandbox adds options to the embedded sandbox,
	// and httpClient, if set, replaces the HTTP client used with SAIL_*.
	sandbox    []certtest.Option
	httpClient *http.Client
}

// run picks the tenant (sandbox or SAIL_*), then reviews.
func run(ctx context.Context, out io.Writer, o options) error {
	if os.Getenv(certifications.EnvBaseURL) == "" {
		srv := certtest.NewServer(o.sandbox...)
		defer srv.Close()
		fmt.Fprintf(out, "No %s set: running on the embedded sandbox tenant at %s\n", certifications.EnvBaseURL, srv.URL())
		if o.reassignTo == "" {
			o.reassignTo = otherReviewer(srv)
		}
		o.apply = true
		return review(ctx, out, certifications.NewAPIClient(srv.Configuration()), o)
	}
	cfg, err := certifications.NewConfigurationFromEnv()
	if err != nil {
		return err
	}
	if o.httpClient != nil {
		cfg.HTTPClient = o.httpClient
	}
	mode := "read-only (pass -apply to send decisions)"
	if o.apply {
		mode = "APPLYING decisions"
	}
	fmt.Fprintf(out, "Tenant %s, %s\n", cfg.BaseURL, mode)
	return review(ctx, out, certifications.NewAPIClient(cfg), o)
}

// row is one line of the summary table.
type row struct {
	name                                string
	items, approve, revoke, skip, moved int
	phase                               certifications.CertificationPhase
}

func review(ctx context.Context, out io.Writer, client *certifications.APIClient, o options) error {
	api := client.CertificationsApi
	start := time.Now()

	fmt.Fprintln(out, "Listing my active certifications ...")
	certs, err := certifications.Collect(api.ListIdentityCertifications(ctx).
		ReviewerIdentity("me").
		Filters(certifications.Eq("phase", certifications.CertificationPhaseActive).String()).
		Sorters(certifications.Sorters(certifications.Asc("due"))).
		All())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "  %d active certification(s)\n", len(certs))

	var rows []row
	for i, cert := range certs {
		r := row{name: cert.GetName(), phase: cert.GetPhase()}
		fmt.Fprintf(out, "[%d/%d] %s (due %s)\n", i+1, len(certs), r.name, cert.GetDue().Format("2006-01-02"))

		var decisions []certifications.ReviewDecision
		var toMove []certifications.ReassignReference
		for item, err := range api.ListIdentityAccessReviewItems(ctx, cert.GetID()).All() {
			if err != nil {
				return err
			}
			r.items++
			if item.GetCompleted() {
				r.skip++
				continue
			}
			if i == 0 && o.reassignTo != "" && len(toMove) < o.reassignN {
				toMove = append(toMove, certifications.ReassignReference{ID: item.GetID(), Type: certifications.ReassignReferenceTypeItem})
				continue
			}
			d := decide(item, cert.GetCampaign().GetMandatoryCommentRequirement())
			if d.Decision == certifications.CertificationDecisionRevoke {
				r.revoke++
			} else {
				r.approve++
			}
			decisions = append(decisions, d)
		}
		r.moved = len(toMove)
		fmt.Fprintf(out, "  %d items: %d to approve, %d to revoke, %d already decided, %d to reassign\n", r.items, r.approve, r.revoke, r.skip, r.moved)
		if !o.apply {
			rows = append(rows, r)
			continue
		}

		if len(toMove) > 0 {
			fmt.Fprintf(out, "  reassigning %d item(s) to %s and waiting for the task ...\n", len(toMove), o.reassignTo)
			res, err := api.ReassignAll(ctx, cert.GetID(), certifications.ReviewReassign{
				Reassign: toMove, ReassignTo: o.reassignTo, Reason: "Quickstart: handed to a colleague who knows this access",
			}, &certifications.ReassignOptions{Async: true, Wait: &certifications.WaitOptions{Initial: 100 * time.Millisecond}})
			if err != nil {
				return err
			}
			for _, t := range res.Tasks {
				fmt.Fprintf(out, "  task %s: %s\n", t.GetID(), t.GetStatus())
			}
		}

		_, err := api.DecideAll(ctx, cert.GetID(), decisions, &certifications.DecideOptions{
			Progress: func(p certifications.DecideProgress) {
				fmt.Fprintf(out, "  decided %d/%d (skipped %d, failed %d)\n", p.Decided, p.Total, p.Skipped, p.Failed)
			},
		})
		if err != nil {
			return fmt.Errorf("deciding %s: %w (rerun to finish: decided items are skipped)", r.name, err)
		}

		signed, err := api.SignOffWhenComplete(ctx, cert.GetID())
		var incomplete *certifications.IncompleteError
		switch {
		case errors.As(err, &incomplete):
			fmt.Fprintf(out, "  not signed off: %v\n", err)
		case err != nil:
			return err
		default:
			fmt.Fprintln(out, "  signed off")
			r.phase = signed.GetPhase()
		}
		rows = append(rows, r)
	}

	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CERTIFICATION\tITEMS\tAPPROVE\tREVOKE\tALREADY\tREASSIGNED\tPHASE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\n", r.name, r.items, r.approve, r.revoke, r.skip, r.moved, r.phase)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nDone in %s.\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// decide is the review rule: revoke an entitlement whose account shows no
// activity at all in the last 90 days (when the activity data is
// complete), approve everything else. Comments go where the campaign
// requires them.
func decide(item certifications.AccessReviewItem, comments certifications.CampaignReferenceMandatoryCommentRequirement) certifications.ReviewDecision {
	d := certifications.ReviewDecision{ID: item.GetID(), Decision: certifications.CertificationDecisionApprove, Bulk: true}
	insights := item.GetAccessSummary().GetEntitlement().GetAccount().GetActivityInsights()
	if insights != nil && insights.GetUsageDaysState() == certifications.ActivityInsightsUsageDaysStateComplete && insights.GetUsageDays() == 0 {
		d.Decision = certifications.CertificationDecisionRevoke
		d.Comments = certifications.Ptr("No account activity in the last 90 days")
	} else if comments == certifications.CampaignReferenceMandatoryCommentRequirementAllDecisions {
		d.Comments = certifications.Ptr("Access in use; still needed")
	}
	return d
}

// otherReviewer picks a seeded reviewer who is not the caller, to hand a
// few items to.
func otherReviewer(srv *certtest.Server) string {
	for _, r := range srv.Reviewers() {
		if r.GetID() != srv.MeID() {
			return r.GetID()
		}
	}
	return ""
}
