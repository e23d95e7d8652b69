// Package testmain ends the module's test binaries without the race
// detector's exit pause.
//
// A binary built with -race that exits with status 0 through os.Exit
// sleeps for GORACE's atexit_sleep_ms (one second by default) while any
// goroutine is alive, and a test binary always has some. Over the
// module's twenty test binaries, and the processes some tests start from
// their own binary, that was about 12 s of a 92 s `go test -race ./...`
// on two cores, spent asleep.
//
// Nothing is lost by skipping it: the testing package fails a test
// during which the race detector reported, and fails the run for a race
// reported between tests, so M.Run's status already says whether a race
// was found. Only a goroutine that a test left running could still
// report one after M.Run has returned.
package testmain

import (
	"flag"
	"os"
	"strconv"
	"syscall"
	"testing"
)

// Main runs the tests of m, then exits with their status as Exit does.
// A package's tests use it as their TestMain:
//
//	func TestMain(m *testing.M) { testmain.Main(m) }
func Main(m *testing.M) {
	Exit(m.Run())
}

// Parallel lets up to n parallel tests run at once, unless the command
// line sets -test.parallel; TestMain calls it before running the tests. It
// is for packages whose parallel tests mostly wait on other processes (a
// browser, a Redis server, the command under test): the default,
// GOMAXPROCS, leaves the CPUs idle while they wait.
func Parallel(n int) {
	if !flag.Parsed() {
		flag.Parse()
	}
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set && n > 0 {
		if err := flag.Set("test.parallel", strconv.Itoa(n)); err != nil {
			panic("testmain: " + err.Error())
		}
	}
}

// Exit ends the process with code. In a binary built with -race and
// without coverage, status 0 skips the race detector's exit pause; any
// other status, or a coverage build, goes through os.Exit, which flushes
// what coverage collected.
func Exit(code int) {
	if code == 0 && raceEnabled && testing.CoverMode() == "" {
		syscall.Exit(0)
	}
	os.Exit(code)
}
