package certifications

// CampaignFilterCriteria is one criterion of a campaign filter; COMPOSITE
// criteria combine their Children.
type CampaignFilterCriteria struct {
	// Type is what the criterion matches.
	Type CampaignFilterCriteriaType `json:"type"`
	// Operation is how Property is compared with Value; it may be null.
	Operation *CampaignFilterCriteriaOperation `json:"operation,omitempty"`
	// Property is the attribute compared; it may be null.
	Property *string `json:"property"`
	// Value is the value compared with; it may be null.
	Value *string `json:"value"`
	// NegateResult inverts the match.
	NegateResult *bool `json:"negateResult,omitempty"`
	// ShortCircuit stops a COMPOSITE at the first deciding child.
	ShortCircuit *bool `json:"shortCircuit,omitempty"`
	// RecordChildMatches records which children matched.
	RecordChildMatches *bool `json:"recordChildMatches,omitempty"`
	// ID identifies the criterion; it may be null.
	ID *string `json:"id,omitempty"`
	// SuppressMatchedItems keeps matched items out of the result.
	SuppressMatchedItems *bool `json:"suppressMatchedItems,omitempty"`
	// Children are the criteria a COMPOSITE combines.
	Children []CampaignFilterCriteria `json:"children,omitempty"`
}
