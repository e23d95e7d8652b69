// Package redislimit shares the tenant's rate limit between processes
// through Redis: a certifications.Limiter whose buckets live in Redis, so
// that every process using the same client_id draws on one budget.
//
// The gateway counts 100 requests per 10 s per client_id and API version,
// whoever sends them. The client's default pacing keeps one process under
// that limit; several processes with the same client_id (a job per
// campaign, a pipeline fanning out, replicas of a service) would each
// spend the whole budget. Give them all a Limiter from this package:
//
//	lim, err := redislimit.NewFromURL("redis://localhost:6379/0", nil)
//	if err != nil { ... }
//	cfg.Limiter = lim
//
// Each bucket (one client_id and API generation) is paced in Redis by the
// generic cell rate algorithm (GCRA): one hash per bucket holds its
// theoretical arrival time, the moment the next request may start. A Lua
// script, run atomically on the Redis server and on the server's clock,
// hands out start times one interval apart, so waiting processes are
// served in order without polling. The same hash keeps "blocked until":
// a 429 answered to any process pauses the bucket for every process until
// its Retry-After has passed.
//
// When Redis does not answer (at start, or in the middle of a run), the
// Limiter paces each process on its own at Options.FallbackShare of the
// limit, logs that once, and asks Redis again every second; when Redis
// answers, it logs that and goes back to it. No request fails because
// Redis did.
//
// The root package, beta and certtest never import this package: its
// Redis client stays out of programs that do not use it.
package redislimit
