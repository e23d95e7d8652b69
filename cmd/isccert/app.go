package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/redislimit"
	"github.com/iscgo/certifications/sailconfig"
	"github.com/spf13/cobra"
)

// env is what the tool gets from its process: streams, environment,
// whether stderr is a terminal (progress bars are drawn only then), the
// width of stdout when it is a terminal, and the clock.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	tty    bool
	// width is the number of columns of stdout when it is a terminal, 0
	// when it is not: tables are fitted to it, piped output stays whole.
	width int
	// now reads the clock (time.Now when nil); progress bars use it to
	// appear only on work that lasts.
	now func() time.Time
}

// app is one run of the tool: the global flags and the client they lead to.
type app struct {
	env
	ctx context.Context

	format     string // -o
	tenantEnv  string // --env
	sandbox    bool   // --sandbox
	apiVersion string // --api
	verbose    bool   // -v
	redisURL   string // --redis

	limiter io.Closer // the budget shared through Redis, closed at the end

	started bool // a command's own code began to run: its errors are failures unless they say otherwise
	client  *certifications.APIClient
	srv     *certtest.Server // the --sandbox tenant
}

// commands lists the constructors of the top-level commands; each command
// file adds its own in init.
var commands []func(*app) *cobra.Command

func register(c func(*app) *cobra.Command) { commands = append(commands, c) }

// run executes one command line and returns the exit status.
func run(ctx context.Context, e env, args []string) int {
	a := &app{env: e, ctx: ctx}
	defer a.close()
	root := a.root()
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	cmd, err := root.ExecuteC()
	return a.exit(cmd, err)
}

const (
	formatTable = "table"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

func (a *app) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "isccert",
		Short: "Certification reviews of SailPoint Identity Security Cloud from the shell",
		Long: `isccert runs certification reviews from the shell: export a certification's
review items to a spreadsheet, fill in the decisions, apply them, check the
summary and sign off.

Configuration, first found wins: flags; SAIL_BASE_URL, SAIL_CLIENT_ID,
SAIL_CLIENT_SECRET (or SAIL_ACCESS_TOKEN); ./config.json; the active
environment of the sail tool (~/.sailpoint/config.yaml and its keyring).
--sandbox runs any command against a fresh embedded sandbox tenant.`,
		Version:       certifications.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE:          needSubcommand,
		Args:          cobra.ArbitraryArgs, // needSubcommand words an unknown command, with suggestions
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			a.format = strings.ToLower(a.format)
			switch a.format {
			case "", formatTable, formatJSON, formatJSONL, formatCSV:
			default:
				return usagef("-o %s: choose table, json, jsonl or csv", a.format)
			}
			a.apiVersion = strings.ToLower(strings.TrimSpace(a.apiVersion))
			if !validAPI(a.apiVersion) {
				return usagef("--api %s: choose v3 or v1", a.apiVersion)
			}
			if v := strings.TrimSpace(a.getenv(certifications.EnvAPIVersion)); a.apiVersion == "" && v != "" {
				// The same mistake as --api v2, so the same answer, before
				// the configuration loader words it for Go programs.
				if !validAPI(strings.ToLower(v)) {
					return usagef("%s=%s: choose v3 or v1", certifications.EnvAPIVersion, v)
				}
				a.apiVersion = strings.ToLower(v)
			}
			if a.sandbox && a.tenantEnv != "" {
				return usagef("--sandbox and --env both choose a tenant: give one")
			}
			return nil
		},
	}
	root.SetVersionTemplate("isccert {{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usagef("%s", err.Error()) })
	f := root.PersistentFlags()
	f.StringVarP(&a.format, "output", "o", "", "output format: table, json, jsonl or csv (default: table; csv for items export; json for api)")
	f.StringVar(&a.tenantEnv, "env", "", "use this environment of the sail tool (~/.sailpoint/config.yaml)")
	f.BoolVar(&a.sandbox, "sandbox", false, "run against a fresh embedded sandbox tenant (nothing is kept after the command)")
	f.StringVar(&a.apiVersion, "api", "", "API generation: v3 (default) or v1 (also SAIL_API_VERSION)")
	f.BoolVarP(&a.verbose, "verbose", "v", false, "log every HTTP attempt to stderr (never a token or secret)")
	f.StringVar(&a.redisURL, "redis", "", "share the rate limit with other processes of the same client through this Redis, e.g. redis://localhost:6379/0 (also "+redislimit.EnvURL+")")
	for _, c := range commands {
		root.AddCommand(c(a))
	}
	a.markStart(root)
	return root
}

// markStart makes every command note when its own code starts: cobra
// checks arguments, required flags and flag groups before, and an error
// from those checks is a usage error.
func (a *app) markStart(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			a.started = true
			return run(cmd, args)
		}
	}
	for _, sub := range c.Commands() {
		a.markStart(sub)
	}
}

// exit prints err and returns the exit status for it.
func (a *app) exit(cmd *cobra.Command, err error) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) || !a.started || badQuery(err) {
		// cobra's own errors (unknown command, wrong arguments, missing
		// flags) come before any command code runs.
		path := "isccert"
		if cmd != nil {
			path = cmd.CommandPath()
		}
		fmt.Fprintf(a.stderr, "%s\nRun '%s --help' for usage.\n", message(err), path)
		return 2
	}
	if errors.Is(err, context.Canceled) && a.ctx.Err() != nil {
		fmt.Fprintln(a.stderr, "isccert: interrupted")
		return 1
	}
	fmt.Fprintln(a.stderr, message(err))
	return 1
}

// badQuery tells whether err is the SDK refusing --filters or --sorters
// before sending: a mistake on the command line, like any usage error.
// The tool's own filters (decide's look-ups) are always valid.
func badQuery(err error) bool {
	var se *certifications.FilterSyntaxError
	var ve *certifications.ValidationError
	return errors.As(err, &se) || errors.As(err, &ve) && (ve.Parameter == "filters" || ve.Parameter == "sorters")
}

// validAPI tells whether v names an API generation ("" for the default).
func validAPI(v string) bool {
	switch certifications.APIVersion(v) {
	case "", certifications.APIVersionV3, certifications.APIVersionV1:
		return true
	}
	return false
}

// otherPrefixes are the prefixes the SDK and the configuration loader put
// before their messages; the tool speaks with one voice, its own.
var otherPrefixes = []string{"isccert: ", "certifications: ", "sailconfig: "}

// message is err as the tool prints it: one "isccert:" prefix on each
// line, and no control character, since server text (error messages,
// detail codes) reaches it and an escape sequence would drive the
// terminal.
func message(err error) string {
	lines := strings.Split(terminalSafe(err.Error()), "\n")
	for i, l := range lines {
		lines[i] = "isccert: " + plainError(errors.New(l))
	}
	return strings.Join(lines, "\n")
}

// terminalSafe drops the control characters of s but its line breaks,
// which the caller handles. Tabs become spaces.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// usageError is a command line that cannot be run as given (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// failf returns a failure (exit status 1) in the tool's own words. Errors
// of the SDK are returned as they are: they already say what failed, and
// exit gives them the tool's prefix.
func failf(format string, args ...any) error {
	return fmt.Errorf("isccert: "+format, args...)
}

// clock returns the time now.
func (a *app) clock() time.Time {
	if a.now != nil {
		return a.now()
	}
	return time.Now()
}

// inputName is how messages call a file named on the command line: "-"
// is standard input.
func inputName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// group returns a command that only holds subcommands.
func group(use, short string, subs ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{Use: use, Short: short, RunE: needSubcommand}
	c.AddCommand(subs...)
	return c
}

// needSubcommand runs for a command given without one of its subcommands:
// it shows the help on stderr and fails as a usage error.
func needSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
		// The closest commands only: one letter off before two.
		for d := 1; d <= 2; d++ {
			cmd.SuggestionsMinimumDistance = d
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, " or ") + "?"
				break
			}
		}
		return usagef("%s", msg)
	}
	cmd.SetOut(cmd.ErrOrStderr())
	_ = cmd.Help()
	if !cmd.HasParent() {
		return usagef("no command given")
	}
	names := make([]string, 0, len(cmd.Commands()))
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
	}
	return usagef("%s needs a command: %s", cmd.Name(), strings.Join(names, ", "))
}

// argsNamed checks the number of positional arguments, naming them in the
// usage error.
func argsNamed(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != len(names) {
			return usagef("%s takes %s (got %d arguments)", cmd.CommandPath(), strings.Join(names, " "), len(args))
		}
		for i, v := range args {
			if strings.TrimSpace(v) == "" {
				return usagef("%s: %s is empty", cmd.CommandPath(), names[i])
			}
		}
		return nil
	}
}

// outputFormat is -o, or def when it was not given.
func (a *app) outputFormat(def string) string {
	if a.format != "" {
		return a.format
	}
	return def
}

// connect builds the client from the configuration (or starts the
// sandbox tenant) once.
func (a *app) connect() (*certifications.APIClient, error) {
	if a.client != nil {
		return a.client, nil
	}
	var cfg *certifications.Configuration
	sources := "embedded sandbox tenant"
	if a.sandbox {
		a.srv = certtest.NewServer()
		cfg = a.srv.Configuration()
		cfg.APIVersion = certifications.APIVersion(a.apiVersion)
	} else {
		r, err := sailconfig.Resolve(&sailconfig.Options{Env: a.tenantEnv, APIVersion: certifications.APIVersion(a.apiVersion), Getenv: a.getenv})
		if err != nil {
			return nil, err
		}
		cfg = r.Configuration
		sources = describeSources(r.Sources)
	}
	if a.verbose {
		cfg.Logger = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: redactAttr}))
		cfg.Logger.Debug("isccert: configuration", "config", *cfg, "from", sources)
	}
	if err := a.shareBudget(cfg); err != nil {
		return nil, err
	}
	a.client = certifications.NewAPIClient(cfg)
	if err := a.client.Err(); err != nil {
		return nil, err
	}
	return a.client, nil
}

// api returns the Certifications operations of the client.
func (a *app) api() (*certifications.CertificationsApiService, error) {
	c, err := a.connect()
	if err != nil {
		return nil, err
	}
	return c.CertificationsApi, nil
}

// certification connects and reads one certification.
func (a *app) certification(id string) (*certifications.CertificationsApiService, *certifications.IdentityCertificationDto, error) {
	api, err := a.api()
	if err != nil {
		return nil, nil, err
	}
	cert, _, err := api.GetIdentityCertification(a.ctx, id).Execute()
	if err != nil {
		return nil, nil, err
	}
	return api, cert, nil
}

// shareBudget paces cfg's requests through the Redis of --redis or
// SAIL_REDIS_URL, when one is given, at cfg's rate limit. Redis being
// down fails nothing: the limiter paces this process alone and says so
// on stderr.
func (a *app) shareBudget(cfg *certifications.Configuration) error {
	u, from := a.redisURL, "--redis"
	if u == "" {
		u, from = strings.TrimSpace(a.getenv(redislimit.EnvURL)), redislimit.EnvURL
	}
	if u == "" {
		return nil
	}
	opts := &redislimit.Options{Logger: slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{ReplaceAttr: redactAttr}))}
	if rl := cfg.RateLimit; rl != nil {
		opts.Requests, opts.Per = rl.Requests, rl.Per
	}
	lim, err := redislimit.NewFromURL(u, opts)
	if err != nil {
		if from == "--redis" {
			return usagef("%s: %v", from, err)
		}
		return fmt.Errorf("%s: %w", from, err)
	}
	a.limiter, _ = lim.(io.Closer)
	cfg.Limiter = lim
	return nil
}

func (a *app) close() {
	if a.srv != nil {
		a.srv.Close()
	}
	if a.limiter != nil {
		_ = a.limiter.Close()
	}
}

// describeSources says where each setting came from, never its value.
func describeSources(src map[string]string) string {
	keys := make([]string, 0, len(src))
	for k := range src {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " from " + src[k]
	}
	return strings.Join(parts, "; ")
}

// secretKeys are log attribute names whose values are never shown. The
// SDK's records carry none of them; this is the second line of defence.
var secretKeys = map[string]bool{
	"authorization": true, "token": true, "access_token": true, "refresh_token": true,
	"secret": true, "client_secret": true, "password": true,
}

func redactAttr(_ []string, at slog.Attr) slog.Attr {
	// `""` is how Configuration logs a secret that is not set.
	if secretKeys[strings.ToLower(at.Key)] && at.Value.Kind() != slog.KindGroup && at.Value.String() != `""` {
		at.Value = slog.StringValue("[REDACTED]")
	}
	return at
}
