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

// GetFrom returns From, or nil when it is unset or r is nil.
func (r *Reassignment) GetFrom() *CertificationReference {
	if r == nil {
		return nil
	}
	return r.From
}

// GetComment returns Comment, or "" when it is unset or r is nil.
func (r *Reassignment) GetComment() string {
	if r == nil || r.Comment == nil {
		return ""
	}
	return *r.Comment
}
