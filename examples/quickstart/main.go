// Command quickstart runs a certification review the way a reviewer would:
// list my active certifications, reassign a few items and wait for the
// asynchronous task, review the rest by a simple rule (revoke entitlements
// whose account shows no activity in the last 90 days, approve the rest)
// with Review, which reads only the undecided items and decides them as it
// reads, print each certification's decision summary, sign off, and print a
// summary table.
//
// With no SAIL_* variables it starts the certtest sandbox tenant in process
// and runs the whole review there. With SAIL_BASE_URL and credentials set
// it lists and plans against that tenant read-only: it prints the plan
// (item, identity, access and decision for the first -show items of each
// certification, with the totals) and sends nothing. With -apply it says
// in one line what it is about to do, then decides every undecided item of
// every active certification of yours by the rule, reassigns a few items
// and signs each certification off: decisions that revoke access on a
// real tenant.
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart -api v1   # the per-resource API generation
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
	api := flag.String("api", "", "API generation: v3 or v1 (default: "+certifications.EnvAPIVersion+", else v3)")
	show := flag.Int("show", 10, "read-only: how many planned decisions to print per certification")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	o := options{apply: *apply, reassignTo: *reassignTo, reassignN: *reassignN, apiVersion: certifications.APIVersion(*api), show: *show}
	if err := run(ctx, os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

type options struct {
	apply      bool
	reassignTo string
	reassignN  int
	// show is how many planned decisions a read-only run prints per
	// certification.
	show int
	// apiVersion, when set, overrides SAIL_API_VERSION.
	apiVersion certifications.APIVersion

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
		cfg := srv.Configuration()
		cfg.APIVersion = o.apiVersion
		return start(ctx, out, cfg, o)
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
	if o.apiVersion != "" {
		cfg.APIVersion = o.apiVersion
	}
	return start(ctx, out, cfg, o)
}

// start makes the client, refusing a bad configuration (an unknown -api
// among others) before anything is sent, and reviews.
func start(ctx context.Context, out io.Writer, cfg *certifications.Configuration, o options) error {
	client := certifications.NewAPIClient(cfg)
	if err := client.Err(); err != nil {
		return err
	}
	generation := cfg.APIVersion
	if generation == "" {
		generation = certifications.APIVersionV3
	}
	fmt.Fprintf(out, "API generation %s\n", generation)
	return review(ctx, out, client, o)
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
	if o.apply && len(certs) > 0 {
		moves := ""
		if o.reassignTo != "" && o.reassignN > 0 {
			moves = fmt.Sprintf(", reassign up to %d items of the first to %s", o.reassignN, o.reassignTo)
		}
		fmt.Fprintf(out, "Applying to %d certification(s): decide every undecided item by the rule (revoke entitlements unused for 90 days, approve the rest)%s, then sign each off\n",
			len(certs), moves)
	}

	var rows []row
	for i, cert := range certs {
		r := row{name: cert.GetName(), phase: cert.GetPhase(), items: int(cert.GetDecisionsTotal()), skip: int(cert.GetDecisionsMade())}
		fmt.Fprintf(out, "[%d/%d] %s (due %s)\n", i+1, len(certs), r.name, cert.GetDue().Format("2006-01-02"))

		// A few undecided items of the first certification go to a
		// colleague instead of being decided here.
		moving := map[string]bool{}
		if i == 0 && o.reassignTo != "" && o.reassignN > 0 {
			toMove, err := firstUndecided(ctx, api, cert.GetID(), o.reassignN)
			if err != nil {
				return err
			}
			r.moved = len(toMove)
			for _, ref := range toMove {
				moving[ref.ID] = true
			}
			if o.apply && len(toMove) > 0 {
				if err := reassign(ctx, out, api, cert.GetID(), toMove, o.reassignTo); err != nil {
					return err
				}
			}
		}

		// Review reads only the undecided items and decides them by the
		// rule as it reads; read-only, the rule counts, keeps the first
		// decisions to show as the plan and leaves every item alone, so
		// that nothing is sent.
		requirement := cert.GetCampaign().GetMandatoryCommentRequirement()
		var plan []planned
		rule := func(item certifications.AccessReviewItem) (certifications.ReviewDecision, bool) {
			if moving[item.GetID()] {
				return certifications.ReviewDecision{}, false // still here when read-only
			}
			d := decide(item, requirement)
			if !o.apply && len(plan) < o.show {
				plan = append(plan, planned{item: item, decision: d.Decision})
			}
			if d.Decision == certifications.CertificationDecisionRevoke {
				r.revoke++
			} else {
				r.approve++
			}
			return d, o.apply
		}
		reported := 0
		res, err := api.Review(ctx, cert.GetID(), rule, &certifications.ReviewOptions{
			Progress: func(p certifications.ReviewProgress) {
				if done := p.Decided + p.Failed; done > reported {
					reported = done
					fmt.Fprintf(out, "  decided %d/%d (failed %d)\n", p.Decided, p.Total, p.Failed)
				}
			},
		})
		fmt.Fprintf(out, "  %d items: %d to approve, %d to revoke, %d already decided, %d to reassign\n", r.items, r.approve, r.revoke, r.skip, r.moved)
		if err != nil {
			return fmt.Errorf("reviewing %s: %w (rerun to finish: only undecided items are read)", r.name, err)
		}
		if err := printDecisionSummary(ctx, out, client.CertificationSummariesApi, cert.GetID()); err != nil {
			return err
		}
		if !o.apply {
			if err := printPlan(out, plan, r.approve+r.revoke); err != nil {
				return err
			}
			rows = append(rows, r)
			continue
		}
		if len(res.LeftAlone) > 0 {
			fmt.Fprintf(out, "  %d item(s) left undecided\n", len(res.LeftAlone))
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

// planned is a decision a read-only run would send.
type planned struct {
	item     certifications.AccessReviewItem
	decision certifications.CertificationDecision
}

// printPlan shows the first decisions a run with -apply would send, and
// how many there are in all.
func printPlan(out io.Writer, plan []planned, total int) error {
	fmt.Fprintf(out, "  plan (read-only, nothing sent): the first %d of %d decisions\n", len(plan), total)
	if len(plan) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "    ITEM\tIDENTITY\tACCESS\tDECISION")
	for _, p := range plan {
		acc := p.item.GetAccessSummary().GetAccess()
		fmt.Fprintf(tw, "    %s\t%s\t%s (%s)\t%s\n", p.item.GetID(), p.item.GetIdentitySummary().GetName(), acc.GetName(), acc.GetType(), p.decision)
	}
	return tw.Flush()
}

// printDecisionSummary prints how far the certification's review has come,
// per kind of access, in one request however large the certification.
func printDecisionSummary(ctx context.Context, out io.Writer, sum *certifications.CertificationSummariesApiService, certID string) error {
	s, _, err := sum.GetIdentityDecisionSummary(ctx, certID).Execute()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "  decision summary: entitlements %d/%d (approved %d, revoked %d), access profiles %d/%d (approved %d, revoked %d), roles %d/%d (approved %d, revoked %d)\n",
		s.GetEntitlementDecisionsMade(), s.GetEntitlementDecisionsTotal(), s.GetEntitlementsApproved(), s.GetEntitlementsRevoked(),
		s.GetAccessProfileDecisionsMade(), s.GetAccessProfileDecisionsTotal(), s.GetAccessProfilesApproved(), s.GetAccessProfilesRevoked(),
		s.GetRoleDecisionsMade(), s.GetRoleDecisionsTotal(), s.GetRolesApproved(), s.GetRolesRevoked())
	return nil
}

// firstUndecided returns references to the first n undecided items of a
// certification.
func firstUndecided(ctx context.Context, api *certifications.CertificationsApiService, certID string, n int) ([]certifications.ReassignReference, error) {
	items, _, err := api.ListIdentityAccessReviewItems(ctx, certID).
		Filters(certifications.Eq("completed", false).String()).
		Limit(int32(min(n, certifications.MaxPageSize))).
		Execute()
	if err != nil {
		return nil, err
	}
	refs := make([]certifications.ReassignReference, len(items))
	for i, it := range items {
		refs[i] = certifications.ReassignReference{ID: it.GetID(), Type: certifications.ReassignReferenceTypeItem}
	}
	return refs, nil
}

// reassign hands items to another reviewer with the asynchronous
// operation and waits for the task.
func reassign(ctx context.Context, out io.Writer, api *certifications.CertificationsApiService, certID string, refs []certifications.ReassignReference, to string) error {
	fmt.Fprintf(out, "  reassigning %d item(s) to %s and waiting for the task ...\n", len(refs), to)
	res, err := api.ReassignAll(ctx, certID, certifications.ReviewReassign{
		Reassign: refs, ReassignTo: to, Reason: "Quickstart: handed to a colleague who knows this access",
	}, &certifications.ReassignOptions{Async: true, Wait: &certifications.WaitOptions{Initial: 100 * time.Millisecond}})
	if err != nil {
		return err
	}
	for _, t := range res.Tasks {
		fmt.Fprintf(out, "  task %s: %s\n", t.GetID(), t.GetStatus())
	}
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
