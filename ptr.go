package certifications

// Ptr returns a pointer to a copy of v. It helps fill optional fields:
// ReviewDecision{Comments: certifications.Ptr("ok")}.
func Ptr[T any](v T) *T { return &v }
