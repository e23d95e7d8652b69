package certifications

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"testing"
	"testing/synctest"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// permanentFailures are transport failures that every attempt meets again,
// each with the responder that causes it.
func permanentFailures(url string) map[string]httpmock.Responder {
	loop := func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(http.StatusFound, "")
		r.Header.Set("Location", url)
		return r, nil
	}
	return map[string]httpmock.Responder{
		"unknown authority": httpmock.NewErrorResponder(x509.UnknownAuthorityError{}),
		"expired certificate": httpmock.NewErrorResponder(&tls.CertificateVerificationError{
			Err: x509.CertificateInvalidError{Reason: x509.Expired},
		}),
		"certificate for another host": httpmock.NewErrorResponder(x509.HostnameError{Certificate: &x509.Certificate{}, Host: "acme.api.identitynow.com"}),
		"redirect loop":                loop,
	}
}

// A failure that cannot change is not retried: an untrusted, expired or
// mismatched certificate, or the redirect limit. With MaxRetries 2 each
// costs one attempt (the redirect loop its 10 requests), while a reset
// connection is retried as before.
func TestPermanentTransportErrorsNotRetried(t *testing.T) {
	target := testBase + "/v3/x"
	for name, respond := range permanentFailures(target) {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, mt := newMockClient(t, func(cfg *Configuration) {
					cfg.MaxRetries, cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = 2, testToken, "", ""
				})
				mt.RegisterResponder("GET", target, respond)
				_, err := get(c, context.Background(), "v3/x", nil)
				require.Error(t, err)
				want := 1
				if name == "redirect loop" {
					want = 10
					assert.ErrorIs(t, err, errRedirectLimit)
				}
				assert.Equal(t, want, mt.GetTotalCallCount(), err.Error())
			})
		})
	}
	synctest.Test(t, func(t *testing.T) {
		c, mt := newMockClient(t, func(cfg *Configuration) {
			cfg.MaxRetries, cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = 2, testToken, "", ""
		})
		mt.RegisterResponder("GET", target, httpmock.NewErrorResponder(&netError{}))
		_, err := get(c, context.Background(), "v3/x", nil)
		require.Error(t, err)
		assert.Equal(t, 3, mt.GetTotalCallCount(), "a reset connection is retried")
	})
}

// The token request follows the same rule.
func TestPermanentTokenErrorsNotRetried(t *testing.T) {
	for name, respond := range permanentFailures(testTokenURL) {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, mt := newMockClient(t, func(cfg *Configuration) { cfg.MaxRetries = 2 })
				mt.RegisterResponder("POST", testTokenURL, respond)
				mt.RegisterResponder("GET", testTokenURL, respond) // a 302 turns the POST into a GET
				_, err := get(c, context.Background(), "v3/x", nil)
				var te *TokenError
				require.ErrorAs(t, err, &te)
				want := 1
				if name == "redirect loop" {
					want = 10
				}
				assert.Equal(t, want, mt.GetTotalCallCount(), err.Error())
				assert.Equal(t, 1, te.Attempts)
			})
		})
	}
}
