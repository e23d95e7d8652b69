package sailconfig_test

import (
	"fmt"
	"log"
	"os"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/sailconfig"
)

// Load with no options reads the flags-free defaults: the SAIL_*
// environment, ./config.json, then the sail tool's active environment.
func ExampleLoad() {
	cfg, err := sailconfig.Load(nil)
	if err != nil {
		log.Fatal(err) // one line: what was looked at and what to set
	}
	client := certifications.NewAPIClient(cfg)
	_ = client
}

// Resolve tells where each setting came from, without showing a secret.
// Here the options stand in for a program's flags and environment.
func ExampleResolve() {
	env := map[string]string{
		"SAIL_BASE_URL":      "https://acme.api.identitynow.com",
		"SAIL_CLIENT_ID":     "2c9180835d2e5168015d32f890ca1581",
		"SAIL_CLIENT_SECRET": "s3cr3t",
	}
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	r, err := sailconfig.Resolve(&sailconfig.Options{
		APIVersion: certifications.APIVersionV1, // e.g. from a --api flag
		Getenv:     func(k string) string { return env[k] },
		Dir:        dir,
		Home:       dir,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Configuration.BaseURL, r.Configuration.APIVersion)
	for _, k := range []string{"BaseURL", "ClientID", "ClientSecret", "APIVersion"} {
		fmt.Printf("%s from %s\n", k, r.Sources[k])
	}
	// Output:
	// https://acme.api.identitynow.com v1
	// BaseURL from SAIL_BASE_URL
	// ClientID from SAIL_CLIENT_ID
	// ClientSecret from SAIL_CLIENT_SECRET
	// APIVersion from flags
}
