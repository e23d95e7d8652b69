package certifications

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// MaxPageSize is the largest limit the list operations accept.
const MaxPageSize = 250

// ListOptions holds the paging, filter and sorter parameters that list
// operations share. Unset (nil) parameters are not sent. Request builders
// fill it through their setters; the beta package and callers of
// APIClient.NewRequest can use it directly.
type ListOptions struct {
	// Limit is the page size, 0 to MaxPageSize (server default 250).
	Limit *int32
	// Offset is the zero-based index of the first record.
	Offset *int32
	// Count asks for the total number of matches in X-Total-Count.
	Count *bool
	// Filters is a filter expression (see ParseFilter and the builders).
	Filters *string
	// Sorters is a comma-separated list of fields, "-" for descending.
	Sorters *string
}

// Values checks the options against rules (the endpoint's documented
// filter and sorter fields) and encodes them with the API's wire names.
// With skipFields, filters and sorters are checked for syntax only.
func (o ListOptions) Values(rules *QueryRules, skipFields bool) (url.Values, error) {
	q := url.Values{}
	if o.Limit != nil {
		if *o.Limit < 0 || *o.Limit > MaxPageSize {
			return nil, &ValidationError{Parameter: "limit", Problem: fmt.Sprintf("%d is out of range", *o.Limit), Allowed: fmt.Sprintf("0 to %d", MaxPageSize)}
		}
		q.Set("limit", strconv.FormatInt(int64(*o.Limit), 10))
	}
	if o.Offset != nil {
		if *o.Offset < 0 {
			return nil, &ValidationError{Parameter: "offset", Problem: fmt.Sprintf("%d is negative", *o.Offset), Allowed: "0 or more"}
		}
		q.Set("offset", strconv.FormatInt(int64(*o.Offset), 10))
	}
	if o.Count != nil {
		q.Set("count", strconv.FormatBool(*o.Count))
	}
	if o.Filters != nil {
		if err := checkFilters(rules, *o.Filters, skipFields); err != nil {
			return nil, err
		}
		q.Set("filters", *o.Filters)
	}
	if o.Sorters != nil {
		if err := checkSorters(rules, *o.Sorters, skipFields); err != nil {
			return nil, err
		}
		q.Set("sorters", *o.Sorters)
	}
	return q, nil
}

func checkFilters(rules *QueryRules, expr string, skipFields bool) error {
	if rules == nil {
		return &ValidationError{Parameter: "filters", Problem: "this operation takes no filters"}
	}
	if skipFields {
		return rules.CheckFiltersSyntax(expr)
	}
	return rules.CheckFilters(expr)
}

func checkSorters(rules *QueryRules, expr string, skipFields bool) error {
	if rules == nil {
		return &ValidationError{Parameter: "sorters", Problem: "this operation takes no sorters"}
	}
	if skipFields {
		return rules.CheckSortersSyntax(expr)
	}
	return rules.CheckSorters(expr)
}

// CheckID returns a *ValidationError when a path parameter is empty or
// blank, so that no request goes to a wrong path such as /certifications//decide,
// or is "." or "..", which escaping leaves as is and servers resolve as a
// dot segment (/certifications/../decide is /decide).
func CheckID(param, value string) error {
	if strings.TrimSpace(value) == "" {
		return &ValidationError{Parameter: param, Problem: "is empty", Allowed: "a non-empty id"}
	}
	if value == "." || value == ".." {
		return &ValidationError{Parameter: param, Problem: fmt.Sprintf("%q would be resolved as a relative path segment", value), Allowed: "an id other than . and .."}
	}
	return nil
}

// setString adds name=*v to q when v is set.
func setString(q url.Values, name string, v *string) {
	if v != nil {
		q.Set(name, *v)
	}
}
