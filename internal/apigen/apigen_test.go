package apigen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBucket(t *testing.T) {
	for path, want := range map[string]string{
		"v3/certifications/a":            "v3",
		"v3":                             "v3",
		"beta/certifications":            "beta",
		"v2025/identities":               "v2025",
		"certifications/v1/a/decide":     "v1",
		"certification-tasks/v1":         "v1",
		"certification-tasks/v1/t1":      "v1",
		"anything/v1/x":                  "v1",
		"certifications/abc":             "",
		"":                               "",
		"vx/certifications":              "",
		"certifications/version/v1":      "",
		"certifications/beta/something":  "beta",
		"v/certifications":               "",
		"certifications/v10/a":           "v10",
		"certifications/v1":              "v1",
		"certifications/v1/":             "v1",
		"certification-tasks/vv1/t1":     "",
		"certification-tasks/v1beta/t1":  "",
		"certification-summaries/v1/x/y": "v1",
	} {
		assert.Equal(t, want, Bucket(path), path)
	}
}

func TestPath(t *testing.T) {
	for _, tc := range []struct{ path, gen, want string }{
		{"/certifications/abc/decide", V3, "v3/certifications/abc/decide"},
		{"/certifications/abc/decide", "", "v3/certifications/abc/decide"},
		{"/certifications/abc/decide", V1, "certifications/v1/abc/decide"},
		{"/certifications", V1, "certifications/v1"},
		{"/campaigns/c1/activate", V1, "campaigns/v1/c1/activate"},
		{"/reports/r1/result", V1, "reports/v1/r1/result"},
		{"/campaign-templates", V3, "v3/campaign-templates"},
		{"/certifications/abc", Beta, "beta/certifications/abc"},
	} {
		got := Path(tc.path, tc.gen)
		assert.Equal(t, tc.want, got, "%s on %q", tc.path, tc.gen)
		// Every path the rule writes is paced in its generation's bucket.
		want := tc.gen
		if want == "" {
			want = V3
		}
		assert.Equal(t, want, Bucket(got), got)
	}
}
