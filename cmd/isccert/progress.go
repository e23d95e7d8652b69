package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/iscgo/certifications"
	"github.com/schollz/progressbar/v3"
)

// EnvProgressAfter is the variable that sets how long work runs before its
// progress bar appears (a Go duration; default 1s, 0 for at once).
const EnvProgressAfter = "ISCCERT_PROGRESS_AFTER"

// defaultProgressAfter keeps bars off instant work: a listing of two
// items, a rerun that sends nothing.
const defaultProgressAfter = time.Second

// progress is a bar on stderr with counts and rate. It appears only once
// its work has lasted a while (see EnvProgressAfter), and it is erased
// when the work is done, so that only what the work printed stays on the
// screen. A nil *progress (what newProgress returns when stderr is no
// terminal) does nothing, so the callers never check.
type progress struct {
	bar  *progressbar.ProgressBar
	gate *gate
}

// gate passes a bar's drawing to the terminal only once the bar has lasted
// long enough, and remembers whether it drew anything.
type gate struct {
	mu     sync.Mutex
	w      io.Writer
	open   func() bool
	shown  bool // something was drawn
	closed bool // the bar is over: nothing more is drawn
}

func (g *gate) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed || !g.shown && !g.open() {
		return len(p), nil
	}
	g.shown = true
	return g.w.Write(p)
}

// end stops the drawing and leaves the line: erased (clear), or ended
// where the bar stands so that a message starts on a line of its own.
func (g *gate) end(clear bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return
	}
	g.closed = true
	if !g.shown {
		return
	}
	if clear {
		_, _ = io.WriteString(g.w, "\r\x1b[K")
	} else {
		_, _ = io.WriteString(g.w, "\n")
	}
}

// progressAfter is how long work runs before its bar appears.
func (a *app) progressAfter() time.Duration {
	if v := a.getenv(EnvProgressAfter); v != "" {
		if d, err := time.ParseDuration(v); err == nil && d >= 0 {
			return d
		}
	}
	return defaultProgressAfter
}

// newProgress starts a bar for total items (-1: not known yet).
func (a *app) newProgress(desc string, total int64) *progress {
	if !a.tty {
		return nil
	}
	start, after := a.clock(), a.progressAfter()
	g := &gate{w: a.stderr, open: func() bool { return a.clock().Sub(start) >= after }}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(g),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("items"),
		progressbar.OptionThrottle(100*time.Millisecond),
		// The bar is drawn when it changes, by the goroutine that changes
		// it; no animation goroutine of its own.
		progressbar.OptionSetSpinnerChangeInterval(0),
	)
	_ = bar.RenderBlank() // drawn only when the clock says the work lasts
	return &progress{bar: bar, gate: g}
}

// set moves the bar to n items done.
func (p *progress) set(n int) {
	if p != nil {
		_ = p.bar.Set(n)
	}
}

// add counts n more items done.
func (p *progress) add(n int) {
	if p != nil {
		_ = p.bar.Add(n)
	}
}

// done erases the bar: the work is over.
func (p *progress) done() {
	if p != nil {
		p.gate.end(true)
	}
}

// stop ends the bar where it is (on an error), so that the error message
// starts on a line of its own.
func (p *progress) stop() {
	if p != nil {
		p.gate.end(false)
	}
}

// stream iterates a pager with a bar that learns the total from the first
// page, calling f for each item. It returns the number of items seen. The
// bar starts before the first page, so that it moves while a slow first
// page is on its way.
func stream[T any](a *app, desc string, p *certifications.Pager[T], f func(*T) error) (int, error) {
	bar := a.newProgress(desc, -1)
	stopSpin := bar.animate()
	n := 0
	for v, err := range p.ReadAhead(4).All() {
		if err != nil {
			stopSpin()
			bar.stop()
			return n, err
		}
		if n == 0 {
			stopSpin()
			if t, ok := p.Total(); ok && bar != nil {
				bar.bar.ChangeMax64(t)
			}
		}
		if err := f(&v); err != nil {
			bar.stop()
			return n, err
		}
		n++
		bar.add(1)
	}
	stopSpin()
	bar.done()
	return n, nil
}

// animate redraws a bar a few times a second, so that its spinner and
// elapsed time move while nothing else happens. The returned function
// stops it; calling it again does nothing.
func (p *progress) animate() (stop func()) {
	if p == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = p.bar.Add(0)
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

// describeWait is the text of a bar that waits on a task.
func describeWait(taskID string) string {
	return fmt.Sprintf("waiting for task %s", terminalSafe(taskID))
}
