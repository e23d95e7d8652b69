package main

import (
	"strings"
	"testing"
)

// writersOf writes src as a model file of a new package and returns the
// writers of its struct Root, or the generator's error.
func writersOf(t *testing.T, src string) (string, error) {
	return generatedFor(t, src, (*pkgInfo).renderWriters)
}

// Each field gets the primitive of its kind, guarded by omitempty or
// written as null when nil; a kind with no primitive, or a type that
// encodes itself, is handed to encoding/json; "-" is no member.
func TestWritersWriteEachField(t *testing.T) {
	got, err := writersOf(t, `package x

import "time"

type Root struct {
	ID       *string           `+"`json:\"id,omitempty\"`"+`
	Status   *Status           `+"`json:\"status\"`"+`
	Done     *bool             `+"`json:\"done,omitempty\"`"+`
	Count    *int32            `+"`json:\"count,omitempty\"`"+`
	At       *time.Time        `+"`json:\"at,omitempty\"`"+`
	Child    *Child            `+"`json:\"child,omitempty\"`"+`
	Children []Child           `+"`json:\"children,omitempty\"`"+`
	Tags     []string          `+"`json:\"tags\"`"+`
	Attrs    map[string]string `+"`json:\"attrs\"`"+`
	Own      *Own              `+"`json:\"own,omitempty\"`"+`
	Skipped  *string           `+"`json:\"-\"`"+`
	hidden   *string
}

type Status string

type Child struct{ Name *string `+"`json:\"name,omitempty\"`"+` }

type Own struct{}

func (Own) MarshalJSON() ([]byte, error) { return nil, nil }
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"if x.ID != nil {\n\t\tw.key(\"id\")\n\t\tw.str(string(*x.ID))",
		"w.key(\"status\")\n\tif x.Status == nil {\n\t\tw.literal(\"null\")\n\t} else {\n\t\tw.str(string(*x.Status))",
		"w.boolean(bool(*x.Done))",
		"w.integer(int64(*x.Count))",
		"w.time(*x.At)",
		"w.writeChild(x.Child)",
		"if len(x.Children) != 0 {",
		"w.writeChild(&x.Children[i])",
		"w.key(\"tags\")\n\tif x.Tags == nil {\n\t\tw.literal(\"null\")",
		"w.str(string(x.Tags[i]))",
		"w.key(\"attrs\")\n\tw.value(&x.Attrs)",
		"w.value(x.Own)",
		"func (w *pageWriter) writeChild(x *certifications.Child)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the writers lack\n%s\nin\n%s", want, got)
		}
	}
	for _, absent := range []string{"Skipped", "hidden", "writeOwn"} {
		if strings.Contains(got, absent) {
			t.Errorf("the writers mention %s:\n%s", absent, got)
		}
	}
}

// What the writers cannot write as encoding/json does is refused, with
// the field named.
func TestWritersRefuse(t *testing.T) {
	for name, src := range map[string]string{
		"omitempty on a value": "type Root struct{ N int `json:\"n,omitempty\"` }",
		"string option":        "type Root struct{ N *int64 `json:\"n,string\"` }",
		"embedded":             "type Root struct{ Child }\ntype Child struct{}",
		"a name twice":         "type Root struct{ A *string `json:\"x\"`; B *string `json:\"x\"` }",
	} {
		if _, err := writersOf(t, "package x\n\n"+src+"\n"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
