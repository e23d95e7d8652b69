package certifications

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
