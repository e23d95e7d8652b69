package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/redislimit"
	"github.com/iscgo/certifications/sailconfig"
	"github.com/spf13/cobra"
)

// env is what the tool gets from its process: streams, environment and
// whether stderr is a terminal (progress bars are drawn only then).
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	tty    bool
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
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE:          needSubcommand,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			switch a.format {
			case "", formatTable, formatJSON, formatJSONL, formatCSV:
			default:
				return usagef("-o %s: choose table, json, jsonl or csv", a.format)
			}
			switch certifications.APIVersion(a.apiVersion) {
			case "", certifications.APIVersionV3, certifications.APIVersionV1:
			default:
				return usagef("--api %s: choose v3 or v1", a.apiVersion)
			}
			if a.sandbox && a.tenantEnv != "" {
				return usagef("--sandbox and --env both choose a tenant: give one")
			}
			return nil
		},
	}
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
	if errors.As(err, &ue) || !a.started {
		// cobra's own errors (unknown command, wrong arguments, missing
		// flags) come before any command code runs.
		path := "isccert"
		if cmd != nil {
			path = cmd.CommandPath()
		}
		fmt.Fprintf(a.stderr, "isccert: %s\nRun '%s --help' for usage.\n", strings.TrimPrefix(err.Error(), "isccert: "), path)
		return 2
	}
	if errors.Is(err, context.Canceled) && a.ctx.Err() != nil {
		fmt.Fprintln(a.stderr, "isccert: interrupted")
		return 1
	}
	fmt.Fprintln(a.stderr, err.Error())
	return 1
}

// usageError is a command line that cannot be run as given (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// failf returns a failure (exit status 1) in the tool's own words. Errors
// of the SDK are returned as they are: they already say what failed.
func failf(format string, args ...any) error {
	return fmt.Errorf("isccert: "+format, args...)
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
		return usagef("unknown command %q for %q", args[0], cmd.CommandPath())
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
