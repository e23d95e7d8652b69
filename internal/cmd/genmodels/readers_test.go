package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readersOf writes src as a model file of a new package and returns the
// readers of its struct Root, or the generator's error.
func readersOf(t *testing.T, src string) (string, error) {
	return generatedFor(t, src, (*pkgInfo).renderReaders)
}

// generatedFor writes src as a model file of a new package and returns
// what render generates for its struct Root, or the generator's error.
func generatedFor(t *testing.T, src string, render func(*pkgInfo, []string) ([]byte, error)) (string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "model_root.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := parsePackage(dir, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := render(p, []string{"Root"})
	return string(out), err
}

// Each field gets the primitive of its kind; a kind with none, a type
// that decodes itself, a "string" option or an embedded struct makes the
// reader give up, and a field tagged "-" is no key at all.
func TestReadersReadEachFieldOrGiveUp(t *testing.T) {
	got, err := readersOf(t, `package x

import "time"

type Root struct {
	ID       *string           `+"`json:\"id,omitempty\"`"+`
	Status   *Status           `+"`json:\"status\"`"+`
	Done     *bool             `+"`json:\"done\"`"+`
	Count    *int32            `+"`json:\"count\"`"+`
	Total    *int64            `+"`json:\"total\"`"+`
	At       *time.Time        `+"`json:\"at\"`"+`
	Child    *Child            `+"`json:\"child\"`"+`
	Children []Child           `+"`json:\"children\"`"+`
	Tags     []string          `+"`json:\"tags\"`"+`
	Attrs    map[string]string `+"`json:\"attrs\"`"+`
	Any      any               `+"`json:\"any\"`"+`
	Quoted   *int64            `+"`json:\"quoted,string\"`"+`
	Own      *Own              `+"`json:\"own\"`"+`
	Owns     []Own             `+"`json:\"owns\"`"+`
	Skipped  *string           `+"`json:\"-\"`"+`
	Dash     *string           `+"`json:\"-,\"`"+`
	Untagged *string
	hidden   *string
	Outer    *Outer            `+"`json:\"outer\"`"+`
}

type Status string

type Child struct{ Name *string `+"`json:\"name\"`"+` }

type Own struct{}

func (o *Own) UnmarshalJSON([]byte) error { return nil }

type Outer struct {
	Child
}
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`var keysRoot = []string{"id", "status", "done", "count", "total", "at", "child", "children", "tags", "attrs", "any", "quoted", "own", "owns", "-", "Untagged", "outer"}`,
		"return str(r, &x.ID)",
		"return str(r, &x.Status)",
		"return boolean(r, &x.Done)",
		"return integer(r, &x.Count, 32)",
		"return integer(r, &x.Total, 64)",
		"return r.timestamp(&x.At)",
		"return ptr(r, &x.Child, r.readChild)",
		"return list(r, &x.Children, r.readChild)",
		"return list(r, &x.Tags, func(v *string) bool { return text(r, v) })",
		"return false // map[string]string: left to encoding/json",
		"return false // any: left to encoding/json",
		"return false // *int64: left to encoding/json",
		"return false // *Own: left to encoding/json",
		"return false // []Own: left to encoding/json",
		"return str(r, &x.Dash)",
		"return str(r, &x.Untagged)",
		"func (r *pageReader) readChild(x *Child) bool {",
		"func (r *pageReader) readOuter(*Outer) bool { return false }",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the readers lack %q:\n%s", want, got)
		}
	}
	for _, absent := range []string{"x.Skipped", "x.hidden", "readOwn"} {
		if strings.Contains(got, absent) {
			t.Errorf("the readers have %q:\n%s", absent, got)
		}
	}
}

// What pageReader cannot match as encoding/json does stops the generator.
func TestReadersRefuseWhatTheyCannotMatch(t *testing.T) {
	many := "package x\n\ntype Root struct {\n"
	for i := range maxReaderFields + 1 {
		many += "\tF" + strings.Repeat("x", i) + " *string\n"
	}
	many += "}\n"
	for name, src := range map[string]string{
		"name used twice": "package x\n\ntype Root struct {\n\tA *string `json:\"a\"`\n\tB *string `json:\"a\"`\n}\n",
		"non-ASCII name":  "package x\n\ntype Root struct {\n\tA *string `json:\"é\"`\n}\n",
		"too many fields": many,
		"not a struct":    "package x\n\ntype Root string\n",
	} {
		t.Run(name, func(t *testing.T) {
			if out, err := readersOf(t, src); err == nil {
				t.Errorf("no error; wrote:\n%s", out)
			}
		})
	}
}
