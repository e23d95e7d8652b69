package main

import (
	"io"
	"strconv"

	"github.com/iscgo/certifications"
)

// evidenceRow is one line of campaigns export: an access review item with
// the campaign and certification it belongs to, what auditors ask for as
// evidence of a campaign. Its JSON names are the CSV headers.
type evidenceRow struct {
	CampaignID        string `json:"campaignId"`
	CampaignName      string `json:"campaignName"`
	CertificationID   string `json:"certificationId"`
	CertificationName string `json:"certificationName"`
	ReviewerID        string `json:"reviewerId"`
	ReviewerName      string `json:"reviewerName"`
	ReviewerEmail     string `json:"reviewerEmail"`
	Signed            bool   `json:"signed"`
	SignedAt          string `json:"signedAt"`
	ItemID            string `json:"itemId"`
	itemAccess
	Decision  string `json:"decision"`
	Comments  string `json:"comments"`
	Completed bool   `json:"completed"`
}

var evidenceColumns = []column[evidenceRow]{
	{name: "campaignId", get: func(r *evidenceRow) string { return r.CampaignID }},
	{name: "campaignName", get: func(r *evidenceRow) string { return r.CampaignName }},
	{name: "certificationId", get: func(r *evidenceRow) string { return r.CertificationID }},
	{name: "certificationName", get: func(r *evidenceRow) string { return r.CertificationName }},
	{name: "reviewerId", get: func(r *evidenceRow) string { return r.ReviewerID }},
	{name: "reviewerName", get: func(r *evidenceRow) string { return r.ReviewerName }},
	{name: "reviewerEmail", get: func(r *evidenceRow) string { return r.ReviewerEmail }},
	{name: "signed", get: func(r *evidenceRow) string { return strconv.FormatBool(r.Signed) }},
	{name: "signedAt", get: func(r *evidenceRow) string { return r.SignedAt }},
	{name: "itemId", get: func(r *evidenceRow) string { return r.ItemID }},
	{name: "identityId", get: func(r *evidenceRow) string { return r.IdentityID }},
	{name: "identityName", get: func(r *evidenceRow) string { return r.IdentityName }},
	{name: "accessType", get: func(r *evidenceRow) string { return r.AccessType }},
	{name: "accessId", get: func(r *evidenceRow) string { return r.AccessID }},
	{name: "accessName", get: func(r *evidenceRow) string { return r.AccessName }},
	{name: "source", get: func(r *evidenceRow) string { return r.Source }},
	{name: "decision", get: func(r *evidenceRow) string { return r.Decision }},
	{name: "comments", get: func(r *evidenceRow) string { return r.Comments }},
	{name: "completed", get: func(r *evidenceRow) string { return strconv.FormatBool(r.Completed) }},
}

// campaignRef names the campaign of an export: the one asked for, even
// when a certification's own reference to it is missing.
type campaignRef struct{ id, name string }

// evidenceRowOf makes the row of one item of one certification.
func evidenceRowOf(camp campaignRef, cert *certifications.IdentityCertificationDto, it *certifications.AccessReviewItem) *evidenceRow {
	rev := cert.GetReviewer()
	return &evidenceRow{
		CampaignID:        camp.id,
		CampaignName:      camp.name,
		CertificationID:   cert.GetID(),
		CertificationName: cert.GetName(),
		ReviewerID:        rev.GetID(),
		ReviewerName:      rev.GetName(),
		ReviewerEmail:     rev.GetEmail(),
		Signed:            isSigned(cert),
		SignedAt:          timeText(cert.GetSigned()),
		ItemID:            it.GetID(),
		itemAccess:        accessOf(it),
		Decision:          string(it.GetDecision()),
		Comments:          it.GetComments(),
		Completed:         it.GetCompleted(),
	}
}

// isSigned tells whether a certification is signed: its phase says so, or
// it carries the time it was signed.
func isSigned(cert *certifications.IdentityCertificationDto) bool {
	return cert.GetPhase() == certifications.CertificationPhaseSigned || !cert.GetSigned().IsZero()
}

// evidenceWriter streams the rows of an export in csv or jsonl; the CSV
// cells are made safe for spreadsheets by the list writer.
type evidenceWriter struct {
	camp campaignRef
	out  *list[evidenceRow]
	rows int
}

func newEvidenceWriter(w io.Writer, format string, camp campaignRef) *evidenceWriter {
	return &evidenceWriter{camp: camp, out: newList(w, format, evidenceColumns)}
}

// add writes the row of one item.
func (e *evidenceWriter) add(cert *certifications.IdentityCertificationDto, it *certifications.AccessReviewItem) error {
	if err := e.out.add(evidenceRowOf(e.camp, cert, it)); err != nil {
		return err
	}
	e.rows++
	return nil
}

// close flushes the output.
func (e *evidenceWriter) close() error { return e.out.close() }
