package certtest_test

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// reportCampaign is an active campaign of three certifications (three
// reviewers, two identities of three items each) on a clock the test moves.
type reportCampaign struct {
	srv    *certtest.Server
	clock  *certtest.ManualClock
	client *certifications.APIClient
	id     string
	certs  []certifications.IdentityCertificationDto
}

func newReportCampaign(t *testing.T) *reportCampaign {
	return newReportCampaignOf(t, certtest.Sizes{Reviewers: 3, IdentitiesPerCertification: 2, ItemsPerIdentity: 3})
}

func newReportCampaignOf(t *testing.T, sizes certtest.Sizes) *reportCampaign {
	t.Helper()
	clock := certtest.NewManualClock(certtest.ReferenceTime())
	srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now), certtest.WithSizes(sizes))
	client := conformingClient(t, srv, certifications.APIVersionV3)
	api := client.CertificationCampaignsApi
	c, _, err := api.CreateCampaign(ctx(t)).Campaign(certifications.Campaign{
		Name: "Report review", Description: certifications.Ptr("Reports of it."), Type: certifications.CampaignReferenceCampaignTypeManager,
		Deadline: certifications.Ptr(clock.Now().Add(7 * 24 * time.Hour)),
	}).Execute()
	require.NoError(t, err)
	id := c.GetID()
	_, err = api.WaitForCampaign(ctx(t), id, fastWait)
	require.NoError(t, err)
	_, err = api.StartCampaign(ctx(t), id).Execute()
	require.NoError(t, err)
	_, err = api.WaitForCampaign(ctx(t), id, fastWait)
	require.NoError(t, err)
	certs, err := certifications.Collect(client.CertificationsApi.ListIdentityCertifications(ctx(t)).Filters(`campaign.id eq "` + id + `"`).All())
	require.NoError(t, err)
	require.Len(t, certs, sizes.Reviewers)
	return &reportCampaign{srv: srv, clock: clock, client: client, id: id, certs: certs}
}

// report runs a report of the campaign and returns its CSV as one map per
// row, keyed by the header, and the header.
func (rc *reportCampaign) report(t *testing.T, typ string) ([]map[string]string, []string) {
	t.Helper()
	var file bytes.Buffer
	rep, err := rc.client.CertificationCampaignsApi.RunReport(ctx(t), rc.id, certifications.ReportType(typ), "csv", &file, fastWait)
	require.NoError(t, err)
	assert.Equal(t, certifications.ReportType(typ), rep.GetReportType())
	assert.Equal(t, certifications.CampaignReportStatusSuccess, rep.GetStatus())
	rows, err := csv.NewReader(&file).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows, "a header")
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = row[i]
		}
		out = append(out, m)
	}
	return out, rows[0]
}

// decide decides items of a certification; comment goes with revocations.
func (rc *reportCampaign) decide(t *testing.T, certID string, items []certifications.AccessReviewItem, d certifications.CertificationDecision) {
	t.Helper()
	var ds []certifications.ReviewDecision
	for _, it := range items {
		rd := certifications.ReviewDecision{ID: it.GetID(), Decision: d, Bulk: true}
		if d == certifications.CertificationDecisionRevoke {
			rd.Comments = certifications.Ptr("no longer needed, (see ticket)")
		}
		ds = append(ds, rd)
	}
	_, _, err := rc.client.CertificationsApi.MakeIdentityDecision(ctx(t), certID).ReviewDecision(ds).Execute()
	require.NoError(t, err)
}

func TestCampaignStatusReportHasARowPerCertification(t *testing.T) {
	rc := newReportCampaign(t)
	a := rc.certs[0].GetID()
	items := rc.srv.Items(a)
	rc.decide(t, a, items[:2], certifications.CertificationDecisionRevoke)
	rc.decide(t, a, items[2:], certifications.CertificationDecisionApprove)
	rc.clock.Add(time.Hour)
	_, _, err := rc.client.CertificationsApi.SignOffIdentityCertification(ctx(t), a).Execute()
	require.NoError(t, err)
	rc.decide(t, rc.certs[1].GetID(), rc.srv.Items(rc.certs[1].GetID())[:1], certifications.CertificationDecisionApprove)

	rows, _ := rc.report(t, "CAMPAIGN_STATUS_REPORT")
	require.Len(t, rows, 3)
	for i, row := range rows {
		c, ok := rc.srv.Certification(rc.certs[i].GetID())
		require.True(t, ok)
		assert.Equal(t, rc.id, row["Campaign ID"])
		assert.Equal(t, "Report review", row["Campaign"])
		assert.Equal(t, c.GetID(), row["Certification ID"])
		assert.Equal(t, c.GetName(), row["Certification"])
		assert.Equal(t, c.GetReviewer().GetID(), row["Reviewer ID"])
		assert.Equal(t, c.GetReviewer().GetName(), row["Reviewer"])
		assert.Equal(t, c.GetReviewer().GetEmail(), row["Reviewer Email"])
		assert.Equal(t, string(c.GetPhase()), row["Phase"])
		assert.Equal(t, c.GetDue().Format(time.RFC3339Nano), row["Due"])
		assert.Equal(t, strconv.Itoa(int(c.GetIdentitiesCompleted())), row["Identities Completed"])
		assert.Equal(t, strconv.Itoa(int(c.GetIdentitiesTotal())), row["Identities Total"])
		assert.Equal(t, strconv.Itoa(int(c.GetDecisionsMade())), row["Decisions Made"])
		assert.Equal(t, strconv.Itoa(int(c.GetDecisionsTotal())), row["Decisions Total"])
	}
	assert.Equal(t, "SIGNED", rows[0]["Phase"])
	assert.Equal(t, rc.clock.Now().Format(time.RFC3339Nano), rows[0]["Signed"])
	assert.Equal(t, []string{"2", "4"}, []string{rows[0]["Revoked"], rows[0]["Approved"]})
	assert.Equal(t, []string{"0", "1", "1"}, []string{rows[1]["Revoked"], rows[1]["Approved"], rows[1]["Decisions Made"]})
	assert.Equal(t, []string{"ACTIVE", ""}, []string{rows[2]["Phase"], rows[2]["Signed"]})
}

func TestCampaignCompositionReportHasARowPerItem(t *testing.T) {
	rc := newReportCampaign(t)
	_, _, err := rc.client.CertificationCampaignsApi.SetCampaignReportsConfig(ctx(t)).
		CampaignReportsConfig(certifications.CampaignReportsConfig{IdentityAttributeColumns: []string{"email", "lastname", "costCenter"}}).Execute()
	require.NoError(t, err)
	a := rc.certs[0].GetID()
	items := rc.srv.Items(a)
	rc.decide(t, a, items[:1], certifications.CertificationDecisionRevoke)
	rc.decide(t, a, items[1:2], certifications.CertificationDecisionApprove)

	rows, header := rc.report(t, "CAMPAIGN_COMPOSITION_REPORT")
	assert.Equal(t, []string{"Campaign ID", "Certification ID", "Reviewer ID", "Reviewer", "Identity ID", "Identity",
		"email", "lastname", "costCenter", "Item ID", "Access Type", "Access ID", "Access Name", "Decision"}, header)
	var want []map[string]string
	for _, cert := range rc.certs {
		c, _ := rc.srv.Certification(cert.GetID())
		for _, it := range rc.srv.Items(cert.GetID()) {
			name := it.GetIdentitySummary().GetName()
			want = append(want, map[string]string{
				"Campaign ID": rc.id, "Certification ID": c.GetID(), "Reviewer ID": c.GetReviewer().GetID(), "Reviewer": c.GetReviewer().GetName(),
				"Identity ID": it.GetIdentitySummary().GetIdentityID(), "Identity": name,
				"email":    strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@acme.example",
				"lastname": name[strings.LastIndex(name, " ")+1:], "costCenter": "",
				"Item ID": it.GetID(), "Access Type": string(it.GetAccessSummary().GetAccess().GetType()),
				"Access ID": it.GetAccessSummary().GetAccess().GetID(), "Access Name": it.GetAccessSummary().GetAccess().GetName(),
				"Decision": string(it.GetDecision()),
			})
		}
	}
	assert.Equal(t, want, rows)
	require.Len(t, rows, 18)
	assert.Equal(t, "REVOKE", rows[0]["Decision"])
	assert.Equal(t, "APPROVE", rows[1]["Decision"])
}

func TestCertificationSignoffReportHasARowPerSignedCertification(t *testing.T) {
	rc := newReportCampaign(t)
	rows, _ := rc.report(t, "CERTIFICATION_SIGNOFF_REPORT")
	assert.Empty(t, rows, "nothing signed yet")

	a := rc.certs[1].GetID()
	rc.decide(t, a, rc.srv.Items(a), certifications.CertificationDecisionApprove)
	rc.clock.Add(2 * time.Hour)
	signedAt := rc.clock.Now()
	_, _, err := rc.client.CertificationsApi.SignOffIdentityCertification(ctx(t), a).Execute()
	require.NoError(t, err)
	rows, _ = rc.report(t, "CERTIFICATION_SIGNOFF_REPORT")
	require.Len(t, rows, 1)
	c, _ := rc.srv.Certification(a)
	assert.Equal(t, map[string]string{
		"Campaign ID": rc.id, "Certification ID": a, "Certification": c.GetName(),
		"Signer ID": c.GetReviewer().GetID(), "Signer": c.GetReviewer().GetName(), "Signer Email": c.GetReviewer().GetEmail(),
		"Signed": signedAt.Format(time.RFC3339Nano), "Signed Through": "SIGN_OFF",
		"Decisions Made": "6", "Approved": "6", "Revoked": "0",
	}, rows[0])

	rc.clock.Add(8 * 24 * time.Hour)
	_, err = rc.client.CertificationCampaignsApi.CompleteCampaign(ctx(t), rc.id).CampaignCompleteOptions(certifications.CampaignCompleteOptions{
		AutoCompleteAction: certifications.Ptr(certifications.AutoCompleteActionRevoke)}).Execute()
	require.NoError(t, err)
	rows, _ = rc.report(t, "CERTIFICATION_SIGNOFF_REPORT")
	require.Len(t, rows, 3, "the completion signed the others off")
	for i, row := range rows {
		assert.Equal(t, rc.certs[i].GetID(), row["Certification ID"])
		if i == 1 {
			assert.Equal(t, "SIGN_OFF", row["Signed Through"])
			continue
		}
		assert.Equal(t, "CAMPAIGN_COMPLETION", row["Signed Through"])
		assert.Equal(t, rc.clock.Now().Format(time.RFC3339Nano), row["Signed"])
		assert.Equal(t, []string{"6", "0", "6"}, []string{row["Decisions Made"], row["Approved"], row["Revoked"]})
	}
}

// The remediation status report lists the revoked items; a remediation
// scan completes the remediation of those whose certification is signed.
func TestRemediationStatusReportFollowsSignOffAndScan(t *testing.T) {
	rc := newReportCampaign(t)
	api := rc.client.CertificationCampaignsApi
	a, b := rc.certs[0].GetID(), rc.certs[1].GetID()
	aItems, bItems := rc.srv.Items(a), rc.srv.Items(b)
	rc.decide(t, a, aItems[:1], certifications.CertificationDecisionRevoke)
	rc.decide(t, a, aItems[1:], certifications.CertificationDecisionApprove)
	rc.decide(t, b, bItems[2:4], certifications.CertificationDecisionRevoke)

	status := func(rows []map[string]string) map[string]string {
		out := map[string]string{}
		for _, r := range rows {
			out[r["Item ID"]] = r["Remediation Status"]
		}
		return out
	}
	rows, header := rc.report(t, "CAMPAIGN_REMEDIATION_STATUS_REPORT")
	assert.Equal(t, []string{"Campaign ID", "Certification ID", "Reviewer ID", "Reviewer", "Identity ID", "Identity", "firstname", "lastname",
		"Item ID", "Access Type", "Access ID", "Access Name", "Remediator ID", "Remediator", "Comments", "Remediation Status", "Scanned"}, header)
	assert.Equal(t, map[string]string{aItems[0].GetID(): "NOT_STARTED", bItems[2].GetID(): "NOT_STARTED", bItems[3].GetID(): "NOT_STARTED"}, status(rows))
	first := rows[0]
	assert.Equal(t, a, first["Certification ID"])
	assert.Equal(t, aItems[0].GetAccessSummary().GetAccess().GetID(), first["Access ID"])
	assert.Equal(t, "no longer needed, (see ticket)", first["Comments"])
	owner := accessOwner(aItems[0])
	assert.Equal(t, []string{owner.GetID(), owner.GetName()}, []string{first["Remediator ID"], first["Remediator"]})

	_, _, err := rc.client.CertificationsApi.SignOffIdentityCertification(ctx(t), a).Execute()
	require.NoError(t, err)
	rows, _ = rc.report(t, "CAMPAIGN_REMEDIATION_STATUS_REPORT")
	assert.Equal(t, "IN_PROGRESS", status(rows)[aItems[0].GetID()], "signed off, not scanned yet")

	rc.clock.Add(time.Hour)
	scannedAt := rc.clock.Now()
	_, err = api.StartCampaignRemediationScan(ctx(t), rc.id).Execute()
	require.NoError(t, err)
	rows, _ = rc.report(t, "CAMPAIGN_REMEDIATION_STATUS_REPORT")
	assert.Equal(t, map[string]string{aItems[0].GetID(): "COMPLETED", bItems[2].GetID(): "NOT_STARTED", bItems[3].GetID(): "NOT_STARTED"}, status(rows))
	assert.Equal(t, scannedAt.Format(time.RFC3339Nano), rows[0]["Scanned"])
	assert.Empty(t, rows[1]["Scanned"])

	// Completion revokes the rest and signs everything off; the next scan
	// completes those, and the first keeps its scan time.
	rc.clock.Add(8 * 24 * time.Hour)
	_, err = api.CompleteCampaign(ctx(t), rc.id).CampaignCompleteOptions(certifications.CampaignCompleteOptions{
		AutoCompleteAction: certifications.Ptr(certifications.AutoCompleteActionRevoke)}).Execute()
	require.NoError(t, err)
	_, err = api.WaitForCampaign(ctx(t), rc.id, fastWait)
	require.NoError(t, err)
	rows, _ = rc.report(t, "CAMPAIGN_REMEDIATION_STATUS_REPORT")
	require.Len(t, rows, 1+6+6)
	assert.Equal(t, "IN_PROGRESS", status(rows)[bItems[2].GetID()])
	_, err = api.StartCampaignRemediationScan(ctx(t), rc.id).Execute()
	require.NoError(t, err)
	rows, _ = rc.report(t, "CAMPAIGN_REMEDIATION_STATUS_REPORT")
	for _, r := range rows {
		assert.Equal(t, "COMPLETED", r["Remediation Status"], r["Item ID"])
	}
	assert.Equal(t, scannedAt.Format(time.RFC3339Nano), rows[0]["Scanned"])
	assert.Equal(t, rc.clock.Now().Format(time.RFC3339Nano), rows[1]["Scanned"])
}

// accessOwner returns the owner of the access an item grants.
func accessOwner(it certifications.AccessReviewItem) *certifications.IdentityReferenceWithNameAndEmail {
	s := it.GetAccessSummary()
	switch {
	case s.Entitlement != nil:
		return s.Entitlement.Owner
	case s.AccessProfile != nil:
		return s.AccessProfile.Owner
	}
	return s.Role.Owner
}

// The PDF of a report is a valid PDF file whose text is the report's rows,
// on as many pages as they need.
func TestCampaignReportPDF(t *testing.T) {
	rc := newReportCampaignOf(t, certtest.Sizes{Reviewers: 3, IdentitiesPerCertification: 10, ItemsPerIdentity: 4})
	a := rc.certs[0].GetID()
	rc.decide(t, a, rc.srv.Items(a)[:3], certifications.CertificationDecisionRevoke)
	for typ, pages := range map[string]int{"CAMPAIGN_STATUS_REPORT": 1, "CAMPAIGN_COMPOSITION_REPORT": 5, "CAMPAIGN_REMEDIATION_STATUS_REPORT": 1} {
		t.Run(typ, func(t *testing.T) {
			var csvFile, pdfFile bytes.Buffer
			_, err := rc.client.CertificationCampaignsApi.RunReport(ctx(t), rc.id, certifications.ReportType(typ), "csv", &csvFile, fastWait)
			require.NoError(t, err)
			_, err = rc.client.CertificationCampaignsApi.RunReport(ctx(t), rc.id, certifications.ReportType(typ), "pdf", &pdfFile, fastWait)
			require.NoError(t, err)
			rows, err := csv.NewReader(&csvFile).ReadAll()
			require.NoError(t, err)

			assert.Contains(t, pdfFile.String(), "/Count "+strconv.Itoa(pages)+" >>", "a page tree of %d pages", pages)
			assert.Equal(t, pages, strings.Count(pdfFile.String(), "/Type /Page "), "%d page objects", pages)
			lines := readPDF(t, pdfFile.Bytes())
			require.NotEmpty(t, lines)
			assert.Contains(t, lines[0], rc.id, "the title names the campaign")
			var want []string
			for _, row := range rows {
				want = append(want, strings.Join(row, " | "))
			}
			assert.Equal(t, want, lines[2:], "the header and the rows, in order")
		})
	}
}

var (
	pdfStartXref = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`)
	pdfTrailer   = regexp.MustCompile(`trailer\n<< /Size (\d+) /Root 1 0 R >>`)
	pdfStream    = regexp.MustCompile(`(?s)<< /Length (\d+) >>\nstream\n`)
	pdfShow      = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) Tj`)
)

// readPDF checks the structure of a PDF written by the sandbox (header,
// cross-reference table, trailer, stream lengths) and returns its text
// lines, with the lines a long row was wrapped into joined again.
func readPDF(t *testing.T, doc []byte) []string {
	t.Helper()
	require.True(t, bytes.HasPrefix(doc, []byte("%PDF-1.4\n")), "starts with the PDF header")
	m := pdfStartXref.FindSubmatch(doc)
	require.NotNil(t, m, "ends with startxref and %%EOF")
	xref, err := strconv.Atoi(string(m[1]))
	require.NoError(t, err)
	require.Less(t, xref, len(doc))
	table := string(doc[xref:])
	require.True(t, strings.HasPrefix(table, "xref\n0 "), "startxref points at the xref table")
	tm := pdfTrailer.FindStringSubmatch(table)
	require.NotNil(t, tm, "a trailer with /Size and /Root")
	size, _ := strconv.Atoi(tm[1])
	entries := strings.Split(table, "\n")[2 : 2+size]
	assert.Equal(t, "0000000000 65535 f ", entries[0])
	for i, e := range entries[1:] {
		require.Len(t, e, 19, "entry %d", i+1) // the 20th byte is the newline
		off, err := strconv.Atoi(e[:10])
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(doc[off:], []byte(strconv.Itoa(i+1)+" 0 obj\n")), "object %d is at its offset", i+1)
	}
	var text []string
	for _, loc := range pdfStream.FindAllSubmatchIndex(doc, -1) {
		n, _ := strconv.Atoi(string(doc[loc[2]:loc[3]]))
		body := doc[loc[1] : loc[1]+n]
		require.True(t, bytes.HasPrefix(doc[loc[1]+n:], []byte("\nendstream")), "the stream's /Length is exact")
		for _, s := range pdfShow.FindAllSubmatch(body, -1) {
			line := unescapePDF(string(s[1]))
			if strings.HasPrefix(line, "    ") && len(text) > 0 {
				text[len(text)-1] += strings.TrimPrefix(line, "    ")
				continue
			}
			text = append(text, line)
		}
	}
	return slices.Clip(text)
}

// unescapePDF reads a PDF literal string's escapes: \\, \(, \) and octal
// codes of Latin-1 characters.
func unescapePDF(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if n, err := strconv.ParseUint(s[i:min(i+3, len(s))], 8, 8); err == nil && i+3 <= len(s) {
			b.WriteRune(rune(n))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// The campaigns the tenant is generated with run reports too, and keep
// what is done to them.
func TestGeneratedCampaignRunsReports(t *testing.T) {
	clock := certtest.NewManualClock(certtest.ReferenceTime())
	srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now))
	client := newClient(t, srv)
	api := client.CertificationCampaignsApi
	campaigns, _, err := api.GetActiveCampaigns(ctx(t)).Execute()
	require.NoError(t, err)
	require.NotEmpty(t, campaigns)
	id := campaigns[0].GetID()
	certs, err := certifications.Collect(client.CertificationsApi.ListIdentityCertifications(ctx(t)).Filters(`campaign.id eq "` + id + `"`).All())
	require.NoError(t, err)
	require.NotEmpty(t, certs)

	var file bytes.Buffer
	_, err = api.RunReport(ctx(t), id, certifications.ReportTypeCampaignStatusReport, "csv", &file, fastWait)
	require.NoError(t, err)
	rows, err := csv.NewReader(&file).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(certs)+1, "a header and one row per certification")
	for i, c := range certs {
		assert.Equal(t, c.GetID(), rows[i+1][2])
	}
	reports, _, err := api.GetCampaignReports(ctx(t), id).Execute()
	require.NoError(t, err)
	require.Len(t, reports, 1, "the report stays with the campaign")

	clock.Add(campaigns[0].GetDeadline().Sub(clock.Now()) + time.Minute)
	_, err = api.CompleteCampaign(ctx(t), id).Execute()
	require.NoError(t, err)
	done, err := api.WaitForCampaign(ctx(t), id, fastWait)
	require.NoError(t, err)
	assert.Equal(t, certifications.CampaignStatusCompleted, done.GetStatus())
	assert.Equal(t, int32(len(certs)), done.GetCompletedCertifications())
}
