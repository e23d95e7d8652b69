package certifications_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"

	"github.com/iscgo/certifications"
)

// tenant is a tiny fake ISC tenant for the examples. It answers
// "METHOD /path" with fixed JSON, serves JSON arrays page by page
// (offset, limit, count=true), answers 404 with an ErrorResponseDto for
// anything else, and logs every request it gets.
type tenant struct {
	*httptest.Server
	routes map[string]string

	mu  sync.Mutex
	log []string
}

func newTenant(routes map[string]string) *tenant {
	t := &tenant{routes: routes}
	t.Server = httptest.NewServer(http.HandlerFunc(t.serve))
	return t
}

func (t *tenant) serve(w http.ResponseWriter, r *http.Request) {
	entry := r.Method + " " + r.URL.RequestURI()
	if b, _ := io.ReadAll(r.Body); len(b) > 0 {
		entry += " " + string(b)
	}
	t.mu.Lock()
	t.log = append(t.log, entry)
	t.mu.Unlock()

	w.Header().Set("Content-Type", "application/json")
	body, found := t.routes[r.Method+" "+r.URL.EscapedPath()]
	if !found {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"detailCode":"404 Not found","trackingId":"b21b1f7ce4da4d639f2c62a57171b427",`+
			`"messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The server did not find a current representation for the target resource."}]}`)
		return
	}
	var all []json.RawMessage
	if q := r.URL.Query(); q.Has("limit") && json.Unmarshal([]byte(body), &all) == nil {
		offset, _ := strconv.Atoi(q.Get("offset"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		page := all[min(offset, len(all)):min(offset+limit, len(all))]
		if q.Get("count") == "true" {
			w.Header().Set("X-Total-Count", strconv.Itoa(len(all)))
		}
		b, _ := json.Marshal(page)
		body = string(b)
	}
	fmt.Fprint(w, body)
}

// requests returns the logged requests, one per line.
func (t *tenant) requests() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.Join(t.log, "\n")
}

// client returns a client for the fake tenant.
func (t *tenant) client() *certifications.APIClient {
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = t.URL // http:// is accepted for loopback hosts only
	cfg.AccessToken = "example-token"
	cfg.MaxRetries = 0
	return certifications.NewAPIClient(cfg)
}

const exampleCert = `{"id":"cert-1","name":"Manager review: Ann","phase":"ACTIVE","completed":false,
	"decisionsMade":1,"decisionsTotal":3,"due":"2026-09-30T00:00:00Z"}`

func ExampleNewAPIClient() {
	srv := newTenant(map[string]string{"GET /v3/certifications/cert-1": exampleCert})
	defer srv.Close()

	// Usually: cfg, err := certifications.NewConfigurationFromEnv()
	cfg := certifications.NewConfiguration()
	cfg.BaseURL = srv.URL       // e.g. https://acme.api.identitynow.com
	cfg.AccessToken = "a-token" // or ClientID and ClientSecret of a personal access token
	client := certifications.NewAPIClient(cfg)
	if err := client.Err(); err != nil {
		fmt.Println(err)
		return
	}

	cert, _, err := client.CertificationsApi.GetIdentityCertification(context.Background(), "cert-1").Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cert.GetName(), cert.GetPhase())

	// A configuration problem is reported by Err, and by every call.
	bad := certifications.NewAPIClient(&certifications.Configuration{BaseURL: "http://acme.example.com", AccessToken: "t"})
	fmt.Println(bad.Err())
	// Output:
	// Manager review: Ann ACTIVE
	// certifications: invalid BaseURL: uses http:// to acme.example.com, which would send credentials in clear text; allowed: https://, or http:// to localhost or a loopback address
}

func ExampleCertificationsApiService_ListIdentityCertifications() {
	srv := newTenant(map[string]string{"GET /v3/certifications": `[` + exampleCert + `,
		{"id":"cert-2","name":"Manager review: Bo","phase":"ACTIVE","completed":true,"decisionsMade":4,"decisionsTotal":4}]`})
	defer srv.Close()
	api := srv.client().CertificationsApi

	certs, resp, err := api.ListIdentityCertifications(context.Background()).
		ReviewerIdentity("me").
		Filters(certifications.Eq("phase", certifications.CertificationPhaseActive).String()).
		Sorters("-due").
		Limit(50).
		Count(true).
		Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	total, _ := certifications.TotalCount(resp)
	fmt.Printf("%d of %d certifications\n", len(certs), total)
	for _, c := range certs {
		fmt.Printf("%s: %d/%d decided\n", c.GetName(), c.GetDecisionsMade(), c.GetDecisionsTotal())
	}
	fmt.Println(srv.requests())
	// Output:
	// 2 of 2 certifications
	// Manager review: Ann: 1/3 decided
	// Manager review: Bo: 4/4 decided
	// GET /v3/certifications?count=true&filters=phase%20eq%20%22ACTIVE%22&limit=50&reviewer-identity=me&sorters=-due
}

func ExampleApiListIdentityAccessReviewItemsRequest_All() {
	srv := newTenant(map[string]string{"GET /v3/certifications/cert-1/access-review-items": `[
		{"id":"item-1","identitySummary":{"name":"Ann"},"accessSummary":{"access":{"type":"ENTITLEMENT","name":"Payroll read"}}},
		{"id":"item-2","identitySummary":{"name":"Ann"},"accessSummary":{"access":{"type":"ROLE","name":"Accountant"}}},
		{"id":"item-3","identitySummary":{"name":"Bo"},"accessSummary":{"access":{"type":"ACCESS_PROFILE","name":"VPN"}}}]`})
	defer srv.Close()
	api := srv.client().CertificationsApi

	// All fetches page after page (here two items per page) until the end.
	for item, err := range api.ListIdentityAccessReviewItems(context.Background(), "cert-1").Limit(2).All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		access := item.GetAccessSummary().GetAccess()
		fmt.Printf("%s: %s %s\n", item.GetIdentitySummary().GetName(), access.GetType(), access.GetName())
	}
	fmt.Println(srv.requests())
	// Output:
	// Ann: ENTITLEMENT Payroll read
	// Ann: ROLE Accountant
	// Bo: ACCESS_PROFILE VPN
	// GET /v3/certifications/cert-1/access-review-items?count=true&limit=2&offset=0
	// GET /v3/certifications/cert-1/access-review-items?limit=2&offset=2
}

func ExampleCertificationsApiService_MakeIdentityDecision() {
	srv := newTenant(map[string]string{"POST /v3/certifications/cert-1/decide": `{"id":"cert-1","decisionsMade":3,"decisionsTotal":3,"completed":true}`})
	defer srv.Close()
	api := srv.client().CertificationsApi

	cert, _, err := api.MakeIdentityDecision(context.Background(), "cert-1").
		ReviewDecision([]certifications.ReviewDecision{
			{ID: "item-2", Decision: certifications.CertificationDecisionApprove},
			{ID: "item-3", Decision: certifications.CertificationDecisionRevoke, Comments: certifications.Ptr("no longer needed")},
		}).
		Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("completed:", cert.GetCompleted())
	fmt.Println(srv.requests())
	// Output:
	// completed: true
	// POST /v3/certifications/cert-1/decide [{"id":"item-2","decision":"APPROVE","bulk":false},{"id":"item-3","decision":"REVOKE","bulk":false,"comments":"no longer needed"}]
}

func ExampleAPIError() {
	srv := newTenant(nil) // knows no certification: every request gets a 404
	defer srv.Close()
	api := srv.client().CertificationsApi

	_, resp, err := api.GetIdentityCertification(context.Background(), "missing").Execute()
	var apiErr *certifications.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("status:", apiErr.StatusCode)
		fmt.Println("detail code:", apiErr.ErrorResponse.GetDetailCode())
		fmt.Println("tracking id:", apiErr.TrackingID)
		fmt.Println("message:", apiErr.Message)
		fmt.Println("not found:", certifications.IsNotFound(err))
		fmt.Println("response status:", resp.Status)
	}
	// Output:
	// status: 404
	// detail code: 404 Not found
	// tracking id: b21b1f7ce4da4d639f2c62a57171b427
	// message: The server did not find a current representation for the target resource.
	// not found: true
	// response status: 404 Not Found
}

func ExampleValidationError() {
	srv := newTenant(nil)
	defer srv.Close()
	api := srv.client().CertificationsApi

	// The reviewers list cannot be filtered with "co" on name: the call is
	// refused before anything is sent.
	_, _, err := api.ListCertificationReviewers(context.Background(), "cert-1").Filters(`name co "ann"`).Execute()
	var ve *certifications.ValidationError
	if errors.As(err, &ve) {
		fmt.Println("parameter:", ve.Parameter)
		fmt.Println("problem:", ve.Problem)
		fmt.Println("allowed:", ve.Allowed)
	}
	fmt.Printf("requests sent: %q\n", srv.requests())
	// Output:
	// parameter: filters
	// problem: field "name" does not support operator co
	// allowed: email: eq, sw; id: eq, in; name: eq, sw
	// requests sent: ""
}

func ExampleEq() {
	fmt.Println(certifications.Eq("phase", certifications.CertificationPhaseActive))
	fmt.Println(certifications.Eq("completed", false))
	fmt.Println(certifications.Eq("name", `Pat "PJ" Lee`))
	// Output:
	// phase eq "ACTIVE"
	// completed eq false
	// name eq "Pat \"PJ\" Lee"
}

func ExampleAnd_validate() {
	f := certifications.And(
		certifications.Sw("identitySummary.name", "jo"),
		certifications.Or(
			certifications.Eq("access.type", "ENTITLEMENT"),
			certifications.Eq("access.type", "ROLE"),
		),
		certifications.Not(certifications.Eq("completed", true)),
	)
	fmt.Println(f)
	// Validate checks the filter's own form; its fields and operators are
	// checked against the operation's when a builder sends it (FilterBy).
	fmt.Println(certifications.Validate(f))
	// Output:
	// identitySummary.name sw "jo" and (access.type eq "ENTITLEMENT" or access.type eq "ROLE") and not completed eq true
	// <nil>
}

func ExampleCertificationsApiService_SignOffWhenComplete() {
	srv := newTenant(map[string]string{"GET /v3/certifications/cert-1": exampleCert})
	defer srv.Close()
	api := srv.client().CertificationsApi

	_, err := api.SignOffWhenComplete(context.Background(), "cert-1")
	var incomplete *certifications.IncompleteError
	if errors.As(err, &incomplete) {
		fmt.Println(incomplete.DecisionsTotal-incomplete.DecisionsMade, "decisions missing")
	}
	fmt.Println(srv.requests()) // no sign-off was sent
	// Output:
	// 2 decisions missing
	// GET /v3/certifications/cert-1
}
