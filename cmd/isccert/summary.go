package main

import (
	"fmt"
	"strconv"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(summaryCmd) }

// summaryOutput is what summary writes: the decision counts per kind of
// access and the identities under review.
type summaryOutput struct {
	Certification   string                                        `json:"certification"`
	DecisionSummary *certifications.IdentityCertDecisionSummary   `json:"decisionSummary"`
	Identities      []certifications.CertificationIdentitySummary `json:"identities"`
}

// decisionRow is one kind of access in the table of decision counts.
type decisionRow struct {
	kind                           string
	made, total, approved, revoked int32
}

var decisionRowColumns = []column[decisionRow]{
	{"decisions", func(r *decisionRow) string { return r.kind }},
	{"made", func(r *decisionRow) string { return fmt.Sprint(r.made) }},
	{"total", func(r *decisionRow) string { return fmt.Sprint(r.total) }},
	{"approved", func(r *decisionRow) string { return fmt.Sprint(r.approved) }},
	{"revoked", func(r *decisionRow) string { return fmt.Sprint(r.revoked) }},
}

var identityColumns = []column[certifications.CertificationIdentitySummary]{
	{"identity", (*certifications.CertificationIdentitySummary).GetName},
	{"identityId", (*certifications.CertificationIdentitySummary).GetIdentityID},
	{"completed", func(s *certifications.CertificationIdentitySummary) string {
		return strconv.FormatBool(s.GetCompleted())
	}},
	{"summaryId", (*certifications.CertificationIdentitySummary).GetID},
}

func decisionRows(s *certifications.IdentityCertDecisionSummary) []decisionRow {
	return []decisionRow{
		{"entitlements", s.GetEntitlementDecisionsMade(), s.GetEntitlementDecisionsTotal(), s.GetEntitlementsApproved(), s.GetEntitlementsRevoked()},
		{"access profiles", s.GetAccessProfileDecisionsMade(), s.GetAccessProfileDecisionsTotal(), s.GetAccessProfilesApproved(), s.GetAccessProfilesRevoked()},
		{"roles", s.GetRoleDecisionsMade(), s.GetRoleDecisionsTotal(), s.GetRolesApproved(), s.GetRolesRevoked()},
		{"accounts", s.GetAccountDecisionsMade(), s.GetAccountDecisionsTotal(), s.GetAccountsApproved(), s.GetAccountsRevoked()},
	}
}

func summaryCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "summary CERT",
		Short: "Show the decision summary and the identity summaries of a certification",
		Long: `Show how many decisions are made, approved and revoked per kind of access
(entitlements, access profiles, roles, accounts), then every identity under
review and whether its review is complete. -o json and -o jsonl write both as
one object.`,
		Args: argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			format := a.outputFormat(formatTable)
			if format == formatCSV {
				return usagef("summary writes two tables: use -o table, json or jsonl")
			}
			c, err := a.connect()
			if err != nil {
				return err
			}
			sums := c.CertificationSummariesApi
			dec, _, err := sums.GetIdentityDecisionSummary(a.ctx, args[0]).Execute()
			if err != nil {
				return err
			}
			out := summaryOutput{Certification: args[0], DecisionSummary: dec, Identities: []certifications.CertificationIdentitySummary{}}
			_, err = stream(a, "listing identities", sums.GetIdentitySummaries(a.ctx, args[0]).Pager(), func(s *certifications.CertificationIdentitySummary) error {
				out.Identities = append(out.Identities, *s)
				return nil
			})
			if err != nil {
				return err
			}
			if format != formatTable {
				return printOne(a.stdout, format, nil, &out)
			}
			rows := newList(a.stdout, formatTable, decisionRowColumns)
			for _, r := range decisionRows(dec) {
				if err := rows.add(&r); err != nil {
					return err
				}
			}
			if err := rows.close(); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout)
			ids := newList(a.stdout, formatTable, identityColumns)
			for i := range out.Identities {
				if err := ids.add(&out.Identities[i]); err != nil {
					return err
				}
			}
			return ids.close()
		},
	}
}
