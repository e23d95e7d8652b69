package certifications

import "time"

// CertificationTask is an asynchronous job that works on a certification or a
// campaign, such as a bulk reassignment started with submitReassignCertsAsync.
// Poll it until Status is SUCCESS or ERROR.
type CertificationTask struct {
	// ID identifies the task.
	ID *string `json:"id,omitempty"`
	// Type says what kind of work the task does; the API may add kinds.
	Type *CertificationTaskType `json:"type,omitempty"`
	// TargetType says whether TargetID names a certification or a campaign.
	TargetType *CertificationTaskTargetType `json:"targetType,omitempty"`
	// TargetID is the ID of the certification or campaign the task works
	// on.
	TargetID *string `json:"targetId,omitempty"`
	// Status is where the task stands: queued, running, or finished.
	Status *CertificationTaskStatus `json:"status,omitempty"`
	// Errors lists the problems the task ran into, if any. It decodes from
	// an array, a single object or null.
	Errors ErrorMessageDtos `json:"errors,omitempty"`
	// ReassignmentTrailDTOs lists the reassignments that led to a reviewer
	// being asked to certify their own access. It decodes from an array, a
	// single object or null.
	ReassignmentTrailDTOs ReassignmentTrailDTOs `json:"reassignmentTrailDTOs,omitempty"`
	// Created is when the task was created.
	Created *time.Time `json:"created,omitempty"`
}

// ErrorMessageDtos is the list of errors of a CertificationTask.
//
// The API declares an array, but the v1 definition's example, and so mock
// servers built from it, send a single ErrorMessageDto. ErrorMessageDtos
// accepts an array, a single object (decoded as a one-element slice) or null
// (nil). Anything else is an error of type *json.UnmarshalTypeError, which
// encoding/json completes with the field path. It always encodes as an
// array. Its underlying type is []ErrorMessageDto: such a slice can be
// assigned to it, and it ranges and appends like one.
type ErrorMessageDtos []ErrorMessageDto

// UnmarshalJSON decodes an array of error messages, a single message, or
// null.
func (e *ErrorMessageDtos) UnmarshalJSON(data []byte) error {
	return decodeOneOrMany[ErrorMessageDtos]((*[]ErrorMessageDto)(e), data, "CertificationTask", "errors")
}

// GetErrors returns Errors as the plain slice it has always returned, or nil
// when c is nil.
func (c *CertificationTask) GetErrors() []ErrorMessageDto {
	if c == nil {
		return nil
	}
	return c.Errors
}
