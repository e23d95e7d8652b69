package genfiles

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A file is stale when it is missing or its content differs; one with
// the same content is not.
func TestStale(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "a"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "a", "same.go"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "changed.go"), []byte("old"), 0o644))
	got := Stale(root, map[string][]byte{
		"a/same.go":  []byte("x"),
		"changed.go": []byte("new"),
		"missing.go": []byte("y"),
	})
	assert.Equal(t, []string{"changed.go", "missing.go"}, got)
	assert.Empty(t, Stale(root, map[string][]byte{"a/same.go": []byte("x")}))
}
