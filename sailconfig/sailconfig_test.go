package sailconfig

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"
)

// place is a temporary working directory and home directory with the
// files a test writes there.
type place struct {
	dir, home string
	env       map[string]string
}

func newPlace(t *testing.T) *place {
	t.Helper()
	keyring.MockInit() // an in-memory provider behind OSKeyring, empty
	return &place{dir: t.TempDir(), home: t.TempDir(), env: map[string]string{}}
}

func (p *place) configJSON(t *testing.T, body string) {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(p.dir, "config.json"), []byte(body), 0o600))
}

func (p *place) sailYAML(t *testing.T, body string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Join(p.home, ".sailpoint"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(p.home, ".sailpoint", "config.yaml"), []byte(body), 0o600))
}

// options returns Options that look only at the place.
func (p *place) options() *Options {
	return &Options{Dir: p.dir, Home: p.home, Getenv: func(k string) string { return p.env[k] }}
}

const twoTenants = `activeenvironment: acme
authtype: pat
environments:
  acme:
    baseurl: https://acme.api.identitynow.com
    tenanturl: https://acme.identitynow.com
  prod:
    baseurl: https://prod.api.identitynow.com
    tenanturl: https://prod.identitynow.com
`

func storeSailSecrets(t *testing.T, env, id, secret string) {
	t.Helper()
	require.NoError(t, keyring.Set(KeyringClientID, env, id))
	require.NoError(t, keyring.Set(KeyringClientSecret, env, secret))
}

func TestPrecedence(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, p *place, o *Options)
		want  map[string]string // BaseURL, ClientID, ClientSecret, AccessToken
		from  map[string]string // setting -> source (substring)
		env   string
	}{
		{
			name: "flags beat the environment",
			setup: func(t *testing.T, p *place, o *Options) {
				p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com", "SAIL_CLIENT_ID": "env-id", "SAIL_CLIENT_SECRET": "env-secret"}
				o.BaseURL, o.ClientID, o.ClientSecret = "https://flag.api.identitynow.com", "flag-id", "flag-secret"
			},
			want: map[string]string{"BaseURL": "https://flag.api.identitynow.com", "ClientID": "flag-id", "ClientSecret": "flag-secret"},
			from: map[string]string{"BaseURL": "flags", "ClientSecret": "flags"},
		},
		{
			name: "the environment beats config.json and sail",
			setup: func(t *testing.T, p *place, o *Options) {
				p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com", "SAIL_CLIENT_ID": "env-id", "SAIL_CLIENT_SECRET": "env-secret"}
				p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","ClientId":"json-id","ClientSecret":"json-secret"}`)
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "acme", "ring-id", "ring-secret")
			},
			want: map[string]string{"BaseURL": "https://env.api.identitynow.com", "ClientID": "env-id", "ClientSecret": "env-secret"},
			from: map[string]string{"BaseURL": "SAIL_BASE_URL", "ClientID": "SAIL_CLIENT_ID", "ClientSecret": "SAIL_CLIENT_SECRET"},
		},
		{
			name: "config.json beats sail",
			setup: func(t *testing.T, p *place, o *Options) {
				p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","ClientId":"json-id","ClientSecret":"json-secret"}`)
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "acme", "ring-id", "ring-secret")
			},
			want: map[string]string{"BaseURL": "https://json.api.identitynow.com", "ClientID": "json-id", "ClientSecret": "json-secret"},
			from: map[string]string{"BaseURL": "config.json", "ClientSecret": "config.json"},
		},
		{
			name: "config.json field names match in any case",
			setup: func(t *testing.T, p *place, o *Options) {
				p.configJSON(t, `{"baseUrl":"https://json.api.identitynow.com","clientId":"json-id","clientSecret":"json-secret"}`)
			},
			want: map[string]string{"BaseURL": "https://json.api.identitynow.com", "ClientID": "json-id", "ClientSecret": "json-secret"},
		},
		{
			name: "sail: active environment, secrets from the keyring",
			setup: func(t *testing.T, p *place, o *Options) {
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "acme", "ring-id", "ring-secret")
				storeSailSecrets(t, "prod", "prod-id", "prod-secret")
			},
			want: map[string]string{"BaseURL": "https://acme.api.identitynow.com", "ClientID": "ring-id", "ClientSecret": "ring-secret"},
			from: map[string]string{"BaseURL": "environment acme", "ClientID": "OS keyring (environments.pat.clientid, acme)", "ClientSecret": "OS keyring (environments.pat.clientsecret, acme)"},
			env:  "acme",
		},
		{
			name: "sail: SAIL_CLIENT_ID and SAIL_CLIENT_SECRET beat the keyring",
			setup: func(t *testing.T, p *place, o *Options) {
				p.env = map[string]string{"SAIL_CLIENT_ID": "env-id", "SAIL_CLIENT_SECRET": "env-secret"}
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "acme", "ring-id", "ring-secret")
			},
			want: map[string]string{"BaseURL": "https://acme.api.identitynow.com", "ClientID": "env-id", "ClientSecret": "env-secret"},
			from: map[string]string{"ClientSecret": "SAIL_CLIENT_SECRET"},
			env:  "acme",
		},
		{
			name: "sail: the keyring fills in only what the environment lacks",
			setup: func(t *testing.T, p *place, o *Options) {
				p.env = map[string]string{"SAIL_CLIENT_ID": "env-id"}
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "acme", "ring-id", "ring-secret")
			},
			want: map[string]string{"BaseURL": "https://acme.api.identitynow.com", "ClientID": "env-id", "ClientSecret": "ring-secret"},
			env:  "acme",
		},
		{
			name: "Env beats SAIL_BASE_URL and config.json",
			setup: func(t *testing.T, p *place, o *Options) {
				o.Env = "prod"
				p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com"}
				p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","ClientId":"json-id","ClientSecret":"json-secret"}`)
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "prod", "prod-id", "prod-secret")
			},
			want: map[string]string{"BaseURL": "https://prod.api.identitynow.com", "ClientID": "prod-id", "ClientSecret": "prod-secret"},
			env:  "prod",
		},
		{
			name: "Env matches the sail tool's lower-cased keys",
			setup: func(t *testing.T, p *place, o *Options) {
				o.Env = "PROD"
				p.sailYAML(t, twoTenants)
				storeSailSecrets(t, "PROD", "prod-id", "prod-secret")
			},
			want: map[string]string{"BaseURL": "https://prod.api.identitynow.com", "ClientID": "prod-id"},
			env:  "PROD",
		},
		{
			name: "an access token alone is enough",
			setup: func(t *testing.T, p *place, o *Options) {
				p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com", "SAIL_ACCESS_TOKEN": "tok"}
			},
			want: map[string]string{"BaseURL": "https://env.api.identitynow.com", "AccessToken": "tok"},
			from: map[string]string{"AccessToken": "SAIL_ACCESS_TOKEN"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPlace(t)
			o := p.options()
			o.Keyring = nil // the OS keyring, mocked by newPlace
			tt.setup(t, p, o)
			r, err := Resolve(o)
			require.NoError(t, err)
			cfg := r.Configuration
			got := map[string]string{"BaseURL": cfg.BaseURL, "ClientID": cfg.ClientID, "ClientSecret": cfg.ClientSecret, "AccessToken": cfg.AccessToken}
			for k, v := range tt.want {
				assert.Equal(t, v, got[k], k)
			}
			for k, v := range tt.from {
				assert.Contains(t, r.Sources[k], v, "source of %s", k)
			}
			assert.Equal(t, tt.env, r.Environment)
			assert.Equal(t, certifications.DefaultMaxRetries, cfg.MaxRetries, "starts from NewConfiguration")
		})
	}
}

// countingKeyring records the look-ups and answers from a map.
type countingKeyring struct {
	secrets map[string]string
	calls   []string
	err     error
}

func (k *countingKeyring) Get(service, user string) (string, error) {
	k.calls = append(k.calls, service+"/"+user)
	if k.err != nil {
		return "", k.err
	}
	v, ok := k.secrets[service+"/"+user]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

func TestKeyringReadOnlyWhenNeeded(t *testing.T) {
	p := newPlace(t)
	p.sailYAML(t, twoTenants)
	p.env = map[string]string{"SAIL_CLIENT_ID": "env-id", "SAIL_CLIENT_SECRET": "env-secret"}
	kr := &countingKeyring{}
	o := p.options()
	o.Keyring = kr
	_, err := Load(o)
	require.NoError(t, err)
	assert.Empty(t, kr.calls, "credentials from the environment need no keyring")

	p.env = nil
	p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","ClientId":"json-id","ClientSecret":"json-secret"}`)
	_, err = Load(o)
	require.NoError(t, err)
	assert.Empty(t, kr.calls, "a tenant from config.json needs no keyring")
}

func TestAPIVersion(t *testing.T) {
	p := newPlace(t)
	p.configJSON(t, `{"BaseURL":"https://json.api.identitynow.com","ClientId":"id","ClientSecret":"secret"}`)
	p.env = map[string]string{"SAIL_API_VERSION": "v1"}
	r, err := Resolve(p.options())
	require.NoError(t, err)
	assert.Equal(t, certifications.APIVersionV1, r.Configuration.APIVersion, "the environment chooses the API version wherever the tenant came from")
	assert.Equal(t, "SAIL_API_VERSION", r.Sources["APIVersion"])

	o := p.options()
	o.APIVersion = certifications.APIVersionV3
	r, err = Resolve(o)
	require.NoError(t, err)
	assert.Equal(t, certifications.APIVersionV3, r.Configuration.APIVersion, "a flag beats SAIL_API_VERSION")

	p.env["SAIL_API_VERSION"] = "v2"
	_, err = Load(p.options())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "invalid APIVersion from SAIL_API_VERSION")
}

func TestErrors(t *testing.T) {
	const secret = "do-not-print-me"
	tests := []struct {
		name  string
		setup func(t *testing.T, p *place, o *Options)
		want  []string
	}{
		{
			name:  "nothing configured",
			setup: func(t *testing.T, p *place, o *Options) {},
			want:  []string{"sailconfig: no tenant configured", "SAIL_* environment (unset)", "config.json (not found)", ".sailpoint/config.yaml (not found)", "set SAIL_BASE_URL"},
		},
		{
			name: "base URL without credentials",
			setup: func(t *testing.T, p *place, o *Options) {
				p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com"}
				p.configJSON(t, `{"ClientId":"json-id","ClientSecret":"`+secret+`"}`)
			},
			want: []string{"no credentials for https://env.api.identitynow.com (from SAIL_BASE_URL)", "SAIL_CLIENT_ID and SAIL_CLIENT_SECRET"},
		},
		{
			name: "config.json that is not JSON",
			setup: func(t *testing.T, p *place, o *Options) {
				p.configJSON(t, "{\n  \"BaseURL\": \"x\",\n  \"ClientSecret\": \""+secret+"\"\n  oops\n}")
			},
			want: []string{"config.json is not valid JSON: line 4", "or remove it"},
		},
		{
			name: "config.json with a bad base URL",
			setup: func(t *testing.T, p *place, o *Options) {
				p.configJSON(t, `{"BaseURL":"acme.api.identitynow.com","ClientId":"id","ClientSecret":"`+secret+`"}`)
			},
			want: []string{"invalid BaseURL from " + "", "config.json", "is not an absolute http(s) URL"},
		},
		{
			name:  "sail file that is not YAML",
			setup: func(t *testing.T, p *place, o *Options) { p.sailYAML(t, "environments: [\n") },
			want:  []string{"config.yaml is not valid YAML", "sail environment update"},
		},
		{
			name: "active environment missing",
			setup: func(t *testing.T, p *place, o *Options) {
				p.sailYAML(t, "activeenvironment: gone\nenvironments:\n  acme:\n    baseurl: https://acme.api.identitynow.com\n")
			},
			want: []string{"activeenvironment gone", "is not among its environments (it has acme)"},
		},
		{
			name:  "Env asked for without a sail file",
			setup: func(t *testing.T, p *place, o *Options) { o.Env = "prod" },
			want:  []string{"sail environment prod asked for", "does not exist", "sail environment create prod"},
		},
		{
			name: "Env asked for without a baseurl",
			setup: func(t *testing.T, p *place, o *Options) {
				o.Env = "bare"
				p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com", "SAIL_ACCESS_TOKEN": "tok"}
				p.sailYAML(t, "environments:\n  bare:\n    tenanturl: https://bare.identitynow.com\n")
			},
			want: []string{"sail environment bare in", "has no baseurl", "sail environment update bare"},
		},
		{
			name: "sail environment without secrets anywhere",
			setup: func(t *testing.T, p *place, o *Options) {
				p.sailYAML(t, twoTenants)
			},
			want: []string{"no credentials for https://acme.api.identitynow.com", "OS keyring (environments.pat.clientid, acme): not found", "OS keyring (environments.pat.clientsecret, acme): not found"},
		},
		{
			name: "keyring unavailable",
			setup: func(t *testing.T, p *place, o *Options) {
				p.sailYAML(t, twoTenants)
				keyring.MockInitWithError(errors.New("no secret service on the session bus\nsecond line"))
			},
			want: []string{"OS keyring (environments.pat.clientid, acme): unavailable: no secret service on the session bus"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPlace(t)
			o := p.options()
			o.Keyring = nil
			tt.setup(t, p, o)
			cfg, err := Load(o)
			require.Error(t, err)
			assert.Nil(t, cfg)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			msg := err.Error()
			t.Log(msg)
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
			assert.NotContains(t, msg, "\n", "one line")
			assert.NotContains(t, msg, secret)
			assert.Equal(t, 1, strings.Count(msg, "sailconfig: "), "one prefix: %s", msg)
			assert.NotContains(t, msg, "certifications: ", "no second prefix")
		})
	}
}

func TestIrrelevantFilesAreNotRead(t *testing.T) {
	p := newPlace(t)
	p.env = map[string]string{"SAIL_BASE_URL": "https://env.api.identitynow.com", "SAIL_CLIENT_ID": "id", "SAIL_CLIENT_SECRET": "secret"}
	p.configJSON(t, "not json")
	p.sailYAML(t, "not: [yaml")
	_, err := Load(p.options())
	assert.NoError(t, err, "files below the layer that named the tenant do not matter")
}

func TestValidationErrorKept(t *testing.T) {
	p := newPlace(t)
	p.env = map[string]string{"SAIL_BASE_URL": "http://tenant.example.com", "SAIL_CLIENT_ID": "id", "SAIL_CLIENT_SECRET": "secret"}
	_, err := Load(p.options())
	var ve *certifications.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "BaseURL", ve.Parameter)
	assert.Contains(t, err.Error(), "invalid BaseURL from SAIL_BASE_URL: uses http:// to tenant.example.com")
}

// With no Home and no Keyring in Options, Load reads the sail file under
// $HOME and the secrets from the OS keyring (mocked here).
func TestDefaultsReadHomeAndOSKeyring(t *testing.T) {
	p := newPlace(t)
	t.Setenv("HOME", p.home)
	t.Setenv("USERPROFILE", p.home) // os.UserHomeDir on Windows
	p.sailYAML(t, twoTenants)
	storeSailSecrets(t, "acme", "ring-id", "ring-secret")
	r, err := Resolve(&Options{Dir: p.dir, Getenv: func(string) string { return "" }})
	require.NoError(t, err)
	assert.Equal(t, "https://acme.api.identitynow.com", r.Configuration.BaseURL)
	assert.Equal(t, "ring-secret", r.Configuration.ClientSecret)
	assert.Equal(t, "acme", r.Environment)
	for _, src := range r.Sources {
		assert.NotContains(t, src, "ring-secret", "sources never hold a value")
	}
}
