package certtest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

func TestMatch(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(`{
		"id": "cert-1",
		"name": "Pat \"PJ\" Lee",
		"phase": "ACTIVE",
		"completed": false,
		"decisionsMade": 20,
		"ratio": 0.5,
		"due": "2024-02-01T00:00:00Z",
		"created": "2024-01-31T12:00:00+02:00",
		"signed": null,
		"empty": "",
		"campaign": {"id": "C0FFEE01", "name": "Q1 Review", "owner": {"id": "o1"}},
		"rights": ["READ", "UPDATE", "CREATE"],
		"tags": ["alpha", "Beta", null],
		"scores": [1, 5, 9],
		"list": []
	}`), &doc))

	for _, tc := range []struct {
		filter string
		want   bool
	}{
		// eq / ne: strings case-insensitive, numbers, booleans, times.
		{`phase eq "ACTIVE"`, true},
		{`phase eq "active"`, true},
		{`phase eq "ACTIV"`, false},
		{`name eq "pat \"pj\" lee"`, true},
		{`campaign.id eq "c0ffee01"`, true},
		{`campaign.owner.id eq "o1"`, true},
		{`campaign.owner.name eq "o1"`, false},
		{`campaign.id.x eq "c0ffee01"`, false},
		{`completed eq false`, true},
		{`completed eq true`, false},
		{`completed eq "false"`, false},
		{`decisionsMade eq 20`, true},
		{`decisionsMade eq 20.0`, true},
		{`decisionsMade eq "20"`, false},
		{`due eq 2024-02-01T00:00:00Z`, true},
		{`due eq 2024-02-01T01:00:00+01:00`, true},
		{`due eq "2024-02-01T00:00:00Z"`, true},
		{`phase ne "SIGNED"`, true},
		{`phase ne "active"`, false},
		{`completed ne true`, true},
		{`signed ne "x"`, true},
		{`missing ne 1`, true},
		{`missing eq 1`, false},
		{`signed eq "x"`, false},
		// Ordered comparisons.
		{`decisionsMade gt 19`, true},
		{`decisionsMade gt 20`, false},
		{`decisionsMade ge 20`, true},
		{`decisionsMade lt 20.5`, true},
		{`decisionsMade le 19.99`, false},
		{`ratio lt 1`, true},
		{`ratio gt -1`, true},
		{`name gt "PAT"`, true},
		{`name ge "pat \"pj\" lee"`, true},
		{`name lt "Q"`, true},
		{`name lt "a"`, false},
		{`due gt 2024-01-31T00:00:00Z`, true},
		{`due gt 2024-02-01T00:00:00Z`, false},
		{`due le 2024-01-31T23:00:00-01:00`, true},
		{`created lt 2024-01-31T11:00:00Z`, true},
		{`created gt 2024-01-31T10:30:00Z`, false},
		{`due gt "2024-01-31T00:00:00Z"`, true},
		{`due gt 5`, false},
		{`decisionsMade gt "5"`, false},
		{`completed gt false`, false},
		{`completed ge false`, true},
		{`signed gt 1`, false},
		{`missing lt 1`, false},
		{`scores gt 8`, true},
		{`scores gt 9`, false},
		// co / sw.
		{`name co "pj"`, true},
		{`name co "\"PJ\""`, true},
		{`name co "xyz"`, false},
		{`name sw "PAT"`, true},
		{`name sw "lee"`, false},
		{`campaign.name co "q1 r"`, true},
		{`decisionsMade co "2"`, false},
		{`empty sw ""`, true},
		{`tags sw "be"`, true},
		{`signed co ""`, false},
		// in.
		{`phase in ("STAGED","active")`, true},
		{`phase in ("STAGED","SIGNED")`, false},
		{`decisionsMade in (1,20)`, true},
		{`id in ("cert-1")`, true},
		{`missing in ("x")`, false},
		// ca.
		{`rights ca ("READ")`, true},
		{`rights ca ("read","create")`, true},
		{`rights ca ("READ","DELETE")`, false},
		{`tags ca ("beta")`, true},
		{`scores ca (1,9)`, true},
		{`scores ca (2)`, false},
		{`phase ca ("ACTIVE")`, true},
		{`list ca ("x")`, false},
		{`missing ca ("x")`, false},
		// pr / isnull.
		{`pr phase`, true},
		{`phase pr`, true},
		{`pr signed`, false},
		{`pr missing`, false},
		{`pr empty`, true},
		{`pr list`, true},
		{`signed isnull`, true},
		{`missing isnull`, true},
		{`phase isnull`, false},
		{`campaign.owner isnull`, false},
		// Arrays: any element.
		{`tags eq "ALPHA"`, true},
		{`tags ne "alpha"`, false},
		{`tags ne "gamma"`, true},
		{`scores eq 5`, true},
		{`scores in (7,9)`, true},
		// Connectives.
		{`phase eq "ACTIVE" and completed eq false`, true},
		{`phase eq "ACTIVE" and completed eq true`, false},
		{`phase eq "SIGNED" or completed eq false`, true},
		{`phase eq "SIGNED" or completed eq true`, false},
		{`not phase eq "SIGNED"`, true},
		{`not (phase eq "ACTIVE" and completed eq false)`, false},
		{`not completed eq true or phase eq "STAGED" and campaign.id eq "c1"`, true},
		{`not completed eq false or phase eq "ACTIVE" and campaign.id eq "c0ffee01"`, true},
		{`not completed eq false or phase eq "ACTIVE" and campaign.id eq "c1"`, false},
		{`(not completed eq false or phase eq "ACTIVE") and campaign.id eq "c1"`, false},
	} {
		f, err := certifications.ParseFilter(tc.filter)
		require.NoError(t, err, tc.filter)
		assert.Equal(t, tc.want, match(f, doc), tc.filter)
	}
}

// TestMatchEdgeCases covers filters the parser never produces but the
// filter types can hold: matching stays total and never panics.
func TestMatchEdgeCases(t *testing.T) {
	doc := map[string]any{"n": 5.0, "s": "x"}
	for _, tc := range []struct {
		name string
		f    certifications.Filter
		want bool
	}{
		{"nil filter", nil, true},
		{"typed nil comparison", (*certifications.Comparison)(nil), true},
		{"not nil", certifications.Not(nil), false},
		{"invalid value", certifications.Eq("n", struct{}{}), false},
		{"in without values", certifications.In("n"), false},
		{"eq with two values", &certifications.Comparison{Field: "n", Op: certifications.OpEq, Values: []certifications.Value{certifications.ValueOf(5), certifications.ValueOf(6)}}, false},
		{"upper-case operator", &certifications.Comparison{Field: "n", Op: "EQ", Values: []certifications.Value{certifications.ValueOf(5)}}, false},
		{"unknown connective", &certifications.Logical{Op: "xor", Operands: []certifications.Filter{certifications.Eq("n", 5)}}, false},
		{"empty and", &certifications.Logical{Op: certifications.OpAnd}, true},
		{"empty or", &certifications.Logical{Op: certifications.OpOr}, false},
		{"co with a number", &certifications.Comparison{Field: "s", Op: certifications.OpCo, Values: []certifications.Value{certifications.ValueOf(1)}}, false},
		{"pr ignores values", &certifications.Comparison{Field: "s", Op: certifications.OpPr, Values: []certifications.Value{certifications.ValueOf(1)}}, true},
	} {
		assert.Equal(t, tc.want, match(tc.f, doc), tc.name)
	}
}

// FuzzMatch checks that matching any parsable filter against documents of
// every JSON shape never panics.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		`a eq "x"`, `b gt 1`, `c eq true`, `pr d`, `d isnull`, `e ca ("x",2)`, `e sw "x"`,
		`x.y.z gt 2024-01-30T00:00:00Z`, `x.y.z lt "2025"`, `not (a co "" or b in (1,2)) and e ne 2`,
		strings.Repeat("not ", 50) + "a eq 1",
	} {
		f.Add(s)
	}
	var doc map[string]any
	require.NoError(f, json.Unmarshal([]byte(`{"a":"x","b":1.5,"c":true,"d":null,"e":["x",2,null,{"f":1}],"x":{"y":{"z":"2024-01-31T00:00:00Z"}}}`), &doc))
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := certifications.ParseFilter(s)
		if err != nil {
			return
		}
		_ = match(flt, doc)
	})
}
