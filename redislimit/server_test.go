package redislimit

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

// redisServer is a redis-server process of one test, listening on a unix
// socket in the test's temporary folder only: no port to find, and no
// other process can reach it.
type redisServer struct {
	t      testing.TB
	dir    string
	socket string
	cmd    *exec.Cmd
	done   chan struct{}

	mu  sync.Mutex
	out bytes.Buffer
}

// startRedis starts a redis-server for the test and stops it when the
// test ends. Without redis-server on the PATH the test fails and says how
// to install it.
func startRedis(tb testing.TB) *redisServer {
	tb.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		tb.Fatalf("redis-server is not on the PATH; these tests run a real Redis: install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) and run them again")
	}
	dir := tb.TempDir()
	s := &redisServer{t: tb, dir: dir, socket: filepath.Join(dir, "redis.sock")}
	s.start()
	tb.Cleanup(s.stop)
	return s
}

// URL is the server's redis URL.
func (s *redisServer) URL() string { return "unix://" + s.socket }

// start runs redis-server and returns once it accepts connections: it
// says so on its log, which the test reads instead of polling.
func (s *redisServer) start() {
	s.t.Helper()
	cmd := exec.Command("redis-server",
		"--port", "0", "--unixsocket", s.socket, "--unixsocketperm", "700",
		"--save", "", "--appendonly", "no", "--dir", s.dir, "--logfile", "", "--loglevel", "notice")
	stdout, err := cmd.StdoutPipe()
	require.NoError(s.t, err)
	cmd.Stderr = cmd.Stdout
	require.NoError(s.t, cmd.Start())
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
		s.t.Fatalf("redis-server stopped before accepting connections:\n%s", s.output())
	}
	s.cmd, s.done = cmd, done
}

// stop kills the server (as a crash would) and waits for it to end.
func (s *redisServer) stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.done
	_ = s.cmd.Wait()
	s.cmd = nil
}

// restart starts the server again on the same socket, empty.
func (s *redisServer) restart() {
	s.stop()
	s.start()
}

func (s *redisServer) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}

// client returns a plain Redis client of the server for the test's own
// look at the keys.
func (s *redisServer) client(tb testing.TB) *redis.Client {
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
	s := startRedis(t)
	rdb := s.client(t)
	require.NoError(t, rdb.Set(context.Background(), "k", "v", time.Minute).Err())
	s.stop()
	require.Error(t, rdb.Ping(context.Background()).Err())
	s.start()
	require.NoError(t, rdb.Ping(context.Background()).Err())
}
