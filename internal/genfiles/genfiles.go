// Package genfiles compares what a generator produces with the files in
// the tree, for the generators' "files are current" tests and -check
// modes.
package genfiles

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
)

// Stale returns, sorted, the names in files (slash-separated, relative to
// root) whose file below root is missing or differs from its content.
func Stale(root string, files map[string][]byte) []string {
	var stale []string
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			stale = append(stale, name)
		}
	}
	slices.Sort(stale)
	return stale
}
