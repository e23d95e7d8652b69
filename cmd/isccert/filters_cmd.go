package main

import (
	"fmt"
	"strconv"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(filtersCmd) }

type campaignFilterDetails = certifications.CampaignFilterDetails

var filterColumns = []column[campaignFilterDetails]{
	{name: "id", get: func(f *campaignFilterDetails) string { return f.ID }},
	{name: "name", get: func(f *campaignFilterDetails) string { return f.Name }},
	{name: "mode", get: func(f *campaignFilterDetails) string { return string(f.Mode) }},
	{name: "criteria", get: func(f *campaignFilterDetails) string { return strconv.Itoa(len(f.CriteriaList)) }},
	{name: "system", get: func(f *campaignFilterDetails) string { return strconv.FormatBool(f.IsSystemFilter) }},
	{name: "description", get: func(f *campaignFilterDetails) string { return f.GetDescription() }},
}

func (a *app) filtersAPI() (*certifications.CertificationCampaignFiltersApiService, error) {
	c, err := a.connect()
	if err != nil {
		return nil, err
	}
	return c.CertificationCampaignFiltersApi, nil
}

func filtersCmd(a *app) *cobra.Command {
	var system bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List campaign filters (every page)",
		Args:  argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			api, err := a.filtersAPI()
			if err != nil {
				return err
			}
			req := api.ListCampaignFilters(a.ctx)
			if cmd.Flags().Changed("system") {
				req = req.IncludeSystemFilters(system)
			}
			return writeAll(a, "listing filters", req.Pager(), formatTable, filterColumns, same)
		},
	}
	list.Flags().BoolVar(&system, "system", true, "include the tenant's system filters")

	get := &cobra.Command{
		Use:   "get FILTER",
		Short: "Show one campaign filter",
		Args:  argsNamed("FILTER"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.filtersAPI()
			if err != nil {
				return err
			}
			f, _, err := api.GetCampaignFilterByID(a.ctx, args[0]).Execute()
			if err != nil {
				return err
			}
			return printOne(a.stdout, a.outputFormat(formatTable), filterColumns, f)
		},
	}

	var file string
	create := &cobra.Command{
		Use:   "create --file FILE",
		Short: "Create a campaign filter from a JSON file in the API's shape",
		Args:  argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if file == "" {
				return usagef("filters create needs --file: a JSON campaign filter in the API's shape (- for stdin)")
			}
			body, err := readBodyFile[campaignFilterDetails](a, file, "a campaign filter")
			if err != nil {
				return err
			}
			api, err := a.filtersAPI()
			if err != nil {
				return err
			}
			f, _, err := api.CreateCampaignFilter(a.ctx).CampaignFilterDetails(*body).Execute()
			if err != nil {
				return err
			}
			return printOne(a.stdout, a.outputFormat(formatTable), filterColumns, f)
		},
	}
	create.Flags().StringVarP(&file, "file", "f", "", "JSON file of the filter in the API's shape (- for stdin)")

	del := &cobra.Command{
		Use:   "delete FILTER...",
		Short: "Delete campaign filters",
		Args:  argsAtLeastOne("FILTER"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.filtersAPI()
			if err != nil {
				return err
			}
			if _, err := api.DeleteCampaignFilters(a.ctx).RequestBody(args).Execute(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "isccert: deleted %s\n", plural(len(args), "filter"))
			return nil
		},
	}
	return group("filters", "Manage campaign filters", list, get, create, del)
}
