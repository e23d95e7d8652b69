package certifications

// MachineAccountCampaignInfo is the part of a MACHINE_ACCOUNT campaign that
// says which sources' machine accounts are reviewed, and by whom.
type MachineAccountCampaignInfo struct {
	// SourceIDs lists the sources whose machine accounts are reviewed.
	SourceIDs []string `json:"sourceIds,omitempty"`
	// ReviewerType says who reviews each account.
	ReviewerType *MachineAccountReviewerType `json:"reviewerType,omitempty"`
}
