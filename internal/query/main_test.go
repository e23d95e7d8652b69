package query

import (
	"testing"

	"github.com/iscgo/certifications/internal/testmain"
)

// TestMain skips the race detector's exit pause; see package testmain.
func TestMain(m *testing.M) { testmain.Main(m) }
