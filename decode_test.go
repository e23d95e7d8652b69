package certifications

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullItemValue returns an item with every field of every struct inside
// it set, each string to its path, and every list of n elements.
func fullItemValue(t testing.TB, n int) AccessReviewItem {
	var it AccessReviewItem
	fillAll(t, reflect.ValueOf(&it).Elem(), "item", n)
	return it
}

func fillAll(t testing.TB, v reflect.Value, path string, n int) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(t, v.Elem(), path, n)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 3, 4, 5, 6, 7, 8000000, time.UTC).Add(time.Duration(len(path)) * time.Hour)))
			return
		}
		for i := range v.NumField() {
			fillAll(t, v.Field(i), path+"."+v.Type().Field(i).Name, n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fillAll(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i), n)
		}
	case reflect.String:
		v.SetString(path)
	case reflect.Bool:
		v.SetBool(len(path)%2 == 0)
	case reflect.Int32, reflect.Int64:
		v.SetInt(int64(len(path)))
	default:
		t.Fatalf("%s: no test value for a %s; teach fillAll its kind", path, v.Type())
	}
}

// fullPage is a page of a full item with lists of two, an empty item and
// a full item with lists of one.
func fullPage(t testing.TB) []byte {
	t.Helper()
	b, err := json.Marshal([]AccessReviewItem{fullItemValue(t, 2), {}, fullItemValue(t, 1)})
	require.NoError(t, err)
	return b
}

// realisticPage is a page as the API sends it, an entitlement and a role
// with their insides, small enough to be cut and altered at each byte.
const realisticPage = `[{"accessSummary":{"access":{"type":"ENTITLEMENT","id":"9d9b26e7","name":"FIN.EXPENSES.APPROVER"},` +
	`"entitlement":{"id":"9d9b26e7","name":"FIN.EXPENSES.APPROVER","description":"Approve expense reports","privileged":false,` +
	`"owner":{"type":"IDENTITY","id":"555ffdbc","name":"Gabriel Quintero","email":"gabriel.quintero@acme.example"},` +
	`"attributeName":"securityGroups","attributeValue":"FIN.EXPENSES.APPROVER","sourceSchemaObjectType":"group","sourceName":"Workday",` +
	`"sourceType":"Workday","sourceId":"865182df","hasPermissions":false,"isPermission":false,"revocable":true,"cloudGoverned":false,` +
	`"containsDataAccess":true,"dataAccess":{"policies":[{"value":"GDPR"}],"categories":[{"value":"PII","matchCount":12}],"impactScore":{"value":"High"}},` +
	`"account":{"nativeIdentity":"WD200000","disabled":false,"locked":false,"type":"ACCOUNT","id":"b431798d","name":"WD200000",` +
	`"created":"2020-03-22T08:45:05.343Z","modified":"2026-11-30T20:05:01Z",` +
	`"activityInsights":{"accountID":"b431798d","usageDays":71,"usageDaysState":"COMPLETE"},"description":"Workday account of Zoë Ørsted",` +
	`"governanceGroupId":"94f9c3ed","owner":{"id":"bad18b26","type":"IDENTITY","displayName":"Zoë Ørsted"}}}},` +
	`"identitySummary":{"id":"0237b68b","name":"Zoë Ørsted","identityId":"bad18b26","completed":false},` +
	`"id":"c0b66142","completed":false,"newAccess":true,"decision":"APPROVE","comments":"kept: \"R&D\" needs it"},` +
	`{"accessSummary":{"access":{"type":"ROLE","id":"r1","name":"Finance"},"role":{"id":"r1","name":"Finance","description":null,` +
	`"privileged":true,"owner":{"type":"IDENTITY","id":"o1","name":"Hana Schmidt","email":"hana@acme.example"},"revocable":true,` +
	`"endDate":"2027-01-01T00:00:00Z","accessProfiles":[{"id":"ap1","name":"Ledger","description":"General ledger","privileged":false,` +
	`"cloudGoverned":false,"endDate":null,"owner":{"type":"IDENTITY","id":"o2","name":"Ana","email":"ana@acme.example"},` +
	`"entitlements":[{"id":"e1","name":"GL.READ","sourceName":"Oracle ERP"}],"created":"2021-05-06T07:08:09Z","modified":"2026-01-02T03:04:05.678+01:00"}],` +
	`"entitlements":[{"id":"e2","name":"GL.POST","revocable":false}]}},` +
	`"identitySummary":{"id":"i2","name":"Ben Abara","identityId":"b2","completed":true},"id":"c2","completed":true,"newAccess":false,"decision":"REVOKE"}]`

// The readers are generated from the model structs, a case for each
// field, so none can miss a field. This checks it through behaviour: an
// item with every field set, encoded by encoding/json, is read back whole
// by pageReader itself, which would skip the key of a field it did not
// know (or give up on one of a kind it has no primitive for).
func TestPageReaderReadsEveryField(t *testing.T) {
	body := fullPage(t)
	r := pageReader{b: body}
	items, ok := r.itemPage()
	require.True(t, ok, "pageReader left a page of full items to encoding/json")
	assert.Equal(t, []AccessReviewItem{fullItemValue(t, 2), {}, fullItemValue(t, 1)}, items)
}

// Realistic pages (indented or not, empty) are read without encoding/json.
func TestPageReaderTakesWellFormedPages(t *testing.T) {
	var indented bytes.Buffer
	require.NoError(t, json.Indent(&indented, fullPage(t), "\r\n", "\t "))
	for name, body := range map[string][]byte{
		"compact":   fullPage(t),
		"indented":  indented.Bytes(),
		"empty":     []byte(" [ ] "),
		"realistic": []byte(realisticPage),
	} {
		t.Run(name, func(t *testing.T) {
			r := pageReader{b: body}
			items, ok := r.itemPage()
			require.True(t, ok)
			var want []AccessReviewItem
			require.NoError(t, json.Unmarshal(body, &want))
			assert.Equal(t, want, items)
			assert.NotNil(t, items, "an empty page is an empty, non-nil slice, as encoding/json makes it")
		})
	}
}

// requireSameDecode checks that decodeJSON gives what json.Unmarshal
// gives: the same items, or an error with the same text.
func requireSameDecode(t *testing.T, body []byte) {
	t.Helper()
	var want, got []AccessReviewItem
	wantErr := json.Unmarshal(body, &want)
	gotErr := decodeJSON(body, &got)
	if wantErr != nil {
		require.Error(t, gotErr, "body %q", body)
		require.Equal(t, wantErr.Error(), gotErr.Error(), "body %q", body)
	} else {
		require.NoError(t, gotErr, "body %q", body)
	}
	require.True(t, reflect.DeepEqual(want, got), "body %q:\nencoding/json %#v\ndecodeJSON    %#v", body, want, got)
}

const (
	kelvin = "\u212a" // folds to 'k' in encoding/json's key matching
	longS  = "\u017f" // folds to 's'
)

// decodeEdgeCases are bodies the reader must either read as encoding/json
// does or leave to it.
func decodeEdgeCases() map[string]string {
	account := func(fields string) string {
		return `[{"accessSummary":{"entitlement":{"account":{` + fields + `}}}}]`
	}
	category := func(count string) string {
		return `[{"accessSummary":{"entitlement":{"dataAccess":{"categories":[{"matchCount":` + count + `}]}}}}]`
	}
	endDate := func(v string) string { return `[{"accessSummary":{"role":{"endDate":` + v + `}}}]` }
	return map[string]string{
		"empty body":               ``,
		"white space only":         " \n\t",
		"null page":                `null`,
		"null element":             `[null,{"id":"a"}]`,
		"null fields":              `[{"id":null,"completed":null,"accessSummary":null,"identitySummary":{"name":null}}]`,
		"null lists":               `[{"accessSummary":{"role":{"accessProfiles":null,"entitlements":[null,{"id":"e"}]}}}]`,
		"empty lists":              `[{"accessSummary":{"role":{"accessProfiles":[],"entitlements":[]}}}]`,
		"empty objects":            `[{},{"accessSummary":{},"identitySummary":{}}]`,
		"unknown fields":           `[{"x":{"a":[1,-2.5e3,true,false,null,"s\u00e9",{}]},"id":"a","y":[]}]`,
		"unknown nested keys":      `[{"x":{"ï":1,"\u0041":2,"a":3,"a":4,"":5},"id":"a"}]`,
		"unknown deep nesting":     `[{"x":` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + `,"id":"a"}]`,
		"too deep for json":        `[{"x":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}]`,
		"unknown non-ASCII key":    `[{"ïd":"a","id":"b"}]`,
		"key in other case":        `[{"ID":"a"}]`,
		"key in other case too":    `[{"id":"a","Id":"b"}]`,
		"upper-case key":           account(`"LOCKED":true`),
		"Kelvin sign key":          account(`"loc` + kelvin + `ed":true`),
		"escaped Kelvin sign key":  account(`"loc\u212aed":true`),
		"long s key":               `[{"accessSummary":{"entitlement":{"` + longS + `ourceName":"a"}}}]`,
		"escaped long s key":       `[{"accessSummary":{"entitlement":{"\u017fourceName":"a"}}}]`,
		"escaped key":              `[{"\u0069d":"a"}]`,
		"empty key":                `[{"":"a","id":"b"}]`,
		"repeated key":             `[{"id":"a","id":"b"}]`,
		"repeated null key":        `[{"id":"a","id":null}]`,
		"repeated object key":      `[{"identitySummary":{"id":"a"},"identitySummary":{"name":"b"}}]`,
		"repeated list key":        `[{"accessSummary":{"role":{"entitlements":[{"id":"a"}],"entitlements":[{"name":"b"},{}]}}}]`,
		"escaped string":           `[{"id":"a\"b\\c\/d\u0041\n\b\f\r\t","comments":"R\u0026D"}]`,
		"non-ASCII string":         `[{"comments":"Zoë Ørsted 日本 😀"}]`,
		"invalid UTF-8":            "[{\"comments\":\"a\xffb\xc3\"}]",
		"encoded surrogate":        "[{\"comments\":\"a\xed\xa0\x80b\"}]",
		"invalid UTF-8 in unknown": "[{\"x\":\"a\xffb\",\"y\":{\"\xff\":1}}]",
		"surrogate escape":         `[{"comments":"\ud83d\ude00 \ud800 \udc00x"}]`,
		"short escape":             `[{"comments":"\u12"}]`,
		"bad escape":               `[{"comments":"a\qb"}]`,
		"control character":        "[{\"comments\":\"a\tb\"}]",
		"DEL character":            "[{\"comments\":\"a\x7fb\"}]",
		"integer":                  category(`-12`),
		"minus zero":               category(`-0`),
		"lone minus":               category(`-`),
		"fraction":                 category(`1.5`),
		"integral fraction":        category(`1.0`),
		"exponent":                 category(`1e2`),
		"bad exponent":             category(`1e+`),
		"leading zero":             category(`012`),
		"plus sign":                category(`+1`),
		"int64 limits":             `[{"accessSummary":{"entitlement":{"dataAccess":{"categories":[{"matchCount":9223372036854775807},{"matchCount":-9223372036854775808}]}}}}]`,
		"int64 overflow":           category(`9223372036854775808`),
		"int32 limits":             account(`"activityInsights":{"usageDays":-2147483648}`),
		"int32 overflow":           account(`"activityInsights":{"usageDays":2147483648}`),
		"huge unknown numbers":     `[{"x":1e400,"y":-123456789012345678901234567890,"z":0.000e-999}]`,
		"number for string":        `[{"id":12}]`,
		"string for number":        category(`"12"`),
		"bool for number":          category(`true`),
		"date-time":                endDate(`"2026-01-02T03:04:05.678+01:00"`),
		"date-time after space":    `[{"accessSummary":{"role":{"endDate": ` + "\n" + ` "2026-01-02T03:04:05Z" }}}]`,
		"bad date-time":            endDate(`"2026-13-02"`),
		"date only":                endDate(`"2026-01-02"`),
		"escaped date-time":        endDate(`"2026\u002d01-02T03:04:05Z"`),
		"number as date-time":      endDate(`12`),
		"string for bool":          `[{"completed":"true"}]`,
		"misspelt literals":        `[{"completed":tru}]`,
		"literal run-on":           `[{"completed":truex}]`,
		"null run-on":              `[{"id":nullnull}]`,
		"list for object":          `[{"accessSummary":[]}]`,
		"object for list":          `[{"accessSummary":{"role":{"entitlements":{}}}}]`,
		"string in list":           `[{"accessSummary":{"role":{"entitlements":["e"]}}}]`,
		"object not list":          `{"id":"a"}`,
		"number page":              `12`,
		"unknown enum value":       `[{"decision":"MAYBE","accessSummary":{"access":{"type":"GROUP"}}}]`,
		"trailing data":            `[{"id":"a"}] x`,
		"trailing NUL":             "[]\x00",
		"leading BOM":              "\xef\xbb\xbf[]",
		"two values":               `[][]`,
		"truncated":                `[{"id":"a"`,
		"truncated string":         `[{"id":"a`,
		"missing comma":            `[{"id":"a" "completed":true}]`,
		"missing colon":            `[{"id" "a"}]`,
		"trailing comma":           `[{"id":"a",}]`,
		"trailing comma in page":   `[{"id":"a"},]`,
		"leading comma":            `[,{}]`,
		"single quotes":            `[{'id':'a'}]`,
		"white space":              " \n[ {\t\"id\" : \"a\" , \"completed\" :true } ,{} ]\r\n",
		"vertical tab":             "[\v{}]",
	}
}

func TestDecodeJSONDecodesAsEncodingJSON(t *testing.T) {
	for name, body := range decodeEdgeCases() {
		t.Run(name, func(t *testing.T) { requireSameDecode(t, []byte(body)) })
	}
	t.Run("every prefix of a page", func(t *testing.T) {
		body := []byte(realisticPage)
		for n := range body {
			requireSameDecode(t, body[:n])
		}
	})
	t.Run("every field null or of another type", func(t *testing.T) {
		body := realisticPage
		for _, other := range []string{`null`, `12`, `1.5`, `"x"`, `true`, `{}`, `[]`, `[null]`, `{"x":1}`} {
			for _, k := range keysOf(t, body) {
				r := pageReader{b: []byte(body), i: k.colon + 1}
				require.True(t, r.skip())
				requireSameDecode(t, []byte(body[:k.colon+1]+other+body[r.i:]))
			}
		}
	})
	t.Run("every key in upper case", func(t *testing.T) {
		body := realisticPage
		for _, k := range keysOf(t, body) {
			requireSameDecode(t, []byte(body[:k.start]+strings.ToUpper(body[k.start:k.end])+body[k.end:]))
		}
	})
}

// key is where a key of a JSON text is: its quoted token is [start, end),
// and the colon after it at colon.
type key struct{ start, end, colon int }

// keysOf returns the keys of the valid JSON text body.
func keysOf(t *testing.T, body string) []key {
	var keys []key
	r := pageReader{b: []byte(body)}
	for r.i < len(body) {
		if body[r.i] != '"' {
			r.i++
			continue
		}
		start := r.i
		end, _, _, ok := r.stringEnd()
		require.True(t, ok)
		r.i = end
		if r.next() == ':' {
			keys = append(keys, key{start, end, r.i})
		}
	}
	require.NotEmpty(t, keys)
	return keys
}

// decodeJSON takes only a nil page: encoding/json decodes into the items
// a slice already holds, and refuses a nil pointer.
func TestDecodeJSONLeavesOtherTargetsToEncodingJSON(t *testing.T) {
	want := []AccessReviewItem{{ID: Ptr("old"), Comments: Ptr("kept")}}
	got := []AccessReviewItem{{ID: Ptr("old"), Comments: Ptr("kept")}}
	body := []byte(`[{"id":"new"}]`)
	require.NoError(t, json.Unmarshal(body, &want))
	require.NoError(t, decodeJSON(body, &got))
	assert.Equal(t, want, got)

	var nilPage *[]AccessReviewItem
	wantErr := json.Unmarshal(body, nilPage)
	require.Error(t, wantErr)
	assert.Equal(t, wantErr, decodeJSON(body, nilPage))

	var item AccessReviewItem
	require.NoError(t, decodeJSON([]byte(`{"id":"a"}`), &item))
	assert.Equal(t, "a", item.GetID())
}

// A list of strings, the primitive the generator gives []string fields,
// reads as encoding/json does.
func TestListOfStringsDecodesAsEncodingJSON(t *testing.T) {
	for _, body := range []string{`null`, `[]`, `["a", null, "b\u00e9", "ü"]`, "[\"\xff\"]", `["a",1]`, `[`, `{}`, `["a",]`} {
		var want, got []string
		wantErr := json.Unmarshal([]byte(body), &want)
		r := pageReader{b: []byte(body)}
		ok := list(&r, &got, func(v *string) bool { return text(&r, v) })
		r.ws()
		if !ok || r.i != len(body) {
			assert.Error(t, wantErr, "pageReader refused %q, which encoding/json takes", body)
			continue
		}
		require.NoError(t, wantErr, "pageReader took %q, which encoding/json refuses", body)
		assert.Equal(t, want, got, "body %q", body)
	}
}

// FuzzDecodeItemPage checks that decodeJSON decodes any body into a page
// of items exactly as encoding/json does: the same items, the same error.
func FuzzDecodeItemPage(f *testing.F) {
	for _, body := range decodeEdgeCases() {
		f.Add([]byte(body))
	}
	f.Add(fullPage(f))
	f.Add([]byte(realisticPage))
	var indented bytes.Buffer
	require.NoError(f, json.Indent(&indented, fullPage(f), "", "  "))
	f.Add(indented.Bytes())
	f.Fuzz(func(t *testing.T, body []byte) {
		var want, got []AccessReviewItem
		wantErr := json.Unmarshal(body, &want)
		gotErr := decodeJSON(body, &got)
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Fatalf("errors differ: encoding/json %v, decodeJSON %v", wantErr, gotErr)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("items differ:\nencoding/json %#v\ndecodeJSON    %#v", want, got)
		}
	})
}
