package main

import "github.com/iscgo/certifications/internal/apigen"

// The Certification Campaigns, Campaign Filters and Reports operations,
// declared like those of operations.go. The campaign services are of the
// root package: both API generations, the per-resource v1 paths being
// /campaigns/v1/..., /campaign-templates/v1/..., /campaign-filters/v1/...
// and /reports/v1/....

func init() {
	services = append(services,
		service{
			File:    "api_certification_campaigns.go",
			Doc:     "docs/CertificationCampaignsApi.md",
			Gens:    []string{apigen.V3, apigen.V1},
			Package: "certifications",
			Type:    "CertificationCampaignsApiService",
			Root:    true,
			Ops:     campaignsOps,
		},
		service{
			File:    "api_certification_campaign_filters.go",
			Doc:     "docs/CertificationCampaignFiltersApi.md",
			Gens:    []string{apigen.V3, apigen.V1},
			Package: "certifications",
			Type:    "CertificationCampaignFiltersApiService",
			Root:    true,
			Ops:     campaignFiltersOps,
		},
		service{
			File:    "api_reports.go",
			Doc:     "docs/ReportsApi.md",
			Gens:    []string{apigen.V3, apigen.V1},
			Package: "certifications",
			Type:    "ReportsApiService",
			Root:    true,
			Ops:     reportsOps,
		},
	)
}

// jsonPatch is the content type of the JSON Patch bodies.
const jsonPatch = "application/json-patch+json"

var detailQuery = query{Name: "Detail", Wire: "detail", Type: "CampaignDetail", Doc: "chooses the shape returned: SLIM (the default) or FULL, which adds the type-specific parts."}

var campaignsOps = []op{
	{
		Name: "GetActiveCampaigns", Method: "GET", Path: "/campaigns",
		Result: "Campaign", List: true, Set: paging | filters | sorters, Noun: "campaign",
		Rules: &rules{
			Filters: []filterRule{{"id", "eq in"}, {"name", "eq sw"}, {"status", "eq in"}},
			Sorters: []string{"name", "created"},
		}, SortExample: "-created,name",
		Query: []query{detailQuery},
		Doc:   "lists the campaigns, slim or full",
		No404: true,
	},
	{
		Name: "CreateCampaign", Method: "POST", Path: "/campaigns",
		Result:  "Campaign",
		Body:    &body{Name: "Campaign", Type: "Campaign", Required: true, Check: "%s.validate()", Doc: "sets the campaign to create (required): name, description and type, and the part of its type."},
		Doc:     "creates a campaign; it is generated in the background and ends STAGED",
		Result2: "the campaign as accepted",
		No404:   true,
	},
	{
		Name: "GetCampaign", Method: "GET", Path: "/campaigns/{id}",
		Args:   []arg{{Name: "campaignID"}},
		Result: "Campaign",
		Query:  []query{detailQuery},
		Doc:    "returns one campaign",
	},
	{
		Name: "UpdateCampaign", Method: "PATCH", Path: "/campaigns/{id}",
		Args:        []arg{{Name: "campaignID"}},
		Result:      "Campaign",
		Body:        &body{Name: "JSONPatchOperation", Type: "[]JSONPatchOperation", Check: "validatePatch(%s)", Doc: "sets the JSON Patch operations to apply (at least one)."},
		ContentType: jsonPatch,
		Doc:         "changes a campaign with a JSON Patch: while it is STAGED its name, description, deadline, emailNotificationEnabled, autoRevokeAllowed and recommendationsEnabled, while it is ACTIVE only its deadline",
		Result2:     "the updated campaign (slim)",
	},
	{
		Name: "Move", Method: "POST", Path: "/campaigns/{id}/reassign",
		Args:    []arg{{Name: "campaignID"}},
		Result:  "CertificationTask",
		Body:    &body{Name: "AdminReviewReassign", Type: "AdminReviewReassign", Required: true, Check: "%s.validate()", Doc: "sets the certifications to move and the reviewer to move them to (required)."},
		Doc:     "moves certifications of a campaign to another reviewer, as the campaign's admin",
		Result2: "the certification task that does it",
	},
	{
		Name: "StartCampaign", Method: "POST", Path: "/campaigns/{id}/activate",
		Args: []arg{{Name: "campaignID"}},
		Body: &body{Name: "ActivateCampaignOptions", Type: "ActivateCampaignOptions", Doc: "sets the activation options (optional): the time zone the activation is computed in, UTC when unset."},
		Doc:  "activates a STAGED campaign; it goes through ACTIVATING to ACTIVE in the background",
	},
	{
		Name: "CompleteCampaign", Method: "POST", Path: "/campaigns/{id}/complete",
		Args: []arg{{Name: "campaignID"}},
		Body: &body{Name: "CampaignCompleteOptions", Type: "CampaignCompleteOptions", Doc: "sets what to do with the undecided items (optional; the server approves them)."},
		Doc:  "completes a campaign past its deadline; it goes through COMPLETING to COMPLETED in the background",
	},
	{
		Name: "DeleteCampaigns", Method: "POST", Path: "/campaigns/delete",
		Body: &body{Name: "CampaignsDeleteRequest", Type: "CampaignsDeleteRequest", Required: true, Check: "%s.validate()", Doc: "sets the IDs of the campaigns to delete (required)."},
		Doc:  "deletes campaigns in the background",
	},
	{
		Name: "StartCampaignRemediationScan", Scope: "idn:campaign-report:manage", Method: "POST", Path: "/campaigns/{id}/run-remediation-scan",
		Args: []arg{{Name: "campaignID"}},
		Doc:  "starts a scan of the revocations of an ACTIVE campaign",
	},
	{
		Name: "GetCampaignReports", Scope: "idn:campaign-report:read", Method: "GET", Path: "/campaigns/{id}/reports",
		Args:   []arg{{Name: "campaignID"}},
		Result: "CampaignReport", List: true,
		Doc: "lists the reports of a campaign, with the state of their last run",
	},
	{
		Name: "StartCampaignReport", Scope: "idn:campaign-report:manage", Method: "POST", Path: "/campaigns/{id}/run-report/{type}",
		Args: []arg{{Name: "campaignID"}, {Name: "reportType", Type: "ReportType"}},
		Doc:  "runs a report of a campaign in the background; GetCampaignReports shows when it is done",
	},
	{
		Name: "GetCampaignReportsConfig", Method: "GET", Path: "/campaigns/reports-configuration",
		Result: "CampaignReportsConfig",
		Doc:    "returns the tenant's configuration of campaign reports",
		No404:  true,
	},
	{
		Name: "SetCampaignReportsConfig", Method: "PUT", Path: "/campaigns/reports-configuration",
		Result:  "CampaignReportsConfig",
		Body:    &body{Name: "CampaignReportsConfig", Type: "CampaignReportsConfig", Required: true, Doc: "sets the configuration to store (required)."},
		Doc:     "replaces the tenant's configuration of campaign reports",
		Result2: "the stored configuration",
		No404:   true,
	},
	{
		Name: "CreateCampaignTemplate", Scope: "idn:campaign-template:manage", Method: "POST", Path: "/campaign-templates",
		Result:  "CampaignTemplate",
		Body:    &body{Name: "CampaignTemplate", Type: "CampaignTemplate", Required: true, Check: "%s.validate()", Doc: "sets the template to create (required): name, description and the campaign to generate."},
		Doc:     "creates a campaign template",
		Result2: "the created template",
		No404:   true,
	},
	{
		Name: "GetCampaignTemplates", Scope: "idn:campaign-template:read", Method: "GET", Path: "/campaign-templates",
		Result: "CampaignTemplate", List: true, Set: paging | filters | sorters, Noun: "template",
		Rules: &rules{
			Filters: []filterRule{{"name", "eq ge gt in le lt ne sw"}, {"id", "eq ge gt in le lt ne sw"}},
			Sorters: []string{"name", "created", "modified"},
		}, SortExample: "name,-modified",
		Doc:   "lists the campaign templates",
		No404: true,
	},
	{
		Name: "PatchCampaignTemplate", Scope: "idn:campaign-template:manage", Method: "PATCH", Path: "/campaign-templates/{id}",
		Args:        []arg{{Name: "templateID"}},
		Result:      "CampaignTemplate",
		Body:        &body{Name: "JSONPatchOperation", Type: "[]JSONPatchOperation", Check: "validatePatch(%s)", Doc: "sets the JSON Patch operations to apply (at least one)."},
		ContentType: jsonPatch,
		Doc:         "changes a campaign template with a JSON Patch",
		Result2:     "the updated template",
	},
	{
		Name: "GetCampaignTemplate", Scope: "idn:campaign-template:read", Method: "GET", Path: "/campaign-templates/{id}",
		Args:   []arg{{Name: "templateID"}},
		Result: "CampaignTemplate",
		Doc:    "returns one campaign template",
	},
	{
		Name: "DeleteCampaignTemplate", Scope: "idn:campaign-template:manage", Method: "DELETE", Path: "/campaign-templates/{id}",
		Args: []arg{{Name: "templateID"}},
		Doc:  "deletes a campaign template and its schedule",
	},
	{
		Name: "GetCampaignTemplateSchedule", Scope: "idn:campaign-template:read", Method: "GET", Path: "/campaign-templates/{id}/schedule",
		Args:   []arg{{Name: "templateID"}},
		Result: "Schedule",
		Doc:    "returns the schedule of a campaign template; a template without one is a 404",
	},
	{
		Name: "SetCampaignTemplateSchedule", Scope: "idn:campaign-template:manage", Method: "PUT", Path: "/campaign-templates/{id}/schedule",
		Args: []arg{{Name: "templateID"}},
		Body: &body{Name: "Schedule", Type: "Schedule", Required: true, Check: "%s.validate()", Doc: "sets the schedule (required): its type and hours, and the months and days its type needs."},
		Doc:  "sets or replaces the schedule of a campaign template",
	},
	{
		Name: "DeleteCampaignTemplateSchedule", Scope: "idn:campaign-template:manage", Method: "DELETE", Path: "/campaign-templates/{id}/schedule",
		Args: []arg{{Name: "templateID"}},
		Doc:  "removes the schedule of a campaign template",
	},
	{
		Name: "StartGenerateCampaignTemplate", Scope: "idn:campaign-template:manage", Method: "POST", Path: "/campaign-templates/{id}/generate",
		Args:    []arg{{Name: "templateID"}},
		Result:  "CampaignReference",
		Doc:     "generates a campaign from a template now",
		Result2: "a reference to the campaign, which is generated in the background",
		No404:   true,
	},
}

var campaignFiltersOps = []op{
	{
		Name: "CreateCampaignFilter", Scope: "idn:campaign-filter:manage", Method: "POST", Path: "/campaign-filters",
		Result:  "CampaignFilterDetails",
		Body:    &body{Name: "CampaignFilterDetails", Type: "CampaignFilterDetails", Required: true, Check: "%s.validate()", Doc: "sets the filter to create (required): name and mode, and its criteria."},
		Doc:     "creates a campaign filter",
		Result2: "the created filter",
		No404:   true,
	},
	{
		Name: "ListCampaignFilters", Scope: "idn:campaign-filter:manage", Method: "GET", Path: "/campaign-filters",
		Result: "CampaignFilterPage", Items: "CampaignFilterDetails", Set: startPaging, Noun: "filter",
		Rules: &rules{Doc: "It takes no filters."},
		Query: []query{{Name: "IncludeSystemFilters", Wire: "includeSystemFilters", Type: "bool", Doc: "includes the filters the system defines (the server's default is true)."}},
		Doc:   "lists campaign filters; a page is wrapped in an object with its items and count, and pages by start rather than offset",
		No404: true,
	},
	{
		Name: "GetCampaignFilterByID", Scope: "idn:campaign-filter:read", ID: "getCampaignFilterById", Method: "GET", Path: "/campaign-filters/{id}",
		Args:   []arg{{Name: "filterID"}},
		Result: "CampaignFilterDetails",
		Doc:    "returns one campaign filter",
	},
	{
		// The path parameter is filterId in v3 and id in v1; only its
		// position reaches the wire.
		Name: "UpdateCampaignFilter", Scope: "idn:campaign-filter:manage", Method: "POST", Path: "/campaign-filters/{filterId}", V1Path: "/campaign-filters/v1/{id}",
		Args:    []arg{{Name: "filterID"}},
		Result:  "CampaignFilterDetails",
		Body:    &body{Name: "CampaignFilterDetails", Type: "CampaignFilterDetails", Required: true, Check: "%s.validate()", Doc: "sets the filter's new content (required)."},
		Doc:     "replaces a campaign filter",
		Result2: "the updated filter",
		No404:   true,
	},
	{
		Name: "DeleteCampaignFilters", Scope: "idn:campaign-filter:manage", Method: "POST", Path: "/campaign-filters/delete",
		Body: &body{Name: "RequestBody", Type: "[]string", Check: "validateIDs(\"requestBody\", %s)", Doc: "sets the IDs of the filters to delete (at least one)."},
		Doc:  "deletes campaign filters",
	},
}

var reportsOps = []op{
	{
		Name: "GetReport", Scope: "sp:report:read", Method: "GET", Path: "/reports/{taskResultId}",
		Args:   []arg{{Name: "taskResultID"}},
		Stream: "application/csv, application/pdf, application/json",
		Query: []query{
			{Name: "FileFormat", Wire: "fileFormat", Type: "ReportFileFormat", Required: true, Doc: "sets the format of the file (required): csv or pdf."},
			{Name: "Name", Wire: "name", Doc: "sets the name the server gives the file, the report's own name when unset."},
			{Name: "Auditable", Wire: "auditable", Type: "bool", Doc: "records the download as an audit event (the server's default is false)."},
		},
		Doc:     "downloads a report file, streamed",
		More:    "The caller reads and closes the file; its size is capped by MaxBytes (DefaultMaxReportBytes), not by Configuration.MaxResponseBytes.",
		Result2: "the file, to read and close",
	},
	{
		Name: "GetReportResult", Scope: "sp:report:read", Method: "GET", Path: "/reports/{taskResultId}/result",
		Args:   []arg{{Name: "taskResultID"}},
		Result: "ReportResults",
		Query:  []query{{Name: "Completed", Wire: "completed", Type: "bool", Doc: "sets the completed flag, which the API describes only as the task-result state the server orders its lookup by (the server's default is false)."}},
		Doc:    "returns the result of a report task: its status, size and formats",
		No404:  true,
	},
}
