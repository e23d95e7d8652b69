// Package sailconfig finds the tenant settings that SailPoint users already
// have and turns them into a *certifications.Configuration.
//
// Load looks in this order and takes the tenant's base URL from the first
// place that names one:
//
//  1. the values set in Options (a program's command-line flags);
//  2. the SAIL_* environment variables the SDK and SailPoint's tools read
//     (SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET, SAIL_TOKEN_URL,
//     SAIL_ACCESS_TOKEN, SAIL_API_VERSION);
//  3. config.json in the working directory, in the format of SailPoint's
//     official SDKs ({"ClientId": ..., "ClientSecret": ..., "BaseURL": ...});
//  4. ~/.sailpoint/config.yaml of the sail command-line tool: the
//     environment named by activeenvironment (or Options.Env), its baseurl,
//     and the personal access token that sail keeps in the OS keyring
//     (services environments.pat.clientid and environments.pat.clientsecret,
//     with the environment's name as the user), unless SAIL_CLIENT_ID and
//     SAIL_CLIENT_SECRET are set.
//
// The tenant's URLs and credentials (TokenURL, ClientID, ClientSecret,
// AccessToken) come from the one place that names the tenant, never from
// two: a place read before it that sets one of them is refused with an
// *Error naming both places, and the places after it are not read. So a
// config.json left in the working directory can neither send a secret
// from the environment to a tenant it names nor redirect the token
// request of the tenant sail names. The sail environment's credentials
// are SAIL_CLIENT_ID and SAIL_CLIENT_SECRET, or the keyring's, as sail
// itself reads them.
// Options.Env chooses a sail environment explicitly; it then ranks right
// after the other Options, above SAIL_BASE_URL and config.json.
//
// Every failure is an *Error whose one-line message says what was looked
// at and what to set.
package sailconfig

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/iscgo/certifications"
)

// Options says where Load looks. The zero value (or nil) looks where
// SailPoint's tools keep their settings.
type Options struct {
	// Env names the sail environment to use instead of activeenvironment.
	// When set, that environment ranks above SAIL_BASE_URL and config.json.
	Env string

	// BaseURL, TokenURL, ClientID, ClientSecret, AccessToken and
	// APIVersion, when set, take precedence over everything else, as
	// command-line flags do.
	BaseURL      string
	TokenURL     string
	ClientID     string
	ClientSecret string
	AccessToken  string
	APIVersion   certifications.APIVersion

	// Dir is the directory searched for config.json (default: the working
	// directory).
	Dir string
	// Home is the directory holding .sailpoint/config.yaml (default: the
	// user's home directory).
	Home string
	// Getenv reads environment variables (default os.Getenv).
	Getenv func(string) string
	// Keyring reads the secrets sail stores (default OSKeyring()).
	Keyring Keyring
}

// Resolved is a configuration and where each of its settings came from.
type Resolved struct {
	// Configuration is certifications.NewConfiguration() with the settings
	// found, validated.
	Configuration *certifications.Configuration
	// Sources maps each setting that was found (BaseURL, TokenURL,
	// ClientID, ClientSecret, AccessToken, APIVersion) to the place it came
	// from, e.g. "SAIL_BASE_URL" or "OS keyring (environments.pat.clientid,
	// acme)". It never holds a value.
	Sources map[string]string
	// Environment is the sail environment used, or "".
	Environment string
}

// Load returns the configuration found in the places described in the
// package documentation. opts may be nil. The result is validated: an
// invalid or missing setting is an *Error.
func Load(opts *Options) (*certifications.Configuration, error) {
	r, err := Resolve(opts)
	if err != nil {
		return nil, err
	}
	return r.Configuration, nil
}

// Resolve is Load that also reports where each setting came from, for a
// program to show (it never shows a secret).
func Resolve(opts *Options) (*Resolved, error) {
	o := withDefaults(opts)
	var s search
	for _, next := range o.layers() {
		l, err := next()
		if err != nil {
			return nil, err
		}
		if l == nil {
			continue
		}
		s.visit(l)
		if s.base != nil {
			break
		}
	}
	if s.base == nil {
		return nil, &Error{Problem: "no tenant configured", Looked: s.looked, Fix: "set " + certifications.EnvBaseURL + " with " +
			certifications.EnvClientID + " and " + certifications.EnvClientSecret + " (or " + certifications.EnvAccessToken +
			"), write config.json, or create a sail environment (sail environment create)"}
	}
	if err := s.oneSource(); err != nil {
		return nil, err
	}
	if s.base.env != "" && !s.hasCredentials() {
		s.fromKeyring(o.Keyring, s.base.env)
	}
	if !s.hasCredentials() {
		fix := "set " + certifications.EnvClientID + " and " + certifications.EnvClientSecret + " (a personal access token) or " + certifications.EnvAccessToken
		if s.base.env != "" {
			fix += ", or store a personal access token for environment " + s.base.env + " with the sail tool"
		}
		return nil, &Error{Problem: "no credentials for " + s.get("BaseURL") + " (from " + s.sources["BaseURL"] + ")", Looked: s.looked, Fix: fix}
	}
	// The API version is no tenant secret: the flags and the environment
	// choose it wherever the tenant came from.
	if o.APIVersion != "" {
		s.set("APIVersion", string(o.APIVersion), "flags")
	} else if v := strings.TrimSpace(o.Getenv(certifications.EnvAPIVersion)); v != "" {
		s.set("APIVersion", v, certifications.EnvAPIVersion)
	}
	return s.resolve()
}

// withDefaults copies opts and fills in the defaults.
func withDefaults(opts *Options) Options {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Keyring == nil {
		o.Keyring = OSKeyring()
	}
	if o.Dir == "" {
		o.Dir = "."
	}
	if o.Home == "" {
		o.Home, _ = os.UserHomeDir() // "" skips the sail layer
	}
	return o
}

// layers returns the places to look, in order, each read only when the
// ones before it named no tenant.
func (o Options) layers() []func() (*layer, error) {
	flags := func() (*layer, error) { return o.flagLayer(), nil }
	env := func() (*layer, error) { return o.envLayer(), nil }
	file := func() (*layer, error) { return readConfigJSON(filepath.Join(o.Dir, "config.json")) }
	sail := func() (*layer, error) { return o.sailLayer() }
	if o.Env != "" {
		return []func() (*layer, error){flags, sail, env, file}
	}
	return []func() (*layer, error){flags, env, file, sail}
}

// flagLayer holds the values set in Options.
func (o Options) flagLayer() *layer {
	return &layer{name: "flags", values: map[string]string{
		"BaseURL": o.BaseURL, "TokenURL": o.TokenURL, "ClientID": o.ClientID, "ClientSecret": o.ClientSecret, "AccessToken": o.AccessToken,
	}, quiet: true}
}

// envLayer holds the SAIL_* variables.
func (o Options) envLayer() *layer {
	l := &layer{name: "SAIL_* environment", values: map[string]string{}, names: map[string]string{}, list: true}
	for key, env := range envNames {
		if v := strings.TrimSpace(o.Getenv(env)); v != "" {
			l.values[key] = v
			l.names[key] = env
		}
	}
	if len(l.values) == 0 {
		l.note = "unset"
	}
	return l
}

// envNames maps each setting to its environment variable.
var envNames = map[string]string{
	"BaseURL":      certifications.EnvBaseURL,
	"TokenURL":     certifications.EnvTokenURL,
	"ClientID":     certifications.EnvClientID,
	"ClientSecret": certifications.EnvClientSecret,
	"AccessToken":  certifications.EnvAccessToken,
}
