package certifications

import "slices"

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

// certificationTaskTargetTypeValues lists the CertificationTaskTargetType values the API defines, in its order.
var certificationTaskTargetTypeValues = []CertificationTaskTargetType{
	CertificationTaskTargetTypeCertification,
	CertificationTaskTargetTypeCampaign,
}

// CertificationTaskTargetTypeValues returns the values of
// CertificationTaskTargetType defined by the API, in the order the API lists
// them. Each call returns a new slice.
func CertificationTaskTargetTypeValues() []CertificationTaskTargetType {
	return slices.Clone(certificationTaskTargetTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationTaskTargetType) IsKnown() bool {
	return slices.Contains(certificationTaskTargetTypeValues, v)
}
