package certifications

// CertificationTaskTargetType says what kind of object
// CertificationTask.TargetID names. Unknown values are kept as sent.
type CertificationTaskTargetType string

// CertificationTaskTargetType values defined by the API.
const (
	// CertificationTaskTargetTypeCertification means the task works on a
	// certification.
	CertificationTaskTargetTypeCertification CertificationTaskTargetType = "CERTIFICATION"
	// CertificationTaskTargetTypeCampaign means the task works on a
	// campaign.
	CertificationTaskTargetTypeCampaign CertificationTaskTargetType = "CAMPAIGN"
)
