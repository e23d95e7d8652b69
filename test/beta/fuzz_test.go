package beta_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/iscgo/certifications/beta"
)

// FuzzDecodeBetaModels decodes arbitrary bytes into every beta response
// model: decoding never panics, and whatever decodes re-encodes stably.
// The seed corpus (the spec's examples and odd shapes) runs in every
// normal test run.
func FuzzDecodeBetaModels(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "examples", "*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no examples: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{"phase":"ARCHIVED","campaignRef":{"id":null},"reviewer":{"email":null}}`,
		`[{"errors":["a",null]},{"status":"LOST"}]`,
		`null`, `[]`, `{}`, `[null]`, `"x"`, `{"id":`, `{"campaignOwner":{"x":1}}`,
	} {
		f.Add([]byte(s))
	}
	targets := []func() any{
		func() any { return new(beta.CertificationDto) },
		func() any { return new([]beta.CertificationDto) },
		func() any { return new(beta.IdentityCertificationTask) },
		func() any { return new([]beta.IdentityCertificationTask) },
		func() any { return new([]beta.PermissionDto) },
		func() any { return new([]beta.IdentityReferenceWithNameAndEmail) },
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, newTarget := range targets {
			v := newTarget()
			if json.Unmarshal(data, v) != nil {
				continue
			}
			first, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T: decoded %q but cannot encode it: %v", v, data, err)
			}
			again := newTarget()
			if err := json.Unmarshal(first, again); err != nil {
				t.Fatalf("%T: cannot decode own output %s: %v", v, first, err)
			}
			second, _ := json.Marshal(again)
			if !bytes.Equal(first, second) {
				t.Fatalf("%T: encoding is not stable:\n%s\n%s", v, first, second)
			}
		}
	})
}
