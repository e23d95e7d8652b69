package certtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// newClient returns an SDK client for srv without client-side pacing and
// with short retry waits, so that tests run fast. mods adjust the
// configuration further.
func newClient(t testing.TB, srv *certtest.Server, mods ...func(*certifications.Configuration)) *certifications.APIClient {
	t.Helper()
	cfg := srv.Configuration()
	cfg.DisableRateLimit = true
	cfg.RetryWaitMin = time.Millisecond
	cfg.RetryWaitMax = 20 * time.Millisecond
	for _, m := range mods {
		m(cfg)
	}
	c := certifications.NewAPIClient(cfg)
	require.NoError(t, c.Err())
	return c
}

// noRetries turns retries off.
func noRetries(cfg *certifications.Configuration) { cfg.MaxRetries = 0 }

// ctx is the context of a test's calls. It has no deadline: go test's
// -timeout bounds a test that hangs, and a busy machine must not fail one
// that is only slow.
func ctx(t testing.TB) context.Context {
	c, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return c
}

// raw sends a request with a fresh valid token and returns the response
// and its body.
func raw(t testing.TB, srv *certtest.Server, method, path string, query url.Values, body string) (*http.Response, []byte) {
	t.Helper()
	return rawWithToken(t, srv, srv.IssueToken(), method, path, query, body)
}

func rawWithToken(t testing.TB, srv *certtest.Server, token, method, path string, query url.Values, body string) (*http.Response, []byte) {
	t.Helper()
	u := srv.URL() + path
	if len(query) > 0 {
		u += "?" + strings.ReplaceAll(query.Encode(), "+", "%20")
	}
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx(t), method, u, rd)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := srv.Configuration().HTTPClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

// sdkDo sends a request through the SDK client's generic request path, for
// endpoints or bodies the typed calls do not cover, and decodes the answer
// into out.
func sdkDo(t testing.TB, c *certifications.APIClient, method, path string, q url.Values, body, out any) (*http.Response, error) {
	t.Helper()
	req, err := c.NewRequest(ctx(t), method, path, q, body)
	require.NoError(t, err)
	return c.Do(req, out)
}

// decode unmarshals a JSON body into a T.
func decode[T any](t testing.TB, body []byte) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(body, &v), "body: %s", body)
	return v
}

// apiError asserts that err is an *APIError with the given status.
func apiError(t testing.TB, err error, status int) *certifications.APIError {
	t.Helper()
	var ae *certifications.APIError
	require.True(t, errors.As(err, &ae), "want *APIError with status %d, got %v", status, err)
	require.Equal(t, status, ae.StatusCode, "error: %v; body: %s", ae, ae.Body)
	return ae
}

// errorDto asserts that a body is an ErrorResponseDto with the detail code.
func errorDto(t testing.TB, body []byte, detailCode string) certifications.ErrorResponseDto {
	t.Helper()
	dto := decode[certifications.ErrorResponseDto](t, body)
	require.Equal(t, detailCode, dto.GetDetailCode(), "body: %s", body)
	require.Len(t, dto.GetTrackingID(), 32)
	require.NotEmpty(t, dto.Messages)
	require.Equal(t, "en-US", dto.Messages[0].GetLocale())
	require.NotEmpty(t, dto.Messages[0].GetText())
	return dto
}

// myCerts lists the certifications of "me".
func myCerts(t testing.TB, c *certifications.APIClient) []certifications.IdentityCertificationDto {
	t.Helper()
	certs, _, err := c.CertificationsApi.ListIdentityCertifications(ctx(t)).ReviewerIdentity("me").Execute()
	require.NoError(t, err)
	require.NotEmpty(t, certs)
	return certs
}

// allItems lists every item of a certification through the SDK pager.
func allItems(t testing.TB, c *certifications.APIClient, certID string) []certifications.AccessReviewItem {
	t.Helper()
	items, err := certifications.Collect(c.CertificationsApi.ListIdentityAccessReviewItems(ctx(t), certID).All())
	require.NoError(t, err)
	return items
}

// certByCampaign returns me's certification whose campaign requires the
// given comment rule.
func certByRequirement(t testing.TB, c *certifications.APIClient, req certifications.CampaignReferenceMandatoryCommentRequirement) certifications.IdentityCertificationDto {
	t.Helper()
	for _, cert := range myCerts(t, c) {
		if cert.GetCampaign().GetMandatoryCommentRequirement() == req {
			return cert
		}
	}
	t.Fatalf("no certification of me in a campaign with %s", req)
	return certifications.IdentityCertificationDto{}
}

// decisions builds one decision per item.
func decisions(items []certifications.AccessReviewItem, d certifications.CertificationDecision, comment string) []certifications.ReviewDecision {
	out := make([]certifications.ReviewDecision, len(items))
	for i, it := range items {
		out[i] = certifications.ReviewDecision{ID: it.GetID(), Decision: d, Bulk: true}
		if comment != "" {
			out[i].Comments = certifications.Ptr(comment)
		}
	}
	return out
}

func decodeJSON(resp *http.Response, v any) error {
	return json.NewDecoder(resp.Body).Decode(v)
}
