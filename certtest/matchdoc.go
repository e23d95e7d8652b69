package certtest

import (
	"encoding"
	"encoding/json"
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

var (
	timeType          = reflect.TypeFor[time.Time]()
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// walkDoc returns v as encoding/json would encode and then decode it into
// an any, or false when v holds something it leaves to the round trip.
func walkDoc(v reflect.Value) (any, bool) {
	if !v.IsValid() {
		return nil, true
	}
	if k := v.Kind(); k == reflect.Pointer || k == reflect.Interface {
		// A nil pointer is null whatever its methods; a non-nil one is
		// what it points to, marshaler or not.
		if v.IsNil() {
			return nil, true
		}
		return walkDoc(v.Elem())
	}
	t := v.Type()
	if t == timeType {
		tm := v.Interface().(time.Time)
		if y := tm.Year(); y < 0 || y > 9999 {
			return nil, false
		}
		return tm.Format(time.RFC3339Nano), true
	}
	if t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType) ||
		reflect.PointerTo(t).Implements(jsonMarshalerType) || reflect.PointerTo(t).Implements(textMarshalerType) {
		return nil, false
	}
	switch v.Kind() {
	case reflect.Struct:
		return walkStruct(v)
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
		return v.Float(), true
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil, true
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, false // base64 or an array of numbers: left to encoding/json
		}
		out := make([]any, v.Len())
		for i := range out {
			e, ok := walkDoc(v.Index(i))
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
			e, ok := walkDoc(it.Value())
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
func walkStruct(v reflect.Value) (any, bool) {
	t := v.Type()
	out := make(map[string]any, t.NumField())
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
		omitEmpty := false
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				omitEmpty = true
			case "":
			default:
				return nil, false // string, omitzero: left to encoding/json
			}
		}
		if _, dup := out[name]; dup {
			return nil, false // two fields, one name: encoding/json's rules decide
		}
		fv := v.Field(i)
		if omitEmpty && emptyValue(fv) {
			continue
		}
		e, ok := walkDoc(fv)
		if !ok {
			return nil, false
		}
		out[name] = e
	}
	return out, true
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
