package certifications

import "slices"

// CertificationReferenceType is the kind of object a CertificationReference
// points at. Unknown values are kept as sent.
type CertificationReferenceType string

// CertificationReferenceType values defined by the API.
const (
	// CertificationReferenceTypeCertification is the only value the API
	// defines.
	CertificationReferenceTypeCertification CertificationReferenceType = "CERTIFICATION"
)

// certificationReferenceTypeValues lists the CertificationReferenceType values the API defines, in its order.
var certificationReferenceTypeValues = []CertificationReferenceType{
	CertificationReferenceTypeCertification,
}

// CertificationReferenceTypeValues returns the values of
// CertificationReferenceType defined by the API, in the order the API lists
// them. Each call returns a new slice.
func CertificationReferenceTypeValues() []CertificationReferenceType {
	return slices.Clone(certificationReferenceTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CertificationReferenceType) IsKnown() bool {
	return slices.Contains(certificationReferenceTypeValues, v)
}
