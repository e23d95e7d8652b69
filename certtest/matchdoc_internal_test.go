package certtest

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// filled returns a T with every field set, recursively: slices of two
// elements, maps of two entries, each string and number different.
func filled[T any]() T {
	var v T
	n := 0
	fill(reflect.ValueOf(&v).Elem(), &n, 0)
	return v
}

func fill(v reflect.Value, n *int, depth int) {
	*n++
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 6 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n, depth+1)
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(time.Date(2026, 3, 4, 5, 6, 7, *n*1000, time.UTC)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n, depth+1)
			}
		}
	case reflect.Slice:
		if depth > 6 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n, depth+1)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for i := range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			fill(k, n, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			fill(e, n, depth+1)
			v.SetMapIndex(k, e)
			_ = i
		}
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)) + string(rune('0'+*n%10)))
	case reflect.Bool:
		v.SetBool(*n%2 == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n % 100))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.1)
	case reflect.Interface:
		v.Set(reflect.ValueOf(map[string]any{"k": float64(*n), "l": []any{"x", true}}))
	}
}

// The walk gives the round trip's document for every model the sandbox
// filters or sorts, filled in every field and left empty.
func TestToDocIsTheJSONRoundTripForTheModels(t *testing.T) {
	for name, v := range map[string]any{
		"IdentityCertificationDto":          filled[certifications.IdentityCertificationDto](),
		"AccessReviewItem":                  filled[certifications.AccessReviewItem](),
		"AccessSummary":                     filled[certifications.AccessSummary](),
		"CertificationIdentitySummary":      filled[certifications.CertificationIdentitySummary](),
		"IdentityReferenceWithNameAndEmail": filled[certifications.IdentityReferenceWithNameAndEmail](),
		"PermissionDto":                     filled[certifications.PermissionDto](),
		"CertificationTask":                 filled[certifications.CertificationTask](),
		"Campaign":                          filled[certifications.Campaign](),
		"CampaignTemplate":                  filled[certifications.CampaignTemplate](),
		"CampaignFilterDetails":             filled[certifications.CampaignFilterDetails](),
		"CampaignReport":                    filled[certifications.CampaignReport](),
		"betaCertificationDto":              filled[betaCertificationDto](),
		"empty IdentityCertificationDto":    certifications.IdentityCertificationDto{},
		"empty AccessReviewItem":            certifications.AccessReviewItem{},
		"empty Campaign":                    certifications.Campaign{},
		"empty betaCertificationDto":        betaCertificationDto{},
	} {
		assert.Equal(t, jsonDoc(v), toDoc(v), name)
		_, walked := walkDoc(reflect.ValueOf(v))
		assert.True(t, walked, "%s is walked, not round-tripped", name)
	}
}

// The walk gives the round trip's document for what the sandbox renders:
// every certification, item, identity summary and campaign of a tenant.
func TestToDocIsTheJSONRoundTripForTheSandbox(t *testing.T) {
	tn := newShuffledTenant(t, 300)
	seen := 0
	check := func(v any) {
		t.Helper()
		seen++
		require.Equal(t, jsonDoc(v), toDoc(v))
		_, walked := walkDoc(reflect.ValueOf(v))
		require.True(t, walked, "%T is walked, not round-tripped", v)
	}
	for _, c := range tn.certs {
		check(tn.certDTO(c))
		check(tn.betaCertDTO(c))
		for ref := range tn.refs(c) {
			check(tn.item(ref))
		}
	}
	for _, cs := range tn.admin.campaigns {
		check(cs.c)
	}
	assert.Greater(t, seen, 300, "documents compared")
}

// Where encoding/json has rules of its own, the walk steps aside and the
// result is still the round trip's.
func TestToDocFollowsEncodingJSONOnTheEdges(t *testing.T) {
	type inner struct {
		A string `json:"a"`
	}
	for name, v := range map[string]any{
		"embedded": struct {
			inner
			B string `json:"b"`
		}{inner{A: "x"}, "y"},
		"embedded shadowed": struct {
			inner
			A string `json:"a"`
		}{inner{A: "x"}, "y"},
		"bytes":   struct{ B []byte }{B: []byte("hi")},
		"invalid": struct{ S string }{S: "a\xffb"},
		"float32": struct{ F float32 }{F: 0.1},
		"float64": struct{ F float64 }{F: 0.1},
		"big int": struct{ N int64 }{N: math.MaxInt64},
		"string tag": struct {
			N int `json:"n,string"`
		}{N: 3},
		"skipped and untagged": struct {
			S string `json:"-"`
			T string
			u string
		}{S: "s", T: "t", u: "u"},
		"omitempty": struct {
			P *string  `json:"p,omitempty"`
			E []string `json:"e,omitempty"`
			Z int      `json:"z,omitempty"`
			B bool     `json:"b,omitempty"`
		}{E: []string{}},
		"nil slice and map": struct {
			S []string       `json:"s"`
			M map[string]int `json:"m"`
		}{},
		"any": struct {
			A any `json:"a"`
		}{A: map[string]any{"k": []any{1, "x", nil}}},
		"raw":  struct{ R json.RawMessage }{R: json.RawMessage(`{"x":[1,2]}`)},
		"time": struct{ T time.Time }{T: time.Date(2026, 1, 2, 3, 4, 5, 600, time.FixedZone("x", 3600))},
		"enum": struct {
			E certifications.CampaignStatus `json:"e"`
		}{E: "SOMETHING_NEW"},
		"json.Number": struct {
			N json.Number `json:"n"`
			A any         `json:"a"`
		}{N: "12", A: map[string]any{"k": json.Number("3.5")}},
		"one name twice, the first omitted": sameNameTwice(),
		"a tagged name over an untagged one": struct {
			Y string `json:"X,omitempty"`
			X string
		}{X: "x"},
		"an invalid tag name": withTag(`json:"a'b"`),
		"big unsigned":        struct{ U uint64 }{U: math.MaxUint64},
		"negative zero":       struct{ F float64 }{F: math.Copysign(0, -1)},
		"html and separators": struct{ S string }{S: "<a&b>\u2028"},
		"omitempty array and struct": struct {
			A [0]int   `json:"a,omitempty"`
			B [2]int   `json:"b,omitempty"`
			S struct{} `json:"s,omitempty"`
		}{},
	} {
		assert.Equal(t, jsonDoc(v), toDoc(v), name)
	}
}

// Values encoding/json refuses (NaN, infinities, a zone offset of a day or
// more) and cycles are not walked: the round trip reports them.
func TestToDocLeavesWhatEncodingJSONRefuses(t *testing.T) {
	type node struct {
		Next *node `json:"next"`
	}
	cycle := &node{}
	cycle.Next = cycle
	for name, v := range map[string]any{
		"NaN":         struct{ F float64 }{F: math.NaN()},
		"infinity":    struct{ F float64 }{F: math.Inf(-1)},
		"zone of 25h": struct{ T time.Time }{T: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("z", 25*3600))},
		"year 10000":  struct{ T time.Time }{T: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"cycle":       cycle,
	} {
		_, walked := walkDoc(reflect.ValueOf(v))
		assert.False(t, walked, name)
		_, err := json.Marshal(v)
		assert.Error(t, err, name)
	}
}

// sameNameTwice returns a struct whose fields A (omitempty, empty) and B
// (set) are both named "x", built at run time so that vet lets the clash
// be.
func sameNameTwice() any {
	typ := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeFor[string](), Tag: `json:"x,omitempty"`},
		{Name: "B", Type: reflect.TypeFor[string](), Tag: `json:"x"`},
	})
	v := reflect.New(typ).Elem()
	v.Field(1).SetString("b")
	return v.Interface()
}

// withTag returns a struct of one string field A with the given tag,
// built at run time so that the linters let an odd tag be.
func withTag(tag reflect.StructTag) any {
	typ := reflect.StructOf([]reflect.StructField{{Name: "A", Type: reflect.TypeFor[string](), Tag: tag}})
	v := reflect.New(typ).Elem()
	v.Field(0).SetString("v")
	return v.Interface()
}
