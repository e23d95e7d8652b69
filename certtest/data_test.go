package certtest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// snapshot renders the whole tenant as JSON.
func snapshot(t *testing.T, srv *certtest.Server) string {
	t.Helper()
	var b strings.Builder
	for _, cert := range srv.Certifications() {
		buf, err := json.Marshal(cert)
		require.NoError(t, err)
		b.Write(buf)
		buf, err = json.Marshal(srv.Items(cert.GetID()))
		require.NoError(t, err)
		b.Write(buf)
	}
	return b.String()
}

func TestSameSeedSameData(t *testing.T) {
	a := certtest.NewTestServer(t, certtest.WithSeed(42))
	b := certtest.NewTestServer(t, certtest.WithSeed(42))
	other := certtest.NewTestServer(t, certtest.WithSeed(43))
	sa := snapshot(t, a)
	assert.Equal(t, sa, snapshot(t, b))
	assert.NotEqual(t, sa, snapshot(t, other))
	assert.Equal(t, a.ClientID(), b.ClientID())
	assert.Equal(t, a.MeID(), other.MeID(), "me is the same for every seed")
	assert.Equal(t, "Robin Okafor", other.Reviewers()[0].GetName())
}

func TestSizes(t *testing.T) {
	srv := certtest.NewTestServer(t, certtest.WithSizes(certtest.Sizes{Campaigns: 3, Reviewers: 2, CertificationsPerReviewer: 3, IdentitiesPerCertification: 5, ItemsPerIdentity: 6}))
	certs := srv.Certifications()
	require.Len(t, certs, 6)
	campaigns := map[string]bool{}
	for _, c := range certs {
		campaigns[c.GetCampaign().GetID()] = true
		assert.EqualValues(t, 30, c.GetDecisionsTotal())
		assert.EqualValues(t, 5, c.GetIdentitiesTotal())
		assert.Len(t, srv.Items(c.GetID()), 30)
	}
	assert.Len(t, campaigns, 3)
	assert.Len(t, srv.Reviewers(), 2)
}

// jsonPaths lists the JSON property paths of a type, arrays written [].
func jsonPaths(t reflect.Type, prefix string, depth int, out map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		if t.Kind() == reflect.Slice {
			prefix += "[]"
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeOf(time.Time{}) || depth > 6 {
		if prefix != "" {
			out[prefix] = true
		}
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		p := name
		if prefix != "" {
			p = prefix + "." + name
		}
		jsonPaths(f.Type, p, depth+1, out)
	}
}

// presentPaths lists the paths of a JSON value that hold non-null values.
func presentPaths(v any, prefix string, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			presentPaths(e, p, out)
		}
	case []any:
		for _, e := range x {
			presentPaths(e, prefix+"[]", out)
		}
	case nil:
	default:
		out[prefix] = true
	}
}

func TestEveryModelPropertyIsPopulated(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	// Decide a few items (decision, comments), reassign something (a
	// certification with a reassignment) and sign one off (signed).
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	items := allItems(t, c, cert.GetID())
	_, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items, "REVOKE", "unused")).Execute()
	require.NoError(t, err)
	_, _, err = c.CertificationsApi.SignOffIdentityCertification(ctx(t), cert.GetID()).Execute()
	require.NoError(t, err)
	other := myCerts(t, c)[1]
	// An identity under review elsewhere has no certification: one is created.
	newReviewer := srv.Items(srv.Certifications()[3].GetID())[0].GetIdentitySummary().GetIdentityID()
	_, _, err = c.CertificationsApi.ReassignIdentityCertifications(ctx(t), other.GetID()).ReviewReassign(certifications.ReviewReassign{
		Reassign: []certifications.ReassignReference{{ID: allItems(t, c, other.GetID())[0].GetID(), Type: "ITEM"}}, ReassignTo: newReviewer, Reason: "r",
	}).Execute()
	require.NoError(t, err)

	check := func(t *testing.T, model any, docs []any, skip ...string) {
		want := map[string]bool{}
		jsonPaths(reflect.TypeOf(model), "", 0, want)
		got := map[string]bool{}
		for _, d := range docs {
			presentPaths(d, "", got)
		}
		var missing []string
		for p := range want {
			if !got[p] && !contains(skip, p) {
				missing = append(missing, p)
			}
		}
		sort.Strings(missing)
		assert.Empty(t, missing, "properties never populated")
	}
	var itemDocs, certDocs []any
	for _, cert := range srv.Certifications() {
		certDocs = append(certDocs, toAny(t, cert))
		for _, it := range srv.Items(cert.GetID()) {
			itemDocs = append(itemDocs, toAny(t, it))
		}
	}
	t.Run("AccessReviewItem", func(t *testing.T) { check(t, certifications.AccessReviewItem{}, itemDocs) })
	// A certification in error is not part of the default data.
	t.Run("IdentityCertificationDto", func(t *testing.T) { check(t, certifications.IdentityCertificationDto{}, certDocs, "errorMessage") })
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func toAny(t *testing.T, v any) any {
	buf, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(buf, &out))
	return out
}

func TestUnusedAccessExists(t *testing.T) {
	srv := certtest.NewTestServer(t)
	c := newClient(t, srv)
	for _, cert := range myCerts(t, c) {
		unused, used := 0, 0
		for _, it := range srv.Items(cert.GetID()) {
			ai := it.GetAccessSummary().GetEntitlement().GetAccount().GetActivityInsights()
			if ai == nil {
				continue
			}
			assert.GreaterOrEqual(t, ai.GetUsageDays(), int32(0))
			assert.LessOrEqual(t, ai.GetUsageDays(), int32(90))
			if ai.GetUsageDays() == 0 && ai.GetUsageDaysState() == certifications.ActivityInsightsUsageDaysStateComplete {
				unused++
			} else {
				used++
			}
		}
		assert.Positive(t, unused, "entitlements unused for 90 days in %s", cert.GetName())
		assert.Positive(t, used)
	}
}

func TestLargeCertificationCostsNoMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	srv := certtest.NewServer(certtest.WithLargeCertification("big-cert", 100_000))
	runtime.GC()
	runtime.ReadMemStats(&after)
	defer srv.Close()
	growth := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("heap growth %d KB", growth/1024)
	assert.Less(t, growth, int64(20<<20), "100,000 stored items would need far more")

	cert, ok := srv.Certification("big-cert")
	require.True(t, ok)
	assert.EqualValues(t, 100_000, cert.GetDecisionsTotal())
	assert.EqualValues(t, 25_000, cert.GetIdentitiesTotal())
	assert.Equal(t, srv.MeID(), cert.GetReviewer().GetID())

	// The last page, counted, without generating what comes before it.
	resp, body := raw(t, srv, http.MethodGet, "/v3/certifications/big-cert/access-review-items", url.Values{"offset": {"99750"}, "count": {"true"}}, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "100000", resp.Header.Get("X-Total-Count"))
	page := decode[[]certifications.AccessReviewItem](t, body)
	require.Len(t, page, 250)
	resp, _ = raw(t, srv, http.MethodGet, "/v3/certifications/big-cert/access-review-items", url.Values{"offset": {"100000"}}, "")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)

	// Deciding the very last item completes its identity.
	c := newClient(t, srv)
	last := page[len(page)-4:]
	got, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), "big-cert").ReviewDecision(decisions(last, "APPROVE", "")).Execute()
	require.NoError(t, err)
	assert.EqualValues(t, 4, got.GetDecisionsMade())
	assert.EqualValues(t, 1, got.GetIdentitiesCompleted())
	assert.Equal(t, 1, srv.DecisionCount(last[3].GetID()))
}

// BenchmarkNewServer measures starting a tenant (and closing it): the
// default one, and the same with a certification of 100,000 items, which
// are generated on demand and so should add next to nothing (goal: a
// start-up well under 2 s even under -race).
func BenchmarkNewServer(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []certtest.Option
	}{
		{"default", nil},
		{"large=100000", []certtest.Option{certtest.WithLargeCertification("big-cert", 100_000)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				certtest.NewServer(bc.opts...).Close()
			}
		})
	}
}

func TestFilteringALargerCertificationStreams(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t, certtest.WithLargeCertification("mid", 4000))
	c := newClient(t, srv)
	got, err := certifications.Collect(c.CertificationsApi.ListIdentityAccessReviewItems(ctx(t), "mid").Filters(`access.type eq "ROLE"`).Sorters("access.name").All())
	require.NoError(t, err)
	assert.Len(t, got, 1000, "one role per identity")
	for i := 1; i < len(got); i++ {
		assert.LessOrEqual(t, strings.ToLower(got[i-1].GetAccessSummary().GetAccess().GetName()), strings.ToLower(got[i].GetAccessSummary().GetAccess().GetName()))
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithLargeCertification("big", 2000),
			certtest.WithFaults(certtest.Faults{ErrorRate: 0.05, ErrorStatuses: []int{503}, UnavailableRetryAfter: time.Millisecond, DecimalRetryAfter: true}))
		c := newClient(t, srv, func(cfg *certifications.Configuration) { cfg.MaxRetries = 20 })
		srv.SetFaultsEnabled(false)
		items := allItems(t, c, "big")
		srv.SetFaultsEnabled(true)

		var wg sync.WaitGroup
		for w := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				chunk := items[w*250 : (w+1)*250]
				_, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), "big").ReviewDecision(decisions(chunk, "APPROVE", "")).Execute()
				assert.NoError(t, err)
				_, _, err = c.CertificationsApi.ListIdentityAccessReviewItems(ctx(t), "big").Limit(50).Offset(int32(w * 50)).Execute()
				assert.NoError(t, err)
				_ = srv.Requests()
				_, _ = srv.Certification("big")
			}()
		}
		wg.Wait()
		cert, _ := srv.Certification("big")
		assert.EqualValues(t, 2000, cert.GetDecisionsMade())
		assert.True(t, cert.GetCompleted())
		for _, it := range items {
			if srv.DecisionCount(it.GetID()) != 1 {
				t.Fatalf("item %s decided %d times", it.GetID(), srv.DecisionCount(it.GetID()))
			}
		}
	})
}
