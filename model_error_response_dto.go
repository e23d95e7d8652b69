package certifications

// ErrorResponseDto is the error body of 400, 403, 404 and 500 responses.
type ErrorResponseDto struct {
	// DetailCode is a fine-grained code such as "400.1 Bad Request Content".
	DetailCode *string `json:"detailCode,omitempty"`
	// TrackingID identifies the request for SailPoint support.
	TrackingID *string `json:"trackingId,omitempty"`
	// Messages are the error messages, one per locale.
	Messages []ErrorMessageDto `json:"messages,omitempty"`
	// Causes add detail to Messages.
	Causes []ErrorMessageDto `json:"causes,omitempty"`
}
