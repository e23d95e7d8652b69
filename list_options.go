package certifications

import (
	"github.com/iscgo/certifications/internal/call"
)

// MaxPageSize is the largest limit the list operations accept.
const MaxPageSize = call.MaxPageSize

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

// checkID refuses an id that cannot be a path segment, as the generated
// builders do: the workflows check theirs before their first request.
func checkID(param, value string) error { return call.CheckID(validationErrors{}, param, value) }
