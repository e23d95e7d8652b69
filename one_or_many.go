package certifications

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
)

// decodeOneOrMany is the UnmarshalJSON of a list type S whose definition
// declares an array but whose examples, and so mock servers built from the
// spec, send a single value. It decodes data into *dst, the list as its
// plain slice type (so that encoding/json does not call S's UnmarshalJSON
// again):
//
//   - an array as encoding/json decodes a plain slice (an empty array gives
//     an empty, non-nil slice);
//   - null as nil;
//   - any other value as the only element, if it decodes as E.
//
// owner and field name the struct and the JSON property the list belongs
// to, for the path of a type error found inside an element (see
// listFieldError). A value of a kind neither the list nor E accepts gives a
// plain *json.UnmarshalTypeError against S, which encoding/json completes
// with the field path as for any other field.
func decodeOneOrMany[S ~[]E, E any](dst *[]E, data []byte, owner, field string) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		// encoding/json never passes an empty value; guard direct calls.
		return &json.UnmarshalTypeError{Value: "empty input", Type: reflect.TypeFor[S]()}
	}
	switch trimmed[0] {
	case 'n':
		*dst = nil
		return nil
	case '[':
		if bytes.Equal(bytes.TrimSpace(trimmed[1:]), []byte("]")) {
			// An empty array, the common case: no second decoder pass.
			// Like a plain slice, the result is empty but not nil.
			if *dst == nil {
				*dst = []E{}
			} else {
				*dst = (*dst)[:0]
			}
			return nil
		}
		return inListField(json.Unmarshal(trimmed, dst), owner, field)
	}
	var one E
	if err := json.Unmarshal(trimmed, &one); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" && te.Type == reflect.TypeFor[E]() {
			// The value itself has the wrong kind (a number for an
			// object): neither a list nor an element.
			return &json.UnmarshalTypeError{Value: te.Value, Type: reflect.TypeFor[S]()}
		}
		return inListField(err, owner, field)
	}
	*dst = []E{one}
	return nil
}

// listFieldError is a type error found inside an element of a list that
// decodeOneOrMany decodes, with its full path. It wraps the
// *json.UnmarshalTypeError instead of being one: encoding/json versions
// differ in how they merge the path of a type error returned by a nested
// UnmarshalJSON (Go 1.23 replaced it with the outer field, Go 1.24 and
// later prepend the outer fields), and all of them pass any other error
// through unchanged, so the path built here is the one the caller sees.
// errors.As still finds the type error.
type listFieldError struct{ err *json.UnmarshalTypeError }

func (e *listFieldError) Error() string { return e.err.Error() }
func (e *listFieldError) Unwrap() error { return e.err }

// inListField puts the list's own field name in front of the path of a
// type error from decoding its elements. The error's offset counts from
// the start of the list's value, not of the body, so it is dropped rather
// than reported as a position in the body.
func inListField(err error, owner, field string) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	full := *te
	full.Struct = owner
	full.Field = field
	if te.Field != "" {
		full.Field += "." + te.Field
	}
	full.Offset = 0
	return &listFieldError{err: &full}
}
