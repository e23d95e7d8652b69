package certifications

// CampaignFilterCriteriaOperation is how a criterion compares. Unknown
// values are kept as sent.
type CampaignFilterCriteriaOperation string

// CampaignFilterCriteriaOperation values defined by the API. The API also allows null, which
// decodes to a nil pointer.
const (
	// CampaignFilterCriteriaOperationEquals means equal.
	CampaignFilterCriteriaOperationEquals CampaignFilterCriteriaOperation = "EQUALS"
	// CampaignFilterCriteriaOperationNotEquals means not equal.
	CampaignFilterCriteriaOperationNotEquals CampaignFilterCriteriaOperation = "NOT_EQUALS"
	// CampaignFilterCriteriaOperationContains means contains.
	CampaignFilterCriteriaOperationContains CampaignFilterCriteriaOperation = "CONTAINS"
	// CampaignFilterCriteriaOperationStartsWith means starts with.
	CampaignFilterCriteriaOperationStartsWith CampaignFilterCriteriaOperation = "STARTS_WITH"
	// CampaignFilterCriteriaOperationEndsWith means ends with.
	CampaignFilterCriteriaOperationEndsWith CampaignFilterCriteriaOperation = "ENDS_WITH"
	// CampaignFilterCriteriaOperationAnd means all children match.
	CampaignFilterCriteriaOperationAnd CampaignFilterCriteriaOperation = "AND"
	// CampaignFilterCriteriaOperationOr means any child matches.
	CampaignFilterCriteriaOperationOr CampaignFilterCriteriaOperation = "OR"
)
