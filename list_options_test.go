package certifications

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/call"
	"github.com/iscgo/certifications/internal/query"
)

// TestListOptionsEmptyStrings checks the one rule for string parameters:
// set but empty or blank is a *ValidationError naming the parameter and
// what to set, whatever the rules and with or without field checks.
func TestListOptionsEmptyStrings(t *testing.T) {
	for _, value := range []string{"", " ", "\t\n"} {
		for _, skip := range []bool{false, true} {
			for _, rules := range []*query.Rules{RulesFor("ListIdentityCertifications"), nil, {}} {
				for _, param := range []string{"filters", "sorters"} {
					o := ListOptions{}
					v := value
					if param == "filters" {
						o.Filters = &v
					} else {
						o.Sorters = &v
					}
					q, err := valuesOf(o, rules, skip)
					assert.Nil(t, q)
					var ve *ValidationError
					require.ErrorAs(t, err, &ve, "%s=%q", param, value)
					assert.Equal(t, param, ve.Parameter)
					assert.Contains(t, ve.Problem, "is set but")
					assert.Contains(t, ve.Allowed, "do not set")
					assert.Contains(t, ve.Error(), "certifications: invalid "+param+": is set but")
				}
			}
		}
	}
}

// TestListOptionsValues checks what is sent for set parameters.
func TestListOptionsValues(t *testing.T) {
	limit, offset, count := int32(5), int32(10), true
	f, s := `phase eq "ACTIVE"`, "-due,name"
	q, err := valuesOf(ListOptions{Limit: &limit, Offset: &offset, Count: &count, Filters: &f, Sorters: &s}, RulesFor("ListIdentityCertifications"), false)
	require.NoError(t, err)
	assert.Equal(t, "limit=5&offset=10&count=true&filters="+f+"&sorters="+s,
		"limit="+q.Get("limit")+"&offset="+q.Get("offset")+"&count="+q.Get("count")+"&filters="+q.Get("filters")+"&sorters="+q.Get("sorters"))
	q, err = valuesOf(ListOptions{}, nil, false)
	require.NoError(t, err)
	assert.Empty(t, q, "nothing set, nothing sent")
}

func TestCheckNotBlank(t *testing.T) {
	assert.NoError(t, call.NotBlank(validationErrors{}, "reviewer-identity", "me", "an identity id, or me"))
	var ve *ValidationError
	require.ErrorAs(t, call.NotBlank(validationErrors{}, "reviewer-identity", " ", "an identity id, or me"), &ve)
	assert.Equal(t, "reviewer-identity", ve.Parameter)
	assert.Equal(t, `is set but blank (" ")`, ve.Problem)
}

// TestListOptionsNilRulesCheckSyntaxOnly: nil rules know no endpoint, so
// filters and sorters are checked for syntax only, with or without
// skipFields, as a nil *query.Rules does; rules with no Filters or Sorters
// still refuse them.
func TestListOptionsNilRulesCheckSyntaxOnly(t *testing.T) {
	for _, skip := range []bool{false, true} {
		f, s := `anyField eq "x" and other sw "y"`, "-anything,else"
		q, err := valuesOf(ListOptions{Filters: &f, Sorters: &s}, nil, skip)
		require.NoError(t, err, "skip %t", skip)
		assert.Equal(t, f, q.Get("filters"))
		assert.Equal(t, s, q.Get("sorters"))

		bad := `anyField eq`
		_, err = valuesOf(ListOptions{Filters: &bad}, nil, skip)
		var se *FilterSyntaxError
		require.ErrorAs(t, err, &se, "skip %t", skip)

		badSort := "name,,due"
		_, err = valuesOf(ListOptions{Sorters: &badSort}, nil, skip)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "skip %t", skip)
		assert.Equal(t, "sorters", ve.Parameter)
	}
	f := `id eq "x"`
	_, err := valuesOf(ListOptions{Filters: &f}, &query.Rules{Operation: "op"}, false)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Problem, "op does not support filtering")
}

// FilterBy takes a Filter value: a filter is sent in its String form, and
// no filter (nil, an empty And or Or) is no filter parameter at all, where
// Filters("") is refused as set but empty.
func TestFilterByTakesAFilterValue(t *testing.T) {
	for name, tc := range map[string]struct {
		f    Filter
		want []string // the filters parameter sent; nil: none
	}{
		"comparison":  {Eq("phase", "ACTIVE"), []string{`phase eq "ACTIVE"`}},
		"and":         {And(Eq("phase", "ACTIVE"), In("id", "a", "b")), []string{`phase eq "ACTIVE" and id in ("a","b")`}},
		"empty And":   {And(), nil},
		"empty Or":    {Or(), nil},
		"nil":         {nil, nil},
		"And of nils": {And(nil, Or()), nil},
		"one operand": {Or(Eq("completed", false)), []string{`completed eq false`}},
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) { cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", "" })
			var got []string
			sent := false
			mt.RegisterResponder(http.MethodGet, testBase+"/v3/certifications", func(r *http.Request) (*http.Response, error) {
				sent = true
				got = r.URL.Query()["filters"]
				return httpmock.NewStringResponse(http.StatusOK, `[]`), nil
			})
			_, _, err := c.CertificationsApi.ListIdentityCertifications(context.Background()).FilterBy(tc.f).Execute()
			require.NoError(t, err)
			require.True(t, sent)
			assert.Equal(t, tc.want, got)
		})
	}
}

// FilterBy after Filters replaces it, and no filter clears it.
func TestFilterByReplacesFilters(t *testing.T) {
	var o ListOptions
	s := `phase eq "SIGNED"`
	o.Filters = &s
	o.SetFilter(And())
	assert.Nil(t, o.Filters)
	o.SetFilter(Eq("phase", "ACTIVE"))
	require.NotNil(t, o.Filters)
	assert.Equal(t, `phase eq "ACTIVE"`, *o.Filters)
}
