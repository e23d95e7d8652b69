package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustTime(t *testing.T, s string) *time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return &v
}

type pair struct {
	A string `json:"a"`
	B string `json:"b"`
}

var pairColumns = []column[pair]{col("a", func(p *pair) string { return p.A }), col("b", func(p *pair) string { return p.B })}

func TestListFormats(t *testing.T) {
	t.Parallel()
	rows := []pair{{"x", "=HYPERLINK(\"evil\")"}, {"tab\there", "line\nbreak\x1b[31m"}}
	want := map[string]string{
		formatTable: "A         B\nx         =HYPERLINK(\"evil\")\ntab here  line break [31m\n",
		formatCSV:   "a,b\nx,\"'=HYPERLINK(\"\"evil\"\")\"\ntab\there,\"line\nbreak\x1b[31m\"\n",
		formatJSON:  "[\n  {\n    \"a\": \"x\",\n    \"b\": \"=HYPERLINK(\\\"evil\\\")\"\n  },\n  {\n    \"a\": \"tab\\there\",\n    \"b\": \"line\\nbreak\\u001b[31m\"\n  }\n]\n",
		formatJSONL: "{\"a\":\"x\",\"b\":\"=HYPERLINK(\\\"evil\\\")\"}\n{\"a\":\"tab\\there\",\"b\":\"line\\nbreak\\u001b[31m\"}\n",
	}
	for format, w := range want {
		var b bytes.Buffer
		l := newList(&b, format, pairColumns)
		for i := range rows {
			require.NoError(t, l.add(&rows[i]))
		}
		require.NoError(t, l.close())
		assert.Equal(t, w, b.String(), format)
	}
	var b bytes.Buffer
	require.NoError(t, newList(&b, formatJSON, pairColumns).close())
	assert.Equal(t, "[]\n", b.String(), "an empty JSON list is still an array")
}

func TestPrintOne(t *testing.T) {
	t.Parallel()
	v := &pair{"1", "2"}
	for format, w := range map[string]string{
		formatTable: "a  1\nb  2\n",
		formatCSV:   "a,b\n1,2\n",
		formatJSON:  "{\n  \"a\": \"1\",\n  \"b\": \"2\"\n}\n",
		formatJSONL: "{\"a\":\"1\",\"b\":\"2\"}\n",
	} {
		var b bytes.Buffer
		require.NoError(t, printOne(&b, format, pairColumns, v))
		assert.Equal(t, w, b.String(), format)
	}
}

// The CSV headers of items export are the JSON names of its rows, in
// order, so that both formats read the same way.
func TestExportColumnsMatchJSON(t *testing.T) {
	t.Parallel()
	// The row's JSON fields in order, those of the embedded itemAccess
	// where it stands.
	var fields []reflect.StructField
	for _, f := range reflect.VisibleFields(reflect.TypeOf(exportRow{})) {
		if !f.Anonymous {
			fields = append(fields, f)
		}
	}
	require.Equal(t, len(fields), len(exportColumns))
	for i, c := range exportColumns {
		name, _, _ := strings.Cut(fields[i].Tag.Get("json"), ",")
		assert.Equal(t, name, c.name)
	}
	b, err := json.Marshal(exportRow{ID: "i", Decision: "APPROVE"})
	require.NoError(t, err)
	var d certifications.ReviewDecision
	require.NoError(t, json.Unmarshal(b, &d), "an export row is a ReviewDecision")
	assert.Equal(t, certifications.ReviewDecision{ID: "i", Decision: "APPROVE", Comments: certifications.Ptr("")}, d)
}

func TestSourceOf(t *testing.T) {
	t.Parallel()
	ent := func(src string) certifications.ReviewableEntitlement {
		return certifications.ReviewableEntitlement{SourceName: certifications.Ptr(src)}
	}
	assert.Equal(t, "", sourceOf(nil))
	assert.Equal(t, "AD", sourceOf(&certifications.AccessSummary{Entitlement: &certifications.ReviewableEntitlement{SourceName: certifications.Ptr("AD")}}))
	assert.Equal(t, "SAP; AD", sourceOf(&certifications.AccessSummary{Role: &certifications.ReviewableRole{
		Entitlements:   []certifications.ReviewableEntitlement{ent("SAP")},
		AccessProfiles: []certifications.ReviewableAccessProfile{{Entitlements: []certifications.ReviewableEntitlement{ent("AD"), ent("SAP")}}},
	}}))
}
