package certifications

// CampaignCompleteOptions is the optional body of CompleteCampaign.
type CampaignCompleteOptions struct {
	// AutoCompleteAction decides what is still undecided; the server's default is APPROVE.
	AutoCompleteAction *AutoCompleteAction `json:"autoCompleteAction,omitempty"`
}
