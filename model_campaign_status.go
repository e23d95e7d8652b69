package certifications

// CampaignStatus is where a campaign stands in its lifecycle. Unknown values
// are kept as sent.
type CampaignStatus string

// CampaignStatus values defined by the API.
const (
	// CampaignStatusPending means the campaign is being generated.
	CampaignStatusPending CampaignStatus = "PENDING"
	// CampaignStatusStaged means the campaign is ready to be activated.
	CampaignStatusStaged CampaignStatus = "STAGED"
	// CampaignStatusCanceling means the campaign is being deleted.
	CampaignStatusCanceling CampaignStatus = "CANCELING"
	// CampaignStatusActivating means the campaign is being activated.
	CampaignStatusActivating CampaignStatus = "ACTIVATING"
	// CampaignStatusActive means reviewers can work on the campaign.
	CampaignStatusActive CampaignStatus = "ACTIVE"
	// CampaignStatusCompleting means the campaign is being completed.
	CampaignStatusCompleting CampaignStatus = "COMPLETING"
	// CampaignStatusCompleted means the campaign is finished.
	CampaignStatusCompleted CampaignStatus = "COMPLETED"
	// CampaignStatusError means the campaign failed; its alerts say why.
	CampaignStatusError CampaignStatus = "ERROR"
	// CampaignStatusArchived means the campaign is archived.
	CampaignStatusArchived CampaignStatus = "ARCHIVED"
)
