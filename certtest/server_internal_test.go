package certtest

import (
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCloseEndsLatencyAndIsIdempotent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := NewServer(WithLatency(time.Minute), WithInMemoryNetwork())
		done := make(chan struct{})
		go func() {
			defer close(done)
			req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/v3/certifications", nil)
			req.Header.Set("Authorization", "Bearer "+srv.IssueToken())
			if resp, err := srv.Configuration().HTTPClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		synctest.Wait() // the request is inside its minute of latency
		require.EqualValues(t, 1, srv.inflight.Load(), "the request arrived")
		start := time.Now()
		srv.Close()
		srv.Close()
		<-done
		assert.Less(t, time.Since(start), time.Minute, "Close cut the minute of latency short")
		reqs := srv.Requests()
		require.Len(t, reqs, 1)
		assert.Equal(t, time.Minute, reqs[0].Delay)
	})
}
