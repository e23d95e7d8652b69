package main

import (
	"strings"
	"testing"

	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every bad decision file is refused before anything is sent, with an
// error that names the problem and where it is.
func TestBadDecisionFilesAreRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	cert := myCert(t, srv)
	items := srv.Items(cert)
	id0, id1 := items[0].GetID(), items[1].GetID()
	other := ""
	for _, c := range srv.Certifications() {
		if c.GetID() != cert {
			other = srv.Items(c.GetID())[0].GetID()
			break
		}
	}
	signed := "" // a certification of another reviewer, signed off below
	for _, c := range srv.Certifications() {
		if c.GetReviewer().GetID() != srv.MeID() {
			signed = c.GetID()
			break
		}
	}
	var all strings.Builder
	all.WriteString("id,decision,comments\n")
	for _, it := range srv.Items(signed) {
		all.WriteString(it.GetID() + ",APPROVE,ok\n")
	}

	tests := []struct {
		name string
		cert string
		file string // contents of the decision file; "" means no file
		args []string
		want []string
	}{
		{
			name: "malformed CSV row",
			file: "id,identityName,decision,comments\n" + id0 + ",Ben,APPROVE,ok\n" + id1 + ",Ben,APPROVE\n",
			want: []string{"decisions.csv line 3: has 3 fields, the header has 4", "nothing was sent"},
		},
		{
			name: "broken quoting",
			file: "id,decision,comments\n" + id0 + ",APPROVE,\"never closed\n",
			want: []string{"decisions.csv line 2:", "quote"},
		},
		{
			name: "unknown decision value",
			file: "id,decision,comments\n" + id0 + ",APPROVE,ok\n" + id1 + ",MAYBE,ok\n",
			want: []string{`decisions.csv line 3: decision "MAYBE" is not APPROVE or REVOKE`},
		},
		{
			name: "unknown decision in JSON Lines",
			file: `{"id":"` + id0 + `","decision":"approve","comments":"ok"}` + "\n" + `{"id":"` + id1 + `","decision":"KEEP"}` + "\n",
			want: []string{`decisions.csv line 2: decision "KEEP" is not APPROVE or REVOKE`},
		},
		{
			name: "missing file",
			args: []string{"--file", "nowhere.csv"},
			want: []string{"cannot open nowhere.csv: no such file or directory"},
		},
		{
			name: "items that are not in the certification",
			file: "id,decision,comments\n" + id0 + ",APPROVE,ok\n" + other + ",REVOKE,no\nnot-an-item,APPROVE,ok\n",
			want: []string{"decisions.csv has 2 problems", "line 3: item " + other + " is not in certification " + cert, "line 4: item not-an-item is not in certification", "isccert items export " + cert},
		},
		{
			name: "contradicting rows for one item",
			file: "id,decision,comments\n" + id0 + ",APPROVE,ok\n" + id0 + ",REVOKE,no\n",
			want: []string{"decisions.csv line 3: decides item " + id0 + " again, differently from line 2"},
		},
		{
			name: "no decision column",
			file: "id,verdict\n" + id0 + ",APPROVE\n",
			want: []string{`decisions.csv line 1: no "decision" column`},
		},
		{
			name: "a signed-off certification",
			cert: signed,
			file: all.String(),
			want: []string{"certification " + signed + " is SIGNED; only an ACTIVE certification takes decisions"},
		},
	}
	require.NotEmpty(t, other)
	// Sign one certification off to have one.
	r := newRunner(t).tenant(srv)
	r.file("all.csv", all.String())
	r.ok("decide", signed, "-f", "all.csv")
	r.ok("signoff", signed)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRunner(t).tenant(srv)
			args := tt.args
			if tt.file != "" {
				args = []string{"--file", r.file("decisions.csv", tt.file)}
			}
			c := tt.cert
			if c == "" {
				c = cert
			}
			before := requestsTo(srv, "POST", "/decide")
			res := r.run(append([]string{"decide", c}, args...)...)
			assert.Equal(t, 1, res.code, res.stderr)
			for _, w := range tt.want {
				assert.Contains(t, res.stderr, w)
			}
			assert.Equal(t, 1, strings.Count(res.stderr, "\n"), "one line: %q", res.stderr)
			assert.Empty(t, res.stdout)
			assert.Equal(t, before, requestsTo(srv, "POST", "/decide"), "no decide request")
		})
	}
}

// A campaign that requires comments gets them before anything is sent:
// the server would refuse a whole chunk for one missing comment.
func TestMissingMandatoryCommentIsRefused(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	var cert, requirement string
	for _, c := range srv.Certifications() {
		if req := c.GetCampaign().GetMandatoryCommentRequirement(); req == "ALL_DECISIONS" || req == "REVOKE_ONLY_DECISIONS" {
			cert, requirement = c.GetID(), string(req)
			break
		}
	}
	require.NotEmpty(t, cert, "the sandbox has a campaign that requires comments")
	it := srv.Items(cert)[0].GetID()
	r := newRunner(t).tenant(srv)
	r.file("d.csv", "id,decision,comments\n"+it+",REVOKE,\n")
	res := r.run("decide", cert, "-f", "d.csv")
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "d.csv line 2: REVOKE of item "+it+" has no comment")
	assert.Contains(t, res.stderr, "("+requirement+")")
	assert.Zero(t, requestsTo(srv, "POST", "/decide"))
}
