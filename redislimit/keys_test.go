package redislimit

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// bucketRecorder passes everything to a Limiter and remembers the
// buckets it was asked about.
type bucketRecorder struct {
	certifications.Limiter
	mu      sync.Mutex
	buckets map[string]bool
}

func (r *bucketRecorder) Wait(ctx context.Context, bucket string) error {
	r.mu.Lock()
	r.buckets[bucket] = true
	r.mu.Unlock()
	return r.Limiter.Wait(ctx, bucket)
}

// tokenRecorder is a transport that remembers the bearer tokens it sends.
type tokenRecorder struct {
	base   http.RoundTripper
	mu     sync.Mutex
	tokens map[string]bool
}

func (r *tokenRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if tok, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok {
		r.mu.Lock()
		r.tokens[tok] = true
		r.mu.Unlock()
	}
	return r.base.RoundTrip(req)
}

// Two client_ids never share a key, not even for bookkeeping: every key
// in Redis is the bucket of one of them. Neither a secret, a token nor a
// client_id appears in any key or value: the test scans the keyspace.
func TestKeys(t *testing.T) {
	t.Parallel() // each has its own redis-server and sandbox
	rs := startRedis(t)
	rdb := client(t, rs)
	type tenantClient struct {
		id, secret string
		rec        *bucketRecorder
		tokens     *tokenRecorder
	}
	clients := []*tenantClient{{id: "client-aaa-1234", secret: "secret-aaa-5678"}, {id: "client-bbb-1234", secret: "secret-bbb-5678"}}
	for _, c := range clients {
		srv := certtest.NewTestServer(t, certtest.WithClientCredentials(c.id, c.secret))
		c.rec = &bucketRecorder{Limiter: newSharedLimiter(t, rs, Options{Timeout: 2 * time.Second}), buckets: map[string]bool{}}
		cfg := srv.Configuration()
		c.tokens = &tokenRecorder{base: cfg.HTTPClient.Transport, tokens: map[string]bool{}}
		if c.tokens.base == nil {
			c.tokens.base = http.DefaultTransport
		}
		cfg.HTTPClient.Transport = c.tokens
		cfg.Limiter = c.rec
		client := certifications.NewAPIClient(cfg)
		require.NoError(t, client.Err())
		_, _, err := client.CertificationsApi.ListIdentityCertifications(t.Context()).Execute()
		require.NoError(t, err)
		_, _, err = client.CertificationSummariesApi.GetIdentityDecisionSummary(t.Context(), srv.Certifications()[0].GetID()).Execute()
		require.NoError(t, err)
		// A 429's pause writes the bucket's other field.
		for b := range c.rec.buckets {
			c.rec.Backoff(b, time.Minute)
		}
		require.NotEmpty(t, c.tokens.tokens)
	}

	keysOf := func(c *tenantClient) map[string]bool {
		keys := map[string]bool{}
		for b := range c.rec.buckets {
			keys[DefaultPrefix+":"+b] = true
		}
		return keys
	}
	a, b := keysOf(clients[0]), keysOf(clients[1])
	require.NotEmpty(t, a)
	for k := range a {
		assert.False(t, b[k], "key %s shared by two client_ids", k)
	}

	var secrets []string
	for _, c := range clients {
		secrets = append(secrets, c.id, c.secret)
		for tok := range c.tokens.tokens {
			secrets = append(secrets, tok)
		}
	}
	var cursor uint64
	scanned := 0
	for range 1000 {
		keys, next, err := rdb.Scan(t.Context(), cursor, "*", 100).Result()
		require.NoError(t, err)
		for _, k := range keys {
			scanned++
			assert.True(t, a[k] || b[k], "key %s belongs to neither client", k)
			vals, err := rdb.HGetAll(t.Context(), k).Result()
			require.NoError(t, err, k)
			assert.ElementsMatch(t, []string{"tat", "blocked"}, keysOfMap(vals), k)
			for _, s := range secrets {
				assert.NotContains(t, k, s)
				for f, v := range vals {
					assert.NotContains(t, f+"="+v, s, k)
				}
			}
		}
		cursor = next
		if cursor == 0 {
			break
		}
	}
	assert.Equal(t, len(a)+len(b), scanned, "every bucket has one key")
}

func keysOfMap(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
