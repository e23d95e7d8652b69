package certtest

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"math"
	"net/http"
	"strings"
	"time"
)

// Tenant details the token endpoint reports.
const (
	tenantOrg = "acme-sandbox"
	tenantPod = "stg01-useast1"
	scopeAll  = "sp:scopes:all"
)

// handleToken serves POST /oauth/token, the client credentials grant. The
// client may send its credentials in the form body (urlencoded or
// multipart), the query string, or HTTP basic authentication.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		_ = r.ParseMultipartForm(1 << 20)
	} else {
		_ = r.ParseForm()
	}
	grant := r.Form.Get("grant_type")
	id, secret := r.Form.Get("client_id"), r.Form.Get("client_secret")
	if bid, bsecret, ok := r.BasicAuth(); ok && id == "" {
		id, secret = bid, bsecret
	}
	if !strings.EqualFold(grant, "client_credentials") {
		writeJSON(w, http.StatusBadRequest, map[string]string{
			"error":             "unsupported_grant_type",
			"error_description": "Unsupported grant type: " + grant,
		})
		return
	}
	if !equal(id, s.cfg.clientID) || !equal(secret, s.cfg.clientSecret) {
		writeJSON(w, http.StatusUnauthorized, map[string]string{
			"error":             "invalid_client",
			"error_description": "Bad credentials",
		})
		return
	}
	tok, exp := s.issue()
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token":          tok,
		"token_type":            "bearer",
		"expires_in":            int(math.Ceil(time.Until(exp).Seconds())),
		"scope":                 scopeAll,
		"tenant_id":             hexID(s.cfg.seed, "tenant"),
		"internal":              true,
		"pod":                   tenantPod,
		"org":                   tenantOrg,
		"identity_id":           meID,
		"user_name":             "robin.okafor",
		"strong_auth":           false,
		"strong_auth_supported": false,
		"enabled":               true,
		"accessType":            "OFFLINE",
		"jti":                   jtiOf(tok),
	})
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// issue creates an access token: a JWT signed with a key derived from the
// seed, remembered with its expiry.
func (s *Server) issue() (string, time.Time) {
	s.authMu.Lock()
	defer s.authMu.Unlock()
	s.issued++
	now := time.Now()
	exp := now.Add(s.cfg.tokenLifetime)
	jti := hexID(s.cfg.seed, "jti", uint64(s.issued), uint64(now.UnixNano()))
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	claims, _ := json.Marshal(map[string]any{
		"tenant_id":   hexID(s.cfg.seed, "tenant"),
		"internal":    true,
		"pod":         tenantPod,
		"org":         tenantOrg,
		"identity_id": meID,
		"user_name":   "robin.okafor",
		"strong_auth": false,
		"authorities": []string{"ORG_ADMIN", "CERT_ADMIN"},
		"client_id":   s.cfg.clientID,
		"scope":       []string{scopeAll},
		"iat":         now.Unix(),
		"exp":         int64(math.Ceil(float64(exp.UnixNano()) / 1e9)),
		"jti":         jti,
	})
	payload := enc.EncodeToString(claims)
	mac := hmac.New(sha256.New, []byte(hexID(s.cfg.seed, "signing-key")))
	mac.Write([]byte(header + "." + payload))
	tok := header + "." + payload + "." + enc.EncodeToString(mac.Sum(nil))
	s.tokens[tok] = exp
	return tok, exp
}

// jtiOf reads the jti claim back from a token the server issued.
func jtiOf(tok string) string {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return ""
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return ""
	}
	var c struct {
		JTI string `json:"jti"`
	}
	_ = json.Unmarshal(raw, &c)
	return c.JTI
}

// IssueToken returns a fresh valid access token without a token request,
// for tests that call the API with a plain HTTP client
// ("Authorization: Bearer <token>").
func (s *Server) IssueToken() string {
	tok, _ := s.issue()
	return tok
}

// ExpireTokens makes every access token issued so far expired: the next
// API call with one of them gets 401 {"error":"JWT validation failed: JWT
// is expired"}, as after a real expiry, and a client has to fetch a new
// token.
func (s *Server) ExpireTokens() {
	s.authMu.Lock()
	defer s.authMu.Unlock()
	past := time.Now().Add(-time.Second)
	for tok := range s.tokens {
		s.tokens[tok] = past
	}
}

// checkToken validates the bearer token of an API request and returns the
// 401 message, or "" when the token is good.
func (s *Server) checkToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	scheme, tok, _ := strings.Cut(h, " ")
	tok = strings.TrimSpace(tok)
	if h == "" || !strings.EqualFold(scheme, "bearer") || tok == "" {
		return "JWT validation failed: no bearer token in the Authorization header"
	}
	s.authMu.Lock()
	exp, ok := s.tokens[tok]
	s.authMu.Unlock()
	switch {
	case !ok:
		return "JWT validation failed: JWT signature does not match"
	case !time.Now().Before(exp):
		return "JWT validation failed: JWT is expired"
	}
	return ""
}
