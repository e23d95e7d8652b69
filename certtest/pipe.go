package certtest

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"sync"
)

// WithInMemoryNetwork serves the tenant on an in-memory network instead of
// a loopback TCP port: every connection is a net.Pipe, and only the HTTP
// client of Configuration and Client reaches the server. URL still reads
// http://127.0.0.1:0 (https:// with WithTLS), so that the SDK accepts it as
// a loopback address, but nothing listens there: any other client fails at
// once.
//
// It makes the server usable inside a testing/synctest bubble, where time
// moves on only while every goroutine of the bubble is blocked on the
// bubble's own channels and timers. A goroutine reading a TCP connection
// (an idle keep-alive connection, for instance) is not, and stops the fake
// clock for good; one reading a pipe is. Inside a bubble injected latency,
// token lifetimes, rate-limit windows and the SDK's retry, pacing and
// polling waits take no real time. Create the server inside the bubble and
// use it, its clients and its Configuration only there:
//
//	synctest.Test(t, func(t *testing.T) {
//		srv := certtest.NewTestServer(t, certtest.WithInMemoryNetwork(), certtest.WithLatency(time.Minute))
//		_, _, err := srv.Client().CertificationsApi.ListIdentityCertifications(t.Context()).Execute()
//		// ... a minute of latency later, in no time
//	})
//
// Outside a bubble it works too, with the real clock.
func WithInMemoryNetwork() Option {
	return func(c *config) { c.inMemory = true }
}

// pipeAddr is the address an in-memory server reports. Port 0 is one no
// TCP server can listen on, so a client that is not the server's own gets
// a connection error instead of reaching some other server.
type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "127.0.0.1:0" }

// errPipeClosed is what dialling a closed in-memory server returns.
var errPipeClosed = errors.New("certtest: the in-memory sandbox is closed")

// pipeListener is a net.Listener whose connections are net.Pipe pairs,
// made by its dial method. Accept and dial block on channels only, which
// is what lets a synctest bubble's clock advance while they wait.
type pipeListener struct {
	conns     chan net.Conn
	closed    chan struct{}
	closeOnce sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
}

// Accept waits for the server end of the next dialled connection.
func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

// Close stops Accept and refuses further dials; connections already made
// stay open. It may be called more than once.
func (l *pipeListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return nil
}

// Addr returns the address the server's URL names.
func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

// dial connects to the listener whatever the address: the server end of a
// new pipe goes to Accept, the client end is returned.
func (l *pipeListener) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := net.Pipe()
	var err error
	select {
	case l.conns <- server:
		return client, nil
	case <-l.closed:
		err = errPipeClosed
	case <-ctx.Done():
		err = ctx.Err()
	}
	client.Close()
	server.Close()
	return nil, &net.OpError{Op: "dial", Net: "pipe", Addr: pipeAddr{}, Err: err}
}

// connect points hc, the client a started httptest.Server made for itself,
// at the listener: its transport keeps its settings (under TLS, the pool
// that trusts the server's certificate) but dials the pipe.
func (l *pipeListener) connect(hc *http.Client) {
	tr := hc.Transport.(*http.Transport).Clone()
	tr.DialContext = l.dial
	if tlsCfg := tr.TLSClientConfig; tlsCfg != nil {
		tr.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := l.dial(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			cfg := tlsCfg.Clone()
			if cfg.ServerName == "" {
				cfg.ServerName, _, _ = net.SplitHostPort(addr)
			}
			tc := tls.Client(conn, cfg)
			if err := tc.HandshakeContext(ctx); err != nil {
				conn.Close()
				return nil, err
			}
			return tc, nil
		}
	}
	hc.Transport = tr
}
