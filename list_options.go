package certifications

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/iscgo/certifications/internal/call"
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

// SetFilter sets Filters to f in filter syntax. No filter (nil, or an And
// or Or of nothing) means no filtering: Filters is unset and everything is
// listed, where Filters("") would be refused as set but empty.
func (o *ListOptions) SetFilter(f Filter) {
	if isNoFilter(f) {
		o.Filters = nil
		return
	}
	s := f.String()
	o.Filters = &s
}

// Values checks the options against rules (the endpoint's documented
// filter and sorter fields) and encodes them with the API's wire names.
// With skipFields, or with nil rules (which know no endpoint), filters and
// sorters are checked for syntax only.
//
// A string parameter that is set must say something: Filters or Sorters
// set to "" or to blanks is a *ValidationError naming the parameter, never
// sent and never dropped silently. To list everything in the server's
// order, leave them unset.
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
		if err := checkNotBlank("filters", *o.Filters, allowedFilters); err != nil {
			return nil, err
		}
		if err := checkFilters(rules, *o.Filters, skipFields); err != nil {
			return nil, err
		}
		q.Set("filters", *o.Filters)
	}
	if o.Sorters != nil {
		if err := checkNotBlank("sorters", *o.Sorters, allowedSorters); err != nil {
			return nil, err
		}
		if err := checkSorters(rules, *o.Sorters, skipFields); err != nil {
			return nil, err
		}
		q.Set("sorters", *o.Sorters)
	}
	return q, nil
}

// What to set instead of an empty filters or sorters parameter.
const (
	allowedFilters = `a filter expression such as phase eq "ACTIVE"; to list everything, do not set Filters (an And or Or of no filter renders as "")`
	allowedSorters = "comma-separated field names such as -due,name; for the server's order, do not set Sorters"
)

// checkNotBlank is the rule for every optional string parameter (the
// generated builders apply the same through internal/call): set but empty
// or blank is a *ValidationError naming it and what to set instead.
func checkNotBlank(param, value, allowed string) error {
	return call.NotBlank(param, value, allowed)
}

// checkFilters checks expr against rules, or its syntax only. A nil
// *QueryRules checks syntax only, as its methods do; an operation that
// takes no filters has rules with no Filters.
func checkFilters(rules *QueryRules, expr string, skipFields bool) error {
	if skipFields {
		return rules.CheckFiltersSyntax(expr)
	}
	return rules.CheckFilters(expr)
}

// checkSorters is checkFilters for sorters.
func checkSorters(rules *QueryRules, expr string, skipFields bool) error {
	if skipFields {
		return rules.CheckSortersSyntax(expr)
	}
	return rules.CheckSorters(expr)
}

// checkID refuses an id that cannot be a path segment, as the generated
// builders do: the workflows check theirs before their first request.
func checkID(param, value string) error { return call.CheckID(param, value) }
