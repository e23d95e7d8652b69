package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// readBodyFile reads the JSON body of a create or set command from a file
// (- for stdin) into T, the API's model for it. The file must be in the
// API's shape: a field the model does not know, a value of the wrong type
// or a second value is refused before anything is sent, naming what to
// fix. what names the shape in messages ("a campaign").
func readBodyFile[T any](a *app, name, what string) (*T, error) {
	in, err := a.openInput(name)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	raw, err := io.ReadAll(io.LimitReader(in, maxDataBytes+1))
	if err != nil {
		return nil, failf("reading %s: %v", name, err)
	}
	if len(raw) > maxDataBytes {
		return nil, failf("%s is larger than %d bytes; nothing was sent", name, maxDataBytes)
	}
	v, err := decodeStrict[T](raw)
	if err != nil {
		return nil, failf("%s is not %s in the API's shape: %v; nothing was sent", name, what, err)
	}
	return v, nil
}

// decodeStrict decodes exactly one JSON value into T, refusing fields T
// does not have.
func decodeStrict[T any](raw []byte) (*T, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")) // a byte order mark from an editor
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, errors.New("the file is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	v := new(T)
	if err := dec.Decode(v); err != nil {
		return nil, jsonProblem(err)
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	return v, nil
}

// jsonProblem words a decoding error for the person who wrote the file.
func jsonProblem(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field != "":
		return fmt.Errorf("%s is a JSON %s, not %s", te.Field, te.Value, typeWords(te.Type))
	case errors.As(err, &te):
		return fmt.Errorf("the file holds a JSON %s, not an object", te.Value)
	case errors.As(err, &se):
		return fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, new(*time.ParseError)) || strings.HasPrefix(err.Error(), "Time.UnmarshalJSON"):
		// time.Time reports no field name.
		return fmt.Errorf("a date-time is not an RFC 3339 string such as 2026-12-31T17:00:00Z (%v)", err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return err
}

// typeWords names the JSON a Go type takes: "a string", "a list".
func typeWords(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a " + t.String()
}

// reportTypes are the wire values of a campaign report type, each with the
// short forms --type also takes.
var reportTypes = []struct {
	wire  string
	short []string
}{
	{"CAMPAIGN_COMPOSITION_REPORT", []string{"composition"}},
	{"CAMPAIGN_REMEDIATION_STATUS_REPORT", []string{"remediation", "remediation-status"}},
	{"CAMPAIGN_STATUS_REPORT", []string{"status"}},
	{"CERTIFICATION_SIGNOFF_REPORT", []string{"signoff", "sign-off"}},
}

// parseReportType reads --type: a wire value in any case, or a short form.
func parseReportType(s string) (string, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	var names []string
	for _, rt := range reportTypes {
		if key == strings.ToLower(rt.wire) {
			return rt.wire, nil
		}
		for _, sh := range rt.short {
			if key == sh {
				return rt.wire, nil
			}
		}
		names = append(names, rt.wire+" ("+strings.Join(rt.short, ", ")+")")
	}
	return "", usagef("--type %q is not a campaign report type: choose %s", s, strings.Join(names, ", "))
}

// parseChoice reads a flag that takes one of a few wire values, in any
// case.
func parseChoice(flag, s string, choices ...string) (string, error) {
	for _, c := range choices {
		if strings.EqualFold(strings.TrimSpace(s), c) {
			return c, nil
		}
	}
	return "", usagef("%s %q: choose %s", flag, s, strings.Join(choices, " or "))
}
