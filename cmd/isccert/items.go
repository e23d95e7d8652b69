package main

import (
	"github.com/iscgo/certifications/internal/query"
	"slices"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(itemsCmd) }

type item = certifications.AccessReviewItem

// exportRow is one line of items export: what a reviewer needs to decide
// an item, and the empty decision and comments columns to fill in. Its
// JSON names are the CSV headers, and id, decision and comments are those
// of a ReviewDecision, so a JSON Lines export is also a decision file.
type exportRow struct {
	ID string `json:"id"`
	itemAccess
	CurrentDecision string `json:"currentDecision"`
	// Recommendation is the one the server sent with the item, if any
	// (see reviewItem). It has the shape of ReviewDecision.recommendation
	// so that a JSON line stays a ReviewDecision.
	Recommendation *certifications.ReviewRecommendation `json:"recommendation,omitempty"`
	Decision       string                               `json:"decision"`
	Comments       string                               `json:"comments"`
}

// rowColumns are the columns of items list: the export's columns up to
// recommendation, so that a list is a prefix of an export. On a terminal
// the ids beside names are left out, and a narrow one leaves out the
// recommendation, the source and the access type, in that order, before
// it cuts names.
var rowColumns = []column[exportRow]{
	col("id", func(r *exportRow) string { return r.ID }),
	col("identityId", func(r *exportRow) string { return r.IdentityID }).dropped(always),
	col("identityName", func(r *exportRow) string { return r.IdentityName }).titled("IDENTITY").shrink(),
	col("accessType", func(r *exportRow) string { return r.AccessType }).titled("TYPE").dropped(3),
	col("accessId", func(r *exportRow) string { return r.AccessID }).dropped(always),
	col("accessName", func(r *exportRow) string { return r.AccessName }).titled("ACCESS").shrink(),
	col("source", func(r *exportRow) string { return r.Source }).shrink().dropped(2),
	col("currentDecision", func(r *exportRow) string { return r.CurrentDecision }).titled("DECISION"),
	col("recommendation", func(r *exportRow) string { return r.Recommendation.GetRecommendation() }).dropped(1),
}

// exportColumns are the columns of items export: those of items list, then
// the two to fill in.
var exportColumns = append(rowColumns[:len(rowColumns):len(rowColumns)],
	col("decision", func(r *exportRow) string { return r.Decision }),
	col("comments", func(r *exportRow) string { return r.Comments }),
)

func exportRowOf(ri *reviewItem) *exportRow {
	it := &ri.AccessReviewItem
	return &exportRow{
		Recommendation:  ri.Recommendation,
		ID:              it.GetID(),
		itemAccess:      accessOf(it),
		CurrentDecision: string(it.GetDecision()),
	}
}

// itemAccess says whose access an item is and what it is: the part items
// export and campaigns export write alike.
type itemAccess struct {
	IdentityID   string `json:"identityId"`
	IdentityName string `json:"identityName"`
	AccessType   string `json:"accessType"`
	AccessID     string `json:"accessId"`
	AccessName   string `json:"accessName"`
	Source       string `json:"source"`
}

// accessOf fills an item's itemAccess.
func accessOf(it *certifications.AccessReviewItem) itemAccess {
	acc := it.GetAccessSummary().GetAccess()
	return itemAccess{
		IdentityID:   it.GetIdentitySummary().GetIdentityID(),
		IdentityName: it.GetIdentitySummary().GetName(),
		AccessType:   string(acc.GetType()),
		AccessID:     acc.GetID(),
		AccessName:   acc.GetName(),
		Source:       sourceOf(it.GetAccessSummary()),
	}
}

// sourceOf names the sources an item's access comes from: the
// entitlement's, or those of the entitlements an access profile or role
// grants, in order and without repeats.
func sourceOf(s *certifications.AccessSummary) string {
	var names []string
	addAll := func(es []certifications.ReviewableEntitlement) {
		for i := range es {
			if n := es[i].GetSourceName(); n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	if e := s.GetEntitlement(); e != nil {
		addAll([]certifications.ReviewableEntitlement{*e})
	}
	addAll(s.GetAccessProfile().GetEntitlements())
	if r := s.GetRole(); r != nil {
		addAll(r.GetEntitlements())
		for _, ap := range r.GetAccessProfiles() {
			addAll(ap.GetEntitlements())
		}
	}
	return strings.Join(names, "; ")
}

func itemsCmd(a *app) *cobra.Command {
	var filters, sorters string
	request := func(cert string) (*certifications.Pager[reviewItem], error) {
		api, err := a.api()
		if err != nil {
			return nil, err
		}
		return a.reviewItems(api, cert, filters, sorters), nil
	}
	list := &cobra.Command{
		Use:     "list CERT",
		Short:   "List the access review items of a certification (every page)",
		Example: `  isccert items list CERT --filters 'access.type eq "ENTITLEMENT"' --sorters identitySummary.name`,
		Args:    argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := request(args[0])
			if err != nil {
				return err
			}
			if f := a.outputFormat(formatTable); f == formatJSON || f == formatJSONL {
				return writeAll(a, "listing items", p, formatTable, []column[reviewItem](nil), same) // the items as the API gives them
			}
			return writeAll(a, "listing items", p, formatTable, rowColumns, exportRowOf)
		},
	}
	export := &cobra.Command{
		Use:   "export CERT",
		Short: "Write every item as a CSV (default) or JSON Lines file to fill in decisions",
		Long: `Write every access review item of a certification, one row each: id,
identity, access type, access name and source, the current decision, and the
empty decision and comments columns to fill in (APPROVE or REVOKE). Give the
edited file to isccert decide. A row left without a decision is left as it is.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @)
get a leading apostrophe.`,
		Example: `  isccert items export CERT > items.csv
  isccert items export CERT -o jsonl --filters 'completed eq false' > todo.jsonl`,
		Args: argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := request(args[0])
			if err != nil {
				return err
			}
			return writeAll(a, "exporting items", p, formatCSV, exportColumns, exportRowOf)
		},
	}
	for _, c := range []*cobra.Command{list, export} {
		queryFlags(c, &filters, &sorters, query.MustRoot("ListIdentityAccessReviewItems"), `access.type eq "ENTITLEMENT"`)
	}
	return group("items", "List and export the access review items of a certification", list, export)
}
