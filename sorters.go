package certifications

import (
	"fmt"
	"strings"
)

// Sorter is one sort key of the sorters query parameter: a field, sorted
// ascending unless Desc is set.
type Sorter struct {
	Field string
	Desc  bool
}

// Asc sorts by field in ascending order.
func Asc(field string) Sorter { return Sorter{Field: field} }

// Desc sorts by field in descending order.
func Desc(field string) Sorter { return Sorter{Field: field, Desc: true} }

// String renders the key: the field, prefixed with "-" when descending.
func (s Sorter) String() string {
	if s.Desc {
		return "-" + s.Field
	}
	return s.Field
}

// Sorters renders sort keys as the sorters query parameter, the primary key
// first: Sorters(Desc("due"), Asc("name")) is "-due,name". Field names are
// not checked here; use QueryRules.CheckSorters.
func Sorters(ss ...Sorter) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, ",")
}

// ParseSorters parses a sorters parameter: comma-separated field names,
// each optionally prefixed with "-" for descending order. It refuses an
// empty parameter, empty entries, a "+" prefix (ascending is the default),
// whitespace, malformed field names and a field listed twice, with a
// *ValidationError for the "sorters" parameter.
func ParseSorters(s string) ([]Sorter, error) {
	if s == "" {
		return nil, &ValidationError{Parameter: "sorters", Problem: "empty", Allowed: "comma-separated field names, each optionally prefixed with - for descending order"}
	}
	entries := strings.Split(s, ",")
	out := make([]Sorter, 0, len(entries))
	seen := make(map[string]bool, len(entries))
	for i, e := range entries {
		bad := func(problem, allowed string) error {
			return &ValidationError{Parameter: "sorters", Problem: fmt.Sprintf("entry %d %q: %s", i+1, e, problem), Allowed: allowed}
		}
		switch {
		case e == "":
			return nil, bad("empty entry", "field names separated by single commas, with no trailing comma")
		case strings.TrimSpace(e) != e || strings.ContainsAny(e, " \t\r\n"):
			return nil, bad("contains whitespace", "no spaces around commas or field names")
		case e[0] == '+':
			return nil, bad("+ prefix", "no prefix for ascending order (the default), - for descending")
		}
		srt := Sorter{Field: e}
		if e[0] == '-' {
			srt = Sorter{Field: e[1:], Desc: true}
		}
		if problem := checkFieldName(srt.Field); problem != "" {
			return nil, bad(problem, "dot-separated names such as identitySummary.name, optionally prefixed with -")
		}
		if seen[srt.Field] {
			return nil, bad(fmt.Sprintf("field %q is listed twice", srt.Field), "each field once")
		}
		seen[srt.Field] = true
		out = append(out, srt)
	}
	return out, nil
}
