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
	col("decisions", func(r *decisionRow) string { return r.kind }),
	col("made", func(r *decisionRow) string { return fmt.Sprint(r.made) }),
	col("total", func(r *decisionRow) string { return fmt.Sprint(r.total) }),
	col("approved", func(r *decisionRow) string { return fmt.Sprint(r.approved) }),
	col("revoked", func(r *decisionRow) string { return fmt.Sprint(r.revoked) }),
}

type identitySummary = certifications.CertificationIdentitySummary

var identityColumns = []column[identitySummary]{
	col("identity", (*identitySummary).GetName).shrink(),
	col("identityId", (*identitySummary).GetIdentityID),
	col("completed", func(s *identitySummary) string { return strconv.FormatBool(s.GetCompleted()) }),
	col("summaryId", (*identitySummary).GetID).dropped(1),
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
one object; -o csv writes both in one table, a row per kind of access
(section "decisions") then a row per identity (section "identity").`,
		Args: argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			format := a.outputFormat(formatTable)
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
			switch format {
			case formatCSV:
				return writeSummaryCSV(a, dec, out.Identities)
			case formatJSON, formatJSONL:
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
			ids.width = a.width
			for i := range out.Identities {
				if err := ids.add(&out.Identities[i]); err != nil {
					return err
				}
			}
			return ids.close()
		},
	}
}

// summaryRow is a row of summary -o csv: a kind of access with its
// decision counts, or an identity with its state.
type summaryRow struct {
	section, name, identityID, summaryID, completed string
	counts                                          *decisionRow
}

func (r *summaryRow) count(f func(*decisionRow) int32) string {
	if r.counts == nil {
		return ""
	}
	return fmt.Sprint(f(r.counts))
}

var summaryColumns = []column[summaryRow]{
	col("section", func(r *summaryRow) string { return r.section }),
	col("name", func(r *summaryRow) string { return r.name }),
	col("identityId", func(r *summaryRow) string { return r.identityID }),
	col("summaryId", func(r *summaryRow) string { return r.summaryID }),
	col("completed", func(r *summaryRow) string { return r.completed }),
	col("made", func(r *summaryRow) string { return r.count(func(d *decisionRow) int32 { return d.made }) }),
	col("total", func(r *summaryRow) string { return r.count(func(d *decisionRow) int32 { return d.total }) }),
	col("approved", func(r *summaryRow) string { return r.count(func(d *decisionRow) int32 { return d.approved }) }),
	col("revoked", func(r *summaryRow) string { return r.count(func(d *decisionRow) int32 { return d.revoked }) }),
}

// writeSummaryCSV writes the decision counts and the identities as one
// CSV table.
func writeSummaryCSV(a *app, dec *certifications.IdentityCertDecisionSummary, ids []identitySummary) error {
	l := newList(a.stdout, formatCSV, summaryColumns)
	for _, d := range decisionRows(dec) {
		if err := l.add(&summaryRow{section: "decisions", name: d.kind, counts: &d}); err != nil {
			return err
		}
	}
	for i := range ids {
		s := &ids[i]
		row := summaryRow{section: "identity", name: s.GetName(), identityID: s.GetIdentityID(), summaryID: s.GetID(), completed: strconv.FormatBool(s.GetCompleted())}
		if err := l.add(&row); err != nil {
			return err
		}
	}
	return l.close()
}
