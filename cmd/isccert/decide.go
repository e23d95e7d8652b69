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
	col("certification", func(o *decideOutcome) string { return o.Certification }),
	col("dryRun", func(o *decideOutcome) string { return fmt.Sprint(o.DryRun) }),
	col("decided", func(o *decideOutcome) string { return fmt.Sprint(o.Decided) }),
	col("skipped", func(o *decideOutcome) string { return fmt.Sprint(o.Skipped) }),
	col("failed", func(o *decideOutcome) string { return fmt.Sprint(o.Failed) }),
	col("undecided", func(o *decideOutcome) string { return fmt.Sprint(o.Undecided) }),
	col("decisionsMade", func(o *decideOutcome) string { return fmt.Sprint(o.DecisionsMade) }),
	col("decisionsTotal", func(o *decideOutcome) string { return fmt.Sprint(o.DecisionsTotal) }),
}

// dryRunRow is a decision that decide --dry-run would send, with the
// identity and the access it decides, so that a person can check it by
// eye. Its JSON is the ReviewDecision that would be sent, plus those.
type dryRunRow struct {
	certifications.ReviewDecision
	IdentityName string `json:"identityName,omitempty"`
	AccessType   string `json:"accessType,omitempty"`
	AccessName   string `json:"accessName,omitempty"`
}

var dryRunColumns = []column[dryRunRow]{
	col("id", func(r *dryRunRow) string { return r.ID }),
	col("identityName", func(r *dryRunRow) string { return r.IdentityName }).titled("IDENTITY").shrink(),
	col("accessType", func(r *dryRunRow) string { return r.AccessType }).titled("TYPE").dropped(1),
	col("accessName", func(r *dryRunRow) string { return r.AccessName }).titled("ACCESS").shrink(),
	col("decision", func(r *dryRunRow) string { return string(r.Decision) }),
	col("comments", (*dryRunRow).GetComments).shrink(),
}

func (a *app) decide(certID, file string, dryRun bool, chunk int) error {
	in, err := a.openInput(file)
	if err != nil {
		return err
	}
	name := inputName(file)
	df, err := readDecisions(name, in)
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
	out := decideOutcome{Certification: certID, DryRun: dryRun, Undecided: df.undecided, DecisionsMade: cert.GetDecisionsMade(), DecisionsTotal: cert.GetDecisionsTotal()}
	if dryRun {
		// A dry run shows the identity and access of every decision, so it
		// reads the items of the file, which a run does not need.
		states, err := a.itemStates(api, certID, refs, int(cert.GetDecisionsTotal()))
		if err != nil {
			return err
		}
		if err := checkMembers(name, cert, len(refs), refs, states); err != nil {
			return err
		}
		return a.showDryRun(df, states, &out, chunk)
	}
	if len(df.decisions) == 0 {
		return printOne(a.stdout, a.outputFormat(formatTable), outcomeColumns, &out)
	}

	// DecideAll reads the undecided items once; the ids it would skip are
	// then either decided items or no items of the certification, and only
	// those are looked up, so that a first run reads nothing twice.
	reading := a.newProgress("reading undecided items", -1)
	spin := reading.animate()
	var sending *progress
	res, err := api.DecideAll(a.ctx, certID, df.reviewDecisions(), &certifications.DecideOptions{
		ChunkSize: chunk,
		CheckSkipped: func(skipped []string) error {
			spin()
			reading.done()
			if len(skipped) == 0 {
				return nil
			}
			ids := make(map[string]bool, len(skipped))
			for _, id := range skipped {
				ids[id] = true
			}
			var some []idRef
			for _, r := range refs {
				if ids[r.id] {
					some = append(some, r)
				}
			}
			states, err := a.itemStates(api, certID, some, int(cert.GetDecisionsTotal()))
			if err != nil {
				return err
			}
			return checkMembers(name, cert, len(refs), some, states)
		},
		Progress: func(p certifications.DecideProgress) {
			if sending == nil {
				sending = a.newProgress("deciding", int64(p.Total))
			}
			sending.set(p.Skipped + p.Decided + p.Failed)
		},
	})
	spin()
	if res == nil {
		reading.stop()
		sending.stop()
		return err
	}
	if len(res.Failed) > 0 {
		sending.stop()
	} else {
		sending.done()
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
func (a *app) showDryRun(df *decisionFile, states map[string]*item, out *decideOutcome, chunk int) error {
	list := newList(a.stdout, a.outputFormat(formatTable), dryRunColumns)
	list.width = a.width
	for i := range df.decisions {
		d := df.decisions[i].ReviewDecision
		it := states[d.ID]
		if isDecided(it) {
			out.Skipped++
			continue
		}
		out.Decided++
		acc := it.GetAccessSummary().GetAccess()
		row := dryRunRow{ReviewDecision: d, IdentityName: it.GetIdentitySummary().GetName(), AccessType: string(acc.GetType()), AccessName: acc.GetName()}
		if err := list.add(&row); err != nil {
			return err
		}
	}
	if err := list.close(); err != nil {
		return err
	}
	calls := (out.Decided + chunk - 1) / chunk
	fmt.Fprintf(a.stderr, "isccert: dry run: would send %d decisions in %s to certification %s; %d items already decided would be skipped; %d rows without a decision; nothing was sent\n",
		out.Decided, plural(calls, "call"), terminalSafe(out.Certification), out.Skipped, out.Undecided)
	return nil
}

// isDecided tells whether an item carries a decision.
func isDecided(it *item) bool { return it != nil && (it.GetCompleted() || it.Decision != nil) }

// checkComments refuses decisions without the comment the campaign
// requires, before the server refuses their whole chunk.
func (df *decisionFile) checkComments(c *certifications.CampaignReference) error {
	req := c.GetMandatoryCommentRequirement()
	p := &problems{name: df.name, hint: fmt.Sprintf("campaign %q requires comments (%s)", terminalSafe(c.GetName()), req)}
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
// (states holds the items found, from itemStates). all is the number of
// ids the source names: when most of them are foreign the source is for
// another certification, which is said once, first.
func checkMembers(source string, c *cert, all int, refs []idRef, states map[string]*item) error {
	var foreign []idRef
	for _, r := range refs {
		if _, ok := states[r.id]; !ok {
			foreign = append(foreign, r)
		}
	}
	if len(foreign) == 0 {
		return nil
	}
	certID := c.GetID()
	again := "export the certification again (isccert items export " + certID + ") and take the ids from there"
	if len(foreign) > 2 && 2*len(foreign) > all {
		return failf("%s is not for certification %s (%q): %d of its %d items are not in it, the first at %s; %s; nothing was sent",
			source, certID, terminalSafe(c.GetName()), len(foreign), all, foreign[0].where, again)
	}
	p := &problems{name: source, hint: again}
	for _, r := range foreign {
		p.add(r.where, "item %s is not in certification %s", r.id, certID)
	}
	return p.err()
}

// idBatch is how many ids one "id in (...)" look-up names: the URL stays
// a few kilobytes long.
const idBatch = 50

// itemStates returns the items of a certification of total items that
// have the given ids; an id that is no item of it is not a key. It asks
// by id when that takes fewer requests than listing every item.
func (a *app) itemStates(api *certifications.CertificationsApiService, certID string, ids []idRef, total int) (map[string]*item, error) {
	states := make(map[string]*item, len(ids))
	wanted := make(map[string]bool, len(ids))
	for _, r := range ids {
		wanted[r.id] = true
	}
	keep := func(it *item) error {
		if id := it.GetID(); wanted[id] {
			v := *it
			states[id] = &v
		}
		return nil
	}
	if len(ids) == 0 {
		return states, nil
	}
	byID := (len(ids) + idBatch - 1) / idBatch
	all := (total + certifications.MaxPageSize - 1) / certifications.MaxPageSize
	if byID >= all {
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
		for it, err := range api.ListIdentityAccessReviewItems(a.ctx, certID).FilterBy(certifications.In("id", vals...)).All() {
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
		key := plainError(err)
		var ae *certifications.APIError
		if errors.Is(err, context.Canceled) {
			key = "interrupted"
		} else if errors.As(err, &ae) {
			key = fmt.Sprintf("%s %s: %d %s", ae.Method, ae.Path, ae.StatusCode, http.StatusText(ae.StatusCode))
			if ae.Message != "" {
				key += ": " + terminalSafe(strings.TrimSpace(ae.Message))
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

// plainError is the first line of err's message without the prefix of
// the part that made it, to quote it inside one of the tool's messages.
func plainError(err error) string {
	s := firstLine(err.Error())
	for trimmed := true; trimmed; {
		trimmed = false
		for _, p := range otherPrefixes {
			if rest, ok := strings.CutPrefix(s, p); ok {
				s, trimmed = rest, true
			}
		}
	}
	return s
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
