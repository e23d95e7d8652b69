package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(decideCmd) }

func decideCmd(a *app) *cobra.Command {
	var file string
	var dryRun bool
	var chunk int
	cmd := &cobra.Command{
		Use:   "decide CERT --file F",
		Short: "Apply the decisions of a file (an edited items export, or JSON Lines of ReviewDecision)",
		Long: `Apply the decisions of a file to a certification: a CSV in the format of
items export (the id, decision and comments columns are read; a row without a
decision is left alone), or JSON Lines of ReviewDecision.

The whole file is checked before anything is sent: every row must be valid,
name an item of the certification, and carry a comment where the campaign
requires one. Items the certification already shows as decided are skipped,
so running the same command again after an interruption or a failure
finishes the job without deciding anything twice.`,
		Example: `  isccert decide CERT --file items.csv --dry-run
  isccert decide CERT --file items.csv
  jq -c 'select(.accessType == "ROLE") | {id, decision: "APPROVE", comments: "role kept"}' items.jsonl | isccert decide CERT -f -`,
		Args: argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if chunk < 1 || chunk > certifications.MaxDecisionsPerCall {
				return usagef("--chunk-size %d: choose 1 to %d", chunk, certifications.MaxDecisionsPerCall)
			}
			return a.decide(args[0], file, dryRun, chunk)
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "the decision file (- for stdin)")
	_ = cmd.MarkFlagRequired("file")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check everything and show the decisions that would be sent, sending none")
	cmd.Flags().IntVar(&chunk, "chunk-size", certifications.MaxDecisionsPerCall, "decisions per call")
	return cmd
}

// decideOutcome is what decide writes to stdout.
type decideOutcome struct {
	Certification string `json:"certification"`
	DryRun        bool   `json:"dryRun"`
	// Decided were sent and accepted (with --dry-run: would be sent).
	Decided int `json:"decided"`
	// Skipped were already decided on the certification.
	Skipped int `json:"skipped"`
	// Failed were sent in a call that failed.
	Failed int `json:"failed"`
	// Undecided rows of the file carry no decision and were left alone.
	Undecided      int   `json:"undecided"`
	DecisionsMade  int32 `json:"decisionsMade"`
	DecisionsTotal int32 `json:"decisionsTotal"`
}

var outcomeColumns = []column[decideOutcome]{
	{"certification", func(o *decideOutcome) string { return o.Certification }},
	{"dryRun", func(o *decideOutcome) string { return fmt.Sprint(o.DryRun) }},
	{"decided", func(o *decideOutcome) string { return fmt.Sprint(o.Decided) }},
	{"skipped", func(o *decideOutcome) string { return fmt.Sprint(o.Skipped) }},
	{"failed", func(o *decideOutcome) string { return fmt.Sprint(o.Failed) }},
	{"undecided", func(o *decideOutcome) string { return fmt.Sprint(o.Undecided) }},
	{"decisionsMade", func(o *decideOutcome) string { return fmt.Sprint(o.DecisionsMade) }},
	{"decisionsTotal", func(o *decideOutcome) string { return fmt.Sprint(o.DecisionsTotal) }},
}

var decisionColumns = []column[certifications.ReviewDecision]{
	{"id", (*certifications.ReviewDecision).GetID},
	{"decision", func(d *certifications.ReviewDecision) string { return string(d.Decision) }},
	{"comments", (*certifications.ReviewDecision).GetComments},
}

func (a *app) decide(certID, file string, dryRun bool, chunk int) error {
	in, err := a.openInput(file)
	if err != nil {
		return err
	}
	df, err := readDecisions(file, in)
	_ = in.Close()
	if err != nil {
		return err
	}
	api, cert, err := a.certification(certID)
	if err != nil {
		return err
	}
	if ph := cert.GetPhase(); ph != certifications.CertificationPhaseActive && ph != "" {
		return failf("certification %s is %s; only an ACTIVE certification takes decisions; nothing was sent", certID, ph)
	}
	if err := df.checkComments(cert.GetCampaign()); err != nil {
		return err
	}
	refs := df.refs()
	decided, err := a.itemStates(api, certID, refs, int(cert.GetDecisionsTotal()))
	if err != nil {
		return err
	}
	if err := checkMembers(file, certID, refs, decided); err != nil {
		return err
	}
	out := decideOutcome{Certification: certID, DryRun: dryRun, Undecided: df.undecided, DecisionsMade: cert.GetDecisionsMade(), DecisionsTotal: cert.GetDecisionsTotal()}
	if dryRun {
		return a.showDryRun(df, decided, &out, chunk)
	}
	if len(df.decisions) == 0 {
		return printOne(a.stdout, a.outputFormat(formatTable), outcomeColumns, &out)
	}

	bar := a.newProgress("checking decided items", int64(len(df.decisions)))
	res, err := api.DecideAll(a.ctx, certID, df.reviewDecisions(), &certifications.DecideOptions{
		ChunkSize: chunk,
		Progress: func(p certifications.DecideProgress) {
			bar.describe("deciding")
			bar.set(p.Skipped + p.Decided + p.Failed)
		},
	})
	if res == nil {
		bar.stop()
		return err
	}
	if len(res.Failed) > 0 {
		bar.stop()
	} else {
		bar.done()
	}
	out.Decided, out.Skipped, out.Failed = len(res.Decided), len(res.Skipped), len(res.Failed)
	if c := res.Certification; c != nil {
		out.DecisionsMade, out.DecisionsTotal = c.GetDecisionsMade(), c.GetDecisionsTotal()
	}
	if perr := printOne(a.stdout, a.outputFormat(formatTable), outcomeColumns, &out); err == nil {
		err = perr
	}
	if len(res.Failed) > 0 {
		return failf("%d of %d decisions failed (%d decided, %d already decided): %s; run the same command again to retry them",
			len(res.Failed), len(df.decisions), len(res.Decided), len(res.Skipped), failureSummary(res.Failed))
	}
	return err
}

// showDryRun writes the decisions that would be sent, and counts on stderr.
func (a *app) showDryRun(df *decisionFile, decided map[string]bool, out *decideOutcome, chunk int) error {
	list := newList(a.stdout, a.outputFormat(formatTable), decisionColumns)
	for i := range df.decisions {
		d := &df.decisions[i].ReviewDecision
		if decided[d.ID] {
			out.Skipped++
			continue
		}
		out.Decided++
		if err := list.add(d); err != nil {
			return err
		}
	}
	if err := list.close(); err != nil {
		return err
	}
	calls := (out.Decided + chunk - 1) / chunk
	fmt.Fprintf(a.stderr, "isccert: dry run: would send %d decisions in %s to certification %s; %d items already decided would be skipped; %d rows without a decision; nothing was sent\n",
		out.Decided, plural(calls, "call"), out.Certification, out.Skipped, out.Undecided)
	return nil
}

// checkComments refuses decisions without the comment the campaign
// requires, before the server refuses their whole chunk.
func (df *decisionFile) checkComments(c *certifications.CampaignReference) error {
	req := c.GetMandatoryCommentRequirement()
	p := &problems{name: df.name, hint: fmt.Sprintf("campaign %q requires comments (%s)", c.GetName(), req)}
	for _, d := range df.decisions {
		if d.Comments == nil && (req == certifications.CampaignReferenceMandatoryCommentRequirementAllDecisions ||
			req == certifications.CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions && d.Decision == certifications.CertificationDecisionRevoke) {
			p.add(lineNo(d.line), "%s of item %s has no comment", d.Decision, d.ID)
		}
	}
	return p.err()
}

// idRef is an item id given on the command line or in a file, and where.
type idRef struct {
	where string // "line 7", "--item"
	id    string
}

// refs returns the item ids of the decisions, with their lines.
func (df *decisionFile) refs() []idRef {
	out := make([]idRef, len(df.decisions))
	for i, d := range df.decisions {
		out[i] = idRef{where: lineNo(d.line), id: d.ID}
	}
	return out
}

// checkMembers refuses ids of items the certification does not have
// (states holds the items found, from itemStates).
func checkMembers(source, certID string, refs []idRef, states map[string]bool) error {
	p := &problems{name: source, hint: "export the certification again (isccert items export " + certID + ") and take the ids from there"}
	for _, r := range refs {
		if _, ok := states[r.id]; !ok {
			p.add(r.where, "item %s is not in certification %s", r.id, certID)
		}
	}
	return p.err()
}

// idBatch is how many ids one "id in (...)" look-up names: the URL stays
// a few kilobytes long.
const idBatch = 50

// itemStates tells, for the given item ids of a certification of total
// items, which exist (the keys) and which are decided (true). It asks by id
// when that takes fewer requests than listing every item.
func (a *app) itemStates(api *certifications.CertificationsApiService, certID string, ids []idRef, total int) (map[string]bool, error) {
	states := make(map[string]bool, len(ids))
	keep := func(it *item) error {
		states[it.GetID()] = it.GetCompleted() || it.Decision != nil
		return nil
	}
	byID := (len(ids) + idBatch - 1) / idBatch
	all := (total + certifications.MaxPageSize - 1) / certifications.MaxPageSize
	if len(ids) == 0 || byID >= all {
		_, err := stream(a, "checking items", api.ListIdentityAccessReviewItems(a.ctx, certID).Pager(), keep)
		return states, err
	}
	bar := a.newProgress("checking items", int64(len(ids)))
	for start := 0; start < len(ids); start += idBatch {
		batch := ids[start:min(start+idBatch, len(ids))]
		vals := make([]any, len(batch))
		for i, r := range batch {
			vals[i] = r.id
		}
		filter := certifications.In("id", vals...).String()
		for it, err := range api.ListIdentityAccessReviewItems(a.ctx, certID).Filters(filter).All() {
			if err != nil {
				bar.stop()
				return nil, err
			}
			_ = keep(&it)
		}
		bar.add(len(batch))
	}
	bar.done()
	return states, nil
}

// failureSummary groups the failed items by what went wrong, largest
// group first. API errors that differ only in their tracking id are one
// group, which lists the first tracking ids for support.
func failureSummary(failed map[string]error) string {
	type group struct {
		items    int
		tracking []string
	}
	groups := map[string]*group{}
	for _, err := range failed {
		key := firstLine(err.Error())
		var ae *certifications.APIError
		if errors.Is(err, context.Canceled) {
			key = "interrupted"
		} else if errors.As(err, &ae) {
			key = fmt.Sprintf("certifications: %s %s: %d %s", ae.Method, ae.Path, ae.StatusCode, http.StatusText(ae.StatusCode))
			if ae.Message != "" {
				key += ": " + strings.TrimSpace(ae.Message)
			}
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.items++
		if ae != nil && ae.TrackingID != "" && len(g.tracking) < 3 && !slices.Contains(g.tracking, ae.TrackingID) {
			g.tracking = append(g.tracking, ae.TrackingID)
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		gi, gj := groups[keys[i]], groups[keys[j]]
		return gi.items > gj.items || gi.items == gj.items && keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d items: %s", groups[k].items, k)
		if t := groups[k].tracking; len(t) > 0 {
			sort.Strings(t)
			parts[i] += " (tracking ids " + strings.Join(t, ", ") + ")"
		}
	}
	return strings.Join(parts, "; ")
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// plural writes "1 call", "3 calls".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
