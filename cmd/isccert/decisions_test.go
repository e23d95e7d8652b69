package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadDecisions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        string
		want      []fileDecision
		undecided int
	}{
		{
			name: "export format, a row left undecided",
			in: "id,identityName,accessName,decision,comments\n" +
				"a,Ben,\"Admins, EU\",APPROVE,kept\n" +
				"b,Ben,Users,,\n" +
				"c,Ben,Users, revoke ,  left the team \n",
			want: []fileDecision{
				{line: 2, ReviewDecision: certifications.ReviewDecision{ID: "a", Decision: "APPROVE", Comments: certifications.Ptr("kept")}},
				{line: 4, ReviewDecision: certifications.ReviewDecision{ID: "c", Decision: "REVOKE", Comments: certifications.Ptr("left the team")}},
			},
			undecided: 1,
		},
		{
			name: "spreadsheet CSV: byte order mark, semicolons, CRLF, no comments column",
			in:   "\ufeffID;Decision\r\na;Approve\r\n\r\nb;REVOKE\r\n",
			want: []fileDecision{
				{line: 2, ReviewDecision: certifications.ReviewDecision{ID: "a", Decision: "APPROVE"}},
				{line: 4, ReviewDecision: certifications.ReviewDecision{ID: "b", Decision: "REVOKE"}},
			},
		},
		{
			name: "a repeated row is decided once",
			in:   "id,decision,comments\na,APPROVE,x\na,APPROVE,x\n",
			want: []fileDecision{{line: 2, ReviewDecision: certifications.ReviewDecision{ID: "a", Decision: "APPROVE", Comments: certifications.Ptr("x")}}},
		},
		{
			name: "JSON Lines of ReviewDecision",
			in: `{"id":"a","decision":"REVOKE","proposedEndDate":"2025-06-30T00:00:00Z","comments":"temp","bulk":true}` + "\n\n" +
				`{"id":"b","decision":"","comments":""}` + "\n",
			want: []fileDecision{{line: 1, ReviewDecision: certifications.ReviewDecision{
				ID: "a", Decision: "REVOKE", Comments: certifications.Ptr("temp"), Bulk: true, ProposedEndDate: mustTime(t, "2025-06-30T00:00:00Z"),
			}}},
			undecided: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			df, err := readDecisions("f", strings.NewReader(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, df.decisions)
			assert.Equal(t, tt.undecided, df.undecided)
		})
	}
}

func TestReadDecisionsProblems(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"empty file", "", "isccert: f is empty"},
		{"no id column", "ident,decision\n", `isccert: f line 1: no "id" column`},
		{"decision without id", "id,decision\n,APPROVE\n", "isccert: f line 2: has a decision but no id; nothing was sent"},
		{"end date on an approval", `{"id":"a","decision":"APPROVE","proposedEndDate":"2025-06-30T00:00:00Z"}`, "isccert: f line 1: sets proposedEndDate on a APPROVE decision; only REVOKE takes one"},
		{"not JSON", `{"id":"a",` + "\n", "isccert: f line 1: is not a JSON ReviewDecision"},
		{"a stray quote", "id,decision\na\"b,APPROVE\n", `isccert: f line 2: bare " in non-quoted-field; nothing was sent`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readDecisions("f", strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestProblemsAreCappedInOneMessage(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("id,decision\n")
	for i := range 12 {
		fmt.Fprintf(&b, "i%d,NOPE\n", i)
	}
	_, err := readDecisions("big.csv", strings.NewReader(b.String()))
	require.Error(t, err)
	msg := err.Error()
	assert.True(t, strings.HasPrefix(msg, "isccert: big.csv has 12 problems: line 2: decision \"NOPE\""), msg)
	assert.Contains(t, msg, "line 6:")
	assert.NotContains(t, msg, "line 7:")
	assert.Contains(t, msg, "; and 7 more; nothing was sent")
}

func TestReadItemIDs(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"export CSV":  "id,identityName\na,Ben\nb,Ann\na,Ben\n",
		"JSON Lines":  `{"id":"a"}` + "\n" + `{"id":"b","accessName":"x"}` + "\n",
		"plain list":  "id\na\n\nb\n",
		"no header":   "a\nb\n",
		"tab columns": "name\tid\nBen\ta\nAnn\tb\n",
	} {
		t.Run(name, func(t *testing.T) {
			refs, err := readItemIDs("f", strings.NewReader(in))
			require.NoError(t, err)
			var ids []string
			for _, r := range refs {
				ids = append(ids, r.id)
			}
			assert.Subset(t, ids, []string{"a", "b"})
			assert.NotContains(t, ids, "id")
		})
	}
	_, err := readItemIDs("f", strings.NewReader(`{"name":"a"}`+"\n"))
	assert.ErrorContains(t, err, `f line 1: has no "id"`)
}
