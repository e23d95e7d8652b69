package certifications_test

import (
	"context"
	"errors"
	"fmt"
	"github.com/iscgo/certifications/internal/query"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cert "github.com/iscgo/certifications"
)

var allComparisonOps = []cert.Operator{
	cert.OpEq, cert.OpNe, cert.OpGt, cert.OpGe, cert.OpLt, cert.OpLe,
	cert.OpIn, cert.OpCo, cert.OpSw, cert.OpCa, cert.OpPr, cert.OpIsNull,
}

// ruleCase pins each v3 operation's documented fields, operators and
// sortable fields, as listed in the v3 spec's parameter descriptions.
type ruleCase struct {
	rules   *query.Rules
	op      string
	filters map[string][]cert.Operator
	sorters []string
}

func v3Rules() []ruleCase {
	eqIn := []cert.Operator{cert.OpEq, cert.OpIn}
	eqSw := []cert.Operator{cert.OpEq, cert.OpSw}
	eq := []cert.Operator{cert.OpEq}
	eqNe := []cert.Operator{cert.OpEq, cert.OpNe}
	return []ruleCase{
		{cert.RulesFor("ListIdentityCertifications"), "listIdentityCertifications",
			map[string][]cert.Operator{"id": eqIn, "campaign.id": eqIn, "phase": eq, "completed": eqNe},
			[]string{"name", "due", "signed"}},
		{cert.RulesFor("ListCertificationReviewers"), "listCertificationReviewers",
			map[string][]cert.Operator{"id": eqIn, "name": eqSw, "email": eqSw},
			[]string{"name", "email"}},
		{cert.RulesFor("ListIdentityAccessReviewItems"), "listIdentityAccessReviewItems",
			map[string][]cert.Operator{
				"id": eqIn, "type": eq, "access.type": eq, "completed": eqNe,
				"identitySummary.id": eqIn, "identitySummary.name": eqSw, "access.id": eqIn, "access.name": eqSw,
				"entitlement.sourceName": eqSw, "accessProfile.sourceName": eqSw,
			},
			[]string{"identitySummary.name", "access.name", "access.type", "entitlement.sourceName", "accessProfile.sourceName"}},
		{cert.RulesFor("GetIdentityCertificationItemPermissions"), "getIdentityCertificationItemPermissions",
			map[string][]cert.Operator{"target": eqSw, "rights": {cert.OpCa}},
			nil},
		{cert.RulesFor("GetPendingCertificationTasks"), "getPendingCertificationTasks",
			map[string][]cert.Operator{"id": eqIn, "targetId": eqIn, "type": {cert.OpEq, cert.OpIn}},
			nil},
	}
}

// sample builds a well-formed comparison for field and op.
func sample(field string, op cert.Operator) cert.Filter {
	switch op {
	case cert.OpIn:
		return cert.In(field, "v1", "v2")
	case cert.OpCa:
		return cert.Ca(field, "v1")
	case cert.OpCo:
		return cert.Co(field, "v")
	case cert.OpSw:
		return cert.Sw(field, "v")
	case cert.OpPr:
		return cert.Pr(field)
	case cert.OpIsNull:
		return cert.IsNull(field)
	}
	return &cert.Comparison{Field: field, Op: op, Values: []cert.Value{cert.ValueOf("v")}}
}

func TestV3RulesMatchSpec(t *testing.T) {
	for _, rc := range v3Rules() {
		assert.Equal(t, rc.op, rc.rules.Operation)
		wire := map[string][]string{}
		for field, ops := range rc.filters {
			for _, op := range ops {
				wire[field] = append(wire[field], string(op))
			}
		}
		assert.Equal(t, wire, rc.rules.Filters, rc.op)
		assert.Equal(t, rc.sorters, rc.rules.Sorters, rc.op)
	}
}

func TestCheckFiltersFieldOperatorPairs(t *testing.T) {
	for _, rc := range v3Rules() {
		t.Run(rc.op, func(t *testing.T) {
			for field, ops := range rc.filters {
				for _, op := range allComparisonOps {
					f := sample(field, op)
					err := cert.CheckFilters(rc.rules, f.String())
					assert.Equal(t, err, cert.CheckFilter(rc.rules, f), "CheckFilter and CheckFilters agree on %s", f)
					if slices.Contains(ops, op) {
						assert.NoError(t, err, f.String())
						continue
					}
					var ve *cert.ValidationError
					require.ErrorAs(t, err, &ve, f.String())
					assert.Equal(t, "filters", ve.Parameter)
					assert.Equal(t, `field "`+field+`" does not support operator `+string(op), ve.Problem)
					assertNamesAllFields(t, ve.Allowed, rc.filters)
				}
			}
			err := cert.CheckFilters(rc.rules, `nosuchfield eq "x"`)
			var ve *cert.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, `field "nosuchfield" cannot be filtered on`, ve.Problem)
			assertNamesAllFields(t, ve.Allowed, rc.filters)
			assert.Contains(t, ve.Error(), "allowed: ")
		})
	}
}

// assertNamesAllFields checks that allowed lists every field with its
// operators, as "field: op, op".
func assertNamesAllFields(t *testing.T, allowed string, filters map[string][]cert.Operator) {
	t.Helper()
	parts := strings.Split(allowed, "; ")
	assert.Len(t, parts, len(filters), allowed)
	for field, ops := range filters {
		names := make([]string, len(ops))
		for i, op := range ops {
			names[i] = string(op)
		}
		assert.Contains(t, parts, field+": "+strings.Join(names, ", "), allowed)
	}
}

func TestCheckFiltersAllowedIsSorted(t *testing.T) {
	err := cert.CheckFilters(cert.RulesFor("ListCertificationReviewers"), `name co "ann"`)
	var ve *cert.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, &cert.ValidationError{
		Parameter: "filters",
		Problem:   `field "name" does not support operator co`,
		Allowed:   "email: eq, sw; id: eq, in; name: eq, sw",
	}, ve)
	assert.Equal(t, `certifications: invalid filters: field "name" does not support operator co; allowed: email: eq, sw; id: eq, in; name: eq, sw`, err.Error())
}

func TestDocumentedExamplesPerEndpoint(t *testing.T) {
	rules := []*query.Rules{
		cert.RulesFor("ListIdentityCertifications"),
		cert.RulesFor("ListIdentityCertifications"),
		cert.RulesFor("ListIdentityCertifications"),
		cert.RulesFor("ListIdentityAccessReviewItems"),
		cert.RulesFor("ListIdentityAccessReviewItems"),
		cert.RulesFor("GetPendingCertificationTasks"),
		cert.RulesFor("GetIdentityCertificationItemPermissions"),
		cert.RulesFor("ListCertificationReviewers"),
	}
	require.Len(t, validExamples, len(rules))
	for i, s := range validExamples {
		assert.NoError(t, cert.CheckFilters(rules[i], s), "%s on %s", s, rules[i].Operation)
	}

	// Invalid 1: upper-case operator, on any endpoint.
	err := cert.CheckFilters(cert.RulesFor("ListIdentityCertifications"), `phase EQ "ACTIVE"`)
	var se *cert.FilterSyntaxError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, se.Expected, "operators are lower case")
	var ve *cert.ValidationError
	require.ErrorAs(t, err, &ve, "syntax errors are validation errors too")
	assert.Equal(t, "filters", ve.Parameter)

	// Invalid 2: name allows only eq and sw on the reviewers list.
	err = cert.CheckFilters(cert.RulesFor("ListCertificationReviewers"), `name co "ann"`)
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Problem, "does not support operator co")

	// Invalid 3: the connective must join target and rights.
	err = cert.CheckFilters(cert.RulesFor("GetIdentityCertificationItemPermissions"), `rights ca ("READ") and rights ca ("UPDATE")`)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "and joins rights and rights; it must join target and rights", ve.Problem)
	assert.Contains(t, ve.Allowed, "one and/or joining a target clause and a rights clause")

	// Invalid 4 is about URL encoding, not syntax: the filter itself is
	// valid, and its rendering matches the documented encoded form.
	assert.NoError(t, cert.CheckFilters(cert.RulesFor("ListCertificationReviewers"), `name eq "#Ops"`))
	decoded, err := url.QueryUnescape(`name%20eq%20%22%23Ops%20%5C%22EU%5C%22%22`)
	require.NoError(t, err)
	assert.Equal(t, decoded, cert.Eq("name", `#Ops "EU"`).String())
}

func TestItemPermissionsStructure(t *testing.T) {
	r := cert.RulesFor("GetIdentityCertificationItemPermissions")
	for _, s := range []string{
		`target eq "SYS.OBJAUTH2"`,
		`target sw "SYS"`,
		`rights ca ("CREATE")`,
		`rights ca ("CREATE") and target eq "SYS.OBJAUTH2"`,
		`target eq "SYS.OBJAUTH2" or rights ca ("READ","UPDATE")`,
		`(target eq "a") and (rights ca ("R"))`,
	} {
		assert.NoError(t, cert.CheckFilters(r, s), s)
	}
	for s, problem := range map[string]string{
		`target eq "a" and target eq "b"`:                      "and joins target and target",
		`target eq "a" or target sw "b"`:                       "or joins target and target",
		`target eq "a" and rights ca ("R") and target eq "c"`:  "3 clauses joined",
		`(target eq "a" and rights ca ("R")) or target eq "b"`: "nested connectives",
		`not target eq "a"`:                                    "not is not supported",
		`target eq "a" and not rights ca ("R")`:                "nested connectives",
		`target co "a"`:                                        `field "target" does not support operator co`,
		`rights eq "READ"`:                                     `field "rights" does not support operator eq`,
	} {
		err := cert.CheckFilters(r, s)
		var ve *cert.ValidationError
		require.ErrorAs(t, err, &ve, s)
		assert.Contains(t, ve.Problem, problem, s)
		assert.NotEmpty(t, ve.Allowed)
	}
}

func TestCheckFiltersSyntaxOnly(t *testing.T) {
	assert.NoError(t, cert.CheckFiltersSyntax(`name co "ann"`))
	assert.NoError(t, cert.CheckFiltersSyntax(`unknown.field gt 2024-01-31T00:00:00Z`))
	var se *cert.FilterSyntaxError
	assert.ErrorAs(t, cert.CheckFiltersSyntax(`phase EQ "ACTIVE"`), &se)
	assert.ErrorAs(t, cert.CheckFiltersSyntax(``), &se)

	var none *query.Rules
	assert.NoError(t, cert.CheckFilters(none, `anything co "x"`), "nil rules check syntax only")
	assert.ErrorAs(t, cert.CheckFilters(none, `anything CO "x"`), &se)
	assert.NoError(t, cert.CheckFilter(none, cert.Co("anything", "x")))
	assert.NoError(t, cert.CheckSorters(none, "anything,-else"))
	assert.Error(t, cert.CheckSorters(none, "+anything"))
}

func TestCheckFilterBuilt(t *testing.T) {
	r := cert.RulesFor("ListIdentityCertifications")
	assert.NoError(t, cert.CheckFilter(r, nil))
	assert.NoError(t, cert.CheckFilter(r, cert.And(cert.Eq("phase", phase("ACTIVE")), cert.In("campaign.id", "c1", "c2"))))
	var ve *cert.ValidationError
	require.ErrorAs(t, cert.CheckFilter(r, cert.Eq("phase", []string{"x"})), &ve)
	assert.Contains(t, ve.Problem, "unsupported type []string")
	require.ErrorAs(t, cert.CheckFilter(r, cert.Not(cert.Co("phase", "ACT"))), &ve)
	assert.Equal(t, `field "phase" does not support operator co`, ve.Problem)
}

func TestNoFiltersNoSorters(t *testing.T) {
	r := &query.Rules{Operation: "getCertificationTask"}
	var ve *cert.ValidationError
	require.ErrorAs(t, cert.CheckFilters(r, `id eq "x"`), &ve)
	assert.Equal(t, "getCertificationTask does not support filtering", ve.Problem)
	require.ErrorAs(t, cert.CheckSorters(r, "id"), &ve)
	assert.Equal(t, "getCertificationTask does not support sorting", ve.Problem)
}

func TestCheckSortersPerEndpoint(t *testing.T) {
	for _, rc := range v3Rules() {
		t.Run(rc.op, func(t *testing.T) {
			if len(rc.sorters) == 0 {
				var ve *cert.ValidationError
				require.ErrorAs(t, cert.CheckSorters(rc.rules, "name"), &ve)
				assert.Equal(t, "sorters", ve.Parameter)
				assert.Equal(t, rc.op+" does not support sorting", ve.Problem)
				assert.NoError(t, cert.CheckSortersSyntax("name"))
				return
			}
			all := make([]cert.Sorter, 0, len(rc.sorters))
			for i, field := range rc.sorters {
				assert.NoError(t, cert.CheckSorters(rc.rules, field))
				assert.NoError(t, cert.CheckSorters(rc.rules, "-"+field))
				if i%2 == 0 {
					all = append(all, cert.Desc(field))
				} else {
					all = append(all, cert.Asc(field))
				}
			}
			assert.NoError(t, cert.CheckSorters(rc.rules, cert.Sorters(all...)))

			err := cert.CheckSorters(rc.rules, rc.sorters[0]+",-nosuchfield")
			var ve *cert.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "sorters", ve.Parameter)
			assert.Equal(t, `field "nosuchfield" is not sortable`, ve.Problem)
			assert.Equal(t, strings.Join(rc.sorters, ", ")+" (prefix - for descending)", ve.Allowed)
			assert.NoError(t, cert.CheckSortersSyntax(rc.sorters[0]+",-nosuchfield"))

			require.ErrorAs(t, cert.CheckSorters(rc.rules, "+"+rc.sorters[0]), &ve)
			assert.Contains(t, ve.Problem, "+ prefix")
		})
	}
	assert.NoError(t, cert.CheckSorters(cert.RulesFor("ListIdentityCertifications"), "-due,name"))
	assert.NoError(t, cert.CheckSorters(cert.RulesFor("ListIdentityAccessReviewItems"), "access.name,-accessProfile.sourceName"))
}

func TestRulesErrorsAreValidationErrors(t *testing.T) {
	// Every failure of the Check methods is reachable as *ValidationError.
	for _, s := range []string{``, `x`, `phase EQ 1`, `nosuch eq 1`, `phase co "x"`} {
		err := cert.CheckFilters(cert.RulesFor("ListIdentityCertifications"), s)
		var ve *cert.ValidationError
		assert.True(t, errors.As(err, &ve), "%q: %v", s, err)
	}
}

// A filter on a field or with an operator the operation does not take is
// refused before anything is sent.
func ExampleCertificationsApiService_ListCertificationReviewers_checkedFilters() {
	cfg := cert.NewConfiguration()
	cfg.BaseURL, cfg.AccessToken = "https://tenant.api.identitynow.example", "token"
	client := cert.NewAPIClient(cfg)
	_, _, err := client.CertificationsApi.ListCertificationReviewers(context.Background(), "cert-1").
		Filters(`name co "ann"`).
		Execute()
	fmt.Println(err)
	// Output: certifications: invalid filters: field "name" does not support operator co; allowed: email: eq, sw; id: eq, in; name: eq, sw
}

// Do checks the filters and sorters of every request against the
// operation its path names: a builder's, one built with NewRequest, on
// every generation, with an escaped slash in an id; nothing refused is
// sent. A path of no declared operation has its syntax checked only.
func TestDoChecksEveryRequestsQuery(t *testing.T) {
	sent := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent++
		_, _ = w.Write([]byte(`[]`))
	}))
	t.Cleanup(srv.Close)
	client := func(version cert.APIVersion) *cert.APIClient {
		cfg := cert.NewConfiguration()
		cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit, cfg.APIVersion = srv.URL, "token", true, version
		return cert.NewAPIClient(cfg)
	}
	ctx := context.Background()
	for _, version := range []cert.APIVersion{cert.APIVersionV3, cert.APIVersionV1} {
		c := client(version)
		_, _, err := c.CertificationsApi.ListIdentityAccessReviewItems(ctx, "a/b").Filters(`phase eq "ACTIVE"`).Execute()
		var ve *cert.ValidationError
		require.ErrorAs(t, err, &ve, version)
		assert.Contains(t, ve.Problem, `field "phase" cannot be filtered on`)

		for _, q := range []url.Values{{"filters": {`nosuch eq 1`}}, {"sorters": {"phase"}}} {
			p := "v3/certifications"
			if version == cert.APIVersionV1 {
				p = "certifications/v1"
			}
			req, err := c.NewRequest(ctx, http.MethodGet, p, q, nil)
			require.NoError(t, err)
			_, err = c.Do(req, nil)
			require.ErrorAs(t, err, &ve, "%s %v", version, q)
		}
	}
	assert.Zero(t, sent, "nothing refused is sent")

	c := client(cert.APIVersionV3)
	req, err := c.NewRequest(ctx, http.MethodGet, "v3/undeclared", url.Values{"filters": {`anything eq 1`}}, nil)
	require.NoError(t, err)
	_, err = c.Do(req, nil)
	require.NoError(t, err, "no declared operation: syntax only")
	req, err = c.NewRequest(ctx, http.MethodGet, "v3/undeclared", url.Values{"filters": {`anything EQ 1`}}, nil)
	require.NoError(t, err)
	_, err = c.Do(req, nil)
	var se *cert.FilterSyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 1, sent)
}
