package certtest

import (
	"sync"
	"time"
)

// ManualClock is a clock for WithClock that moves only when the test
// moves it: past a campaign's deadline, to a template schedule's next
// time, a day later, all without waiting. It is safe for concurrent use,
// so the sandbox may read it while the test moves it.
//
//	clock := certtest.NewManualClock(certtest.ReferenceTime())
//	srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now))
//	...
//	clock.Add(15 * 24 * time.Hour) // past the deadline
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a clock that reads start until it is moved.
func NewManualClock(start time.Time) *ManualClock {
	return &ManualClock{now: start}
}

// Now returns the clock's time; pass the method to WithClock.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Add moves the clock by d (backwards when d is negative) and returns the
// new time.
func (c *ManualClock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// Set moves the clock to t.
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}
