package sailconfig

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// layerKind is one place sailconfig reads.
type layerKind string

const (
	atFlags layerKind = "flags"
	atEnv   layerKind = "environment"
	atJSON  layerKind = "config.json"
	atSail  layerKind = "sail"
)

// nameTenant makes layer k name a tenant with its own credentials.
func nameTenant(t *testing.T, p *place, o *Options, k layerKind) {
	t.Helper()
	switch k {
	case atFlags:
		o.BaseURL, o.ClientID, o.ClientSecret = "https://flags.api.identitynow.com", "flags-id", "flags-secret"
	case atEnv:
		p.env["SAIL_BASE_URL"], p.env["SAIL_CLIENT_ID"], p.env["SAIL_CLIENT_SECRET"] = "https://env.api.identitynow.com", "env-id", "env-secret"
	case atJSON:
		p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","ClientId":"json-id","ClientSecret":"json-secret"}`)
	case atSail:
		p.sailYAML(t, twoTenants)
		storeSailSecrets(t, "acme", "ring-id", "ring-secret")
	}
}

// setTokenURL makes layer k hold a TokenURL and nothing else.
func setTokenURL(t *testing.T, p *place, o *Options, k layerKind, u string) {
	t.Helper()
	switch k {
	case atFlags:
		o.TokenURL = u
	case atEnv:
		p.env["SAIL_TOKEN_URL"] = u
	case atJSON:
		p.configJSON(t, `{"TokenURL":"`+u+`"}`)
	}
}

// placeName is how messages name layer k, the tenant's place or not.
func placeName(p *place, k layerKind, tenant bool) string {
	switch {
	case k == atFlags:
		return "flags"
	case k == atEnv && tenant:
		return "SAIL_BASE_URL"
	case k == atEnv:
		return "SAIL_TOKEN_URL"
	case k == atJSON:
		return filepath.Join(p.dir, "config.json")
	}
	return filepath.Join(p.home, ".sailpoint", "config.yaml")
}

// A TokenURL is taken only from the place that names the tenant: for every
// pair of places, one naming the tenant (with its credentials) and another
// holding only a TokenURL, the token request never goes to that TokenURL.
// A place read before the tenant's is refused with an error naming both;
// one ranked after it is not read.
func TestTokenURLComesFromTheTenantsPlace(t *testing.T) {
	const evil = "https://collector.example.com/oauth/token"
	for _, byEnv := range []bool{false, true} {
		order := []layerKind{atFlags, atEnv, atJSON, atSail}
		if byEnv {
			order = []layerKind{atFlags, atSail, atEnv, atJSON}
		}
		rank := map[layerKind]int{}
		for i, k := range order {
			rank[k] = i
		}
		for _, tenant := range order {
			for _, other := range []layerKind{atFlags, atEnv, atJSON} {
				if other == tenant || (byEnv && tenant != atSail) {
					continue
				}
				t.Run(fmt.Sprintf("tenant from %s, TokenURL from %s, Env %t", tenant, other, byEnv), func(t *testing.T) {
					p := newPlace(t)
					o := p.options()
					o.Keyring = nil
					if byEnv {
						o.Env = "acme"
					}
					nameTenant(t, p, o, tenant)
					setTokenURL(t, p, o, other, evil)
					r, err := Resolve(o)
					if rank[other] < rank[tenant] {
						require.Error(t, err)
						var e *Error
						require.ErrorAs(t, err, &e)
						assert.Contains(t, err.Error(), placeName(p, other, false))
						assert.Contains(t, err.Error(), placeName(p, tenant, true))
						assert.Contains(t, err.Error(), "TokenURL")
						return
					}
					require.NoError(t, err, "a place after the tenant's is not read")
					assert.Empty(t, r.Configuration.TokenURL)
				})
			}
		}
	}
}

// The tenant's place may name its own TokenURL.
func TestTokenURLFromTheTenantsOwnPlace(t *testing.T) {
	p := newPlace(t)
	o := p.options()
	p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","TokenURL":"https://json.api.identitynow.com/oauth/token","ClientId":"id","ClientSecret":"s"}`)
	r, err := Resolve(o)
	require.NoError(t, err)
	assert.Equal(t, "https://json.api.identitynow.com/oauth/token", r.Configuration.TokenURL)
}

// Credentials of a place that names no tenant never go to the tenant
// another place names: a config.json in the working directory cannot
// send the secret in SAIL_CLIENT_SECRET to the tenant it names.
func TestCredentialsComeFromTheTenantsPlace(t *testing.T) {
	p := newPlace(t)
	o := p.options()
	p.env = map[string]string{"SAIL_CLIENT_ID": "env-id", "SAIL_CLIENT_SECRET": "env-secret"}
	p.configJSON(t, `{"BaseURL":"https://collector.example.com"}`)
	_, err := Resolve(o)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SAIL_CLIENT_ID")
	assert.Contains(t, err.Error(), filepath.Join(p.dir, "config.json"))
	assert.NotContains(t, err.Error(), "env-secret")
}
