package redislimit_test

import (
	"log"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/redislimit"
)

// Every process that uses the same client_id sets the same Redis: they
// then share the tenant's budget.
func ExampleNewFromURL() {
	cfg, err := certifications.NewConfigurationFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	lim, err := redislimit.NewFromURL("redis://localhost:6379/0", &redislimit.Options{
		FallbackShare: 0.5, // two processes: each keeps half the limit while Redis is down
		Logger:        slog.Default(),
	})
	if err != nil {
		log.Fatal(err)
	}
	defer lim.(*redislimit.Limiter).Close()
	cfg.Limiter = lim
	client := certifications.NewAPIClient(cfg)
	_ = client
}

// A Limiter on a Redis client the program already has, for a tenant with
// a limit other than the documented one.
func ExampleNew() {
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379", ContextTimeoutEnabled: true})
	defer rdb.Close()
	lim, err := redislimit.New(rdb, &redislimit.Options{Requests: 200, Per: 10 * time.Second})
	if err != nil {
		log.Fatal(err)
	}
	cfg := certifications.NewConfiguration()
	cfg.Limiter = lim
}
