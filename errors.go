package certifications

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// maxErrorBody is how much of a non-2xx response body an APIError keeps.
const maxErrorBody = 1 << 20

// APIError is returned for every response with a non-2xx status. The
// *http.Response is returned beside it, with its body still readable.
type APIError struct {
	// Method and Path identify the request (the path has no query string,
	// so no filter value ends up in logs by accident).
	Method string
	Path   string
	// StatusCode is the HTTP status of the last attempt.
	StatusCode int
	// Body is the response body, at most maxErrorBody bytes.
	Body []byte
	// ErrorResponse is the parsed body when it has the ErrorResponseDto shape.
	ErrorResponse *ErrorResponseDto
	// Message is the first human-readable text found in the body: the first
	// ErrorResponseDto message, the 401 "error", the 429 "message", or a
	// "detailMessage".
	Message string
	// TrackingID is the tenant's tracking id, to quote to SailPoint support.
	TrackingID string
	// RetryAfter is the wait the server asked for (429 and 503), or zero.
	RetryAfter time.Duration
	// Attempts is how many attempts were made, retries included.
	Attempts int
}

// Error names the request, status, detail code, tracking id and first message.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "certifications: %s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.ErrorResponse != nil && e.ErrorResponse.DetailCode != nil && *e.ErrorResponse.DetailCode != "" {
		fmt.Fprintf(&b, ", detail code %q", *e.ErrorResponse.DetailCode)
	}
	if e.TrackingID != "" {
		fmt.Fprintf(&b, ", tracking id %s", e.TrackingID)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", strings.TrimSpace(e.Message))
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	return b.String()
}

// IsNotFound reports whether err is an APIError with status 404.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsRateLimited reports whether err is an APIError with status 429.
func IsRateLimited(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

func hasStatus(err error, code int) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.StatusCode == code
}

// newAPIError parses body into an APIError. It never fails: an unknown body
// shape leaves ErrorResponse nil and Message empty.
func newAPIError(req *http.Request, resp *http.Response, body []byte) *APIError {
	e := &APIError{Method: req.Method, Path: req.URL.Path, StatusCode: resp.StatusCode, Body: body}
	e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		if len(trimmed) > 0 && len(trimmed) <= 200 && !bytes.ContainsAny(trimmed, "<>") {
			e.Message = string(trimmed)
		}
		return e
	}
	var shape struct {
		ErrorResponseDto
		Error         json.RawMessage `json:"error"`
		Message       json.RawMessage `json:"message"`
		DetailMessage json.RawMessage `json:"detailMessage"`
	}
	if json.Unmarshal(trimmed, &shape) != nil {
		return e
	}
	dto := shape.ErrorResponseDto
	if dto.DetailCode != nil || dto.TrackingID != nil || len(dto.Messages) > 0 || len(dto.Causes) > 0 {
		e.ErrorResponse = &dto
		e.TrackingID = dto.GetTrackingID()
		for _, m := range append(dto.Messages, dto.Causes...) {
			if m.GetText() != "" {
				e.Message = m.GetText()
				break
			}
		}
	}
	for _, raw := range []json.RawMessage{shape.Error, shape.Message, shape.DetailMessage} {
		if e.Message == "" && len(raw) > 0 {
			e.Message = rawText(raw)
		}
	}
	return e
}

// rawText renders a JSON value of undeclared type as text: a string is
// unquoted, anything else is kept as written.
func rawText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// ValidationError reports input the SDK refused before sending anything.
type ValidationError struct {
	// Parameter names the offending parameter or field, with the API's name.
	Parameter string
	// Problem says what is wrong with the given value.
	Problem string
	// Allowed says what would be accepted.
	Allowed string
}

// Error names the parameter, the problem and what is allowed.
func (e *ValidationError) Error() string {
	msg := "certifications: invalid " + e.Parameter + ": " + e.Problem
	if e.Allowed != "" {
		msg += "; allowed: " + e.Allowed
	}
	return msg
}

// TokenError reports a failed OAuth2 token request. It never contains the
// client secret or a token: a secret the token endpoint echoes back is
// replaced by [REDACTED].
type TokenError struct {
	// TokenURL is the endpoint that was asked ("token source" for a
	// Configuration.TokenSource).
	TokenURL string
	// StatusCode is the HTTP status of the token endpoint, or 0 when no
	// response came back.
	StatusCode int
	// ErrorCode is the OAuth2 "error" value (e.g. invalid_client), if any.
	ErrorCode string
	// Description is the OAuth2 "error_description", if any.
	Description string
	// RetryAfter is the wait the token endpoint asked for, or zero.
	RetryAfter time.Duration
	// Attempts is how many token requests were made, retries included.
	Attempts int
	// Err is the underlying error when no HTTP status came back: the
	// transport's error, or the TokenSource's own error.
	Err error

	transport bool // Err is a failure on the way to the endpoint, worth a retry
}

// Error names the token URL, the status, the OAuth2 error code and what to
// check.
func (e *TokenError) Error() string {
	var b strings.Builder
	b.WriteString("certifications: token request to " + e.TokenURL + " failed")
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	if e.ErrorCode != "" {
		b.WriteString(" (" + e.ErrorCode)
		if e.Description != "" {
			b.WriteString(": " + e.Description)
		}
		b.WriteString(")")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	if e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusBadRequest {
		b.WriteString("; check the client id and secret")
	}
	return b.String()
}

// Unwrap returns the transport error, if any.
func (e *TokenError) Unwrap() error { return e.Err }

// ResponseTooLargeError reports a successful response whose body is larger
// than Configuration.MaxResponseBytes. The client reads nothing when
// Content-Length announces more than the limit, and stops one byte past the
// limit otherwise. It is never retried: the next answer would be as large.
// The *http.Response comes back beside it with its status and headers and
// an empty body.
type ResponseTooLargeError struct {
	// Method and Path identify the request (the path has no query string).
	Method string
	Path   string
	// StatusCode is the status of the response.
	StatusCode int
	// Limit is the limit in bytes that the body exceeds.
	Limit int64
	// ContentLength is the length the server announced, or -1 when it
	// announced none.
	ContentLength int64
}

// Error names the request, the limit and the two ways out.
func (e *ResponseTooLargeError) Error() string {
	size := "more than " + byteSize(e.Limit)
	if e.ContentLength >= 0 {
		size = byteSize(e.ContentLength) + ", more than " + byteSize(e.Limit)
	}
	return fmt.Sprintf("certifications: %s %s: the %d response body is %s; ask for fewer items (a smaller Limit) or raise Configuration.MaxResponseBytes",
		e.Method, e.Path, e.StatusCode, size)
}

func newTooLarge(req *http.Request, resp *http.Response, limit int64) *ResponseTooLargeError {
	return &ResponseTooLargeError{Method: req.Method, Path: req.URL.Path, StatusCode: resp.StatusCode, Limit: limit, ContentLength: resp.ContentLength}
}

// byteSize renders n bytes for people: "16 MiB", "1 GiB", "1500 bytes".
func byteSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d %s", n/u.size, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// DecodeError reports a 2xx response body that is not valid JSON or has a
// value of an impossible type. Path names the offending field when known.
type DecodeError struct {
	// Method and URLPath identify the request.
	Method  string
	URLPath string
	// StatusCode is the status of the response that could not be decoded.
	StatusCode int
	// Path is the JSON field path of the offending value when known: for a
	// value of an impossible type as encoding/json gives it, without array
	// indices ("identitySummary.name"); for a date that is not RFC 3339 as
	// the client finds it in the body, with indices ("[3].due").
	Path string
	// Offset is the byte offset in the body where decoding stopped.
	Offset int64
	// Err is the decoder's or the reader's error.
	Err error
}

// Error names the request, the field path and the decoder's complaint.
func (e *DecodeError) Error() string {
	msg := fmt.Sprintf("certifications: %s %s: cannot decode %d response", e.Method, e.URLPath, e.StatusCode)
	if e.Path != "" {
		msg += " at " + e.Path
	}
	if e.Offset > 0 {
		msg += fmt.Sprintf(" (byte %d)", e.Offset)
	}
	return msg + ": " + e.Err.Error()
}

// Unwrap returns the JSON decoder's error.
func (e *DecodeError) Unwrap() error { return e.Err }

// newDecodeError wraps a json error with the field path and offset.
func newDecodeError(req *http.Request, status int, err error) *DecodeError {
	return newDecodeErrorIn(req, status, err, nil)
}

// newDecodeErrorIn is newDecodeError for an error from decoding body. A
// value a field's own decoder refused (a date that is not RFC 3339) comes
// without a path from encoding/json; it is looked up in body instead.
func newDecodeErrorIn(req *http.Request, status int, err error, body []byte) *DecodeError {
	de := &DecodeError{Method: req.Method, URLPath: req.URL.Path, StatusCode: status, Err: err}
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var pe *time.ParseError
	switch {
	case errors.As(err, &te):
		de.Path, de.Offset = te.Field, te.Offset
	case errors.As(err, &se):
		de.Offset = se.Offset
	case errors.As(err, &pe) && body != nil:
		de.Path = pathOfString(body, pe.Value)
	}
	return de
}

// pathOfString returns the path ("[3].due", "campaign.created") of the
// first string value in body equal to value, or "" if there is none.
func pathOfString(body []byte, value string) string {
	type frame struct {
		array bool
		index int
		key   string
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(body))
	expectKey := func() bool { return len(stack) > 0 && !stack[len(stack)-1].array && stack[len(stack)-1].key == "" }
	// done marks the end of a value: the next string in an object is a key.
	done := func() {
		if len(stack) == 0 {
			return
		}
		if top := &stack[len(stack)-1]; top.array {
			top.index++
		} else {
			top.key = ""
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				stack = append(stack, frame{})
			case '[':
				stack = append(stack, frame{array: true})
			default:
				stack = stack[:len(stack)-1]
				done()
			}
		case string:
			if expectKey() {
				stack[len(stack)-1].key = v
				continue
			}
			if v == value {
				var b strings.Builder
				for _, f := range stack {
					if f.array {
						fmt.Fprintf(&b, "[%d]", f.index)
					} else {
						if b.Len() > 0 {
							b.WriteByte('.')
						}
						b.WriteString(f.key)
					}
				}
				return b.String()
			}
			done()
		default:
			done()
		}
	}
}
