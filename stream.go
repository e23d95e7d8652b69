package certifications

import (
	"fmt"
	"io"
	"net/http"
)

// DefaultMaxReportBytes is the default cap on a report file that
// ReportsApi.GetReport streams: 1 GiB. A report file is not decoded, so it
// is not bounded by Configuration.MaxResponseBytes; set another cap with
// the builder's MaxBytes.
const DefaultMaxReportBytes int64 = 1 << 30

// doStream sends req through the pipeline of Do (authentication, pacing,
// retries until a 2xx answer) and returns the 2xx body unread, for the
// caller to stream and close. Reading past limit bytes fails with an error
// that wraps *ResponseTooLargeError; a body announced larger is refused
// before a byte is read.
func (c *APIClient) doStream(req *http.Request, limit int64) (io.ReadCloser, *http.Response, error) {
	if limit <= 0 {
		return nil, nil, &ValidationError{Parameter: "maxBytes", Problem: fmt.Sprintf("%d is not positive", limit), Allowed: "a cap in bytes above 0, e.g. DefaultMaxReportBytes"}
	}
	resp, err := c.do(req, nil, limit)
	if err != nil {
		return nil, resp, err
	}
	body := resp.Body
	// The caller owns the body; the response it gets back must not be
	// read a second time.
	resp.Body = http.NoBody
	return body, resp, nil
}

// cappedBody is a streamed 2xx body that fails once it has given left
// bytes and the server sends more.
type cappedBody struct {
	rc       io.ReadCloser
	left     int64
	tooLarge *ResponseTooLargeError
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One more byte tells a body of exactly the cap from a longer one.
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("certifications: the report file is larger than the cap; raise it with the GetReport builder's MaxBytes: %w", b.tooLarge)
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.rc.Close() }
