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
// Data goes to stdout (-o table, json, jsonl or csv); a table on a
// terminal is fitted to its width, anything piped is written whole.
// Progress bars, prompts and logs go to stderr, progress only when stderr
// is a terminal and the work lasts more than a second. A listing that
// fails part way leaves its document visibly unfinished (see output.go).
// The exit status is 0 on success, 1 on a failure (a partial one too, with
// a summary of what failed) and 2 on a usage error.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/term"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	width := 0
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			width = w
		}
	}
	code := run(ctx, env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		tty:    term.IsTerminal(int(os.Stderr.Fd())),
		width:  width,
		now:    time.Now,
	}, os.Args[1:])
	stop()
	os.Exit(code)
}
