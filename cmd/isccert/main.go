// Command isccert runs certification reviews of SailPoint Identity Security
// Cloud from the shell: list certifications and their review items, export
// the items to a spreadsheet, apply the decisions filled in there, reassign
// items, check the summary and sign off. It is a thin layer over the
// certifications SDK and reads the configuration SailPoint users already
// have (see the sailconfig package).
//
//	isccert certs list --reviewer me
//	isccert items export CERT > items.csv
//	isccert decide CERT --file items.csv
//	isccert signoff CERT
//
// Data goes to stdout (-o table, json, jsonl or csv); progress bars,
// prompts and logs go to stderr, progress only when stderr is a terminal.
// The exit status is 0 on success, 1 on a failure (a partial one too, with
// a summary of what failed) and 2 on a usage error.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		tty:    term.IsTerminal(int(os.Stderr.Fd())),
	}, os.Args[1:])
	stop()
	os.Exit(code)
}
