package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(certsCmd) }

var certColumns = []column[certifications.IdentityCertificationDto]{
	{"id", (*certifications.IdentityCertificationDto).GetID},
	{"name", (*certifications.IdentityCertificationDto).GetName},
	{"campaign", func(c *certifications.IdentityCertificationDto) string { return c.GetCampaign().GetName() }},
	{"reviewer", func(c *certifications.IdentityCertificationDto) string { return c.GetReviewer().GetName() }},
	{"phase", func(c *certifications.IdentityCertificationDto) string { return string(c.GetPhase()) }},
	{"decisions", func(c *certifications.IdentityCertificationDto) string {
		return fmt.Sprintf("%d/%d", c.GetDecisionsMade(), c.GetDecisionsTotal())
	}},
	{"identities", func(c *certifications.IdentityCertificationDto) string {
		return fmt.Sprintf("%d/%d", c.GetIdentitiesCompleted(), c.GetIdentitiesTotal())
	}},
	{"completed", func(c *certifications.IdentityCertificationDto) string { return strconv.FormatBool(c.GetCompleted()) }},
	{"due", func(c *certifications.IdentityCertificationDto) string { return timeText(c.GetDue()) }},
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
	queryFlags(list, &filters, &sorters, certifications.RulesListIdentityCertifications(), `phase eq "ACTIVE"`)

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
// in the output format (def when -o is not given).
func writeAll[T, R any](a *app, desc string, p *certifications.Pager[T], def string, cols []column[R], conv func(*T) *R) error {
	out := newList(a.stdout, a.outputFormat(def), cols)
	_, err := stream(a, desc, p, func(v *T) error { return out.add(conv(v)) })
	if cerr := out.close(); err == nil {
		err = cerr
	}
	return err
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
func queryFlags(c *cobra.Command, filters, sorters *string, rules *certifications.QueryRules, example string) {
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
