package certifications

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A BaseURL or TokenURL refused for its scheme or shape never shows the
// credentials it holds: not in Validate's error, not in a call's error,
// not when the client is printed.
func TestConfigurationErrorsRedactURLs(t *testing.T) {
	const pw, secret = "hunter2-password", "query-secret-value"
	bad := []string{
		"ftp://user:" + pw + "@acme.api.identitynow.com",
		"ftp://acme.api.identitynow.com/?client_secret=" + secret,
		"https//user:" + pw + "@acme.api.identitynow.com",
		"//user:" + pw + "@acme.api.identitynow.com?client_secret=" + secret,
		"user:" + pw + "@acme.api.identitynow.com",
		"http://user:" + pw + "@acme.example.com/?client_secret=" + secret,
		"https://user:" + pw + "@acme.api.identitynow.com/%zz?client_secret=" + secret,
		"https://acme.api.identitynow.com/" + pw + "\x7f",
	}
	for _, field := range []string{"BaseURL", "TokenURL"} {
		for _, u := range bad {
			t.Run(field+" "+u, func(t *testing.T) {
				cfg := &Configuration{BaseURL: "https://acme.api.identitynow.com", ClientID: "id", ClientSecret: "s"}
				if field == "BaseURL" {
					cfg.BaseURL = u
				} else {
					cfg.TokenURL = u
				}
				err := cfg.Validate()
				require.Error(t, err)
				var ve *ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, field, ve.Parameter)
				c := NewAPIClient(cfg)
				_, _, callErr := c.CertificationsApi.GetIdentityCertification(context.Background(), "x").Execute()
				require.Error(t, callErr)
				for _, text := range []string{err.Error(), callErr.Error(), fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%v", cfg)} {
					assert.NotContains(t, text, pw)
					assert.NotContains(t, text, secret)
				}
			})
		}
	}
}
