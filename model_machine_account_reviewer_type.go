package certifications

// MachineAccountReviewerType says who reviews a machine account. Unknown
// values are kept as sent.
type MachineAccountReviewerType string

// MachineAccountReviewerType values defined by the API.
const (
	// MachineAccountReviewerTypeAccountOwner means the account's owner.
	MachineAccountReviewerTypeAccountOwner MachineAccountReviewerType = "ACCOUNT_OWNER"
)
