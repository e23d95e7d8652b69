package main

import (
	"iter"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

// exportConcurrency is how many certifications campaigns export reads at
// once. The rate limit, not this, sets the pace; but a page of items is a
// round trip, and with fewer in flight a slow tenant leaves the limit
// unused (measured: 0.84 of the limit's speed with the SDK's default of 4,
// 0.91 with 8, by BenchmarkCampaignExport).
const exportConcurrency = 8

func campaignsExportCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "export CAMPAIGN",
		Short: "Write every access review item of every certification of a campaign: the audit evidence",
		Long: `Write the evidence of a campaign, one row per access review item of every
certification: the campaign, the certification with its reviewer (name and
e-mail) and whether and when it was signed, the identity, the access (type,
name, source), the decision with its comments, and whether the item is
completed. -o csv (the default) or -o jsonl; the rows stream as they are read,
with the fewest requests the API allows.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @)
get a leading apostrophe.`,
		Example: `  isccert campaigns export CAMPAIGN > evidence.csv
  isccert campaigns export CAMPAIGN -o jsonl | gzip > evidence.jsonl.gz`,
		Args: argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			format := a.outputFormat(formatCSV)
			if format != formatCSV && format != formatJSONL {
				return usagef("campaigns export writes one row per item: use -o csv or -o jsonl")
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			camp, _, err := api.GetCampaign(a.ctx, args[0]).Execute()
			if err != nil {
				return err
			}
			w := newEvidenceWriter(a.stdout, format, campaignRef{id: args[0], name: camp.GetName()})
			bar := a.newProgress("exporting "+camp.GetName(), -1)
			err = exportItems(api.AllItems(a.ctx, args[0], &certifications.AllItemsOptions{Concurrency: exportConcurrency}), w, bar)
			if cerr := w.close(); err == nil {
				err = cerr
			}
			if err != nil {
				bar.stop()
				return err
			}
			bar.done()
			return nil
		},
	}
}

// exportItems writes every item the SDK streams; it stops at the first
// error, from the server or from writing.
func exportItems(items iter.Seq2[certifications.CampaignItem, error], w *evidenceWriter, bar *progress) error {
	for it, err := range items {
		if err != nil {
			return err
		}
		if err := w.add(&it.Certification, &it.Item); err != nil {
			return err
		}
		bar.add(1)
	}
	return nil
}
