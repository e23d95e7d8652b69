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

// CertificationTaskTargetTypeValues returns the values of
// CertificationTaskTargetType defined by the API, in the order the API lists
// them. Each call returns a new slice.
func CertificationTaskTargetTypeValues() []CertificationTaskTargetType {
	return []CertificationTaskTargetType{
		CertificationTaskTargetTypeCertification,
		CertificationTaskTargetTypeCampaign,
	}
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationTaskTargetType) IsKnown() bool {
	switch v {
	case CertificationTaskTargetTypeCertification, CertificationTaskTargetTypeCampaign:
		return true
	}
	return false
}
