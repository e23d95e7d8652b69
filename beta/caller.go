package beta

import (
	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/internal/apigen"
	"github.com/iscgo/certifications/internal/call"
)

// The beta operations are declared in internal/cmd/genapi/operations.go
// next to the v3 ones; api_certifications.go is generated from them and
// sends every request through internal/call on the shared client.

// CertificationsApiService groups the beta Certifications operations. Get
// one from NewCertificationsApi; it is safe for concurrent use.
type CertificationsApiService struct {
	client *betaCaller // nil for a service made without a client
}

// NewCertificationsApi returns the beta Certifications operations on client.
// They share the client's token, retries, pacing, errors and logging with
// the v3 operations; no second transport is created.
func NewCertificationsApi(client *certifications.APIClient) *CertificationsApiService {
	if client == nil {
		return &CertificationsApiService{}
	}
	return &CertificationsApiService{client: &betaCaller{APIClient: client}}
}

// betaCaller adapts the shared client to the operations' request path.
type betaCaller struct {
	*certifications.APIClient
}

// Path puts an operation's path below /beta.
func (*betaCaller) Path(p string) string { return apigen.Path(p, apigen.Beta) }

// Invalid builds the *certifications.ValidationError of param.
func (*betaCaller) Invalid(param, problem, allowed string) error {
	return &certifications.ValidationError{Parameter: param, Problem: problem, Allowed: allowed}
}

// newCaller returns the request path of c, or the error of a service made
// without a client.
func newCaller(c *betaCaller) (call.Client, error) {
	if c == nil {
		return nil, (*betaCaller)(nil).Invalid("client", "is nil", "beta.NewCertificationsApi(certifications.NewAPIClient(cfg))")
	}
	return c, nil
}
