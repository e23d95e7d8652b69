package certtest

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// requireSameEncoding fails unless encodeJSON writes exactly json.Marshal's
// bytes, or fails as it does.
func requireSameEncoding(t *testing.T, v any, name string) {
	t.Helper()
	want, wantErr := json.Marshal(v)
	got, err := encodeJSON(v)
	if wantErr != nil {
		require.Error(t, err, name)
		assert.Equal(t, wantErr.Error(), err.Error(), name)
		return
	}
	require.NoError(t, err, name)
	require.Equal(t, string(want), string(got), name)
}

// setStrings sets every string reachable from v (through pointers,
// structs and slices) to s.
func setStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setStrings(v.Elem(), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				setStrings(v.Field(i), s)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			setStrings(v.Index(i), s)
		}
	case reflect.String:
		v.SetString(s)
	}
}

// An item page is written byte for byte as json.Marshal writes it: every
// field filled, none, and strings encoding/json escapes.
func TestEncodeItemPageIsJSONMarshal(t *testing.T) {
	full := filled[certifications.AccessReviewItem]()
	requireSameEncoding(t, []certifications.AccessReviewItem{full}, "every field")
	requireSameEncoding(t, []certifications.AccessReviewItem{{}, full, {}}, "empty items around a full one")
	requireSameEncoding(t, []certifications.AccessReviewItem{}, "an empty page")
	requireSameEncoding(t, []certifications.AccessReviewItem(nil), "a nil page")
	for _, s := range []string{"", "plain ASCII", `quote " and \ backslash`, "<b>&amp;</b>", "tab\tnewline\n\x01", "café ☕", "a\xffb", "line\u2028separator", "\x7f"} {
		item := filled[certifications.AccessReviewItem]()
		setStrings(reflect.ValueOf(&item), s)
		requireSameEncoding(t, []certifications.AccessReviewItem{item}, "strings "+s)
	}
	zoned := filled[certifications.AccessReviewItem]()
	*zoned.AccessSummary.AccessProfile.Created = time.Date(2026, 5, 6, 7, 8, 9, 123456789, time.FixedZone("x", -(3*3600+30*60)))
	requireSameEncoding(t, []certifications.AccessReviewItem{zoned}, "a time in a zone")
}

// A time json.Marshal refuses makes the page json.Marshal's, error and all.
func TestEncodeItemPageFailsAsJSONMarshal(t *testing.T) {
	item := filled[certifications.AccessReviewItem]()
	*item.AccessSummary.AccessProfile.Created = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	requireSameEncoding(t, []certifications.AccessReviewItem{item}, "year 10000")
}

// Every item a tenant renders is written as json.Marshal writes it.
func TestEncodeItemPageOfTheSandbox(t *testing.T) {
	tn := newShuffledTenant(t, 600)
	for _, c := range tn.certs {
		var page []certifications.AccessReviewItem
		for ref := range tn.refs(c) {
			page = append(page, tn.item(ref))
		}
		requireSameEncoding(t, page, c.id)
		var w pageWriter
		for i := range page {
			w.writeAccessReviewItem(&page[i])
		}
		require.True(t, w.ok(), "the writers, not encoding/json, wrote %s's items", c.id)
	}
}
