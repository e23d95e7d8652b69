package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/spf13/cobra"
)

func init() { register(sandboxCmd) }

// EnvSandboxPID is the variable sandbox sets to its process id, to stop
// it with kill.
const EnvSandboxPID = "ISCCERT_SANDBOX_PID"

func sandboxCmd(a *app) *cobra.Command {
	var seed int64
	var large int
	var largeID string
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Run the embedded sandbox tenant until stopped and print the SAIL_* settings for it",
		Long: `Run the embedded sandbox tenant (the SDK's certtest package) until interrupted.
It prints shell lines that point the other commands, and any program built on
the SDK, at it, then closes stdout, so that

  eval "$(isccert sandbox &)"

starts it in the background and sets up the shell in one step; commands run
after it then work on one state. Stop it with kill $ISCCERT_SANDBOX_PID (or
Ctrl-C when it runs in the foreground). The reviewer "me" is Robin Okafor,
who has two certifications of 32 items each.`,
		Example: `  eval "$(isccert sandbox &)"
  isccert certs list --reviewer me
  kill $ISCCERT_SANDBOX_PID

  eval "$(isccert sandbox --large 100000 &)"   # adds certification "large" with 100,000 items`,
		Args: argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.sandbox || a.tenantEnv != "" {
				return usagef("sandbox runs a tenant of its own: drop --sandbox and --env")
			}
			opts := []certtest.Option{certtest.WithSeed(seed)}
			if large != 0 {
				if large < 1 || large > 1<<30 || strings.TrimSpace(largeID) == "" {
					return usagef("--large takes 1 to %d items and --large-id a non-empty id", 1<<30)
				}
				opts = append(opts, certtest.WithLargeCertification(largeID, large))
			}
			srv := certtest.NewServer(opts...)
			defer srv.Close()
			for _, kv := range [][2]string{
				{certifications.EnvBaseURL, srv.URL()},
				{certifications.EnvClientID, srv.ClientID()},
				{certifications.EnvClientSecret, srv.ClientSecret()},
				{EnvSandboxPID, fmt.Sprint(os.Getpid())},
			} {
				fmt.Fprintf(a.stdout, "export %s=%s\n", kv[0], shellQuote(kv[1]))
			}
			// A token or token URL left in the shell would win over the
			// sandbox's credentials.
			fmt.Fprintf(a.stdout, "unset %s %s\n", certifications.EnvAccessToken, certifications.EnvTokenURL)
			if c, ok := a.stdout.(io.Closer); ok {
				_ = c.Close() // the end of the settings for $(...)
			}
			fmt.Fprintf(a.stderr, "isccert: sandbox tenant at %s (seed %d); reviewer \"me\" is identity %s; stop it with kill %d\n",
				srv.URL(), seed, srv.MeID(), os.Getpid())
			<-a.ctx.Done()
			fmt.Fprintln(a.stderr, "isccert: sandbox tenant stopped")
			return nil
		},
	}
	cmd.Flags().Int64Var(&seed, "seed", certtest.DefaultSeed, "seed the data is generated from (the same seed gives the same tenant)")
	cmd.Flags().IntVar(&large, "large", 0, "add a certification of this many items, reviewed by me, to try progress and bulk decisions")
	cmd.Flags().StringVar(&largeID, "large-id", "large", "id of the --large certification")
	return cmd
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
