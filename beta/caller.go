package beta

import (
	"net/url"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/call"
)

// The beta operations are declared in internal/cmd/genapi/operations.go
// next to the v3 ones; api_certifications.go is generated from them and
// sends every request through internal/call on the shared client.

// CertificationsApiService groups the beta Certifications operations. Get
// one from NewCertificationsApi; it is safe for concurrent use.
type CertificationsApiService struct {
	client *certifications.APIClient
}

// NewCertificationsApi returns the beta Certifications operations on client.
// They share the client's token, retries, pacing, errors and logging with
// the v3 operations; no second transport is created.
func NewCertificationsApi(client *certifications.APIClient) *CertificationsApiService {
	return &CertificationsApiService{client: client}
}

// betaCaller adapts the shared client to the operations' request path.
type betaCaller struct{ *certifications.APIClient }

// Path puts an operation's path below /beta.
func (betaCaller) Path(p string) string { return "beta" + p }

// Invalid builds a *certifications.ValidationError.
func (betaCaller) Invalid(param, problem, allowed string) error {
	return &certifications.ValidationError{Parameter: param, Problem: problem, Allowed: allowed}
}

// newCaller returns the request path of c, or the error of a service made
// without a client.
func newCaller(c *certifications.APIClient) (call.Client, error) {
	if c == nil {
		return nil, &certifications.ValidationError{Parameter: "client", Problem: "is nil", Allowed: "beta.NewCertificationsApi(certifications.NewAPIClient(cfg))"}
	}
	return betaCaller{c}, nil
}

// listQuery checks and encodes list options against the operation's rules,
// honouring the client's SkipFilterValidation; a client with a
// configuration error returns that error.
func listQuery(c *certifications.APIClient, o certifications.ListOptions, rules *certifications.QueryRules) (url.Values, error) {
	if err := c.Err(); err != nil {
		return nil, err
	}
	return o.Values(rules, c.Configuration().SkipFilterValidation)
}
