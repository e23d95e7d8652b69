package certifications

import (
	"bytes"
	"encoding/json"
	"reflect"
)

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
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		// encoding/json never passes an empty value; guard direct calls.
		return &json.UnmarshalTypeError{Value: "empty input", Type: reflect.TypeOf(*t)}
	}
	switch trimmed[0] {
	case 'n':
		*t = nil
		return nil
	case '{':
		var one ReassignmentTrailDTO
		if err := json.Unmarshal(trimmed, &one); err != nil {
			return trailError(err)
		}
		*t = ReassignmentTrailDTOs{one}
		return nil
	case '[':
		if bytes.Equal(bytes.TrimSpace(trimmed[1:]), []byte("]")) {
			// An empty array, the common case: no second decoder pass.
			// Like a plain slice, the result is empty but not nil.
			if *t == nil {
				*t = ReassignmentTrailDTOs{}
			} else {
				*t = (*t)[:0]
			}
			return nil
		}
		// Decode as encoding/json decodes a plain slice.
		return trailError(json.Unmarshal(trimmed, (*[]ReassignmentTrailDTO)(t)))
	}
	return &json.UnmarshalTypeError{Value: jsonKind(trimmed[0]), Type: reflect.TypeOf(*t)}
}

// jsonKind names the kind of JSON value that starts with c, in the words
// encoding/json uses in its type errors.
func jsonKind(c byte) string {
	switch c {
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	default:
		return "number"
	}
}
