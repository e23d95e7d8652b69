package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmes are the documents whose isccert command lines must run.
var readmes = []string{filepath.Join("..", "..", "README.md"), "README.md"}

// commandLines returns the isccert command lines of a Markdown document:
// those of its sh blocks (up to a pipe, a redirection or a comment) and
// its inline code that starts with isccert (a synopsis, whose [optional]
// parts are kept and whose (a | b) alternatives give their first).
func commandLines(doc string) []string {
	var out []string
	inSh := false
	for _, line := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = strings.TrimPrefix(line, "```") == "sh"
			continue
		case inSh:
			for _, part := range regexp.MustCompile(`(^|\$\(|\|\s*)isccert `).FindAllStringIndex(line, -1) {
				seg := line[part[0]:]
				seg = seg[strings.Index(seg, "isccert "):]
				out = append(out, cutShell(seg))
			}
			continue
		}
		for _, m := range regexp.MustCompile("`(isccert [^`]*)`").FindAllStringSubmatch(line, -1) {
			out = append(out, synopsis(m[1]))
		}
	}
	return out
}

// cutShell ends a shell command line at the first pipe, redirection,
// command substitution end, background mark or comment outside quotes.
func cutShell(s string) string {
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case strings.ContainsRune("|>)&;#", r):
			return strings.TrimSpace(s[:i])
		}
	}
	return strings.TrimSpace(s)
}

// synopsis turns the notation of a usage line into one command line.
func synopsis(s string) string {
	s, _, _ = strings.Cut(s, " > ") // a redirection ends the command
	s = strings.ReplaceAll(s, `\|`, "|")
	alt := regexp.MustCompile(`\(([^()|]*)\|[^()]*\)`)
	for alt.MatchString(s) {
		s = alt.ReplaceAllString(s, "$1")
	}
	s = strings.NewReplacer("[", "", "]", "", "...", "").Replace(s)
	words := strings.Fields(s)
	for i, w := range words {
		if before, _, ok := strings.Cut(w, "|"); ok {
			words[i] = before // -o csv|jsonl: one of the values
		}
	}
	return strings.Join(words, " ")
}

// shellWords splits a command line into words, honouring quotes.
func shellWords(s string) []string {
	var words []string
	var b strings.Builder
	var quote rune
	in := false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			b.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, b.String())
	}
	return words
}

// checkCommandLine parses a command line against the tool's command tree
// the way a run would, without running it: the command exists and takes
// subcommands no more, its flags exist with values of their types, the
// required flags and flag groups are satisfied, the arguments are as many
// as it takes, and the global checks (-o, --api) pass.
func checkCommandLine(line string) error {
	a := &app{env: env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, getenv: func(string) string { return "" }}}
	root := a.root()
	root.InitDefaultVersionFlag() // as Execute does
	args := shellWords(line)[1:]
	cmd, rest, err := root.Find(args)
	if err != nil {
		return err
	}
	if err := cmd.ParseFlags(rest); err != nil {
		return err
	}
	if v, _ := cmd.Flags().GetBool("version"); v && !cmd.HasParent() {
		return nil
	}
	if cmd.HasSubCommands() {
		return usagef("%q needs a subcommand", cmd.CommandPath())
	}
	if err := cmd.ValidateRequiredFlags(); err != nil {
		return err
	}
	if err := cmd.ValidateFlagGroups(); err != nil {
		return err
	}
	if err := cmd.ValidateArgs(cmd.Flags().Args()); err != nil {
		return err
	}
	return root.PersistentPreRunE(cmd, cmd.Flags().Args())
}

// Every isccert command line of the READMEs runs as written: the
// commands, their flags and their required flags are the tool's.
func TestREADMECommandLinesParse(t *testing.T) {
	t.Parallel()
	for _, path := range readmes {
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		lines := commandLines(string(raw))
		require.NotEmpty(t, lines, path)
		for _, l := range lines {
			assert.NoError(t, checkCommandLine(l), "%s: %s", path, l)
		}
	}
}

// The check above catches what it should.
func TestCheckCommandLineRefusesWrongLines(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{
		"isccert reassign CERT --to ID --item I",                   // no --reason
		"isccert certs lst",                                        // no such command
		"isccert items",                                            // a group
		"isccert decide CERT",                                      // no --file
		"isccert certs list --bogus",                               // no such flag
		"isccert tasks wait T --timeout soon",                      // not a duration
		"isccert items list",                                       // no CERT
		"isccert -o yaml certs list",                               // no such format
		`isccert reassign C --to I --reason "x" --item a --file f`, // both
	} {
		assert.Error(t, checkCommandLine(bad), bad)
	}
	assert.Equal(t, []string{"isccert", "decide", "$CERT", "--file", "a b.csv"}, shellWords(`isccert decide "$CERT" --file 'a b.csv'`))
	assert.Equal(t, "isccert reassign CERT --to ID --reason TEXT --item ID --async", synopsis(`isccert reassign CERT --to ID --reason TEXT (--item ID ... \| --file F) [--async]`))
	assert.Equal(t, []string{"isccert certs list --reviewer me -o csv", "isccert items export $CERT"},
		commandLines("```sh\nCERT=$(isccert certs list --reviewer me -o csv | awk -F, 'NR == 2 {print $1}')\nisccert items export $CERT > items.csv # x\n```\n"))
}

// The first screen of the root README says what the project is, in short
// sentences, gives the two commands that run it and the three settings
// that point it at a tenant; its title is the module path.
func TestREADMEFirstScreen(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	require.NoError(t, err)
	module := strings.TrimPrefix(strings.SplitN(string(mod), "\n", 2)[0], "module ")
	lines := strings.Split(string(raw), "\n")
	assert.Equal(t, "# "+module, lines[0], "the title is the module path")

	first := strings.Join(lines[:30], "\n") // a first screen
	for _, want := range []string{"go run ./examples/quickstart", "go test -race ./...", "SAIL_BASE_URL=", "SAIL_CLIENT_ID=", "SAIL_CLIENT_SECRET="} {
		assert.Contains(t, first, want)
	}
	para, _, _ := strings.Cut(strings.Join(lines[2:], "\n"), "\n\n")
	for _, sentence := range strings.Split(para, ". ") {
		assert.LessOrEqual(t, len(strings.Fields(sentence)), 30, "a short first paragraph: %q", sentence)
	}
}

// The install lines of the READMEs work from a clone; the @latest line is
// there only as what will work once the module is published.
func TestREADMEInstallLines(t *testing.T) {
	t.Parallel()
	for _, path := range readmes {
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		doc := string(raw)
		assert.Contains(t, doc, "go install ./cmd/isccert", path)
		for _, line := range strings.Split(doc, "\n") {
			if strings.Contains(line, "@latest") {
				assert.NotRegexp(t, "^(go|\\$ go) ", line, "%s: no @latest command to paste: %s", path, line)
			}
		}
		if strings.Contains(doc, "@latest") {
			assert.Contains(t, strings.ToLower(doc), "once the module is published", path)
		}
	}
	root, err := os.ReadFile(readmes[0])
	require.NoError(t, err)
	assert.Contains(t, string(root), "go mod edit -replace github.com/iscgo/certifications=")
	assert.NotContains(t, string(root), "\ngo get github.com/iscgo/certifications\n", "go get fails until the module is published")
}
