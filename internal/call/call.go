// Package call is the one request path every generated operation takes,
// in the root package and in beta alike: fill and check the path, check
// the query, send through the client's pipeline, decode the answer.
//
// It knows nothing of the SDK's types: the root package and beta adapt
// their client to Client, whose Invalid builds the SDK's *ValidationError,
// so the rules live once and the packages keep their own public types.
package call

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Invalidator builds the SDK's *ValidationError for param: what is wrong
// with its value, and what would be accepted.
type Invalidator interface {
	Invalid(param, problem, allowed string) error
}

// Client is what an operation needs from the SDK's client.
type Client interface {
	Invalidator
	// NewRequest, Do and Err are the APIClient's request pipeline and its
	// configuration error.
	NewRequest(ctx context.Context, method, path string, q url.Values, body any) (*http.Request, error)
	Do(req *http.Request, v any) (*http.Response, error)
	Err() error
	// Path turns an operation's path, as its definition writes it without
	// a version ("/certifications/abc/decide"), into the path below the
	// API root for the client's API generation.
	Path(p string) string
}

// MaxPageSize is the largest limit the list operations accept.
const MaxPageSize = 250

// ListParams is the paging, filter and sorter parameters list operations
// share, field for field the root package's ListOptions (which converts
// to it).
type ListParams struct {
	Limit   *int32
	Offset  *int32
	Count   *bool
	Filters *string
	Sorters *string
}

// What to set instead of an empty filters or sorters parameter.
const (
	AllowedFilters = `a filter expression such as phase eq "ACTIVE"; to list everything, do not set Filters (an And or Or of no filter renders as "")`
	AllowedSorters = "comma-separated field names such as -due,name; for the server's order, do not set Sorters"
)

// ListQuery checks the parameters that need no operation to check (a
// limit in range, an offset not negative, filters and sorters not blank)
// and encodes them with the API's wire names. The fields and operators of
// filters and sorters are the client's to check, against the operation
// the request names, when it is sent. A client with a configuration error
// returns that error first. offset is the wire name of the offset: "offset",
// or "start" for the operations that page by start.
func ListQuery(c Client, o ListParams, offset string) (url.Values, error) {
	if err := c.Err(); err != nil {
		return nil, err
	}
	q := url.Values{}
	if o.Limit != nil {
		if *o.Limit < 0 || *o.Limit > MaxPageSize {
			return nil, c.Invalid("limit", fmt.Sprintf("%d is out of range", *o.Limit), fmt.Sprintf("0 to %d", MaxPageSize))
		}
		q.Set("limit", strconv.FormatInt(int64(*o.Limit), 10))
	}
	if o.Offset != nil {
		if *o.Offset < 0 {
			return nil, c.Invalid(offset, fmt.Sprintf("%d is negative", *o.Offset), "0 or more")
		}
		q.Set(offset, strconv.FormatInt(int64(*o.Offset), 10))
	}
	if o.Count != nil {
		q.Set("count", strconv.FormatBool(*o.Count))
	}
	if o.Filters != nil {
		if err := NotBlank(c, "filters", *o.Filters, AllowedFilters); err != nil {
			return nil, err
		}
		q.Set("filters", *o.Filters)
	}
	if o.Sorters != nil {
		if err := NotBlank(c, "sorters", *o.Sorters, AllowedSorters); err != nil {
			return nil, err
		}
		q.Set("sorters", *o.Sorters)
	}
	return q, nil
}

// Fill puts args, in order, into the {name} segments of tmpl, each escaped
// as one path segment, after CheckID: /certifications/../decide would be
// /decide.
func Fill(inv Invalidator, tmpl string, args ...string) (string, error) {
	var b strings.Builder
	rest := tmpl
	for _, arg := range args {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			return "", fmt.Errorf("certifications: path %s has fewer parameters than values", tmpl)
		}
		if err := CheckID(inv, rest[open+1:end], arg); err != nil {
			return "", err
		}
		b.WriteString(rest[:open])
		b.WriteString(url.PathEscape(arg))
		rest = rest[end+1:]
	}
	b.WriteString(rest)
	return b.String(), nil
}

// CheckID refuses an id that cannot be a path segment: blank, or "." or
// "..", which escaping leaves as they are and servers resolve as dot
// segments. param names it in the error.
func CheckID(inv Invalidator, param, id string) error {
	if strings.TrimSpace(id) == "" {
		return inv.Invalid(param, "is empty", "a non-empty id")
	}
	if id == "." || id == ".." {
		return inv.Invalid(param, fmt.Sprintf("%q would be resolved as a relative path segment", id), "an id other than . and ..")
	}
	return nil
}

// SetString adds name=*v to q when v is set. A value that is set but blank
// is refused: it would be sent as "name=", which the API reads as a filter
// on nothing rather than as no filter.
func SetString(inv Invalidator, q url.Values, name string, v *string) error {
	if v == nil {
		return nil
	}
	if err := NotBlank(inv, name, *v, "a value, or leave it unset"); err != nil {
		return err
	}
	q.Set(name, *v)
	return nil
}

// NotBlank is the rule for every optional string parameter: set but empty
// or blank is refused, naming the parameter and what to set instead, so
// that an empty value is neither sent (the server would read it as a
// value) nor dropped silently.
func NotBlank(inv Invalidator, param, value, allowed string) error {
	if strings.TrimSpace(value) != "" {
		return nil
	}
	problem := "is set but empty"
	if value != "" {
		problem = fmt.Sprintf("is set but blank (%q)", value)
	}
	return inv.Invalid(param, problem, allowed)
}

// AtMostOne refuses more than one of a group of mutually exclusive
// parameters; names lists them as the caller's setters spell them.
func AtMostOne(inv Invalidator, wire, names string, set ...bool) error {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	if n > 1 {
		return inv.Invalid(wire, "more than one is set", "at most one of "+names)
	}
	return nil
}

// One sends a request whose answer is one object. A failed call returns no
// half-filled model.
func One[T any](ctx context.Context, c Client, method, path string, q url.Values, body any) (*T, *http.Response, error) {
	var out T
	resp, err := send(ctx, c, method, path, q, body, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// List sends a request whose answer is an array. After a decode error it
// still returns the items that did decode.
func List[T any](ctx context.Context, c Client, method, path string, q url.Values, body any) ([]T, *http.Response, error) {
	var out []T
	resp, err := send(ctx, c, method, path, q, body, &out)
	return out, resp, err
}

// None sends a request whose success has no body worth reading: an empty
// object or a 204.
func None(ctx context.Context, c Client, method, path string, q url.Values, body any) (*http.Response, error) {
	return send(ctx, c, method, path, q, body, nil)
}

// Streamer is what a client needs to stream a response: send req through
// its pipeline and hand back the 2xx body unread, capped at limit bytes.
type Streamer interface {
	DoStream(req *http.Request, limit int64) (io.ReadCloser, *http.Response, error)
}

// Stream sends a request whose answer is a file, asking for accept, and
// returns its body for the caller to read and close. c must implement
// Streamer.
func Stream(ctx context.Context, c Client, method, path string, q url.Values, accept string, limit int64) (io.ReadCloser, *http.Response, error) {
	s, ok := c.(Streamer)
	if !ok {
		return nil, nil, errors.New("certifications: this client cannot stream responses")
	}
	req, err := c.NewRequest(ctx, method, c.Path(path), q, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", accept)
	return s.DoStream(req, limit)
}

// typedBody is a request body sent with a content type other than
// application/json.
type typedBody struct {
	value       any
	contentType string
}

// WithContentType marks body to be sent as JSON under contentType, such as
// application/json-patch+json.
func WithContentType(contentType string, body any) any {
	return typedBody{value: body, contentType: contentType}
}

func send(ctx context.Context, c Client, method, path string, q url.Values, body, out any) (*http.Response, error) {
	contentType := ""
	if t, ok := body.(typedBody); ok {
		body, contentType = t.value, t.contentType
	}
	req, err := c.NewRequest(ctx, method, c.Path(path), q, body)
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return c.Do(req, out)
}

// SetBool adds name=*v to q when v is set.
func SetBool(q url.Values, name string, v *bool) {
	if v != nil {
		q.Set(name, strconv.FormatBool(*v))
	}
}

// SetEnum adds name=*v to q when v is set, after checking it against the
// values the API defines.
func SetEnum[T ~string](inv Invalidator, q url.Values, name string, v *T, known []T) error {
	if v == nil {
		return nil
	}
	if err := Enum(inv, name, *v, known); err != nil {
		return err
	}
	q.Set(name, string(*v))
	return nil
}

// Enum refuses a value outside the set the API defines for a path
// parameter: the server would answer 400, and the SDK can say so first.
func Enum[T ~string](inv Invalidator, param string, v T, known []T) error {
	for _, k := range known {
		if v == k {
			return nil
		}
	}
	allowed := make([]string, len(known))
	for i, k := range known {
		allowed[i] = string(k)
	}
	if v == "" {
		return inv.Invalid(param, "is empty", "one of "+strings.Join(allowed, ", "))
	}
	return inv.Invalid(param, fmt.Sprintf("%q is not a value the API defines", string(v)), "one of "+strings.Join(allowed, ", "))
}
