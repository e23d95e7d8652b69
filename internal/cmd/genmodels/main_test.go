package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iscgo/certifications/internal/genfiles"
	"github.com/iscgo/certifications/internal/testmain"
)

// TestMain skips the race detector's exit pause; see package testmain.
func TestMain(m *testing.M) { testmain.Main(m) }

// TestGeneratedFilesAreCurrent fails when an accessors file differs from
// what the model files produce.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(root, modelDocsDir, "*.md"))
	if want := len(packages) + 3 + len(pages); len(files) != want {
		t.Fatalf("generated %d files, want %d (accessors, the test registry, the JSON readers and writers and the %d pages of %s)", len(files), want, len(pages), modelDocsDir)
	}
	for _, name := range genfiles.Stale(root, files) {
		t.Errorf("%s is missing or not what internal/cmd/genmodels generates; run go generate ./... and commit", name)
	}
}

// A model needs no registration: a struct in a model file gets its
// getters, a hand-written getter is kept, and a string type with
// constants gets Values and IsKnown.
func TestAnyModelFileGetsAccessors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("model_campaign.go", `package x

import "time"

type Campaign struct {
	ID      *string
	Status  *CampaignStatus
	Created *time.Time
	Count   *int32
	Owner   *Owner
	Tags    []string
	Name    string
}

type Owner struct{ Name *string }

func (c *Campaign) GetName() string { return "kept" }

type CampaignStatus string

const (
	CampaignStatusActive CampaignStatus = "ACTIVE"
	CampaignStatusDone   CampaignStatus = "COMPLETED"
)
`)
	src, err := genPackage(dir, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	got := string(src)
	for _, want := range []string{
		"func (c *Campaign) GetID() string {",
		"func (c *Campaign) GetStatus() CampaignStatus {",
		"func (c *Campaign) GetCreated() time.Time {",
		"func (c *Campaign) GetCount() int32 {",
		"func (c *Campaign) GetOwner() *Owner {",
		"func (c *Campaign) GetTags() []string {",
		"func (o *Owner) GetName() string {",
		"func CampaignStatusValues() []CampaignStatus",
		"func (v CampaignStatus) IsKnown() bool",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("generated code lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "func (c *Campaign) GetName()") {
		t.Error("a hand-written getter was generated again")
	}
}
