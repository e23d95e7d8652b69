package certtest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCloseEndsLatencyAndIsIdempotent(t *testing.T) {
	srv := NewServer(WithLatency(time.Minute))
	done := make(chan struct{})
	go func() {
		defer close(done)
		req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/v3/certifications", nil)
		req.Header.Set("Authorization", "Bearer "+srv.IssueToken())
		if resp, err := srv.Configuration().HTTPClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	for deadline := time.Now().Add(5 * time.Second); srv.inflight.Load() == 0; time.Sleep(time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the request never arrived")
	}
	start := time.Now()
	srv.Close()
	srv.Close()
	assert.Less(t, time.Since(start), 5*time.Second, "Close cut the minute of latency short")
	<-done
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, time.Minute, reqs[0].Delay)
}
