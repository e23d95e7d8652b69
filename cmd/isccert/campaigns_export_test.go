package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/iscgo/certifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	signedCertJSON = `{"id":"cert-1","name":"Ann's review","phase":"SIGNED","signed":"2026-11-20T10:00:00Z",
		"reviewer":{"id":"rev-1","name":"Ann Reviewer","email":"ann@example.com","type":"IDENTITY"}}`
	openCertJSON = `{"id":"cert-2","name":"=cmd|' /C calc'!A0","phase":"ACTIVE","reviewer":{"id":"rev-2","name":"@Bob","email":"bob@example.com"}}`
	itemJSON     = `{"id":"item-1","completed":true,"decision":"REVOKE","comments":"not used since May",
		"identitySummary":{"id":"s-1","name":"Carl Identity","identityId":"id-9","completed":true},
		"accessSummary":{"access":{"type":"ENTITLEMENT","id":"ent-1","name":"ERP admin"},
			"entitlement":{"id":"ent-1","name":"ERP admin","sourceName":"Oracle ERP"}}}`
	undecidedItemJSON = `{"id":"item-2","completed":false,"identitySummary":{"name":"+Dee","identityId":"id-8"},
		"accessSummary":{"access":{"type":"ROLE","id":"role-1","name":"-Finance"}}}`
)

func decodeModel[T any](t *testing.T, s string) *T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(s), &v))
	return &v
}

func TestEvidenceRows(t *testing.T) {
	t.Parallel()
	type cert = certifications.IdentityCertificationDto
	type item = certifications.AccessReviewItem
	camp := campaignRef{id: "camp-1", name: "Q4 review"}
	var b bytes.Buffer
	w := newEvidenceWriter(&b, formatCSV, camp)
	require.NoError(t, w.add(decodeModel[cert](t, signedCertJSON), decodeModel[item](t, itemJSON)))
	require.NoError(t, w.add(decodeModel[cert](t, openCertJSON), decodeModel[item](t, undecidedItemJSON)))
	require.NoError(t, w.close())
	assert.Equal(t, 2, w.rows)

	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"campaignId", "campaignName", "certificationId", "certificationName", "reviewerId", "reviewerName",
		"reviewerEmail", "signed", "signedAt", "itemId", "identityId", "identityName", "accessType", "accessId", "accessName",
		"source", "decision", "comments", "completed"}, rows[0])
	assert.Equal(t, []string{"camp-1", "Q4 review", "cert-1", "Ann's review", "rev-1", "Ann Reviewer", "ann@example.com",
		"true", "2026-11-20T10:00:00Z", "item-1", "id-9", "Carl Identity", "ENTITLEMENT", "ent-1", "ERP admin",
		"Oracle ERP", "REVOKE", "not used since May", "true"}, rows[1])
	assert.Equal(t, []string{"camp-1", "Q4 review", "cert-2", "'=cmd|' /C calc'!A0", "rev-2", "'@Bob", "bob@example.com",
		"false", "", "item-2", "id-8", "'+Dee", "ROLE", "role-1", "'-Finance", "", "", "", "false"}, rows[2],
		"cells a spreadsheet would run are written as text")
}

func TestEvidenceRowsAsJSONLines(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	w := newEvidenceWriter(&b, formatJSONL, campaignRef{id: "camp-1", name: "Q4 review"})
	c := decodeModel[certifications.IdentityCertificationDto](t, signedCertJSON)
	for range 3 {
		require.NoError(t, w.add(c, decodeModel[certifications.AccessReviewItem](t, itemJSON)))
	}
	require.NoError(t, w.close())
	sc := bufio.NewScanner(&b)
	n := 0
	for sc.Scan() {
		row := decodeModel[map[string]any](t, sc.Text())
		assert.Equal(t, "camp-1", (*row)["campaignId"])
		assert.Equal(t, true, (*row)["signed"])
		assert.Equal(t, "REVOKE", (*row)["decision"])
		assert.Equal(t, "Oracle ERP", (*row)["source"])
		assert.Len(t, *row, len(evidenceColumns), "the same fields as the CSV columns")
		n++
	}
	assert.Equal(t, 3, n)
}

// A certification or item with nothing filled in (bad data from the
// server) still gives its row, with empty cells.
func TestEvidenceRowOfEmptyData(t *testing.T) {
	t.Parallel()
	r := evidenceRowOf(campaignRef{id: "c"}, &certifications.IdentityCertificationDto{}, &certifications.AccessReviewItem{})
	assert.Equal(t, &evidenceRow{CampaignID: "c"}, r)
}
