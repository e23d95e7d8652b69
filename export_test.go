package certifications

import (
	"net/url"

	"github.com/iscgo/certifications/internal/call"
	"github.com/iscgo/certifications/internal/query"
)

// The query checks are the client's, applied in Do. These views of them
// let the package's external tests check a filter or sorter against an
// operation's rules without a request.

// RulesFor returns the rules of the root package's operation name.
func RulesFor(name string) *query.Rules {
	return query.MustRoot(name)
}

// CheckFilter checks a built filter as a request carrying it is checked:
// no filter passes; else Validate, then the rules.
func CheckFilter(r *query.Rules, f Filter) error {
	if isNoFilter(f) {
		return nil
	}
	if err := Validate(f); err != nil {
		return err
	}
	return checkFilterFields(r, f)
}

// CheckFilters checks a filter expression against r.
func CheckFilters(r *query.Rules, expr string) error { return checkFiltersText(r, expr, false) }

// CheckFiltersSyntax checks a filter expression's syntax only.
func CheckFiltersSyntax(expr string) error { return checkFiltersText(nil, expr, true) }

// CheckSorters checks a sorters expression against r.
func CheckSorters(r *query.Rules, expr string) error { return checkSortersText(r, expr, false) }

// CheckSortersSyntax checks a sorters expression's syntax only.
func CheckSortersSyntax(expr string) error { return checkSortersText(nil, expr, true) }

// valuesOf encodes o as a builder does and checks its filters and sorters
// against r as Do does (syntax only with skip).
func valuesOf(o ListOptions, r *query.Rules, skip bool) (url.Values, error) {
	cfg := NewConfiguration()
	cfg.BaseURL, cfg.AccessToken = "https://tenant.example", "token"
	q, err := call.ListQuery(rootCaller{APIClient: NewAPIClient(cfg)}, call.ListParams(o), "offset")
	if err != nil {
		return nil, err
	}
	if q.Has("filters") {
		if err := checkFiltersText(r, q.Get("filters"), skip); err != nil {
			return nil, err
		}
	}
	if q.Has("sorters") {
		if err := checkSortersText(r, q.Get("sorters"), skip); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// DecodeJSON is the decoding of every response body, for the external
// tests that feed it the sandbox's pages.
var DecodeJSON = decodeJSON

// ReadsItemPage reports whether pageReader reads body itself, without
// leaving it to encoding/json.
func ReadsItemPage(body []byte) bool {
	r := pageReader{b: body}
	_, ok := r.itemPage()
	return ok
}
