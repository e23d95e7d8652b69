package certifications_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cert "github.com/iscgo/certifications"
)

func TestSortersRender(t *testing.T) {
	assert.Equal(t, "-due,name", cert.Sorters(cert.Desc("due"), cert.Asc("name")))
	assert.Equal(t, "name", cert.Sorters(cert.Asc("name")))
	assert.Equal(t, "", cert.Sorters())
	assert.Equal(t, "access.name,-accessProfile.sourceName", cert.Sorters(cert.Asc("access.name"), cert.Desc("accessProfile.sourceName")))
	assert.Equal(t, cert.Sorter{Field: "due", Desc: true}, cert.Desc("due"))
	assert.Equal(t, cert.Sorter{Field: "due"}, cert.Asc("due"))
	assert.Equal(t, "-signed", cert.Desc("signed").String())
}

func TestParseSorters(t *testing.T) {
	for in, want := range map[string][]cert.Sorter{
		"name":                                  {cert.Asc("name")},
		"-due":                                  {cert.Desc("due")},
		"-due,name":                             {cert.Desc("due"), cert.Asc("name")},
		"name,due,signed":                       {cert.Asc("name"), cert.Asc("due"), cert.Asc("signed")},
		"access.name,-accessProfile.sourceName": {cert.Asc("access.name"), cert.Desc("accessProfile.sourceName")},
	} {
		got, err := cert.ParseSorters(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, in, cert.Sorters(got...), "round trip")
	}
}

func TestParseSortersErrors(t *testing.T) {
	for in, problem := range map[string]string{
		"":             "empty",
		",":            `entry 1 "": empty entry`,
		"name,":        `entry 2 "": empty entry`,
		",name":        `entry 1 "": empty entry`,
		"name,,due":    `entry 2 "": empty entry`,
		"+name":        `entry 1 "+name": + prefix`,
		"name,+due":    `entry 2 "+due": + prefix`,
		"-":            "empty field name",
		"--name":       "malformed field name",
		"name, due":    "contains whitespace",
		" name":        "contains whitespace",
		"name desc":    "contains whitespace",
		"a..b":         "malformed field name",
		"1abc":         "malformed field name",
		"name;due":     "malformed field name",
		"name,-name":   `field "name" is listed twice`,
		"due,due":      `field "due" is listed twice`,
		"not":          "reserved word",
		"name,-due,x,": `entry 4 "": empty entry`,
	} {
		got, err := cert.ParseSorters(in)
		assert.Nil(t, got, in)
		var ve *cert.ValidationError
		require.ErrorAs(t, err, &ve, in)
		assert.Equal(t, "sorters", ve.Parameter, in)
		assert.Contains(t, ve.Problem, problem, in)
		assert.NotEmpty(t, ve.Allowed, in)
	}
}

func ExampleSorters() {
	s := cert.Sorters(cert.Desc("due"), cert.Asc("name"))
	fmt.Println(s, cert.CheckSorters(cert.RulesFor("ListIdentityCertifications"), s))
	// Output: -due,name <nil>
}
