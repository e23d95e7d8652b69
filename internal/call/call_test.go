package call

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// fakeClient records what an operation would send and answers with body.
type fakeClient struct {
	body   string
	status int
	method string
	path   string
	query  url.Values
	sent   int
	err    error
	skip   bool
}

type invalidError struct{ param string }

func (e *invalidError) Error() string { return "invalid " + e.param }

// The tests see the parameter a check refused through invalidError, as the
// SDK's callers see it through *ValidationError.
type invalids struct{}

func (invalids) Invalid(param, _, _ string) error { return &invalidError{param} }

func (*fakeClient) Invalid(param, _, _ string) error { return &invalidError{param} }

func (f *fakeClient) NewRequest(ctx context.Context, method, path string, q url.Values, body any) (*http.Request, error) {
	f.method, f.path, f.query = method, path, q
	return http.NewRequestWithContext(ctx, method, "https://tenant.example/"+path, nil)
}

func (f *fakeClient) Do(req *http.Request, v any) (*http.Response, error) {
	f.sent++
	resp := &http.Response{StatusCode: f.status, Body: io.NopCloser(strings.NewReader(f.body))}
	if f.status >= 300 {
		return resp, errors.New("status")
	}
	return resp, jsonDecode(f.body, v)
}

func (f *fakeClient) Path(p string) string { return "v9" + p }

func (f *fakeClient) Err() error { return f.err }

func (f *fakeClient) SkipFields() bool { return f.skip }

func TestFillEscapesEachValueAsOneSegment(t *testing.T) {
	got, err := Fill(invalids{}, "/certifications/{id}/items/{itemId}", "a/b c", "50%?#")
	if err != nil {
		t.Fatal(err)
	}
	if want := "/certifications/a%2Fb%20c/items/50%25%3F%23"; got != want {
		t.Errorf("Fill = %q, want %q", got, want)
	}
}

func TestFillRefusesBlankAndDotSegments(t *testing.T) {
	for _, v := range []string{"", "  ", ".", ".."} {
		_, err := Fill(invalids{}, "/certifications/{id}/items/{itemId}", "c1", v)
		var ie *invalidError
		if !errors.As(err, &ie) || ie.param != "itemId" {
			t.Errorf("Fill(invalids{}, %q) = %v, want an invalid itemId", v, err)
		}
	}
}

func TestFillNamesADeclarationWithTooFewParameters(t *testing.T) {
	if _, err := Fill(invalids{}, "/certifications", "extra"); err == nil {
		t.Error("a value without a parameter to take it was accepted")
	}
}

func TestSetString(t *testing.T) {
	q := url.Values{}
	if err := SetString(invalids{}, q, "roles", nil); err != nil || q.Has("roles") {
		t.Errorf("unset: err %v, query %v", err, q)
	}
	v := "r1,r2"
	if err := SetString(invalids{}, q, "roles", &v); err != nil || q.Get("roles") != v {
		t.Errorf("set: err %v, query %v", err, q)
	}
	blank := " "
	if err := SetString(invalids{}, url.Values{}, "roles", &blank); err == nil {
		t.Error("a set but blank value was accepted")
	}
}

func TestAtMostOne(t *testing.T) {
	if err := AtMostOne(invalids{}, "a, b", "A and B", true, false); err != nil {
		t.Error(err)
	}
	if err := AtMostOne(invalids{}, "a, b", "A and B", true, true); err == nil {
		t.Error("two exclusive parameters were accepted")
	}
}

type kind string

func TestEnum(t *testing.T) {
	known := []kind{"ROLE", "ENTITLEMENT"}
	if err := Enum(invalids{}, "type", kind("ROLE"), known); err != nil {
		t.Error(err)
	}
	for _, v := range []kind{"", "role", "ACCOUNT"} {
		if err := Enum(invalids{}, "type", v, known); err == nil {
			t.Errorf("%q was accepted", v)
		}
	}
}

func TestOneReturnsNoHalfFilledModelOnError(t *testing.T) {
	type model struct{ ID string }
	c := &fakeClient{status: 200, body: `{"ID":"x"}`}
	got, _, err := One[model](context.Background(), c, http.MethodGet, "/certifications/x", nil, nil)
	if err != nil || got == nil || got.ID != "x" {
		t.Fatalf("One = %v, %v", got, err)
	}
	if c.path != "v9/certifications/x" {
		t.Errorf("path %q: the client's Path was not applied", c.path)
	}
	c = &fakeClient{status: 500, body: `{"ID":"x"}`}
	got, resp, err := One[model](context.Background(), c, http.MethodGet, "/certifications/x", nil, nil)
	if err == nil || got != nil || resp == nil {
		t.Errorf("on error One = %v, %v, %v; want nil, the response, the error", got, resp, err)
	}
}

func TestListKeepsWhatDecoded(t *testing.T) {
	c := &fakeClient{status: 200, body: `[{"a":1},{"a":2}]`}
	got, _, err := List[map[string]int](context.Background(), c, http.MethodGet, "/x", url.Values{"limit": {"2"}}, nil)
	if err != nil || len(got) != 2 || c.query.Get("limit") != "2" {
		t.Errorf("List = %v, %v (query %v)", got, err, c.query)
	}
}

func TestListQueryChecksTheClientFirstThenThePaging(t *testing.T) {
	broken := errors.New("configuration error")
	if _, err := ListQuery(&fakeClient{err: broken}, ListParams{}, "offset"); err != broken {
		t.Errorf("ListQuery on a misconfigured client = %v, want its configuration error", err)
	}
	limit, over, neg, count := int32(5), int32(MaxPageSize+1), int32(-1), true
	f, s, blank := `phase eq "ACTIVE"`, "-due", " "
	q, err := ListQuery(&fakeClient{}, ListParams{Limit: &limit, Offset: &limit, Count: &count, Filters: &f, Sorters: &s}, "offset")
	if err != nil || q.Encode() != "count=true&filters=phase+eq+%22ACTIVE%22&limit=5&offset=5&sorters=-due" {
		t.Errorf("ListQuery = %v, %v", q.Encode(), err)
	}
	var ie *invalidError
	if q, err := ListQuery(&fakeClient{}, ListParams{Offset: &limit}, "start"); err != nil || q.Get("start") != "5" || q.Has("offset") {
		t.Errorf("start paging: ListQuery = %v, %v", q, err)
	}
	if _, err := ListQuery(&fakeClient{}, ListParams{Offset: &neg}, "start"); !errors.As(err, &ie) || ie.param != "start" {
		t.Errorf("start paging: a negative start = %v, want an invalid start", err)
	}
	for name, p := range map[string]ListParams{
		"limit": {Limit: &over}, "offset": {Offset: &neg}, "filters": {Filters: &blank}, "sorters": {Sorters: &blank},
	} {
		if _, err := ListQuery(&fakeClient{}, p, "offset"); !errors.As(err, &ie) || ie.param != name {
			t.Errorf("%s: ListQuery = %v, want an invalid %s", name, err, name)
		}
	}
}

func jsonDecode(body string, v any) error { return json.Unmarshal([]byte(body), v) }
