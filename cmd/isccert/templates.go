package main

import (
	"errors"
	"fmt"
	"github.com/iscgo/certifications/internal/query"
	"net/http"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(templatesCmd) }

type campaignTemplate = certifications.CampaignTemplate

var templateColumns = []column[campaignTemplate]{
	{name: "id", get: (*campaignTemplate).GetID},
	{name: "name", get: (*campaignTemplate).GetName},
	{name: "type", get: func(t *campaignTemplate) string { return string(t.Campaign.GetType()) }},
	{name: "deadline", get: (*campaignTemplate).GetDeadlineDuration},
	{name: "scheduled", get: func(t *campaignTemplate) string { return fmt.Sprint(t.GetScheduled()) }},
	{name: "created", get: func(t *campaignTemplate) string { return timeText(t.GetCreated()) }},
}

type schedule = certifications.Schedule

var scheduleColumns = []column[schedule]{
	{name: "type", get: func(s *schedule) string { return string(s.Type) }},
	{name: "months", get: func(s *schedule) string { return selectorText(s.Months) }},
	{name: "days", get: func(s *schedule) string { return selectorText(s.Days) }},
	{name: "hours", get: func(s *schedule) string { return selectorText(&s.Hours) }},
	{name: "expiration", get: func(s *schedule) string { return timeText(s.GetExpiration()) }},
	{name: "timeZone", get: (*schedule).GetTimeZoneID},
}

// selectorText writes a schedule selector as "LIST: 1, 15".
func selectorText(s *certifications.ScheduleSelector) string {
	if s == nil {
		return ""
	}
	text := strings.Join(s.GetValues(), ", ")
	if t := string(s.Type); t != "" {
		text = t + ": " + text
	}
	return text
}

// templateError words a template the server does not know.
func templateError(id string, err error) error {
	var ae *certifications.APIError
	if errors.As(err, &ae) && ae.StatusCode == http.StatusNotFound {
		return failf("campaign template %s does not exist: isccert templates list shows the templates", id)
	}
	return err
}

// scheduleError words a schedule the server does not know: the template
// has none, or does not exist.
func scheduleError(id string, err error) error {
	var ae *certifications.APIError
	if errors.As(err, &ae) && ae.StatusCode == http.StatusNotFound {
		return failf("campaign template %s has no schedule, or does not exist: isccert templates get %s tells which", id, id)
	}
	return err
}

func templatesCmd(a *app) *cobra.Command {
	var filters, sorters string
	list := &cobra.Command{
		Use:   "list",
		Short: "List campaign templates (every page)",
		Args:  argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			type R = certifications.ApiGetCampaignTemplatesRequest
			req := with(with(api.GetCampaignTemplates(a.ctx), filters, R.Filters), sorters, R.Sorters)
			return writeAll(a, "listing templates", req.Pager(), formatTable, templateColumns, same)
		},
	}
	queryFlags(list, &filters, &sorters, query.MustRoot("GetCampaignTemplates"), `name sw "Quarterly"`)

	get := &cobra.Command{
		Use:   "get TEMPLATE",
		Short: "Show one campaign template",
		Args:  argsNamed("TEMPLATE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			t, _, err := api.GetCampaignTemplate(a.ctx, args[0]).Execute()
			if err != nil {
				return templateError(args[0], err)
			}
			return printOne(a.stdout, a.outputFormat(formatTable), templateColumns, t)
		},
	}

	var file string
	create := &cobra.Command{
		Use:   "create --file FILE",
		Short: "Create a campaign template from a JSON file in the API's shape",
		Args:  argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if file == "" {
				return usagef("templates create needs --file: a JSON campaign template in the API's shape (- for stdin)")
			}
			body, err := readBodyFile[campaignTemplate](a, file, "a campaign template")
			if err != nil {
				return err
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			t, _, err := api.CreateCampaignTemplate(a.ctx).CampaignTemplate(*body).Execute()
			if err != nil {
				return err
			}
			return printOne(a.stdout, a.outputFormat(formatTable), templateColumns, t)
		},
	}
	create.Flags().StringVarP(&file, "file", "f", "", "JSON file of the template in the API's shape (- for stdin)")

	del := &cobra.Command{
		Use:   "delete TEMPLATE...",
		Short: "Delete campaign templates",
		Args:  argsAtLeastOne("TEMPLATE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			for i, id := range args {
				if _, err := api.DeleteCampaignTemplate(a.ctx, id).Execute(); err != nil {
					if i > 0 {
						fmt.Fprintf(a.stderr, "isccert: deleted %d of %d templates\n", i, len(args))
					}
					return templateError(id, err)
				}
			}
			fmt.Fprintf(a.stderr, "isccert: deleted %s\n", plural(len(args), "template"))
			return nil
		},
	}

	var w waitFlags
	generate := &cobra.Command{
		Use:   "generate TEMPLATE",
		Short: "Generate a campaign from a template (the same as campaigns create --template)",
		Args:  argsNamed("TEMPLATE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			return a.generate(api, args[0], &w)
		},
	}
	w.add(generate, "the new campaign has left PENDING")

	return group("templates", "Manage campaign templates and their schedules", list, get, create, del, generate, scheduleCmd(a))
}

// generate creates a campaign from a template and shows it, once settled
// with --wait.
func (a *app) generate(api *certifications.CertificationCampaignsApiService, template string, w *waitFlags) error {
	ref, _, err := api.StartGenerateCampaignTemplate(a.ctx, template).Execute()
	if err != nil {
		return templateError(template, err)
	}
	if w.wait {
		return a.waitForCampaign(api, ref.ID, w)
	}
	camp, _, err := api.GetCampaign(a.ctx, ref.ID).Execute()
	if err != nil {
		return err
	}
	return printOne(a.stdout, a.outputFormat(formatTable), campaignColumns, camp)
}

func scheduleCmd(a *app) *cobra.Command {
	get := &cobra.Command{
		Use:   "get TEMPLATE",
		Short: "Show a template's schedule",
		Args:  argsNamed("TEMPLATE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			s, _, err := api.GetCampaignTemplateSchedule(a.ctx, args[0]).Execute()
			if err != nil {
				return scheduleError(args[0], err)
			}
			return printOne(a.stdout, a.outputFormat(formatTable), scheduleColumns, s)
		},
	}
	var file string
	set := &cobra.Command{
		Use:   "set TEMPLATE --file FILE",
		Short: "Set a template's schedule from a JSON file in the API's shape",
		Example: `  echo '{"type":"MONTHLY","days":{"type":"LIST","values":["1"]},"hours":{"type":"LIST","values":["9"]}}' |
    isccert templates schedule set TEMPLATE --file -`,
		Args: argsNamed("TEMPLATE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if file == "" {
				return usagef("schedule set needs --file: a JSON schedule in the API's shape (- for stdin)")
			}
			body, err := readBodyFile[schedule](a, file, "a schedule")
			if err != nil {
				return err
			}
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			if _, err := api.SetCampaignTemplateSchedule(a.ctx, args[0]).Schedule(*body).Execute(); err != nil {
				return templateError(args[0], err)
			}
			fmt.Fprintf(a.stderr, "isccert: schedule of template %s set\n", args[0])
			return nil
		},
	}
	set.Flags().StringVarP(&file, "file", "f", "", "JSON file of the schedule in the API's shape (- for stdin)")
	del := &cobra.Command{
		Use:   "delete TEMPLATE",
		Short: "Delete a template's schedule",
		Args:  argsNamed("TEMPLATE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.campaignsAPI()
			if err != nil {
				return err
			}
			if _, err := api.DeleteCampaignTemplateSchedule(a.ctx, args[0]).Execute(); err != nil {
				return scheduleError(args[0], err)
			}
			fmt.Fprintf(a.stderr, "isccert: schedule of template %s deleted\n", args[0])
			return nil
		},
	}
	return group("schedule", "Show, set and delete a template's schedule", get, set, del)
}
