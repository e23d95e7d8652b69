package main

import (
	"strings"
	"testing"

	"github.com/iscgo/certifications/internal/apigen"
)

// testService is a root service on both generations, for rendering one
// section at a time.
var testService = service{Package: "certifications", Type: "ThingsApiService", Root: true, Gens: []string{apigen.V3, apigen.V1}}

func section(o op, n note) string {
	var b strings.Builder
	methodSection(&b, testService, o, n)
	return b.String()
}

func TestMethodSectionWithoutParametersHasNoTable(t *testing.T) {
	got := section(op{Name: "GetThingConfig", Method: "GET", Path: "/things/config", Result: "ThingConfig"}, note{})
	if !strings.Contains(got, "### Parameters\n\nNone.\n\n### Return type") {
		t.Errorf("an operation without parameters should say None under Parameters:\n%s", got)
	}
	if strings.Contains(got, "| Name |") {
		t.Errorf("an operation without parameters has a parameter table:\n%s", got)
	}
	if !strings.Contains(got, "- No `*ValidationError`: the operation takes no input to check.\n") {
		t.Errorf("an operation without input should say it is never refused:\n%s", got)
	}
}

func TestMethodSectionBodyWithoutCheck(t *testing.T) {
	optional := section(op{Name: "StartThing", Method: "POST", Path: "/things/{id}/start", Args: []arg{{Name: "thingID"}},
		Body: &body{Name: "StartOptions", Type: "StartOptions", Doc: "sets the options."}}, note{})
	if strings.Contains(optional, "``") || strings.Contains(optional, "a body that fails") {
		t.Errorf("an optional body without a check should add no validation case:\n%s", optional)
	}
	if !strings.Contains(optional, "(nothing sent): `id` empty, blank, `.` or `..`.\n") {
		t.Errorf("the validation line should list the id only:\n%s", optional)
	}
	required := section(op{Name: "SetThingConfig", Method: "PUT", Path: "/things/config", Result: "ThingConfig",
		Body: &body{Name: "ThingConfig", Type: "ThingConfig", Required: true, Doc: "sets the configuration."}}, note{})
	if !strings.Contains(required, "(nothing sent): no body.\n") {
		t.Errorf("a required body without a check should be refused only when missing:\n%s", required)
	}
}

func TestMethodSectionSliceBodyWithCheckIsRequired(t *testing.T) {
	got := section(op{Name: "DeleteThings", Method: "POST", Path: "/things/delete",
		Body: &body{Name: "RequestBody", Type: "[]string", Check: "validateIDs(\"requestBody\", %s)", Doc: "sets the IDs."}}, note{})
	if !strings.Contains(got, "| body | body | `[]string` | yes |") {
		t.Errorf("a slice body whose check refuses an empty one should be marked required:\n%s", got)
	}
}

func TestMethodSectionStartPaging(t *testing.T) {
	got := section(op{Name: "ListThings", Method: "GET", Path: "/things", Result: "ThingPage", Items: "Thing", Set: startPaging,
		Rules: &rules{Doc: "It takes no filters."}}, note{})
	for _, want := range []string{"| `start` | query | `int32` | no | `Start(n)` |", "a negative `start`"} {
		if !strings.Contains(got, want) {
			t.Errorf("start paging should show %q:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"`count`", "`Offset(n)`", "### Filters and sorters"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("start paging without filters or sorters should not show %q:\n%s", unwanted, got)
		}
	}
}

func TestMethodSectionWithoutResultTakesTheNote(t *testing.T) {
	got := section(op{Name: "StartThing", Method: "POST", Path: "/things/{id}/start", Args: []arg{{Name: "thingID"}}},
		note{Result: "The server answers `202 Accepted` with an empty object."})
	want := "None: `Execute` returns `(*http.Response, error)`. The server answers `202 Accepted` with an empty object.\n"
	if !strings.Contains(got, want) {
		t.Errorf("the return type should read %q:\n%s", want, got)
	}
}

func TestCheckNoteArgsRefusesUnknownParameter(t *testing.T) {
	o := op{Name: "GetThing", Method: "GET", Path: "/things/{id}", Args: []arg{{Name: "thingID"}}}
	if err := checkNoteArgs("ThingsApi", o, note{Args: map[string]string{"id": "The thing's ID"}}); err != nil {
		t.Errorf("a note describing the path parameter id was refused: %v", err)
	}
	err := checkNoteArgs("ThingsApi", o, note{Args: map[string]string{"thingId": "The thing's ID"}})
	if err == nil || !strings.Contains(err.Error(), `"thingId"`) {
		t.Errorf("a note describing a parameter the path does not have should be refused by name, got %v", err)
	}
}
