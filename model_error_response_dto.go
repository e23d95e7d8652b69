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

// GetDetailCode returns DetailCode, or "" when it is unset or e is nil.
func (e *ErrorResponseDto) GetDetailCode() string {
	if e == nil || e.DetailCode == nil {
		return ""
	}
	return *e.DetailCode
}

// GetTrackingID returns TrackingID, or "" when it is unset or e is nil.
func (e *ErrorResponseDto) GetTrackingID() string {
	if e == nil || e.TrackingID == nil {
		return ""
	}
	return *e.TrackingID
}

// GetMessages returns Messages, or nil when e is nil.
func (e *ErrorResponseDto) GetMessages() []ErrorMessageDto {
	if e == nil {
		return nil
	}
	return e.Messages
}

// GetCauses returns Causes, or nil when e is nil.
func (e *ErrorResponseDto) GetCauses() []ErrorMessageDto {
	if e == nil {
		return nil
	}
	return e.Causes
}
