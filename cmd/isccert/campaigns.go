package main

import (
	"fmt"
	"github.com/iscgo/certifications/internal/query"
	"strings"
	"time"
	_ "time/tzdata" // --time-zone is checked on machines without a zone database too

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(campaignsCmd) }

type campaign = certifications.Campaign

var campaignColumns = []column[campaign]{
	{name: "id", get: (*campaign).GetID},
	{name: "name", get: (*campaign).GetName},
	{name: "type", get: func(c *campaign) string { return string(c.GetType()) }},
	{name: "status", get: func(c *campaign) string { return string(c.GetStatus()) }},
	{name: "deadline", get: func(c *campaign) string { return timeText(c.GetDeadline()) }},
	{name: "signed", get: func(c *campaign) string {
		if c.TotalCertifications == nil {
			return ""
		}
		return fmt.Sprintf("%d/%d", c.GetCompletedCertifications(), c.GetTotalCertifications())
	}},
	{name: "created", get: func(c *campaign) string { return timeText(c.GetCreated()) }},
}

// campaignsAPI returns the campaign operations of the client.
func (a *app) campaignsAPI() (*certifications.CertificationCampaignsApiService, error) {
	c, err := a.connect()
	if err != nil {
		return nil, err
	}
	return c.CertificationCampaignsApi, nil
}

func campaignsCmd(a *app) *cobra.Command {
	return group("campaigns", "Run certification campaigns: create, activate, watch, complete, report, export",
		campaignsListCmd(a), campaignsGetCmd(a), campaignsCreateCmd(a), campaignsActivateCmd(a),
		campaignsCompleteCmd(a), campaignsDeleteCmd(a), campaignsStatusCmd(a), campaignsMoveCmd(a),
		campaignsReportCmd(a), campaignsExportCmd(a), campaignsRemediationScanCmd(a))
}

// detailFlag reads --detail: slim or full, in any case.
func detailFlag(s string) (certifications.CampaignDetail, error) {
	v, err := parseChoice("--detail", s, string(certifications.CampaignDetailSlim), string(certifications.CampaignDetailFull))
	return certifications.CampaignDetail(v), err
}

func campaignsListCmd(a *app) *cobra.Command {
	var status, name, filters, sorters, detail string
	c := &cobra.Command{
		Use:   "list",
		Short: "List campaigns (every page)",
		Example: `  isccert campaigns list --status ACTIVE,STAGED
  isccert campaigns list --name "Q4" --sorters -created --detail full -o json`,
		Args: argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := campaignFilter(status, name, filters)
			if err != nil {
				return err
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			type R = certifications.ApiGetActiveCampaignsRequest
			req := with(with(api.GetActiveCampaigns(a.ctx), f, R.Filters), sorters, R.Sorters)
			if detail != "" {
				d, err := detailFlag(detail)
				if err != nil {
					return err
				}
				req = req.Detail(d)
			}
			return writeAll(a, "listing campaigns", req.Pager(), formatTable, campaignColumns, same)
		},
	}
	c.Flags().StringVar(&status, "status", "", "only campaigns in these statuses, comma-separated (e.g. ACTIVE,STAGED)")
	c.Flags().StringVar(&name, "name", "", "only campaigns whose name starts with this text")
	c.Flags().StringVar(&detail, "detail", "", "SLIM (the default) or FULL: FULL adds the type-specific settings")
	queryFlags(c, &filters, &sorters, query.MustRoot("GetActiveCampaigns"), `status eq "ACTIVE"`)
	return c
}

// campaignFilter joins --status, --name and --filters into one filter
// expression; the SDK checks it against the operation's rules.
func campaignFilter(status, name, filters string) (string, error) {
	var parts []certifications.Filter
	if status != "" {
		var vals []any
		for _, s := range strings.Split(status, ",") {
			s = strings.ToUpper(strings.TrimSpace(s))
			if s == "" {
				continue
			}
			known := false
			for _, v := range certifications.CampaignStatusValues() {
				known = known || string(v) == s
			}
			if !known {
				return "", usagef("--status %s is not a campaign status: choose from %s", s, joinStrings(certifications.CampaignStatusValues()))
			}
			vals = append(vals, s)
		}
		switch len(vals) {
		case 0:
			return "", usagef("--status is empty: give one or more statuses, e.g. ACTIVE,STAGED")
		case 1:
			parts = append(parts, certifications.Eq("status", vals[0]))
		default:
			parts = append(parts, certifications.In("status", vals...))
		}
	}
	if name != "" {
		parts = append(parts, certifications.Sw("name", name))
	}
	if filters != "" {
		f, err := certifications.ParseFilter(filters)
		if err != nil {
			return "", usagef("--filters: %v", err)
		}
		parts = append(parts, f)
	}
	return certifications.And(parts...).String(), nil
}

// joinStrings lists enum values for a message.
func joinStrings[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func campaignsGetCmd(a *app) *cobra.Command {
	var detail string
	c := &cobra.Command{
		Use:   "get CAMPAIGN",
		Short: "Show one campaign",
		Args:  argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			req := api.GetCampaign(a.ctx, args[0])
			if detail != "" {
				d, err := detailFlag(detail)
				if err != nil {
					return err
				}
				req = req.Detail(d)
			}
			camp, _, err := req.Execute()
			if err != nil {
				return err
			}
			return printOne(a.stdout, a.outputFormat(formatTable), campaignColumns, camp)
		},
	}
	c.Flags().StringVar(&detail, "detail", "", "SLIM or FULL (the default for one campaign)")
	return c
}

func campaignsCreateCmd(a *app) *cobra.Command {
	var file, template string
	var w waitFlags
	c := &cobra.Command{
		Use:   "create (--file FILE | --template TEMPLATE)",
		Short: "Create a campaign from a JSON file in the API's shape, or generate one from a template",
		Long: `Create a campaign. --file takes a JSON object in the API's shape (the body of
POST /campaigns: name, description, type, deadline, and the settings of its
type), - for stdin; a field the API does not know is refused before anything
is sent. --template generates a campaign from a campaign template (see
isccert templates list) and shows it.`,
		Example: `  isccert campaigns create --file campaign.json
  isccert campaigns create --template 2c9180835d2e5168015d32f890ca1581 --wait`,
		Args: argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (file == "") == (template == "") {
				return usagef("give --file FILE or --template TEMPLATE")
			}
			var body *campaign
			if file != "" {
				var err error
				if body, err = readBodyFile[campaign](a, file, "a campaign"); err != nil {
					return err
				}
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			if template != "" {
				return a.generate(api, template, &w)
			}
			created, _, err := api.CreateCampaign(a.ctx).Campaign(*body).Execute()
			if err != nil {
				return err
			}
			if w.wait && created.GetID() != "" {
				return a.waitForCampaign(api, created.GetID(), &w)
			}
			return printOne(a.stdout, a.outputFormat(formatTable), campaignColumns, created)
		},
	}
	c.Flags().StringVarP(&file, "file", "f", "", "JSON file of the campaign in the API's shape (- for stdin)")
	c.Flags().StringVar(&template, "template", "", "id of the campaign template to generate the campaign from")
	w.add(c, "the new campaign has left PENDING")
	return c
}

func campaignsActivateCmd(a *app) *cobra.Command {
	var tz string
	var w waitFlags
	c := &cobra.Command{
		Use:     "activate CAMPAIGN",
		Short:   "Activate a STAGED campaign: its certifications go to the reviewers",
		Example: `  isccert campaigns activate CAMPAIGN --time-zone Europe/Paris --wait`,
		Args:    argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts certifications.ActivateCampaignOptions
			if tz != "" {
				if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
					return usagef("--time-zone %q is not a time zone: give an IANA name such as Europe/Paris, America/Chicago or UTC", tz)
				}
				opts.TimeZone = certifications.Ptr(tz)
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			if _, err := api.StartCampaign(a.ctx, args[0]).ActivateCampaignOptions(opts).Execute(); err != nil {
				return err
			}
			return a.afterStart(api, args[0], &w, "activating", certifications.CampaignStatusActive)
		},
	}
	c.Flags().StringVar(&tz, "time-zone", "", "time zone of the deadline, an IANA name such as Europe/Paris (default: the tenant's)")
	w.add(c, "the campaign is ACTIVE")
	return c
}

func campaignsCompleteCmd(a *app) *cobra.Command {
	var auto string
	var w waitFlags
	c := &cobra.Command{
		Use:     "complete CAMPAIGN",
		Short:   "Complete a campaign past its deadline; --auto decides what is left undecided",
		Example: `  isccert campaigns complete CAMPAIGN --auto REVOKE --wait`,
		Args:    argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts certifications.CampaignCompleteOptions
			if auto != "" {
				v, err := parseChoice("--auto", auto, joinValuesOf(certifications.AutoCompleteActionValues())...)
				if err != nil {
					return err
				}
				opts.AutoCompleteAction = certifications.Ptr(certifications.AutoCompleteAction(v))
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			if _, err := api.CompleteCampaign(a.ctx, args[0]).CampaignCompleteOptions(opts).Execute(); err != nil {
				return err
			}
			return a.afterStart(api, args[0], &w, "completing", certifications.CampaignStatusCompleted)
		},
	}
	c.Flags().StringVar(&auto, "auto", "", "what to do with the items left undecided: APPROVE (the API's default) or REVOKE")
	w.add(c, "the campaign is COMPLETED")
	return c
}

// joinValuesOf turns enum values into strings.
func joinValuesOf[T ~string](vs []T) []string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return s
}

func campaignsDeleteCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "delete CAMPAIGN...",
		Short: "Delete campaigns",
		Args:  argsAtLeastOne("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			body := certifications.CampaignsDeleteRequest{IDs: args}
			if _, err := api.DeleteCampaigns(a.ctx).CampaignsDeleteRequest(body).Execute(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "isccert: deleting %s\n", plural(len(args), "campaign"))
			return nil
		},
	}
}

func campaignsRemediationScanCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "remediation-scan CAMPAIGN",
		Short: "Start a remediation scan of a campaign: check that its revocations were carried out",
		Args:  argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			if _, err := api.StartCampaignRemediationScan(a.ctx, args[0]).Execute(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "isccert: remediation scan of campaign %s started\n", args[0])
			return nil
		},
	}
}

// argsAtLeastOne checks that one or more non-empty arguments are given.
func argsAtLeastOne(name string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usagef("%s takes one or more %s", cmd.CommandPath(), name)
		}
		for i, v := range args {
			if strings.TrimSpace(v) == "" {
				return usagef("%s: %s %d is empty", cmd.CommandPath(), name, i+1)
			}
		}
		return nil
	}
}

// waitFlags are --wait, --timeout and --poll of the commands that start
// background work on a campaign.
type waitFlags struct {
	wait          bool
	timeout, poll time.Duration
}

func (w *waitFlags) add(c *cobra.Command, until string) {
	c.Flags().BoolVar(&w.wait, "wait", false, "wait until "+until+", then show the campaign")
	c.Flags().DurationVar(&w.timeout, "timeout", 0, "give up waiting after this long, e.g. 30m (default 1h)")
	pollFlag(c.Flags(), &w.poll)
}

func (w *waitFlags) options() *certifications.WaitOptions {
	return &certifications.WaitOptions{Initial: w.poll, Timeout: w.timeout}
}

// afterStart follows work the server does in the background: with --wait
// it waits for the campaign, otherwise it says how to look later.
func (a *app) afterStart(api *certifications.CertificationCampaignsApiService, id string, w *waitFlags, doing string, settled certifications.CampaignStatus) error {
	if w.wait {
		return a.waitForCampaign(api, id, w)
	}
	fmt.Fprintf(a.stderr, "isccert: campaign %s is %s; isccert campaigns get %s shows when it is %s\n", id, doing, id, settled)
	return nil
}

// waitForCampaign waits until the campaign settles, with a spinner on a
// terminal, and shows it.
func (a *app) waitForCampaign(api *certifications.CertificationCampaignsApiService, id string, w *waitFlags) error {
	bar := a.newProgress("waiting for campaign "+id, -1)
	stop := bar.animate()
	camp, err := api.WaitForCampaign(a.ctx, id, w.options())
	stop()
	if err != nil {
		bar.stop()
		return err
	}
	bar.done()
	return printOne(a.stdout, a.outputFormat(formatTable), campaignColumns, camp)
}
