package main

import (
	"strings"
	"testing"

	"github.com/iscgo/certifications/certtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bad input to the campaign commands is refused before anything is sent
// (not even a token request), with a one-line message that says what to
// fix and exit status 2 for a bad command line.
func TestBadCampaignInputIsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	r := newRunner(t).tenant(srv)
	r.file("nested.json", `{"campaign":{"name":"Q4","type":"MANAGER"}}`)
	r.file("typed.json", `{"name":31,"description":"d","type":"MANAGER"}`)
	r.file("list.json", `[{"name":"Q4","description":"d","type":"MANAGER"}]`)
	r.file("nameless.json", `{"description":"d","type":"MANAGER"}`)
	r.file("schedule.json", `{"type":"WEEKLY","hours":{"type":"LIST","values":["9"]},"minutes":5}`)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"campaign file not in the API's shape", []string{"campaigns", "create", "--file", "nested.json"}, 1,
			`isccert: nested.json is not a campaign in the API's shape: unknown field "campaign"; nothing was sent`},
		{"campaign file with a wrong type", []string{"campaigns", "create", "--file", "typed.json"}, 1,
			`isccert: typed.json is not a campaign in the API's shape: name is a JSON number, not a string; nothing was sent`},
		{"campaign file with a list", []string{"campaigns", "create", "--file", "list.json"}, 1,
			`isccert: list.json is not a campaign in the API's shape: the file holds a JSON array, not an object; nothing was sent`},
		{"campaign without a name", []string{"campaigns", "create", "--file", "nameless.json"}, 1,
			`campaign.name`},
		{"schedule file not in the API's shape", []string{"templates", "schedule", "set", "T", "--file", "schedule.json"}, 1,
			`isccert: schedule.json is not a schedule in the API's shape: unknown field "minutes"; nothing was sent`},
		{"create with neither file nor template", []string{"campaigns", "create"}, 2,
			"isccert: give --file FILE or --template TEMPLATE"},
		{"create with both", []string{"campaigns", "create", "--file", "nested.json", "--template", "T"}, 2,
			"isccert: give --file FILE or --template TEMPLATE"},
		{"unknown report type", []string{"campaigns", "report", "C", "--type", "SUMMARY"}, 2,
			`isccert: --type "SUMMARY" is not a campaign report type: choose CAMPAIGN_COMPOSITION_REPORT (composition), CAMPAIGN_REMEDIATION_STATUS_REPORT (remediation, remediation-status), CAMPAIGN_STATUS_REPORT (status), CERTIFICATION_SIGNOFF_REPORT (signoff, sign-off)`},
		{"report without a type", []string{"campaigns", "report", "C"}, 2,
			"isccert: report needs --type: one of CAMPAIGN_COMPOSITION_REPORT"},
		{"unknown report format", []string{"campaigns", "report", "C", "--type", "status", "--format", "xlsx"}, 2,
			`isccert: --format "xlsx": choose csv or pdf`},
		{"move without a reason", []string{"campaigns", "move", "C", "--from", "A", "--to", "B"}, 2,
			`isccert: move needs --reason: say why the certifications move, e.g. --reason "Ann is on leave"`},
		{"move with a blank reason", []string{"campaigns", "move", "C", "--from", "A", "--to", "B", "--reason", "  "}, 2,
			"isccert: move needs --reason"},
		{"move without --to", []string{"campaigns", "move", "C", "--from", "A", "--reason", "x"}, 2,
			"isccert: move needs --to: the identity id of the new reviewer"},
		{"move to the same reviewer", []string{"campaigns", "move", "C", "--from", "A", "--to", "A", "--reason", "x"}, 2,
			"isccert: --from and --to are the same identity: nothing would move"},
		{"unknown auto-complete action", []string{"campaigns", "complete", "C", "--auto", "DENY"}, 2,
			`isccert: --auto "DENY": choose APPROVE or REVOKE`},
		{"unknown time zone", []string{"campaigns", "activate", "C", "--time-zone", "Mars/Olympus"}, 2,
			`isccert: --time-zone "Mars/Olympus" is not a time zone: give an IANA name such as Europe/Paris, America/Chicago or UTC`},
		{"unknown status", []string{"campaigns", "list", "--status", "ACTIVE,RUNNING"}, 2,
			"isccert: --status RUNNING is not a campaign status: choose from PENDING, STAGED, CANCELING, ACTIVATING, ACTIVE, COMPLETING, COMPLETED, ERROR, ARCHIVED"},
		{"bad filter", []string{"campaigns", "list", "--filters", "status eq"}, 2, "isccert: --filters:"},
		{"unknown detail", []string{"campaigns", "list", "--detail", "medium"}, 2, `isccert: --detail "medium": choose SLIM or FULL`},
		{"export as a table", []string{"campaigns", "export", "C", "-o", "table"}, 2,
			"isccert: campaigns export writes one row per item: use -o csv or -o jsonl"},
		{"delete nothing", []string{"campaigns", "delete"}, 2, "isccert: isccert campaigns delete takes one or more CAMPAIGN"},
		{"template without a file", []string{"templates", "create"}, 2, "isccert: templates create needs --file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.run(tt.args...)
			assert.Equal(t, tt.code, res.code, res.stderr)
			assert.Empty(t, res.stdout)
			first, _, _ := strings.Cut(res.stderr, "\n")
			assert.Contains(t, first, tt.want)
		})
	}
	require.Empty(t, srv.Requests(), "nothing was sent")
}
