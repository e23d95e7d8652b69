package testmain

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every test binary of the module ends through this package: a package
// whose tests forget it pays the exit pause again.
func TestEveryTestPackageUsesIt(t *testing.T) {
	root := filepath.Join("..", "..")
	uses := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dir := filepath.Dir(path)
		uses[dir] = uses[dir] || strings.Contains(string(src), "testmain.Main(m)") || strings.Contains(string(src), "testmain.Exit(") ||
			strings.Contains(string(src), "\n\tMain(m)\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) < 10 {
		t.Fatalf("found only %d test packages under %s", len(uses), root)
	}
	for dir, ok := range uses {
		if !ok {
			t.Errorf("%s: no TestMain ends through testmain.Main or testmain.Exit", dir)
		}
	}
}
