package certifications

// CampaignReportsConfig is the tenant's configuration of campaign reports.
type CampaignReportsConfig struct {
	// IdentityAttributeColumns lists the identity attributes reports add as columns.
	IdentityAttributeColumns []string `json:"identityAttributeColumns,omitempty"`
}
