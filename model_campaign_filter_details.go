package certifications

// CampaignFilterDetails is a campaign filter: criteria that include or
// exclude access from the campaigns that apply it.
type CampaignFilterDetails struct {
	// ID identifies the filter; the server assigns it on create.
	ID string `json:"id"`
	// Name is the filter's name.
	Name string `json:"name"`
	// Description describes the filter.
	Description *string `json:"description,omitempty"`
	// Owner is the ID of the filter's owner; it may be null.
	Owner *string `json:"owner"`
	// Mode says whether matching access is included or excluded.
	Mode CampaignFilterMode `json:"mode"`
	// CriteriaList holds the filter's criteria.
	CriteriaList []CampaignFilterCriteria `json:"criteriaList,omitempty"`
	// IsSystemFilter reports a filter the system defines.
	IsSystemFilter bool `json:"isSystemFilter"`
}
