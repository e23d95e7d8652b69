package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatusPageShowsTheCampaign(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, writeStatusHTML(&b, sampleStatus()))
	page := b.String()
	assert.Contains(t, page, "<h1>Q4 2026 access review</h1>")
	assert.Contains(t, page, `<span class="status status-active">ACTIVE</span>`)
	assert.Contains(t, page, "Deadline: 1 Dec 2026 17:00 UTC")
	assert.Contains(t, page, "<b>68%</b>283 of 416 decisions made")
	assert.Contains(t, page, "<b>3 / 7</b>certifications signed")
	assert.Contains(t, page, "<b>2</b>past due")

	ids := regexp.MustCompile(`<tr class="reviewer" data-reviewer-id="([^"]+)">`).FindAllStringSubmatch(page, -1)
	var order []string
	for _, m := range ids {
		order = append(order, m[1])
	}
	assert.Equal(t, []string{"r-bo", "r-di", "r-cy", "r-ada"}, order, "furthest behind first")
	assert.Contains(t, page, `aria-valuemax="96" aria-valuenow="12"><span class="fill low" style="width: 12%">`)
	assert.Contains(t, page, `<span class="fill done" style="width: 100%">`)
	assert.Contains(t, page, `2 of 2 <span class="badge signed">signed</span>`)
	assert.Contains(t, page, `0 of 2 <span class="badge">not signed</span>`)
	assert.Equal(t, 2, strings.Count(page, `<tr class="past-due"`))
	assert.Contains(t, page, `<td>Bo Harrington: access review</td><td>Bo Harrington</td><td class="num">1 Dec 2026 17:00 UTC</td>`)
}

// The page travels by e-mail: nothing in it may load from anywhere, and
// the browser is told so.
func TestStatusPageIsSelfContained(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, writeStatusHTML(&b, sampleStatus()))
	page := strings.ToLower(b.String())
	assert.Contains(t, page, `<meta http-equiv="content-security-policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
	for _, ref := range []string{"<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "http:", "https:", "//"} {
		assert.NotContains(t, page, ref)
	}
}

func TestStatusPageEscapesEveryText(t *testing.T) {
	t.Parallel()
	v := sampleStatus()
	v.Name = `<script>alert("name")</script>`
	v.Status = `ACTIVE" onmouseover="x`
	v.Reviewers[0].ReviewerName = `<img src=x onerror=alert(1)>`
	v.Reviewers[0].ReviewerID = `"><script>`
	v.PastDue[0].Name = `</td><script>alert(2)</script>`
	var b bytes.Buffer
	require.NoError(t, writeStatusHTML(&b, v))
	page := b.String()
	assert.NotContains(t, page, "<script")
	assert.NotContains(t, page, "<img")
	assert.NotContains(t, page, `" onmouseover="`)
	assert.Contains(t, page, "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;")
	assert.Contains(t, page, "&lt;img src=x onerror=alert(1)&gt;")
}

func TestStatusPageOfAnEmptyCampaign(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, writeStatusHTML(&b, &statusView{CampaignID: "c", Name: "New", Status: "STAGED"}))
	page := b.String()
	assert.Contains(t, page, "No certifications yet.")
	assert.Contains(t, page, "Deadline: none")
	assert.Contains(t, page, `<b>100%</b>0 of 0 decisions made`, "nothing to decide is nothing left")
	assert.NotContains(t, page, `<table id="reviewers">`)
}
