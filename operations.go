package certifications

import (
	"net/url"

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
