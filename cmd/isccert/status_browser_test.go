package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite docs/campaign-status.png from the browser test")

// screenshotPath is the picture of the status page shown in the docs.
var screenshotPath = filepath.Join("..", "..", "docs", "campaign-status.png")

// fileURL is the file:// URL of a local path.
func fileURL(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// barsScript reads the reviewers' rows as the browser laid them out.
const barsScript = `[...document.querySelectorAll("tr.reviewer")].map(r => ({
  id: r.dataset.reviewerId,
  name: r.cells[0].innerText,
  label: r.querySelector("[role=progressbar]").getAttribute("aria-label"),
  bar: r.querySelector(".bar").getBoundingClientRect().width,
  fill: r.querySelector(".fill").getBoundingClientRect().width,
  height: r.querySelector(".fill").getBoundingClientRect().height,
}))`

type laidOutBar struct {
	ID, Name, Label   string
	Bar, Fill, Height float64
}

// The status page in a real browser: it loads with no console error and
// no request but itself, and every reviewer has a bar drawn to the share
// of decisions made.
func TestStatusPageInABrowser(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "status.html")
	f, err := os.Create(page)
	require.NoError(t, err)
	v := sampleStatus()
	require.NoError(t, writeStatusHTML(f, v))
	require.NoError(t, f.Close())

	b := startBrowser(t)
	u := fileURL(t, page)
	rep := b.load(u, 1000, barsScript)
	assert.Empty(t, rep.Problems, "the console and the browser's log stay clean")
	assert.Equal(t, []string{u}, rep.Requests, "the page loads nothing but itself")

	var bars []laidOutBar
	require.NoError(t, json.Unmarshal(rep.Value, &bars), "%s", rep.Value)
	require.Len(t, bars, len(v.Reviewers), "one bar per reviewer")
	want := map[string]int{"r-bo": 12, "r-di": 50, "r-cy": 86, "r-ada": 100}
	var order []string
	for _, bar := range bars {
		order = append(order, bar.ID)
		assert.Equal(t, "decisions made by "+bar.Name, bar.Label)
		assert.Greater(t, bar.Bar, 100.0, "%s: the bar is drawn", bar.Name)
		assert.Greater(t, bar.Height, 5.0, "%s: the bar has a height", bar.Name)
		assert.InDelta(t, float64(want[bar.ID])/100*bar.Bar, bar.Fill, 1.0, "%s: the fill is the share made", bar.Name)
	}
	assert.Equal(t, []string{"r-bo", "r-di", "r-cy", "r-ada"}, order, "furthest behind first")

	img, err := png.Decode(bytes.NewReader(rep.PNG))
	require.NoError(t, err, "the screenshot is a PNG")
	assert.Equal(t, 1000, img.Bounds().Dx())
	assert.Greater(t, img.Bounds().Dy(), 400, "the whole page is in the picture")
	if *updateScreenshot {
		require.NoError(t, os.WriteFile(screenshotPath, rep.PNG, 0o644))
	}
	_, err = os.Stat(screenshotPath)
	assert.NoError(t, err, "the docs show the page; run go test -run TestStatusPageInABrowser -update-screenshot")
}

// The checks above can fail: a page that logs an error and reaches for
// the network is caught.
func TestBrowserCheckCatchesABrokenPage(t *testing.T) {
	t.Parallel()
	page := filepath.Join(t.TempDir(), "broken.html")
	require.NoError(t, os.WriteFile(page, []byte(`<!DOCTYPE html><html><head><title>broken</title></head><body>
<script>console.error("something broke")</script>
<img src="http://127.0.0.1:9/logo.png" alt="">
</body></html>`), 0o600))
	b := startBrowser(t)
	u := fileURL(t, page)
	rep := b.load(u, 400, barsScript)
	assert.JSONEq(t, "[]", string(rep.Value), "no reviewers on this page")
	problems := strings.Join(rep.Problems, "\n")
	assert.Regexp(t, `console\.error: .*something broke`, problems)
	assert.Contains(t, problems, "Failed to load resource", "the blocked image is reported too")
	assert.Contains(t, rep.Requests, "http://127.0.0.1:9/logo.png")
}
