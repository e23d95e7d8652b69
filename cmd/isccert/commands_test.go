package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCertsAndItems(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	cert := myCert(t, srv)

	all := decodeJSON[[]certifications.IdentityCertificationDto](t, r.ok("certs", "list", "-o", "json").stdout)
	assert.Len(t, all, 6, "every page, every reviewer")
	active := r.ok("certs", "list", "--filters", `phase eq "ACTIVE"`, "--sorters", "-due", "-o", "csv").stdout
	assert.True(t, strings.HasPrefix(active, "id,name,campaign,reviewer,phase,decisions,identities,completed,due\n"), active)

	got := decodeJSON[certifications.IdentityCertificationDto](t, r.ok("certs", "get", cert, "-o", "json").stdout)
	assert.Equal(t, cert, got.GetID())
	table := r.ok("certs", "get", cert).stdout
	assert.Contains(t, table, "phase       ACTIVE\n")

	roles := r.ok("items", "list", cert, "--filters", `access.type eq "ROLE"`, "-o", "jsonl").stdout
	assert.Equal(t, 8, strings.Count(roles, "\n"))
	assert.NotContains(t, roles, `"ENTITLEMENT"`)
	list := r.ok("items", "list", cert).stdout
	assert.True(t, strings.HasPrefix(list, "ID "), list)
	assert.Equal(t, 33, strings.Count(list, "\n"), "a header and 32 items")

	bad := r.run("items", "list", cert, "--filters", `color eq "red"`)
	assert.Equal(t, 2, bad.code, "a filter the endpoint does not take is a usage error")
	assert.Contains(t, bad.stderr, `field "color" cannot be filtered on`)
}

func TestReassign(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("large", 300))
	r := newRunner(t).tenant(srv)
	to := srv.Reviewers()[1].GetID()
	items := srv.Items("large")

	// Two items of 300: looked up by id, then moved synchronously.
	out := decodeJSON[reassignOutcome](t, r.ok("reassign", "large", "--to", to, "--reason", "their team",
		"--item", items[0].GetID(), "--item", items[1].GetID(), "-o", "json").stdout)
	assert.Equal(t, reassignOutcome{Certification: "large", ReassignTo: to, Reassigned: 2, Total: 2}, out)
	assert.Equal(t, 1, requestsTo(srv, "POST", "/reassign"))
	_, still := srv.Item("large", items[0].GetID())
	assert.False(t, still, "the item left the certification")
	var byID bool
	for _, q := range srv.Requests() {
		byID = byID || strings.Contains(q.RawQuery, "filters=id%20in%20")
	}
	assert.True(t, byID, "two ids of 300 items are looked up by id")

	// More than 50 from a file: asynchronously, waiting for each task.
	var b strings.Builder
	b.WriteString("id,accessName\n")
	for _, it := range items[2:62] {
		b.WriteString(it.GetID() + ",x\n")
	}
	r.file("move.csv", b.String())
	out = decodeJSON[reassignOutcome](t, r.ok("reassign", "large", "--to", to, "--reason", "their team", "-f", "move.csv", "--poll", "1ms", "-o", "json").stdout)
	assert.True(t, out.Async, "more than 50 items go asynchronously")
	assert.Equal(t, 60, out.Reassigned)
	require.Len(t, out.Tasks, 1)
	task, ok := srv.Task(out.Tasks[0])
	require.True(t, ok)
	assert.Equal(t, certifications.CertificationTaskStatusSuccess, task.GetStatus())

	// An id that is not there: refused before anything is sent.
	calls := requestsTo(srv, "POST", "/reassign") + requestsTo(srv, "POST", "/reassign-async")
	bad := r.run("reassign", "large", "--to", to, "--reason", "x", "--item", items[0].GetID(), "--item", "nope")
	assert.Equal(t, 1, bad.code)
	assert.Contains(t, bad.stderr, "--item has 2 problems: --item: item "+items[0].GetID()+" is not in certification large; --item: item nope is not in certification large")
	assert.Equal(t, calls, requestsTo(srv, "POST", "/reassign")+requestsTo(srv, "POST", "/reassign-async"))
}

func TestTasksAndAPI(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	cert := myCert(t, srv)
	items := srv.Items(cert)
	to := srv.Reviewers()[1].GetID()

	body := `{"reassign":[{"id":"` + items[0].GetID() + `","type":"ITEM"}],"reassignTo":"` + to + `","reason":"through the api command"}`
	created := decodeJSON[certifications.CertificationTask](t, r.ok("api", "POST", "v3/certifications/"+cert+"/reassign-async", "--data", body).stdout)
	require.NotEmpty(t, created.GetID())

	pending := r.ok("tasks", "list", "-o", "jsonl").stdout
	assert.Contains(t, pending, `"id":"`+created.GetID()+`"`)
	done := decodeJSON[certifications.CertificationTask](t, r.ok("tasks", "wait", created.GetID(), "--poll", "1ms", "-o", "json").stdout)
	assert.Equal(t, certifications.CertificationTaskStatusSuccess, done.GetStatus())

	lines := r.ok("api", "GET", "v3/certifications?limit=2&offset=1", "-o", "jsonl").stdout
	assert.Equal(t, 2, strings.Count(lines, "\n"), "an array is written one element per line")
	r.file("d.json", `[{"id":"`+items[1].GetID()+`","decision":"REVOKE","bulk":false,"comments":"through the api command"}]`)
	r.ok("api", "post", "v3/certifications/"+cert+"/decide", "--data", "@d.json")
	it, _ := srv.Item(cert, items[1].GetID())
	assert.Equal(t, certifications.CertificationDecisionRevoke, it.GetDecision())

	calls := requestsTo(srv, "POST", "/decide")
	bad := r.run("api", "POST", "v3/certifications/"+cert+"/decide", "--data", `[{"id":`)
	assert.Equal(t, 1, bad.code)
	assert.Contains(t, bad.stderr, "--data is not valid JSON")
	assert.Equal(t, calls, requestsTo(srv, "POST", "/decide"), "nothing was sent")

	missing := r.run("api", "GET", "v3/certifications/nope")
	assert.Equal(t, 1, missing.code)
	assert.Contains(t, missing.stderr, "isccert: GET /v3/certifications/nope: 404 Not Found")
	assert.NotContains(t, missing.stderr, "certifications: ", "one prefix, the tool's")
	assert.Empty(t, missing.stdout)
}

func TestUsageErrorsExitTwoAndSendNothing(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	for _, args := range [][]string{
		{},
		{"bogus"},
		{"certs"},
		{"certs", "bogus"},
		{"certs", "get"},
		{"certs", "get", "a", "b"},
		{"certs", "list", "--bogus"},
		{"-o", "yaml", "certs", "list"},
		{"--api", "v2", "certs", "list"},
		{"--sandbox", "--env", "x", "certs", "list"},
		{"decide", "CERT"},
		{"decide", "CERT", "-f", "x.csv", "--chunk-size", "0"},
		{"reassign", "CERT", "--to", "X", "--reason", "R"},
		{"reassign", "CERT", "--to", "X", "--reason", "R", "--item", "I", "--file", "F"},
		{"reassign", "CERT", "--reason", "R", "--item", "I"},
		{"api", "GET"},
		{"api", "G T", "v3/certifications"},
		{"api", "GET", "https://acme.api.identitynow.com/v3/certifications"},
		{"api", "GET", "v3/certifications", "-o", "csv"},
		{"sandbox", "--large", "-1"},
	} {
		res := r.run(args...)
		assert.Equal(t, 2, res.code, "isccert %s: %s", strings.Join(args, " "), res.stderr)
		assert.Contains(t, res.stderr, "isccert: ", args)
		assert.Contains(t, res.stderr, "--help' for usage", args)
		assert.Empty(t, res.stdout, args)
	}
	assert.Empty(t, srv.Requests(), "a usage error sends nothing")

	help := r.ok("--help")
	for _, c := range []string{"certs", "items", "decide", "reassign", "signoff", "tasks", "api", "sandbox"} {
		assert.Contains(t, help.stdout, "\n  "+c+" ", "the help lists %s", c)
	}
}

// --sandbox gives any command a fresh tenant of its own.
func TestSandboxFlag(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	certs := decodeJSON[[]certifications.IdentityCertificationDto](t, r.ok("--sandbox", "certs", "list", "--reviewer", "me", "-o", "json").stdout)
	assert.Len(t, certs, 2)
	export := r.ok("--sandbox", "items", "export", certs[0].GetID()).stdout
	assert.Equal(t, 33, strings.Count(export, "\n"))
}

// The sandbox command prints settings that point the other commands at
// one tenant, closes stdout, and runs until it gets SIGTERM.
func TestSandboxCommand(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	cmd := r.command("sandbox", "--seed", "7")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines, err := io.ReadAll(stdout) // ends when the command closes stdout
	require.NoError(t, err)

	sc := bufio.NewScanner(strings.NewReader(string(lines)))
	vars := map[string]string{}
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "export "); ok {
			k, v, _ := strings.Cut(rest, "=")
			vars[k] = strings.Trim(v, "'")
		} else {
			assert.Equal(t, "unset SAIL_ACCESS_TOKEN SAIL_TOKEN_URL", line)
		}
	}
	for _, k := range []string{"SAIL_BASE_URL", "SAIL_CLIENT_ID", "SAIL_CLIENT_SECRET", "ISCCERT_SANDBOX_PID"} {
		require.NotEmpty(t, vars[k], k)
		r.env[k] = vars[k]
	}
	assert.Equal(t, vars["ISCCERT_SANDBOX_PID"], itoa(cmd.Process.Pid))

	// Two commands in a row work on one state.
	cert := decodeJSON[[]certifications.IdentityCertificationDto](t, r.ok("certs", "list", "--reviewer", "me", "-o", "json").stdout)[0].GetID()
	item := strings.SplitN(strings.Split(r.ok("items", "export", cert).stdout, "\n")[1], ",", 2)[0]
	r.file("one.csv", "id,decision,comments\n"+item+",APPROVE,kept\n")
	r.ok("decide", cert, "-f", "one.csv")
	after := decodeJSON[certifications.IdentityCertificationDto](t, r.ok("certs", "get", cert, "-o", "json").stdout)
	assert.Equal(t, int32(1), after.GetDecisionsMade())

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err = cmd.Wait()
	var ee *exec.ExitError
	if err != nil {
		require.ErrorAs(t, err, &ee)
	}
	assert.NoError(t, err, "exit status 0 when stopped: %s", stderr.String())
	assert.Contains(t, stderr.String(), "isccert: sandbox tenant at "+vars["SAIL_BASE_URL"]+" (seed 7)")
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
