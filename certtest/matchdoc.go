package certtest

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"
)

// toDoc renders v as the generic JSON document the filter matcher reads:
// what decoding v's JSON into a map[string]any gives. Filtered listings
// render every element of a collection, so the document is built by
// walking v rather than by encoding and decoding it; a value the walk
// does not handle exactly as encoding/json does (a custom marshaler, an
// embedded struct, a []byte, a string that is not valid UTF-8, ...) takes
// the JSON round trip, so the result is always the round trip's.
func toDoc(v any) map[string]any {
	if d, ok := walkDoc(reflect.ValueOf(v)); ok {
		if m, ok := d.(map[string]any); ok {
			return m
		}
	}
	return jsonDoc(v)
}

// jsonDoc is toDoc by the JSON round trip.
func jsonDoc(v any) map[string]any {
	buf, err := json.Marshal(v)
	if err != nil {
		panic("certtest: encoding a document: " + err.Error())
	}
	var d map[string]any
	if err := json.Unmarshal(buf, &d); err != nil {
		panic("certtest: decoding a document: " + err.Error())
	}
	return d
}

// maxDocDepth bounds the walk: a deeper value (a cycle of pointers, say)
// takes the round trip, whose encoder reports it.
const maxDocDepth = 64

var (
	numberType        = reflect.TypeFor[json.Number]()
	timeType          = reflect.TypeFor[time.Time]()
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// walkDoc returns v as encoding/json would encode and then decode it into
// an any, or false when v holds something it leaves to the round trip.
func walkDoc(v reflect.Value) (any, bool) { return walkDepth(v, 0) }

func walkDepth(v reflect.Value, depth int) (any, bool) {
	if depth > maxDocDepth {
		return nil, false
	}
	depth++
	if !v.IsValid() {
		return nil, true
	}
	if k := v.Kind(); k == reflect.Pointer || k == reflect.Interface {
		// A nil pointer is null whatever its methods; a non-nil one is
		// what it points to, marshaler or not.
		if v.IsNil() {
			return nil, true
		}
		return walkDepth(v.Elem(), depth)
	}
	t := v.Type()
	if t == timeType {
		// time.Time's own encoding, which refuses some times (a year
		// past 9999, a zone offset of a day or more).
		b, err := v.Interface().(time.Time).MarshalJSON()
		if err != nil {
			return nil, false
		}
		return string(b[1 : len(b)-1]), true // a quoted RFC 3339 time: nothing to unescape
	}
	if t == numberType {
		return nil, false // a number written as it was read: the round trip's own rules
	}
	if t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType) ||
		reflect.PointerTo(t).Implements(jsonMarshalerType) || reflect.PointerTo(t).Implements(textMarshalerType) {
		return nil, false
	}
	switch v.Kind() {
	case reflect.Struct:
		return walkStruct(v, depth)
	case reflect.String:
		s := v.String()
		return s, utf8.ValidString(s)
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(v.Uint()), true
	case reflect.Float64:
		f := v.Float()
		return f, !math.IsNaN(f) && !math.IsInf(f, 0) // encoding/json refuses NaN and infinities
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil, true
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, false // base64 or an array of numbers: left to encoding/json
		}
		out := make([]any, v.Len())
		for i := range out {
			e, ok := walkDepth(v.Index(i), depth)
			if !ok {
				return nil, false
			}
			out[i] = e
		}
		return out, true
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Key() != reflect.TypeFor[string]() {
			return nil, false
		}
		if v.IsNil() {
			return nil, true
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			k := it.Key().String()
			if !utf8.ValidString(k) {
				return nil, false
			}
			e, ok := walkDepth(it.Value(), depth)
			if !ok {
				return nil, false
			}
			out[k] = e
		}
		return out, true
	}
	// float32 (printed in 32-bit form), complex numbers, channels and
	// functions.
	return nil, false
}

// walkStruct renders a struct's exported fields under their JSON names.
// encoding/json settles two fields of one name by rules of its own (the
// tagged one wins, or neither is written), and writes a tag name it finds
// invalid as the field's name: such structs take the round trip.
func walkStruct(v reflect.Value, depth int) (any, bool) {
	t := v.Type()
	type field struct {
		index     int
		name      string
		omitEmpty bool
	}
	fields := make([]field, 0, t.NumField())
	names := make(map[string]bool, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false // embedded fields follow encoding/json's promotion rules
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		if !plainName(name) || names[name] {
			return nil, false
		}
		names[name] = true
		fd := field{index: i, name: name}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				fd.omitEmpty = true
			case "":
			default:
				return nil, false // string, omitzero: left to encoding/json
			}
		}
		fields = append(fields, fd)
	}
	out := make(map[string]any, len(fields))
	for _, fd := range fields {
		fv := v.Field(fd.index)
		if fd.omitEmpty && emptyValue(fv) {
			continue
		}
		e, ok := walkDepth(fv, depth)
		if !ok {
			return nil, false
		}
		out[fd.name] = e
	}
	return out, true
}

// plainName reports whether name is made of ASCII letters, digits, '_',
// '-' and '.', which encoding/json takes as they are.
func plainName(name string) bool {
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return name != ""
}

// emptyValue is omitempty's test.
func emptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
