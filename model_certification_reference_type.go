package certifications

// CertificationReferenceType is the kind of object a CertificationReference
// points at. Unknown values are kept as sent.
type CertificationReferenceType string

// CertificationReferenceType values defined by the API.
const (
	// CertificationReferenceTypeCertification is the only value the API
	// defines.
	CertificationReferenceTypeCertification CertificationReferenceType = "CERTIFICATION"
)
