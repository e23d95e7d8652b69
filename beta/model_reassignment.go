package beta

// Reassignment records that a beta certification was handed over from
// another certification, with the comment given at the time. It differs
// from certifications.Reassignment only in From, which holds the beta
// CertificationReference.
type Reassignment struct {
	// From is the certification the work was reassigned from.
	From *CertificationReference `json:"from,omitempty"`
	// Comment is the previous reviewer's comment.
	Comment *string `json:"comment,omitempty"`
}
