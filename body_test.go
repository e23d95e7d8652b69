package certifications

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocSlack is what a call may allocate beyond the body cap: the request,
// the connection's buffers, one body piece and the list of pieces.
const allocSlack = 512 << 10

// A server that streams 1 GiB costs the client its body cap plus a small
// constant, whether the length is announced (nothing is read) or not (the
// client stops one byte past the cap), and one request: the error is not
// retried. TotalAlloc counts every byte allocated during the call, so it
// bounds the peak heap the call can cause.
func TestHugeBodyBoundedAndNotRetried(t *testing.T) {
	const size = 1 << 30
	for _, announced := range []bool{true, false} {
		t.Run("Content-Length "+strconv.FormatBool(announced), func(t *testing.T) {
			var hits atomic.Int32
			var sent atomic.Int64
			piece := bytes.Repeat([]byte(" "), 64<<10)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				if announced {
					w.Header().Set("Content-Length", strconv.Itoa(size))
				}
				// Generated, never held: the same piece over and over.
				for n := 0; n < size; n += len(piece) {
					if _, err := w.Write(piece); err != nil {
						return
					}
					sent.Add(int64(len(piece)))
				}
			}))
			defer srv.Close()
			cfg := NewConfiguration()
			cfg.BaseURL, cfg.AccessToken, cfg.DisableRateLimit = srv.URL, testToken, true
			c := NewAPIClient(cfg)
			require.Equal(t, DefaultMaxRetries, c.cfg.MaxRetries, "retries are on")

			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var out []map[string]any
			resp, err := get(c, context.Background(), "v3/certifications", &out)
			runtime.ReadMemStats(&after)
			srv.CloseClientConnections()

			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("allocated %d bytes (%.1f MiB) during the call; server wrote %d bytes", allocated, float64(allocated)/(1<<20), sent.Load())
			assert.Less(t, allocated, uint64(DefaultMaxResponseBytes+allocSlack))
			assert.EqualValues(t, 1, hits.Load(), "a body over the cap is not fetched again")

			var tl *ResponseTooLargeError
			require.ErrorAs(t, err, &tl)
			assert.Equal(t, DefaultMaxResponseBytes, tl.Limit)
			assert.Equal(t, http.MethodGet, tl.Method)
			assert.Equal(t, "/v3/certifications", tl.Path)
			assert.Equal(t, 200, tl.StatusCode)
			if announced {
				assert.EqualValues(t, size, tl.ContentLength)
				assert.Equal(t, "certifications: GET /v3/certifications: the 200 response body is 1 GiB, more than 16 MiB; ask for fewer items (a smaller Limit) or raise Configuration.MaxResponseBytes", err.Error())
			} else {
				assert.EqualValues(t, -1, tl.ContentLength)
				assert.Equal(t, "certifications: GET /v3/certifications: the 200 response body is more than 16 MiB; ask for fewer items (a smaller Limit) or raise Configuration.MaxResponseBytes", err.Error())
			}
			require.NotNil(t, resp, "the response comes back with its headers")
			assert.Equal(t, 200, resp.StatusCode)
			rest, _ := io.ReadAll(resp.Body)
			assert.Empty(t, rest)
		})
	}
}

// MaxResponseBytes is the exact cap, with and without a Content-Length;
// a body at the cap decodes, one byte more is refused without a retry.
func TestMaxResponseBytes(t *testing.T) {
	const limit = 100
	cases := []struct {
		name      string
		size      int
		announced bool
		tooLarge  bool
	}{
		{"at the cap, announced", limit, true, false},
		{"at the cap, not announced", limit, false, false},
		{"one over, announced", limit + 1, true, true},
		{"one over, not announced", limit + 1, false, true},
		{"larger than a piece, not announced", 3*bodyPiece + 7, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newMockClient(t, func(cfg *Configuration) {
				cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = testToken, "", ""
				cfg.MaxResponseBytes = limit
			})
			body := `"` + strings.Repeat("a", tc.size-2) + `"`
			mt.RegisterResponder("GET", testBase+"/v3/x", func(*http.Request) (*http.Response, error) {
				r := httpmock.NewStringResponse(200, body)
				r.ContentLength = -1
				if tc.announced {
					r.ContentLength = int64(len(body))
				}
				return r, nil
			})
			var out string
			resp, err := get(c, context.Background(), "v3/x", &out)
			assert.Equal(t, 1, mt.GetTotalCallCount())
			require.NotNil(t, resp)
			if !tc.tooLarge {
				require.NoError(t, err)
				assert.Len(t, out, tc.size-2)
				b, _ := io.ReadAll(resp.Body)
				assert.Equal(t, body, string(b), "the caller reads the same body")
				return
			}
			var tl *ResponseTooLargeError
			require.ErrorAs(t, err, &tl)
			assert.EqualValues(t, limit, tl.Limit)
			assert.Contains(t, err.Error(), "more than 100 bytes")
		})
	}
}

// A body longer than its Content-Length (a custom RoundTripper can do it)
// is read on, not cut at the announced length.
func TestBodyLongerThanAnnounced(t *testing.T) {
	pieces, n, over, err := readPieces(strings.NewReader(`["abc","def"]`), 5, 100)
	require.NoError(t, err)
	assert.False(t, over)
	assert.Equal(t, `["abc","def"]`, string(joinPieces(pieces, n, 100)))
}

func TestReadPieces(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 2*bodyPiece+10)
	cases := []struct {
		name       string
		body       []byte
		hint       int64
		limit      int64
		over       bool
		wantPieces int
	}{
		{"empty, announced", nil, 0, 10, false, 0},
		{"empty, not announced", nil, -1, 10, false, 0},
		{"announced: one piece of that size", big, int64(len(big)), 1 << 20, false, 1},
		{"not announced: fixed pieces", big, -1, 1 << 20, false, 3},
		{"announced wrongly short", big, 10, 1 << 20, false, 3},
		{"over the limit", big, -1, bodyPiece, true, 2},
		{"exactly the limit", big[:bodyPiece], -1, bodyPiece, false, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pieces, n, over, err := readPieces(bytes.NewReader(tc.body), tc.hint, tc.limit)
			require.NoError(t, err)
			assert.Equal(t, tc.over, over)
			assert.Len(t, pieces, tc.wantPieces)
			for _, p := range pieces {
				assert.LessOrEqual(t, len(p), max(bodyPiece, int(tc.hint)), "no piece larger than a piece or the announced length")
			}
			got := joinPieces(pieces, n, tc.limit)
			want := tc.body
			if int64(len(want)) > tc.limit {
				want = want[:tc.limit]
			}
			assert.Equal(t, len(want), len(got))
			assert.True(t, bytes.Equal(want, got))
			if tc.over {
				assert.Equal(t, tc.limit+1, n, "reads one byte past the limit, no more")
			}
		})
	}
}

// A reader's own io.ErrUnexpectedEOF (a body cut short) is an error, not
// the end of the body; a reader that never advances is stopped.
func TestReadPiecesErrors(t *testing.T) {
	cut := io.MultiReader(strings.NewReader(`[{"id"`), iotest.ErrReader(io.ErrUnexpectedEOF))
	_, _, _, err := readPieces(cut, 100, 1000)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

	_, _, _, err = readPieces(stuckReader{}, -1, 1000)
	assert.ErrorIs(t, err, io.ErrNoProgress)

	// One byte at a time still fills the pieces.
	pieces, n, over, err := readPieces(iotest.OneByteReader(strings.NewReader("abcdef")), -1, 10)
	require.NoError(t, err)
	assert.False(t, over)
	assert.Equal(t, "abcdef", string(joinPieces(pieces, n, 10)))
}

type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

// A 2xx body cut short is still a *DecodeError, with one prefix.
func TestCutBodyIsDecodeError(t *testing.T) {
	c, mt := newMockClient(t, func(cfg *Configuration) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret, cfg.MaxRetries = testToken, "", "", 0
	})
	mt.RegisterResponder("GET", testBase+"/v3/x", func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(200, "")
		r.Body = io.NopCloser(io.MultiReader(strings.NewReader(`[{"id"`), iotest.ErrReader(io.ErrUnexpectedEOF)))
		return r, nil
	})
	_, err := get(c, context.Background(), "v3/x", nil)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.True(t, errors.Is(err, io.ErrUnexpectedEOF))
	assert.Equal(t, 1, strings.Count(err.Error(), "certifications:"), err.Error())
}
