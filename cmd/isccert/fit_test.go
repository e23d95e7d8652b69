package main

import (
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// On a terminal of 80 columns the tables fit: dates are days, completed
// (which decisions repeats) and the ids beside names are left out, long
// names end in an ellipsis. Piped, the same tables are whole.
func TestTablesFitTheTerminal(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	cert := myCert(t, srv)
	p := newInProcess(srv)
	ctx := t.Context()
	fits := func(what string) []string {
		lines := strings.Split(strings.TrimSuffix(p.stdout.String(), "\n"), "\n")
		for _, l := range lines {
			assert.LessOrEqual(t, utf8.RuneCountInString(l), 80, "%s: %q", what, l)
		}
		return lines
	}

	p.width = 80
	require.Equal(t, 0, p.run(ctx, false, "certs", "list"), p.stderr.String())
	lines := fits("certs list")
	assert.Equal(t, []string{"ID", "NAME", "PHASE", "DECISIONS", "DUE"}, strings.Fields(lines[0]))
	assert.Len(t, lines, 1+len(srv.Certifications()))
	assert.Contains(t, lines[1], "…", "a long name is cut")
	assert.Regexp(t, `  \d{4}-\d\d-\d\d$`, lines[1], "the due day")

	require.Equal(t, 0, p.run(ctx, false, "items", "list", cert), p.stderr.String())
	lines = fits("items list")
	assert.Equal(t, []string{"ID", "IDENTITY", "ACCESS", "DECISION"}, strings.Fields(lines[0]))
	assert.Len(t, lines, 33)

	p.width = 200 // a wide terminal shows more
	require.Equal(t, 0, p.run(ctx, false, "certs", "list"), p.stderr.String())
	head := strings.Fields(strings.SplitN(p.stdout.String(), "\n", 2)[0])
	assert.Equal(t, []string{"ID", "NAME", "CAMPAIGN", "REVIEWER", "PHASE", "DECISIONS", "IDENTITIES", "DUE"}, head)
	assert.NotContains(t, p.stdout.String(), "…")

	p.width = 0 // piped
	require.Equal(t, 0, p.run(ctx, false, "certs", "list"), p.stderr.String())
	assert.Contains(t, p.stdout.String(), "COMPLETED")
	assert.Contains(t, p.stdout.String(), "T09:42:42Z", "the whole time")
	assert.NotContains(t, p.stdout.String(), "…")

	p.width = 80 // a terminal does not change the data formats
	require.Equal(t, 0, p.run(ctx, false, "items", "list", cert, "-o", "csv"), p.stderr.String())
	rows, err := csv.NewReader(strings.NewReader(p.stdout.String())).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows[0], len(rowColumns))
}

// items list writes the first columns of items export, in its order: the
// list is a prefix of the export.
func TestItemsListIsAPrefixOfTheExport(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	cert := myCert(t, srv)
	p := newInProcess(srv)
	require.Equal(t, 0, p.run(t.Context(), false, "items", "list", cert, "-o", "csv"))
	list, err := csv.NewReader(strings.NewReader(p.stdout.String())).ReadAll()
	require.NoError(t, err)
	require.Equal(t, 0, p.run(t.Context(), false, "items", "export", cert))
	export, err := csv.NewReader(strings.NewReader(p.stdout.String())).ReadAll()
	require.NoError(t, err)
	require.Len(t, list, len(export))
	assert.Equal(t, []string{"decision", "comments"}, export[0][len(list[0]):])
	for i := range list {
		assert.Equal(t, list[i], export[i][:len(list[i])], "row %d", i)
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "Payroll", truncate("Payroll", 7))
	assert.Equal(t, "Payrol…", truncate("Payroll Administrator", 7))
	assert.Equal(t, "Zoë…", truncate("Zoë Müller", 4), "characters, not bytes")
}
