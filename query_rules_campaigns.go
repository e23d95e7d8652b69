package certifications

// rulesGetActiveCampaigns holds the rules of GET /campaigns
// (getActiveCampaigns).
var rulesGetActiveCampaigns = &QueryRules{
	Operation: "getActiveCampaigns",
	Filters: map[string][]Operator{
		"id":     {OpEq, OpIn},
		"name":   {OpEq, OpSw},
		"status": {OpEq, OpIn},
	},
	Sorters: []string{"name", "created"},
}

// rulesGetCampaignTemplates holds the rules of GET /campaign-templates
// (getCampaignTemplates).
var rulesGetCampaignTemplates = &QueryRules{
	Operation: "getCampaignTemplates",
	Filters: map[string][]Operator{
		"name": {OpEq, OpGe, OpGt, OpIn, OpLe, OpLt, OpNe, OpSw},
		"id":   {OpEq, OpGe, OpGt, OpIn, OpLe, OpLt, OpNe, OpSw},
	},
	Sorters: []string{"name", "created", "modified"},
}

// rulesListCampaignFilters holds the rules of GET /campaign-filters
// (listCampaignFilters), which takes neither filters nor sorters.
var rulesListCampaignFilters = &QueryRules{Operation: "listCampaignFilters"}

// RulesGetActiveCampaigns returns a copy of the filter and sorter rules of
// CertificationCampaignsApi.GetActiveCampaigns.
func RulesGetActiveCampaigns() *QueryRules { return rulesGetActiveCampaigns.Clone() }

// RulesGetCampaignTemplates returns a copy of the filter and sorter rules of
// CertificationCampaignsApi.GetCampaignTemplates.
func RulesGetCampaignTemplates() *QueryRules { return rulesGetCampaignTemplates.Clone() }
