package certifications

// Reassignment records that a certification was handed over from another
// certification, with the comment given at the time.
type Reassignment struct {
	// From is the certification the work was reassigned from.
	From *CertificationReference `json:"from,omitempty"`
	// Comment is the text entered when the certification was reassigned.
	Comment *string `json:"comment,omitempty"`
}
