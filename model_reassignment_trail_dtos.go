package certifications

// ReassignmentTrailDTOs is the reassignment trail of a CertificationTask.
//
// The API declares an array, but its own example, and so mock servers built
// from the spec, send a single object. ReassignmentTrailDTOs accepts an
// array, a single object (decoded as a one-element slice) or null (nil).
// Anything else is an error of type *json.UnmarshalTypeError, which
// encoding/json completes with the field path. It always encodes as an
// array.
type ReassignmentTrailDTOs []ReassignmentTrailDTO

// UnmarshalJSON decodes an array of trail entries, a single entry, or null.
func (t *ReassignmentTrailDTOs) UnmarshalJSON(data []byte) error {
	return decodeOneOrMany[ReassignmentTrailDTOs]((*[]ReassignmentTrailDTO)(t), data, "CertificationTask", "reassignmentTrailDTOs")
}
