package certifications

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/iscgo/certifications/internal/call"
)

// The operations of CertificationsApi and CertificationSummariesApi are
// declared once each in internal/cmd/genapi/operations.go; the builders in
// api_*.go are generated from those declarations and send every request
// through internal/call. What is left here is how the root package plugs
// its client into that path.
//
//go:generate go run ./internal/cmd/genapi

// CertificationsApiService groups the Certifications operations of the
// configured API generation (see Configuration.APIVersion).
type CertificationsApiService struct {
	client *APIClient
}

// CertificationSummariesApiService groups the Certification Summaries
// operations: the decision summary, the identity summaries and the access
// summaries of a certification, on the configured API generation.
type CertificationSummariesApiService struct {
	client *APIClient
}

// rootCaller adapts an APIClient to the operations' request path.
type rootCaller struct{ *APIClient }

// Path puts the configured API generation into an operation's path.
func (c rootCaller) Path(p string) string { return c.versionedPath(p) }

// Invalid builds a *ValidationError.
func (rootCaller) Invalid(param, problem, allowed string) error {
	return &ValidationError{Parameter: param, Problem: problem, Allowed: allowed}
}

// newCaller returns the request path of c; a service made without a client
// (a zero value) gets an error instead of a nil dereference.
func newCaller(c *APIClient) (call.Client, error) {
	if c == nil {
		return nil, &ValidationError{Parameter: "client", Problem: "is nil", Allowed: "the services of a client from NewAPIClient"}
	}
	return rootCaller{c}, nil
}

// listQuery checks and encodes an operation's list options against its
// rules, honouring SkipFilterValidation. A client with a configuration
// error returns that error.
func listQuery(c *APIClient, o ListOptions, rules *QueryRules) (url.Values, error) {
	if c.err != nil {
		return nil, c.err
	}
	return o.Values(rules, c.cfg.SkipFilterValidation)
}

// versionedPath turns an operation's path without version
// ("/certifications/abc/decide") into the path below the API root for the
// configured generation: "v3/certifications/abc/decide", or
// "certifications/v1/abc/decide" for the per-resource generation, whose
// version follows the resource.
func (c *APIClient) versionedPath(p string) string {
	rest := strings.TrimPrefix(p, "/")
	if c.cfg.APIVersion != APIVersionV1 {
		return "v3/" + rest
	}
	resource, tail, found := strings.Cut(rest, "/")
	if !found {
		return resource + "/v1"
	}
	return resource + "/v1/" + tail
}

// call sends one request through the pipeline and decodes into out.
func (c *APIClient) call(ctx context.Context, method, path string, q url.Values, body, out any) (*http.Response, error) {
	req, err := c.NewRequest(ctx, method, path, q, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req, out)
}
