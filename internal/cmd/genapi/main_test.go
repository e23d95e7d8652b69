package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/iscgo/certifications/internal/genfiles"
	"github.com/iscgo/certifications/internal/testmain"
)

// TestMain skips the race detector's exit pause; see package testmain.
func TestMain(m *testing.M) { testmain.Main(m) }

// TestGeneratedFilesAreCurrent fails when a committed api_*.go file differs
// from what the declarations produce: run go generate ./... (or
// go run ./internal/cmd/genapi from the module root) and commit.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	// A file per service, the operation table, and the docs pages.
	if len(files) < len(services)+1 {
		t.Fatalf("generated %d files for %d services and the operation table", len(files), len(services))
	}
	for _, name := range genfiles.Stale(root, files) {
		t.Errorf("%s is missing or not what internal/cmd/genapi generates; run go generate ./... and commit", name)
	}
}

// TestEveryOperationIsDeclaredOnce guards the declarations themselves: a
// name appears once per service, and every path parameter has an argument.
func TestEveryOperationIsDeclaredOnce(t *testing.T) {
	for _, s := range services {
		seen := map[string]bool{}
		for _, o := range s.Ops {
			if seen[o.Name] {
				t.Errorf("%s: %s declared twice", s.File, o.Name)
			}
			seen[o.Name] = true
			if got := len(pathParams(o.Path)); got != len(o.Args) {
				t.Errorf("%s: path %s has %d parameters, the declaration %d arguments", o.Name, o.Path, got, len(o.Args))
			}
			if o.Set != 0 && o.Rules == nil {
				t.Errorf("%s: takes list options but names no rules", o.Name)
			}
			if o.Set&paging != 0 && !o.List {
				t.Errorf("%s: pages a result that is not a list", o.Name)
			}
		}
	}
}

func TestPathDoc(t *testing.T) {
	for in, want := range map[string]string{
		"/certifications":                              "GET /v3/certifications, or GET /certifications/v1 with APIVersionV1",
		"/certifications/{id}/decide":                  "GET /v3/certifications/{id}/decide, or GET /certifications/v1/{id}/decide with APIVersionV1",
		"/certification-tasks/{id}":                    "GET /v3/certification-tasks/{id}, or GET /certification-tasks/v1/{id} with APIVersionV1",
		"/certifications/{id}/access-summaries/{type}": "GET /v3/certifications/{id}/access-summaries/{type}, or GET /certifications/v1/{id}/access-summaries/{type} with APIVersionV1",
	} {
		if got := pathDoc(service{Root: true}, op{Method: "GET", Path: in}); got != want {
			t.Errorf("pathDoc(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := pathDoc(service{}, op{Method: "GET", Path: "/certifications"}), "GET /beta/certifications"; got != want {
		t.Errorf("beta pathDoc = %q, want %q", got, want)
	}
}

func TestCommentWraps(t *testing.T) {
	got := comment(strings.Repeat("word ", 40))
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if len(line) > 80 || !strings.HasPrefix(line, "// ") {
			t.Errorf("line %q", line)
		}
	}
}
