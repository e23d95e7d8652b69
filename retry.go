package certifications

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryableStatus reports whether a response with this status may be
// retried for this method. A POST is retried only when the server says it
// did not process the request (429, 503); GETs also on 502 and 504.
func retryableStatus(method string, status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return isIdempotent(method)
	}
	return false
}

// retryableTransportError reports whether a transport error may be retried.
// sent tells whether the request had been written to the connection: a
// request that never left may be retried whatever its method. A body over
// the size limit is never retried: the next answer would be as large; nor
// is a failure that cannot change (see permanentTransportError).
func retryableTransportError(method string, err error, sent bool) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var tooLarge *ResponseTooLargeError
	if errors.As(err, &tooLarge) || permanentTransportError(err) {
		return false
	}
	return !sent || isIdempotent(method)
}

// permanentTransportError reports a failure on the way that every attempt
// meets again: a server certificate the client does not trust, that has
// expired or that names another host, or a redirect the client does not
// follow (too many, or a token endpoint that points elsewhere). Retrying
// would only delay the error by the whole backoff.
func permanentTransportError(err error) bool {
	var (
		verify    *tls.CertificateVerificationError
		authority x509.UnknownAuthorityError
		invalid   x509.CertificateInvalidError
		hostname  x509.HostnameError
		roots     x509.SystemRootsError
	)
	return errors.Is(err, errRedirectLimit) || errors.Is(err, errTokenRedirect) ||
		errors.As(err, &verify) || errors.As(err, &authority) || errors.As(err, &invalid) ||
		errors.As(err, &hostname) || errors.As(err, &roots)
}

// retryableTokenError reports whether a failed token request may be
// retried: the token endpoint answered 429 or 5xx, or the request failed on
// the way by a failure that may pass. A refused request (400
// invalid_client, 401) fails the same way every time, and so does one that
// permanentTransportError names. Asking for a token twice is harmless, so
// the method does not matter.
func retryableTokenError(err error) bool {
	var te *TokenError
	if !errors.As(err, &te) {
		return false
	}
	switch {
	case te.StatusCode == http.StatusTooManyRequests, te.StatusCode >= 500:
		return true
	case te.StatusCode == 0:
		return te.transport
	}
	return false
}

// retryPolicy holds the configuration's retry settings, shared by API
// calls and token requests.
type retryPolicy struct {
	maxRetries       int
	waitMin, waitMax time.Duration
}

// retryPolicyOf returns cfg's retry settings.
func retryPolicyOf(cfg *Configuration) retryPolicy {
	return retryPolicy{maxRetries: cfg.MaxRetries, waitMin: cfg.RetryWaitMin, waitMax: cfg.RetryWaitMax}
}

// wait returns how long to wait before retry number attempt.
func (p retryPolicy) wait(attempt int, retryAfter time.Duration) time.Duration {
	return retryWait(attempt, retryAfter, p.waitMin, p.waitMax)
}

// capWait is the cap on every wait, RetryWaitMax or its default.
func (p retryPolicy) capWait() time.Duration {
	if p.waitMax > 0 {
		return p.waitMax
	}
	return DefaultRetryWaitMax
}

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// backoff returns the wait before retry number attempt (1-based) when the
// server gave no Retry-After: exponential from min, capped at max, with
// "equal jitter" so that concurrent clients spread out but never wait less
// than half the step.
func backoff(attempt int, min, max time.Duration) time.Duration {
	if min <= 0 {
		min = DefaultRetryWaitMin
	}
	if max <= 0 {
		max = DefaultRetryWaitMax
	}
	d := min
	for i := 1; i < attempt && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	half := d / 2
	return half + rand.N(half+1)
}

// retryWait returns how long to wait before the next attempt: the server's
// Retry-After when it gave one, else backoff; both capped at max.
func retryWait(attempt int, retryAfter, min, max time.Duration) time.Duration {
	if max <= 0 {
		max = DefaultRetryWaitMax
	}
	if retryAfter > 0 {
		if retryAfter > max {
			return max
		}
		return retryAfter
	}
	return backoff(attempt, min, max)
}

// parseRetryAfter reads a Retry-After value in seconds or as an HTTP date.
// It returns 0 when the header is absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs <= 0 || secs > 1e6 {
			return 0
		}
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// sleep waits for d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
