package certifications

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
)

// The types that hold the configuration or a token print through String,
// whatever the fmt verb, and log through LogValue: fmt's default struct
// printing would show the client secret and the access token.

// redactedText replaces a secret wherever one would be shown.
const redactedText = "[REDACTED]"

// minRedacted is the shortest secret searched for in text a server sent:
// a shorter one (a test's "t") would match ordinary words, while real
// tokens and client secrets are dozens of characters long.
const minRedacted = 8

// redactString replaces every occurrence of secret in s.
func redactString(s, secret string) string {
	if len(secret) < minRedacted {
		return s
	}
	return strings.ReplaceAll(s, secret, redactedText)
}

// redactBytes is redactString for a body; it copies b only when b holds
// the secret.
func redactBytes(b []byte, secret string) []byte {
	if len(secret) < minRedacted || !bytes.Contains(b, []byte(secret)) {
		return b
	}
	return bytes.ReplaceAll(b, []byte(secret), []byte(redactedText))
}

// String describes the client: its configuration with secrets redacted,
// where its tokens come from, and its configuration error if any.
func (c *APIClient) String() string {
	if c == nil {
		return "APIClient(nil)"
	}
	var b strings.Builder
	b.WriteString("APIClient{" + c.Configuration().String())
	if c.auth != nil {
		b.WriteString(" Auth:" + c.auth.String())
	}
	if c.err != nil {
		b.WriteString(" Err:" + strconv.Quote(c.err.Error()))
	}
	b.WriteString("}")
	return b.String()
}

// Format makes every fmt verb print String, for an APIClient value as for
// a pointer: fmt prints a value's unexported fields without calling their
// String, so without it printing *client would show the configuration.
func (c APIClient) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue implements slog.LogValuer with secrets redacted.
func (c *APIClient) LogValue() slog.Value {
	if c == nil {
		return slog.StringValue("APIClient(nil)")
	}
	attrs := []slog.Attr{{Key: "configuration", Value: c.Configuration().LogValue()}}
	if c.auth != nil {
		attrs = append(attrs, slog.String("auth", c.auth.kind))
	}
	if c.err != nil {
		attrs = append(attrs, slog.String("err", c.err.Error()))
	}
	return slog.GroupValue(attrs...)
}

// String names where the tokens come from; never a token.
func (tc *tokenCache) String() string {
	if tc == nil {
		return "tokenCache(nil)"
	}
	return "tokenCache{Source:" + tc.kind + "}"
}

// Format makes every fmt verb print String.
func (tc *tokenCache) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(tc.String())) }

// LogValue implements slog.LogValuer without the token.
func (tc *tokenCache) LogValue() slog.Value { return slog.StringValue(tc.String()) }

// unwrapURLError drops the *url.Error wrapper, whose message repeats the
// full URL, keeping the cause.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("certifications: %s %s: %w", ue.Op, redactURL(ue.URL), ue.Err)
	}
	return err
}

// redactURL keeps scheme, host and path of a URL: a user name, password,
// query or fragment may carry credentials when a caller put them there. An
// empty URL stays empty; one that does not parse, or has no host, is not
// shown at all: what would show as its path (user:password@host without
// the "//") may be credentials.
func redactURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "[unparsable URL]"
	}
	if u.Host == "" {
		return "[URL without a host]"
	}
	shown := url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath}
	return shown.String()
}
