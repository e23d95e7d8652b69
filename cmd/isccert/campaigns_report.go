package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func campaignsReportCmd(a *app) *cobra.Command {
	var typ, format, out string
	var timeout, poll time.Duration
	c := &cobra.Command{
		Use:   "report CAMPAIGN --type TYPE",
		Short: "Run a campaign report, wait for it and download the file",
		Long: `Run one of a campaign's reports, wait until it has run, and download the file
(CSV or PDF) to stdout or --out FILE. --type takes the API's report types or
a short form: CAMPAIGN_COMPOSITION_REPORT (composition),
CAMPAIGN_REMEDIATION_STATUS_REPORT (remediation), CAMPAIGN_STATUS_REPORT
(status), CERTIFICATION_SIGNOFF_REPORT (signoff).`,
		Example: `  isccert campaigns report CAMPAIGN --type status --out status.csv
  isccert campaigns report CAMPAIGN --type CERTIFICATION_SIGNOFF_REPORT --format pdf --out signoff.pdf`,
		Args: argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if typ == "" {
				return usagef("report needs --type: one of %s", reportTypeNames())
			}
			rt, err := parseReportType(typ)
			if err != nil {
				return err
			}
			ff, err := parseChoice("--format", format, joinValuesOf(certifications.ReportFileFormatValues())...)
			if err != nil {
				return err
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			opts := &certifications.WaitOptions{Initial: poll, Timeout: timeout}
			run := func(w io.Writer) error {
				bar := a.newProgress("running "+rt, -1)
				stop := bar.animate()
				_, err := api.RunReport(a.ctx, args[0], certifications.ReportType(rt), certifications.ReportFileFormat(ff), w, opts)
				stop()
				if err != nil {
					bar.stop()
					return err
				}
				bar.done()
				return nil
			}
			if out == "" || out == "-" {
				return run(a.stdout)
			}
			if err := writeFileAtomic(out, func(f *os.File) error { return run(f) }); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "isccert: wrote %s\n", out)
			return nil
		},
	}
	c.Flags().StringVar(&typ, "type", "", "report type: the API's name or a short form (composition, remediation, status, signoff)")
	c.Flags().StringVar(&format, "format", "csv", "file format: csv or pdf")
	c.Flags().StringVar(&out, "out", "", "write the file here (default: stdout); it appears only once complete")
	c.Flags().DurationVar(&timeout, "timeout", 0, "give up waiting for the report after this long, e.g. 30m (default 1h)")
	pollFlag(c.Flags(), &poll)
	return c
}

// reportTypeNames lists the report types for a message.
func reportTypeNames() string {
	names := make([]string, len(reportTypes))
	for i, rt := range reportTypes {
		names[i] = rt.wire
	}
	return joinStrings(names)
}
