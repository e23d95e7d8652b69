package certtest_test

import (
	"fmt"
	"github.com/iscgo/certifications/internal/query"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// docField reads a filter field from a listed document. The item and
// access summary listings name the parts of accessSummary (access.type,
// entitlement.sourceName, ...) without it, and an access profile's
// sourceName is its source: the source of its first entitlement, which
// the model has no field for.
func docField(d map[string]any, field string) (any, bool) {
	if v, ok := lookupPath(d, field); ok {
		return v, true
	}
	if field == "completed" {
		return false, true // access summaries do not show it; the fresh sandbox decided nothing
	}
	if sum, ok := d["accessSummary"].(map[string]any); ok {
		d = sum
		if field == "type" {
			field = "access.type"
		}
	}
	if field == "accessProfile.sourceName" {
		ents, _ := lookupPath(d, "accessProfile.entitlements")
		if list, ok := ents.([]any); ok && len(list) > 0 {
			if e, ok := list[0].(map[string]any); ok {
				return lookupPath(e, "sourceName")
			}
		}
		return nil, false
	}
	return lookupPath(d, field)
}

func lookupPath(d map[string]any, path string) (any, bool) {
	var v any = d
	for _, seg := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[seg]; !ok || v == nil {
			return nil, false
		}
	}
	return v, true
}

// filterFor builds a filter on field with op that the documents say at
// least one of them matches, or "" when none can.
func filterFor(docs []map[string]any, field string, op certifications.Operator) string {
	var vals []any
	absent := false
	for _, d := range docs {
		if v, ok := docField(d, field); ok {
			vals = append(vals, v)
		} else {
			absent = true
		}
	}
	if op == certifications.OpIsNull {
		if absent {
			return certifications.IsNull(field).String()
		}
		return ""
	}
	if len(vals) == 0 {
		return ""
	}
	val := func(v any) any {
		if s, ok := v.(string); ok {
			if tm, err := time.Parse(time.RFC3339Nano, s); err == nil {
				return tm
			}
		}
		return v
	}
	// Ordered by the value the filter compares.
	sort.SliceStable(vals, func(i, j int) bool { return fmt.Sprint(val(vals[i])) < fmt.Sprint(val(vals[j])) })
	v := vals[0]
	s, isString := v.(string)
	switch op {
	case certifications.OpPr:
		return certifications.Pr(field).String()
	case certifications.OpEq, certifications.OpGe, certifications.OpLe:
		return (&certifications.Comparison{Field: field, Op: op, Values: []certifications.Value{certifications.ValueOf(val(v))}}).String()
	case certifications.OpIn:
		return certifications.In(field, val(v)).String()
	case certifications.OpNe:
		return certifications.Ne(field, "no-such-value").String()
	case certifications.OpGt:
		return certifications.Gt(field, val(vals[0])).String()
	case certifications.OpLt:
		return certifications.Lt(field, val(vals[len(vals)-1])).String()
	case certifications.OpSw:
		if isString && len(s) >= 2 {
			return certifications.Sw(field, s[:2]).String()
		}
	case certifications.OpCo:
		if isString && len(s) >= 3 {
			return certifications.Co(field, s[1:3]).String()
		}
	case certifications.OpCa:
		if list, ok := v.([]any); ok && len(list) > 0 {
			return certifications.Ca(field, list[0]).String()
		}
	}
	return ""
}

// appliesTo reports whether a field of the access summaries' rules is one
// of the summaries of a type: the rules are shared by the three types,
// and only an entitlement has an entitlement.sourceName, only an access
// profile an accessProfile.sourceName.
func appliesTo(listing, field string) bool {
	switch {
	case !strings.HasPrefix(listing, "access summaries "), !strings.HasSuffix(field, ".sourceName"):
		return true
	case strings.HasSuffix(listing, "ENTITLEMENT"):
		return field == "entitlement.sourceName"
	case strings.HasSuffix(listing, "ACCESS_PROFILE"):
		return field == "accessProfile.sourceName"
	}
	return false
}

// A listing of the sandbox and the rules of its operation.
type filteredListing struct {
	name  string
	path  string
	rules *query.Rules
}

// Every filter field each operation documents matches at least one item of
// the sandbox with each of its operators: the sandbox holds the data, and
// its matcher reads the field.
func TestEveryDocumentedFilterFieldMatches(t *testing.T) {
	srv := certtest.NewTestServer(t)
	certs, _ := getJSON[[]map[string]any](t, srv, v3.certs, nil, http.StatusOK)
	require.NotEmpty(t, certs)
	id, _ := certs[0]["id"].(string)
	listings := []filteredListing{
		{"certifications", v3.certs, query.Root("ListIdentityCertifications")},
		{"access review items", v3.certs + "/" + id + "/access-review-items", query.Root("ListIdentityAccessReviewItems")},
		{"reviewers", v3.certs + "/" + id + "/reviewers", query.Root("ListCertificationReviewers")},
		{"identity summaries", v3.certs + "/" + id + "/identity-summaries", query.Root("GetIdentitySummaries")},
	}
	for _, typ := range []string{"ENTITLEMENT", "ACCESS_PROFILE", "ROLE"} {
		listings = append(listings, filteredListing{"access summaries " + typ, v3.certs + "/" + id + "/access-summaries/" + typ, query.Root("GetIdentityAccessSummaries")})
	}
	// The permissions of the first entitlement item that has any.
	items, _ := getJSON[[]map[string]any](t, srv, v3.certs+"/"+id+"/access-review-items", url.Values{"limit": {"250"}}, http.StatusOK)
	permissionsPath := ""
	for _, it := range items {
		itemID, _ := it["id"].(string)
		p := v3.certs + "/" + id + "/access-review-items/" + itemID + "/permissions"
		if perms, _ := getJSON[[]map[string]any](t, srv, p, nil, http.StatusOK); len(perms) > 0 {
			permissionsPath = p
			break
		}
	}
	require.NotEmpty(t, permissionsPath, "no entitlement item of %s has permissions", id)
	listings = append(listings, filteredListing{"item permissions", permissionsPath, query.Root("GetIdentityCertificationItemPermissions")})
	// A pending task: listing the pending tasks leaves them pending.
	reviewers := srv.Reviewers()
	require.NotEmpty(t, reviewers)
	resp, b := raw(t, srv, http.MethodPost, v3.certs+"/"+id+"/reassign-async", nil,
		`{"reassign":[{"id":"`+items[0]["id"].(string)+`","type":"ITEM"}],"reassignTo":"`+reviewers[len(reviewers)-1].GetID()+`","reason":"filter fields"}`)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
	listings = append(listings, filteredListing{"pending tasks", v3.tasks, query.Root("GetPendingCertificationTasks")})
	for _, l := range listings {
		docs, _ := getJSON[[]map[string]any](t, srv, l.path, url.Values{"limit": {"250"}}, http.StatusOK)
		require.NotEmpty(t, docs, l.name)
		fields := make([]string, 0, len(l.rules.Filters))
		for f := range l.rules.Filters {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		for _, field := range fields {
			for _, op := range l.rules.Filters[field] {
				if !appliesTo(l.name, field) {
					continue
				}
				t.Run(fmt.Sprintf("%s/%s %s", l.name, field, op), func(t *testing.T) {
					filter := filterFor(docs, field, certifications.Operator(op))
					require.NotEmpty(t, filter, "the sandbox holds no value of %s to filter with %s", field, op)
					got, _ := getJSON[[]map[string]any](t, srv, l.path, url.Values{"limit": {"250"}, "filters": {filter}}, http.StatusOK)
					require.NotEmpty(t, got, "%s matches nothing", filter)
				})
			}
		}
	}
}
