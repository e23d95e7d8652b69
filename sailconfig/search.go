package sailconfig

import (
	"errors"
	"sort"
	"strings"

	"github.com/iscgo/certifications"
)

// layer is what one place holds.
type layer struct {
	// name says where, for messages: "flags", a file path, ...
	name string
	// values maps settings (BaseURL, ClientID, ...) to what the place sets.
	values map[string]string
	// names, when set, names a setting's source more precisely than name
	// (the environment variable).
	names map[string]string
	// note says what was found there, for the list of places looked at.
	note string
	// quiet leaves the place out of that list when it set nothing.
	quiet bool
	// list names the settings found there in that list.
	list bool
	// env is the sail environment the place describes: its credentials
	// may come from the keyring.
	env string
}

// search collects settings layer by layer, down to the first layer that
// names a tenant.
type search struct {
	values  map[string]string
	sources map[string]string
	looked  []string
	base    *layer
	visited []*layer
}

func (s *search) set(key, value, source string) {
	if s.values == nil {
		s.values, s.sources = map[string]string{}, map[string]string{}
	}
	s.values[key], s.sources[key] = value, source
}

func (s *search) get(key string) string { return s.values[key] }

// visit takes from l every setting no layer above it set.
func (s *search) visit(l *layer) {
	s.visited = append(s.visited, l)
	var found []string
	for key, v := range l.values {
		if v == "" {
			continue
		}
		src := l.name
		if n := l.names[key]; n != "" {
			src = n
		}
		found = append(found, src)
		if s.get(key) == "" {
			s.set(key, v, src)
		}
	}
	switch {
	case l.note != "":
		s.looked = append(s.looked, l.name+" ("+l.note+")")
	case len(found) > 0 && l.list:
		sort.Strings(found)
		s.looked = append(s.looked, l.name+" ("+strings.Join(found, ", ")+")")
	case len(found) > 0 || !l.quiet:
		s.looked = append(s.looked, l.name)
	}
	if l.values["BaseURL"] != "" {
		s.base = l
	}
}

// source names where l got a setting: its environment variable, or l.
func (l *layer) source(key string) string {
	if n := l.names[key]; n != "" {
		return n
	}
	return l.name
}

// tenantKeys are the settings that say where the secret goes, and what it
// is: they come from the place that names the tenant, all of them.
var tenantKeys = []string{"TokenURL", "ClientID", "ClientSecret", "AccessToken"}

// oneSource refuses a tenant setting of a place other than the tenant's:
// combined, a place that names no tenant would decide where the secret
// goes (a config.json holding only a TokenURL), or which secret goes to a
// tenant it names. A setting the tenant's place sets to the same value
// (sail reads SAIL_CLIENT_ID and SAIL_CLIENT_SECRET, as the environment
// layer does) is the tenant's own.
func (s *search) oneSource() error {
	for _, l := range s.visited {
		if l == s.base {
			continue
		}
		for _, key := range tenantKeys {
			v := l.values[key]
			if v == "" || s.base.values[key] == v {
				continue
			}
			return &Error{
				Problem: key + " from " + l.source(key) + " would go with the tenant named by " + s.base.source("BaseURL") + "; the tenant's URLs and credentials must come from the one place that names it",
				Looked:  s.looked,
				Fix:     "set " + key + " in " + s.base.name + " or remove it from " + l.name + ", or name the tenant there too",
			}
		}
	}
	return nil
}

func (s *search) hasCredentials() bool {
	return s.get("AccessToken") != "" || (s.get("ClientID") != "" && s.get("ClientSecret") != "")
}

// Keyring services under which sail keeps a personal access token, with
// the environment's name as the user.
const (
	KeyringClientID     = "environments.pat.clientid"
	KeyringClientSecret = "environments.pat.clientsecret"
)

// fromKeyring reads the client id and secret that are still missing from
// the keyring entries of sail environment env.
func (s *search) fromKeyring(kr Keyring, env string) {
	for _, k := range []struct{ key, service string }{{"ClientID", KeyringClientID}, {"ClientSecret", KeyringClientSecret}} {
		if s.get(k.key) != "" {
			continue
		}
		where := "OS keyring (" + k.service + ", " + env + ")"
		v, err := kr.Get(k.service, env)
		switch {
		case errors.Is(err, ErrNotFound) || (err == nil && v == ""):
			s.looked = append(s.looked, where+": not found")
		case err != nil:
			s.looked = append(s.looked, where+": unavailable: "+oneLine(err.Error()))
		default:
			s.set(k.key, v, where)
		}
	}
}

// resolve builds and validates the configuration.
func (s *search) resolve() (*Resolved, error) {
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = s.get("BaseURL")
	cfg.TokenURL = s.get("TokenURL")
	cfg.ClientID = s.get("ClientID")
	cfg.ClientSecret = s.get("ClientSecret")
	cfg.AccessToken = s.get("AccessToken")
	cfg.APIVersion = certifications.APIVersion(s.get("APIVersion"))
	if err := cfg.Validate(); err != nil {
		var ve *certifications.ValidationError
		if errors.As(err, &ve) {
			from := s.sources[ve.Parameter]
			if from == "" {
				from = "the settings found"
			}
			return nil, &Error{Problem: "invalid " + ve.Parameter + " from " + from + ": " + ve.Problem, Looked: s.looked, Fix: "set " + ve.Allowed, Err: err}
		}
		return nil, &Error{Problem: oneLine(err.Error()), Looked: s.looked, Err: err}
	}
	r := &Resolved{Configuration: cfg, Sources: s.sources}
	if s.base != nil {
		r.Environment = s.base.env
	}
	return r, nil
}

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
