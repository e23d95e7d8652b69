package redislimit

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications/internal/redistest"
)

// redisServer is the test's redis-server.
type redisServer = redistest.Server

// startRedis starts a redis-server for the test.
func startRedis(tb testing.TB) *redisServer { return redistest.Start(tb) }

// client returns a plain Redis client of s for the test's own look at
// the keys.
func client(tb testing.TB, s *redisServer) *redis.Client {
	tb.Helper()
	opts, err := redis.ParseURL(s.URL())
	require.NoError(tb, err)
	rdb := redis.NewClient(opts)
	tb.Cleanup(func() { _ = rdb.Close() })
	require.NoError(tb, rdb.Ping(context.Background()).Err())
	return rdb
}

// Sanity of the helper itself: the server answers, and stops answering
// once stopped.
func TestRedisServerHelper(t *testing.T) {
	t.Parallel() // each has its own redis-server and sandbox
	s := startRedis(t)
	rdb := client(t, s)
	require.NoError(t, rdb.Set(context.Background(), "k", "v", time.Minute).Err())
	s.Stop()
	require.Error(t, rdb.Ping(context.Background()).Err())
	s.Start()
	require.NoError(t, rdb.Ping(context.Background()).Err())
}
