package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A listing that fails before its first record writes nothing to stdout:
// no "[]", no CSV header, nothing a script could read as "no items".
func TestFailedListingWritesNothing(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	for _, args := range [][]string{
		{"items", "list", "nope", "-o", "json"},
		{"items", "list", "nope", "-o", "csv"},
		{"items", "list", "nope", "-o", "jsonl"},
		{"items", "list", "nope"},
		{"items", "export", "nope"},
		{"items", "export", "nope", "-o", "jsonl"},
	} {
		res := r.run(args...)
		assert.Equal(t, 1, res.code, "%v: %s", args, res.stderr)
		assert.Empty(t, res.stdout, "%v", args)
		assert.Contains(t, res.stderr, "404", "%v", args)
	}
}

// A listing that fails part way leaves what it wrote visibly unfinished,
// in every format: a program that reads it fails instead of taking a part
// for the whole.
func TestFailedListingIsVisiblyUnfinished(t *testing.T) {
	t.Parallel()
	rows := []pair{{"1", "a"}, {"2", "b"}}
	cause := errors.New("page 2: 503")
	for _, format := range []string{formatJSON, formatJSONL, formatCSV, formatTable} {
		var b bytes.Buffer
		l := newList(&b, format, pairColumns)
		for i := range rows {
			require.NoError(t, l.add(&rows[i]))
		}
		require.ErrorIs(t, l.fail(cause), cause)
		out := b.String()
		assert.True(t, strings.HasSuffix(out, "isccert: INCOMPLETE: the listing failed after 2 records; the error is on standard error\n"), "%s: %q", format, out)
		assert.Contains(t, out, "2", "the records read are kept")
		switch format {
		case formatJSON:
			var v []pair
			assert.Error(t, json.Unmarshal(b.Bytes(), &v), "the array is left open")
		case formatJSONL:
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			var v pair
			assert.Error(t, json.Unmarshal([]byte(lines[len(lines)-1]), &v), "the last line is no record")
		case formatCSV:
			_, err := csv.NewReader(&b).ReadAll()
			assert.Error(t, err, "the last line has the wrong number of fields")
		}
	}
	var b bytes.Buffer
	require.ErrorIs(t, newList(&b, formatCSV, pairColumns).fail(cause), cause)
	assert.Empty(t, b.String(), "nothing read, nothing written")
}
