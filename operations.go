package certifications

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/iscgo/certifications/internal/call"
)

// The operations of CertificationsApi and CertificationSummariesApi are
// declared once each in internal/cmd/genapi/operations.go; the builders in
// api_*.go are generated from those declarations and send every request
// through internal/call. What is left here is how the root package plugs
// its client into that path.
//
//go:generate go run ./internal/cmd/genapi
//go:generate go run ./internal/cmd/genmodels

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

// validationErrors hands the checks of internal/call the package's
// *ValidationError.
type validationErrors struct{}

// Invalid builds the *ValidationError of param.
func (validationErrors) Invalid(param, problem, allowed string) error {
	return &ValidationError{Parameter: param, Problem: problem, Allowed: allowed}
}

// rootCaller adapts an APIClient to the operations' request path; its
// checks report through *ValidationError.
type rootCaller struct {
	*APIClient
	validationErrors
}

// Path puts the configured API generation into an operation's path.
func (c rootCaller) Path(p string) string { return c.versionedPath(p) }

// DoStream streams a 2xx body (see APIClient.doStream).
func (c rootCaller) DoStream(req *http.Request, limit int64) (io.ReadCloser, *http.Response, error) {
	return c.doStream(req, limit)
}

// newCaller returns the request path of c; a service made without a client
// (a zero value) gets an error instead of a nil dereference.
func newCaller(c *APIClient) (call.Client, error) {
	if c == nil {
		return nil, validationErrors{}.Invalid("client", "is nil", "the services of a client from NewAPIClient")
	}
	return rootCaller{APIClient: c}, nil
}

// String describes the service by its client, secrets redacted. (The
// printing methods have value receivers, so that the service's method set
// of pointer receivers holds only its operations.)
func (s CertificationsApiService) String() string {
	return serviceString("CertificationsApiService", s.client)
}

// Format makes every fmt verb print String.
func (s CertificationsApiService) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with secrets redacted.
func (s CertificationsApiService) LogValue() slog.Value { return serviceLogValue(s.client) }

// String describes the service by its client, secrets redacted.
func (s CertificationSummariesApiService) String() string {
	return serviceString("CertificationSummariesApiService", s.client)
}

// Format makes every fmt verb print String.
func (s CertificationSummariesApiService) Format(f fmt.State, _ rune) {
	_, _ = f.Write([]byte(s.String()))
}

// LogValue implements slog.LogValuer with secrets redacted.
func (s CertificationSummariesApiService) LogValue() slog.Value { return serviceLogValue(s.client) }

func serviceString(name string, c *APIClient) string { return name + "{" + c.String() + "}" }

func serviceLogValue(c *APIClient) slog.Value {
	return slog.GroupValue(slog.Attr{Key: "client", Value: c.LogValue()})
}
