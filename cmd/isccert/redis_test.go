package main

import (
	"context"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/certtest"
	"github.com/iscgo/certifications/internal/redistest"
	"github.com/iscgo/certifications/redislimit"
)

// --redis and SAIL_REDIS_URL pace the tool's requests through Redis: the
// bucket of the client shows up in Redis once a command has run.
func TestRedisSharesTheBudget(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	rs := redistest.Start(t)
	opts, err := redis.ParseURL(rs.URL())
	require.NoError(t, err)
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { _ = rdb.Close() })
	ctx := context.Background()

	p := newInProcess(srv)
	require.Equal(t, 0, p.run(ctx, false, "certs", "list", "--redis", rs.URL(), "-o", "json"), p.stderr.String())
	keys, err := rdb.Keys(ctx, redislimit.DefaultPrefix+":*").Result()
	require.NoError(t, err)
	require.Len(t, keys, 1, "the v3 bucket of the client")
	require.NoError(t, rdb.FlushAll(ctx).Err())

	p.vars[redislimit.EnvURL] = rs.URL()
	require.Equal(t, 0, p.run(ctx, false, "certs", "list", "-o", "json"), p.stderr.String())
	keys, err = rdb.Keys(ctx, redislimit.DefaultPrefix+":*").Result()
	require.NoError(t, err)
	assert.Len(t, keys, 1, "through "+redislimit.EnvURL)
}

// A Redis that does not answer fails nothing: the command runs, paced in
// this process, and says once on stderr that it fell back. A URL that
// cannot be read is a usage error, without its password.
func TestRedisDownOrWrong(t *testing.T) {
	t.Parallel()
	srv := certtest.NewTestServer(t)
	p := newInProcess(srv)
	ctx := context.Background()
	down := "unix://" + t.TempDir() + "/none.sock"
	require.Equal(t, 0, p.run(ctx, false, "certs", "list", "--redis", down, "-o", "json"), p.stderr.String())
	assert.NotEmpty(t, p.stdout.String())
	assert.Equal(t, 1, strings.Count(p.stderr.String(), "Redis does not answer"), p.stderr.String())

	assert.Equal(t, 2, p.run(ctx, false, "certs", "list", "--redis", "http://user:pw-1234@localhost"))
	assert.Contains(t, p.stderr.String(), "--redis")
	assert.NotContains(t, p.stderr.String(), "pw-1234")
}
