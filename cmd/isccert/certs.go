package main

import (
	"fmt"
	"github.com/iscgo/certifications/internal/query"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(certsCmd) }

type cert = certifications.IdentityCertificationDto

// certColumns are the columns of certs list. On a terminal, the day is
// enough of the due date, completed repeats decisions, the campaign is in
// the certification's name, and a narrow one leaves out the campaign,
// the identities and the reviewer, in that order, before it cuts names.
var certColumns = []column[cert]{
	col("id", (*cert).GetID),
	col("name", (*cert).GetName).shrink(),
	col("campaign", func(c *cert) string { return c.GetCampaign().GetName() }).shrink().dropped(1),
	col("reviewer", func(c *cert) string { return c.GetReviewer().GetName() }).shrink().dropped(3),
	col("phase", func(c *cert) string { return string(c.GetPhase()) }),
	col("decisions", func(c *cert) string {
		return fmt.Sprintf("%d/%d", c.GetDecisionsMade(), c.GetDecisionsTotal())
	}),
	col("identities", func(c *cert) string {
		return fmt.Sprintf("%d/%d", c.GetIdentitiesCompleted(), c.GetIdentitiesTotal())
	}).dropped(2),
	col("completed", func(c *cert) string { return strconv.FormatBool(c.GetCompleted()) }).dropped(always),
	col("due", func(c *cert) string { return timeText(c.GetDue()) }).asDay(),
}

func certsCmd(a *app) *cobra.Command {
	var reviewer, filters, sorters string
	list := &cobra.Command{
		Use:   "list",
		Short: "List certifications (every page)",
		Example: `  isccert certs list --reviewer me
  isccert certs list --filters 'phase eq "ACTIVE"' --sorters -due -o jsonl`,
		Args: argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			api, err := a.api()
			if err != nil {
				return err
			}
			type R = certifications.ApiListIdentityCertificationsRequest
			req := api.ListIdentityCertifications(a.ctx)
			req = with(with(with(req, reviewer, R.ReviewerIdentity), filters, R.Filters), sorters, R.Sorters)
			return writeAll(a, "listing certifications", req.Pager(), formatTable, certColumns, same)
		},
	}
	list.Flags().StringVar(&reviewer, "reviewer", "", `only the certifications of this reviewer identity id ("me" for yourself)`)
	queryFlags(list, &filters, &sorters, query.MustRoot("ListIdentityCertifications"), `phase eq "ACTIVE"`)

	get := &cobra.Command{
		Use:   "get CERT",
		Short: "Show one certification",
		Args:  argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, cert, err := a.certification(args[0])
			if err != nil {
				return err
			}
			return printOne(a.stdout, a.outputFormat(formatTable), certColumns, cert)
		},
	}
	return group("certs", "List and show certifications", list, get)
}

// writeAll streams every item of a pager to stdout, converted by conv,
// in the output format (def when -o is not given). When the listing fails
// the output is left visibly unfinished (see list.fail).
func writeAll[T, R any](a *app, desc string, p *certifications.Pager[T], def string, cols []column[R], conv func(*T) *R) error {
	out := newList(a.stdout, a.outputFormat(def), cols)
	out.width = a.width
	if _, err := stream(a, desc, p, func(v *T) error { return out.add(conv(v)) }); err != nil {
		return out.fail(err)
	}
	return out.close()
}

// with sets an optional parameter of a request builder when it was given.
func with[R any](req R, value string, set func(R, string) R) R {
	if value == "" {
		return req
	}
	return set(req, value)
}

// same is the conversion of writeAll that writes items as they are.
func same[T any](v *T) *T { return v }

// queryFlags adds --filters and --sorters, with the fields the operation
// accepts in their help.
func queryFlags(c *cobra.Command, filters, sorters *string, rules *query.Rules, example string) {
	fields := make([]string, 0, len(rules.Filters))
	for f := range rules.Filters {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	c.Flags().StringVar(filters, "filters", "", fmt.Sprintf("filter expression, e.g. '%s' (fields: %s)", example, strings.Join(fields, ", ")))
	if sorters != nil && len(rules.Sorters) > 0 {
		c.Flags().StringVar(sorters, "sorters", "", fmt.Sprintf("comma-separated sort keys, - for descending (%s)", strings.Join(rules.Sorters, ", ")))
	}
}

// timeText writes a time as RFC 3339 in UTC, or "" for none.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
