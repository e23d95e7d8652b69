package certifications_test

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// printVerbs are the fmt verbs a value may be printed with.
var printVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X"}

// printedValues returns every exported value a caller holds that reaches
// the client's configuration: the client, its configuration, each service
// (found through the client's exported fields, and beta's), and each
// request builder (found by calling every method of every service), each
// as a value and as a pointer.
func printedValues(t *testing.T, c *certifications.APIClient) map[string]any {
	t.Helper()
	cfg := c.Configuration()
	out := map[string]any{
		"*APIClient":     c,
		"APIClient":      reflect.ValueOf(c).Elem().Interface(),
		"Configuration":  cfg,
		"*Configuration": &cfg,
	}
	var services []reflect.Value
	cv := reflect.ValueOf(c).Elem()
	for i := range cv.NumField() {
		f := cv.Type().Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Pointer && strings.HasSuffix(f.Name, "Api") {
			services = append(services, cv.Field(i))
		}
	}
	require.NotEmpty(t, services)
	services = append(services, reflect.ValueOf(beta.NewCertificationsApi(c)))
	for _, svc := range services {
		name := svc.Type().String()
		out[name] = svc.Interface()
		out[strings.TrimPrefix(name, "*")] = svc.Elem().Interface()
		builders := 0
		for m := range svc.NumMethod() {
			method := svc.Type().Method(m)
			mt := method.Type // receiver first
			args := []reflect.Value{svc}
			for a := 1; a < mt.NumIn(); a++ {
				switch in := mt.In(a); {
				case in == reflect.TypeFor[context.Context]():
					args = append(args, reflect.ValueOf(context.Background()))
				case in.Kind() == reflect.String:
					args = append(args, reflect.ValueOf("x").Convert(in))
				default:
					args = append(args, reflect.Zero(in))
				}
			}
			if mt.NumOut() != 1 || mt.Out(0).Kind() != reflect.Struct || !strings.HasSuffix(mt.Out(0).Name(), "Request") {
				continue // a workflow, not a builder
			}
			b := method.Func.Call(args)[0]
			p := reflect.New(b.Type())
			p.Elem().Set(b)
			out[b.Type().String()] = b.Interface()
			out["*"+b.Type().String()] = p.Interface()
			builders++
		}
		require.Positive(t, builders, "builders of %s", name)
	}
	return out
}

// Every printing path of every exported type that holds or reaches the
// configuration (values and pointers, every verb) shows neither the
// client secret, nor the access token, nor the password of a URL.
func TestEveryPrintingPathRedacts(t *testing.T) {
	const secret, token, pw = "client-secret-0123456789", "access-token-0123456789", "url-password-0123456789"
	for name, mutate := range map[string]func(*certifications.Configuration){
		"client credentials": func(cfg *certifications.Configuration) {
			cfg.ClientID, cfg.ClientSecret = "id", secret
			cfg.TokenURL = "https://user:" + pw + "@acme.api.identitynow.com/oauth/token?client_secret=" + pw
		},
		"access token": func(cfg *certifications.Configuration) { cfg.AccessToken = token },
		"invalid":      func(cfg *certifications.Configuration) { cfg.ClientSecret, cfg.BaseURL = secret, "ftp://u:"+pw+"@acme" },
	} {
		t.Run(name, func(t *testing.T) {
			cfg := certifications.NewConfiguration()
			cfg.BaseURL = "https://acme.api.identitynow.com"
			cfg.HTTPClient = &http.Client{}
			mutate(cfg)
			c := certifications.NewAPIClient(cfg)
			values := printedValues(t, c)
			for what, v := range values {
				for _, verb := range printVerbs {
					text := fmt.Sprintf(verb, v)
					for _, s := range []string{secret, token, pw} {
						assert.NotContains(t, text, s, "%s printed with %s", what, verb)
						assert.NotContains(t, strings.ToLower(text), hex.EncodeToString([]byte(s)), "%s printed with %s", what, verb)
					}
				}
			}
			t.Logf("%d values, %d verbs", len(values), len(printVerbs))
		})
	}
}
