package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The campaigns walkthrough of README.md works as pasted into a shell, and
// leaves the files it says it writes.
func TestREADMECampaignsWalkthrough(t *testing.T) {
	t.Parallel()
	r, s := runREADMEBlock(t, "campaigns walkthrough")
	assert.Contains(t, s, "status    ACTIVE", "activate --wait shows the active campaign")
	assert.Contains(t, s, "decided         32")
	assert.Contains(t, s, "decisions  32 of 96 made [######--------------]  33%")
	assert.Contains(t, s, "Robin Okafor    [####################] 100%  32/32  0/1")
	assert.Contains(t, s, "isccert: wrote status.csv")
	assert.Contains(t, s, "\n97\n", "the evidence: a header and 96 items")
	assert.Contains(t, s, "cannot be completed before its deadline")
	assert.Contains(t, s, "refused: the deadline has not passed yet")
	assert.Contains(t, s, "isccert: deleting 1 campaign")
	assert.Contains(t, s, "sandbox tenant stopped")

	page, err := os.ReadFile(filepath.Join(r.dir, "status.html"))
	require.NoError(t, err)
	assert.Equal(t, 3, strings.Count(string(page), `<tr class="reviewer"`))
	report, err := os.ReadFile(filepath.Join(r.dir, "status.csv"))
	require.NoError(t, err)
	rows, err := csv.NewReader(strings.NewReader(string(report))).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 4, "a header and one row per certification")
}
