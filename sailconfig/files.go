package sailconfig

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/iscgo/certifications"
	"go.yaml.in/yaml/v3"
)

// maxFileSize bounds the configuration files read: both are a few hundred
// bytes, and a huge file there is a mistake, not a configuration.
const maxFileSize = 1 << 20

// readSmallFile reads path; a missing file gives (nil, nil).
func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", maxFileSize)
	}
	return data, nil
}

// sdkFile is config.json as SailPoint's official SDKs read it. Field
// names match case-insensitively, so "clientId" works too.
type sdkFile struct {
	ClientID     string `json:"ClientId"`
	ClientSecret string `json:"ClientSecret"`
	BaseURL      string `json:"BaseURL"`
	TokenURL     string `json:"TokenURL"`
}

// readConfigJSON reads an SDK config.json; a missing file is a layer that
// sets nothing.
func readConfigJSON(path string) (*layer, error) {
	data, err := readSmallFile(path)
	if err != nil {
		return nil, &Error{Problem: "cannot read " + path + ": " + oneLine(err.Error()), Fix: "fix or remove the file", Err: err}
	}
	if data == nil {
		return &layer{name: path, note: "not found"}, nil
	}
	var f sdkFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, &Error{Problem: path + " is not valid JSON: " + jsonProblem(data, err),
			Fix: `write it as {"BaseURL": "https://TENANT.api.identitynow.com", "ClientId": "...", "ClientSecret": "..."} or remove it`, Err: err}
	}
	l := &layer{name: path, values: map[string]string{
		"BaseURL": strings.TrimSpace(f.BaseURL), "TokenURL": strings.TrimSpace(f.TokenURL),
		"ClientID": strings.TrimSpace(f.ClientID), "ClientSecret": strings.TrimSpace(f.ClientSecret),
	}}
	if l.values["BaseURL"] == "" {
		l.note = "no BaseURL"
	}
	return l, nil
}

// jsonProblem describes a JSON error with the line it is on.
func jsonProblem(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return err.Error()
	}
	line := 1 + strings.Count(string(data[:min(int(off), len(data))]), "\n")
	return fmt.Sprintf("line %d: %v", line, err)
}

// sailFile is the part of the sail tool's config.yaml that names tenants.
type sailFile struct {
	ActiveEnvironment string                     `yaml:"activeenvironment"`
	AuthType          string                     `yaml:"authtype"`
	Environments      map[string]sailEnvironment `yaml:"environments"`
}

type sailEnvironment struct {
	BaseURL   string `yaml:"baseurl"`
	TenantURL string `yaml:"tenanturl"`
}

// sailLayer reads ~/.sailpoint/config.yaml and the environment Options.Env
// or activeenvironment names.
func (o Options) sailLayer() (*layer, error) {
	if o.Home == "" {
		if o.Env != "" {
			return nil, &Error{Problem: "sail environment " + o.Env + " asked for, but there is no home directory to find .sailpoint/config.yaml in", Fix: "set HOME"}
		}
		return &layer{name: "~/.sailpoint/config.yaml", note: "no home directory"}, nil
	}
	path := filepath.Join(o.Home, ".sailpoint", "config.yaml")
	data, err := readSmallFile(path)
	if err != nil {
		return nil, &Error{Problem: "cannot read " + path + ": " + oneLine(err.Error()), Fix: "fix the file (sail environment update) or remove it", Err: err}
	}
	if data == nil {
		if o.Env != "" {
			return nil, &Error{Problem: "sail environment " + o.Env + " asked for, but " + path + " does not exist", Fix: "create it with sail environment create " + o.Env}
		}
		return &layer{name: path, note: "not found"}, nil
	}
	var f sailFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, &Error{Problem: path + " is not valid YAML: " + oneLine(err.Error()), Fix: "fix the file (sail environment update) or remove it", Err: err}
	}
	name, env, ok := f.environment(o.Env)
	switch {
	case name == "":
		return &layer{name: path, note: "no activeenvironment"}, nil
	case !ok:
		problem := "sail environment " + name + " is not in " + path
		if o.Env == "" {
			problem = "activeenvironment " + name + " of " + path + " is not among its environments"
		}
		return nil, &Error{Problem: problem + " (it has " + f.names() + ")", Fix: "choose one with sail environment use NAME, or create it with sail environment create " + name}
	}
	where := path + " (environment " + name + ")"
	l := &layer{name: where, env: name, values: map[string]string{"BaseURL": strings.TrimSpace(env.BaseURL)}, names: map[string]string{}}
	if l.values["BaseURL"] == "" {
		if o.Env != "" {
			return nil, &Error{Problem: "sail environment " + name + " in " + path + " has no baseurl", Fix: "set it with sail environment update " + name}
		}
		l.note = "no baseurl"
		return l, nil
	}
	// sail itself reads the client id and secret from the environment
	// first and from the keyring second.
	for key, envName := range map[string]string{"ClientID": certifications.EnvClientID, "ClientSecret": certifications.EnvClientSecret} {
		if v := strings.TrimSpace(o.Getenv(envName)); v != "" {
			l.values[key], l.names[key] = v, envName
		}
	}
	l.names["BaseURL"] = where
	return l, nil
}

// environment finds the environment named want (or the active one),
// ignoring case as the sail tool writes its keys in lower case.
func (f sailFile) environment(want string) (name string, env sailEnvironment, ok bool) {
	name = strings.TrimSpace(want)
	if name == "" {
		name = strings.TrimSpace(f.ActiveEnvironment)
	}
	if name == "" {
		return "", env, false
	}
	if env, ok = f.Environments[name]; ok {
		return name, env, true
	}
	for k, e := range f.Environments {
		if strings.EqualFold(k, name) {
			return name, e, true
		}
	}
	return name, env, false
}

func (f sailFile) names() string {
	if len(f.Environments) == 0 {
		return "none"
	}
	var ns []string
	for k := range f.Environments {
		ns = append(ns, k)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}
