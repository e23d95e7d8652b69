package certifications

// CertificationTaskType is the kind of work a CertificationTask does. The API
// says more kinds may be added; unknown ones are kept as sent.
type CertificationTaskType string

// CertificationTaskType values defined by the API.
const (
	// CertificationTaskTypeReassign is a reassignment started by a
	// reviewer.
	CertificationTaskTypeReassign CertificationTaskType = "REASSIGN"
	// CertificationTaskTypeAdminReassign is a reassignment started by an
	// administrator.
	CertificationTaskTypeAdminReassign CertificationTaskType = "ADMIN_REASSIGN"
	// CertificationTaskTypeCompleteCertification completes a certification.
	CertificationTaskTypeCompleteCertification CertificationTaskType = "COMPLETE_CERTIFICATION"
	// CertificationTaskTypeFinishCertification finishes a certification
	// after sign-off.
	CertificationTaskTypeFinishCertification CertificationTaskType = "FINISH_CERTIFICATION"
	// CertificationTaskTypeCompleteCampaign completes a campaign.
	CertificationTaskTypeCompleteCampaign CertificationTaskType = "COMPLETE_CAMPAIGN"
	// CertificationTaskTypeActivateCampaign activates a campaign.
	CertificationTaskTypeActivateCampaign CertificationTaskType = "ACTIVATE_CAMPAIGN"
	// CertificationTaskTypeCampaignCreate creates a campaign.
	CertificationTaskTypeCampaignCreate CertificationTaskType = "CAMPAIGN_CREATE"
	// CertificationTaskTypeCampaignDelete deletes a campaign.
	CertificationTaskTypeCampaignDelete CertificationTaskType = "CAMPAIGN_DELETE"
)
