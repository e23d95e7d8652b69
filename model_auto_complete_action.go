package certifications

// AutoCompleteAction decides the items still undecided when a campaign is
// completed. Unknown values are kept as sent.
type AutoCompleteAction string

// AutoCompleteAction values defined by the API.
const (
	// AutoCompleteActionApprove means approves them.
	AutoCompleteActionApprove AutoCompleteAction = "APPROVE"
	// AutoCompleteActionRevoke means revokes them.
	AutoCompleteActionRevoke AutoCompleteAction = "REVOKE"
)
