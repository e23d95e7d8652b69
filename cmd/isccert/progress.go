package main

import (
	"fmt"
	"time"

	"github.com/iscgo/certifications"
	"github.com/schollz/progressbar/v3"
)

// progress is a bar on stderr with counts and rate. A nil *progress (what
// newProgress returns when stderr is no terminal) does nothing, so the
// callers never check.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress starts a bar for total items (-1: not known yet).
func (a *app) newProgress(desc string, total int64) *progress {
	if !a.tty {
		return nil
	}
	stderr := a.stderr
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("items"),
		progressbar.OptionThrottle(100*time.Millisecond),
		// The bar is drawn when it changes, by the goroutine that changes
		// it; no animation goroutine of its own.
		progressbar.OptionSetSpinnerChangeInterval(0),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(stderr) }),
	)
	_ = bar.RenderBlank()
	return &progress{bar: bar}
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

// describe changes the text before the bar.
func (p *progress) describe(s string) {
	if p != nil {
		p.bar.Describe(s)
	}
}

// done fills the bar and ends its line.
func (p *progress) done() {
	if p != nil && !p.bar.IsFinished() {
		_ = p.bar.Finish()
	}
}

// stop ends the bar where it is (on an error), so that the error message
// starts on a line of its own.
func (p *progress) stop() {
	if p != nil && !p.bar.IsFinished() {
		_ = p.bar.Exit() // ends the line through OptionOnCompletion
	}
}

// stream iterates a pager with a bar that learns the total from the first
// page, calling f for each item. It returns the number of items seen.
func stream[T any](a *app, desc string, p *certifications.Pager[T], f func(*T) error) (int, error) {
	var bar *progress
	n := 0
	for v, err := range p.ReadAhead(4).All() {
		if err != nil {
			bar.stop()
			return n, err
		}
		if n == 0 {
			total := int64(-1)
			if t, ok := p.Total(); ok {
				total = t
			}
			bar = a.newProgress(desc, total)
		}
		if err := f(&v); err != nil {
			bar.stop()
			return n, err
		}
		n++
		bar.add(1)
	}
	bar.done()
	return n, nil
}

// animate redraws a bar of unknown length a few times a second, so that
// its spinner and elapsed time move while nothing else happens. The
// returned function stops it.
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
	return func() {
		close(done)
		<-finished
	}
}
