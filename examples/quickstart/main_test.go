package main

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/testmain"
)

// TestMain skips the race detector's exit pause; see package testmain.
func TestMain(m *testing.M) { testmain.Main(m) }

func clearEnv(t *testing.T) {
	for _, k := range []string{certifications.EnvBaseURL, certifications.EnvClientID, certifications.EnvClientSecret, certifications.EnvTokenURL, certifications.EnvAccessToken} {
		t.Setenv(k, "")
	}
}

// Without SAIL_* the quickstart runs a full review on its own sandbox. The
// review paces its requests and polls the reassignment task: in the bubble
// those waits pass on the fake clock.
func TestQuickstartOnEmbeddedSandbox(t *testing.T) {
	clearEnv(t)
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, run(t.Context(), &out, options{reassignN: 3, sandbox: []certtest.Option{certtest.WithInMemoryNetwork()}}))
		s := out.String()
		assert.Contains(t, s, "embedded sandbox tenant")
		assert.Contains(t, s, "2 active certification(s)")
		assert.Contains(t, s, "task ")
		assert.Contains(t, s, ": SUCCESS")
		assert.Equal(t, 2, bytes.Count(out.Bytes(), []byte("signed off\n")))
		assert.Contains(t, s, "REASSIGNED")
		assert.Equal(t, 2, bytes.Count(out.Bytes(), []byte("SIGNED\n")))
	})
}

// With SAIL_* set the quickstart is read-only unless asked to apply.
func TestQuickstartAgainstTenantIsReadOnly(t *testing.T) {
	clearEnv(t)
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork())
		t.Setenv(certifications.EnvBaseURL, srv.URL())
		t.Setenv(certifications.EnvClientID, srv.ClientID())
		t.Setenv(certifications.EnvClientSecret, srv.ClientSecret())
		hc := srv.Configuration().HTTPClient

		var out bytes.Buffer
		require.NoError(t, run(t.Context(), &out, options{reassignTo: "someone", reassignN: 3, httpClient: hc, show: 4}))
		assert.Contains(t, out.String(), "read-only")
		assert.Contains(t, out.String(), "to revoke")
		assert.NotContains(t, out.String(), "Applying")
		// The plan: the first decisions, item by item, with the total.
		assert.Contains(t, out.String(), "plan (read-only, nothing sent): the first 4 of 29 decisions")
		assert.Contains(t, out.String(), "plan (read-only, nothing sent): the first 4 of 32 decisions")
		assert.Equal(t, 2, strings.Count(out.String(), "    ITEM  "), "one plan per certification")
		for _, c := range srv.Certifications() {
			if c.GetReviewer().GetID() != srv.MeID() {
				continue
			}
			first := srv.Items(c.GetID())[0]
			if !strings.Contains(out.String(), first.GetID()) {
				continue // reassigned, so left out of the plan
			}
			assert.Contains(t, out.String(), first.GetIdentitySummary().GetName())
			assert.Contains(t, out.String(), first.GetAccessSummary().GetAccess().GetName())
		}
		for _, r := range srv.Requests() {
			if r.Path != "/oauth/token" {
				assert.Equal(t, http.MethodGet, r.Method, "nothing but reads: %s %s", r.Method, r.Path)
			}
		}
		for _, c := range srv.Certifications() {
			assert.Zero(t, c.GetDecisionsMade())
		}

		out.Reset()
		srv.ResetRequests()
		require.NoError(t, run(t.Context(), &out, options{apply: true, reassignN: 0, httpClient: hc}))
		assert.Contains(t, out.String(), "APPLYING")
		assert.Contains(t, out.String(), "Applying to 2 certification(s): decide every undecided item by the rule")
		assert.Less(t, strings.Index(out.String(), "Applying to"), strings.Index(out.String(), "decided "), "said before it is done")
		assert.Contains(t, out.String(), "signed off")

		// The review read only undecided items and decided each item once.
		for _, r := range srv.Requests() {
			if strings.HasSuffix(r.Path, "/access-review-items") {
				q, err := url.ParseQuery(r.RawQuery)
				require.NoError(t, err)
				assert.Equal(t, "completed eq false", q.Get("filters"), "%s?%s", r.Path, r.RawQuery)
			}
		}
		checked := 0
		for _, c := range srv.Certifications() {
			if c.GetReviewer().GetID() != srv.MeID() {
				continue
			}
			for _, it := range srv.Items(c.GetID()) {
				assert.Equal(t, 1, srv.DecisionCount(it.GetID()), "item %s of %s", it.GetID(), c.GetName())
				checked++
			}
		}
		assert.Equal(t, 64, checked, "the items of my two certifications")
	})
}

func TestDecideRule(t *testing.T) {
	unused := certifications.AccessReviewItem{
		ID: certifications.Ptr("i1"),
		AccessSummary: &certifications.AccessSummary{Entitlement: &certifications.ReviewableEntitlement{
			Account: &certifications.ReviewableEntitlementAccount{ActivityInsights: &certifications.ActivityInsights{
				UsageDays:      certifications.Ptr(int32(0)),
				UsageDaysState: certifications.Ptr(certifications.ActivityInsightsUsageDaysStateComplete),
			}},
		}},
	}
	d := decide(unused, "")
	assert.Equal(t, certifications.CertificationDecisionRevoke, d.Decision)
	assert.NotEmpty(t, d.Comments)

	unknown := unused
	unknown.AccessSummary.Entitlement.Account.ActivityInsights.UsageDaysState = certifications.Ptr(certifications.ActivityInsightsUsageDaysStateUnknown)
	assert.Equal(t, certifications.CertificationDecisionApprove, decide(unknown, "").Decision, "unknown activity is not evidence of non-use")

	role := certifications.AccessReviewItem{ID: certifications.Ptr("i2")}
	d = decide(role, "")
	assert.Equal(t, certifications.CertificationDecisionApprove, d.Decision)
	assert.Nil(t, d.Comments)
	assert.NotNil(t, decide(role, certifications.CampaignReferenceMandatoryCommentRequirementAllDecisions).Comments)
}

// -api v1 runs the same review on the per-resource paths, and every
// certification's decision summary is printed.
func TestQuickstartOnTheV1Generation(t *testing.T) {
	clearEnv(t)
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork())
		t.Setenv(certifications.EnvBaseURL, srv.URL())
		t.Setenv(certifications.EnvClientID, srv.ClientID())
		t.Setenv(certifications.EnvClientSecret, srv.ClientSecret())
		var out bytes.Buffer
		o := options{apply: true, apiVersion: certifications.APIVersionV1, httpClient: srv.Configuration().HTTPClient}
		require.NoError(t, run(t.Context(), &out, o))
		s := out.String()
		assert.Contains(t, s, "API generation v1")
		assert.Equal(t, 2, strings.Count(s, "decision summary: entitlements "), s)
		assert.Equal(t, 2, strings.Count(s, "signed off\n"), s)
		for _, r := range srv.Requests() {
			if r.Path == "/oauth/token" {
				continue
			}
			assert.True(t, strings.HasPrefix(r.Path, "/certifications/v1") || strings.HasPrefix(r.Path, "/certification-tasks/v1"), "a v3 path: %s %s", r.Method, r.Path)
		}
	})
}

// An unknown generation is refused before anything is sent.
func TestQuickstartRefusesAnUnknownGeneration(t *testing.T) {
	clearEnv(t)
	var out bytes.Buffer
	err := run(t.Context(), &out, options{apiVersion: "v2", sandbox: []certtest.Option{certtest.WithInMemoryNetwork()}})
	var ve *certifications.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "APIVersion", ve.Parameter)
	assert.Contains(t, err.Error(), `"v1"`)
}
