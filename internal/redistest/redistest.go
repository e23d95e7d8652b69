// Package redistest runs a real redis-server for tests: the system's
// package, on a unix socket in the test's temporary folder, stopped when
// the test ends. A test that cannot find redis-server fails and says how
// to install it.
package redistest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Server is a redis-server process of one test, listening on a unix
// socket in the test's temporary folder only: no port to find, and no
// other process can reach it.
type Server struct {
	t      testing.TB
	dir    string
	socket string
	cmd    *exec.Cmd
	done   chan struct{}

	mu  sync.Mutex
	out bytes.Buffer
}

// Start starts a redis-server for the test and stops it when the
// test ends. Without redis-server on the PATH the test fails and says how
// to install it.
func Start(tb testing.TB) *Server {
	tb.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		tb.Fatalf("redis-server is not on the PATH; these tests run a real Redis: install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) and run them again")
	}
	dir := tb.TempDir()
	if len(dir) > 80 {
		// A unix socket's path holds at most 104 to 108 bytes.
		short, err := os.MkdirTemp("", "redis")
		if err != nil {
			tb.Fatalf("a folder for redis-server: %v", err)
		}
		tb.Cleanup(func() { _ = os.RemoveAll(short) })
		dir = short
	}
	s := &Server{t: tb, dir: dir, socket: filepath.Join(dir, "redis.sock")}
	s.Start()
	tb.Cleanup(s.Stop)
	return s
}

// URL is the server's redis URL (unix://...).
func (s *Server) URL() string { return "unix://" + s.socket }

// Start runs redis-server (again, after Stop: on the same socket, with
// no keys) and returns once it accepts connections: it says so on its
// log, which is read instead of polling.
func (s *Server) Start() {
	s.t.Helper()
	cmd := exec.Command("redis-server",
		"--port", "0", "--unixsocket", s.socket, "--unixsocketperm", "700",
		"--save", "", "--appendonly", "no", "--dir", s.dir, "--logfile", "", "--loglevel", "notice")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		s.t.Fatalf("redis-server: %v", err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("starting redis-server: %v", err)
	}
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stdout)
		signalled := false
		for sc.Scan() {
			s.mu.Lock()
			s.out.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
			// "Ready to accept connections" or, listening on a socket
			// alone, "The server is now ready to accept connections at".
			if !signalled && strings.Contains(strings.ToLower(sc.Text()), "ready to accept connections") {
				signalled = true
				close(ready)
			}
		}
	}()
	select {
	case <-ready:
	case <-done:
		_ = cmd.Wait()
		s.t.Fatalf("redis-server stopped before accepting connections:\n%s", s.Output())
	}
	s.cmd, s.done = cmd, done
}

// Stop kills the server (as a crash would) and waits for it to end.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.done
	_ = s.cmd.Wait()
	s.cmd = nil
}

// Output is what the server logged so far.
func (s *Server) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}
