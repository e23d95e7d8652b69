package main

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
	"time"
)

// The status page is one file meant to travel as an e-mail attachment:
// inline CSS, no scripts, no fonts or images, and a Content-Security-Policy
// that stops the browser from loading anything at all, so that opening it
// never reaches the network.
//
//go:embed status_page.html.tmpl
var statusPageSource string

var statusPage = template.Must(template.New("status").Funcs(template.FuncMap{
	"when":  pageTime,
	"lower": strings.ToLower,
}).Parse(statusPageSource))

// writeStatusHTML writes the status page of a campaign. Every value goes
// through html/template, so a name can hold any text.
func writeStatusHTML(w io.Writer, v *statusView) error {
	sortBehindFirst(v.Reviewers)
	return statusPage.Execute(w, v)
}

// pageTime writes a time for people, in UTC, or "none".
func pageTime(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	return t.UTC().Format("2 Jan 2006 15:04 MST")
}

// Level names the colour of a bar: behind (low), under way (mid) or
// done.
func (c counters) Level() string {
	switch p := c.Percent(); {
	case p >= 100:
		return "done"
	case p >= 50:
		return "mid"
	default:
		return "low"
	}
}
