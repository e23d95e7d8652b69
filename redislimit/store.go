package redislimit

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// store is what the Limiter needs from Redis; tests give it a fake one.
type store interface {
	// reserve takes the next start time of key's bucket and returns how
	// long to wait for it. When that wait would exceed maxWait (maxWait
	// >= 0), it takes nothing and returns ok false with the wait.
	reserve(ctx context.Context, key string, interval, tolerance, maxWait time.Duration) (wait time.Duration, ok bool, err error)
	// backoff blocks key's bucket for d from now, unless it is already
	// blocked for longer.
	backoff(ctx context.Context, key string, d time.Duration) error
	// blocked returns how long key's bucket stays blocked.
	blocked(ctx context.Context, key string) (time.Duration, error)
	// ping reports whether Redis answers.
	ping(ctx context.Context) error
}

// The scripts run atomically on the Redis server and read its clock
// (TIME), so processes whose clocks differ still share one timeline.
// Times are microseconds since the epoch, kept as decimal strings in one
// hash per bucket: "tat", the bucket's theoretical arrival time (GCRA),
// and "blocked", the end of the last 429's pause. A hash expires one
// idle window after its last time has passed.

// reserveScript: ARGV are the interval and tolerance in microseconds, the
// longest acceptable wait (-1: any) and the idle window in milliseconds.
// The start is the earliest moment that is not before now, leaves the
// burst's tolerance before the arrival time and is not blocked; the
// arrival time moves one interval past it. It returns {taken, wait}.
var reserveScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local v = redis.call('HMGET', KEYS[1], 'tat', 'blocked')
local tat = tonumber(v[1]) or 0
local blocked = tonumber(v[2]) or 0
local start = math.max(now, tat - tonumber(ARGV[2]), blocked)
local wait = start - now
local maxwait = tonumber(ARGV[3])
if maxwait >= 0 and wait > maxwait then
  return {0, wait}
end
tat = math.max(tat, start) + tonumber(ARGV[1])
redis.call('HSET', KEYS[1], 'tat', string.format('%.0f', tat))
redis.call('PEXPIRE', KEYS[1], math.ceil((math.max(tat, blocked) - now) / 1000) + tonumber(ARGV[4]))
return {1, wait}
`)

// backoffScript: ARGV are the pause in microseconds and the idle window in
// milliseconds. A pause never shortens one already stored.
var backoffScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local till = now + tonumber(ARGV[1])
local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked')) or 0
if till > blocked then
  redis.call('HSET', KEYS[1], 'blocked', string.format('%.0f', till))
  local need = math.ceil((till - now) / 1000) + tonumber(ARGV[2])
  if redis.call('PTTL', KEYS[1]) < need then
    redis.call('PEXPIRE', KEYS[1], need)
  end
end
return 0
`)

// blockedScript returns the microseconds the bucket stays blocked.
var blockedScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked')) or 0
return math.max(0, blocked - now)
`)

// redisStore runs the scripts on a Redis client.
type redisStore struct {
	rdb  redis.UniversalClient
	idle time.Duration // how long an unused bucket's hash stays
}

func (s *redisStore) reserve(ctx context.Context, key string, interval, tolerance, maxWait time.Duration) (time.Duration, bool, error) {
	max := int64(-1)
	if maxWait >= 0 {
		max = maxWait.Microseconds()
	}
	res, err := reserveScript.Run(ctx, s.rdb, []string{key}, interval.Microseconds(), tolerance.Microseconds(), max, s.idle.Milliseconds()).Int64Slice()
	if err != nil {
		return 0, false, err
	}
	if len(res) != 2 {
		return 0, false, fmt.Errorf("redislimit: the reserve script answered %d values instead of 2", len(res))
	}
	return time.Duration(res[1]) * time.Microsecond, res[0] == 1, nil
}

func (s *redisStore) backoff(ctx context.Context, key string, d time.Duration) error {
	return backoffScript.Run(ctx, s.rdb, []string{key}, d.Microseconds(), s.idle.Milliseconds()).Err()
}

func (s *redisStore) blocked(ctx context.Context, key string) (time.Duration, error) {
	us, err := blockedScript.Run(ctx, s.rdb, []string{key}).Int64()
	return time.Duration(us) * time.Microsecond, err
}

func (s *redisStore) ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }
