package certifications

import "slices"

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

// certificationTaskTypeValues lists the CertificationTaskType values the API defines, in its order.
var certificationTaskTypeValues = []CertificationTaskType{
	CertificationTaskTypeReassign,
	CertificationTaskTypeAdminReassign,
	CertificationTaskTypeCompleteCertification,
	CertificationTaskTypeFinishCertification,
	CertificationTaskTypeCompleteCampaign,
	CertificationTaskTypeActivateCampaign,
	CertificationTaskTypeCampaignCreate,
	CertificationTaskTypeCampaignDelete,
}

// CertificationTaskTypeValues returns the values of CertificationTaskType
// defined by the API, in the order the API lists them. Each call returns a new
// slice.
func CertificationTaskTypeValues() []CertificationTaskType {
	return slices.Clone(certificationTaskTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationTaskType) IsKnown() bool {
	return slices.Contains(certificationTaskTypeValues, v)
}
