package certtest

import (
	"bytes"
	"fmt"
	"strings"
)

// A report as PDF: the title, then the header and the rows of the table,
// one line each with the fields separated by " | ", in 7 pt Courier on
// landscape A4 pages. A line longer than a page is wide goes on in the
// next lines, indented by pdfIndent. The file is PDF 1.4 with the standard
// Courier font (nothing embedded), uncompressed content streams and a
// cross-reference table, so any reader opens it and a test can read the
// text back.

const (
	pdfPageWidth  = 842 // points: A4 landscape
	pdfPageHeight = 595
	pdfMargin     = 36
	pdfFontSize   = 7
	pdfLeading    = 9
	// Courier glyphs are 600/1000 of the font size wide.
	pdfLineChars    = (pdfPageWidth - 2*pdfMargin) * 1000 / (600 * pdfFontSize)
	pdfLinesPerPage = (pdfPageHeight - 2*pdfMargin) / pdfLeading
	pdfIndent       = "    "
	pdfFieldSep     = " | "
)

// asPDF renders the table as a PDF document.
func (tb *reportTable) asPDF() []byte {
	lines := []string{tb.title, ""}
	for _, row := range append([][]string{tb.header}, tb.rows...) {
		lines = append(lines, wrapPDFLine(strings.Join(row, pdfFieldSep))...)
	}
	return renderPDF(lines)
}

// wrapPDFLine cuts a line into pieces that fit the page width; the pieces
// after the first are indented.
func wrapPDFLine(s string) []string {
	r := []rune(s)
	if len(r) <= pdfLineChars {
		return []string{s}
	}
	out := []string{string(r[:pdfLineChars])}
	step := pdfLineChars - len(pdfIndent)
	for r = r[pdfLineChars:]; len(r) > 0; r = r[min(step, len(r)):] {
		out = append(out, pdfIndent+string(r[:min(step, len(r))]))
	}
	return out
}

// renderPDF lays lines out on pages. Objects: 1 the catalog, 2 the page
// tree, 3 the font, then a page and its content stream for each page.
func renderPDF(lines []string) []byte {
	var pages [][]string
	for len(lines) > 0 {
		n := min(pdfLinesPerPage, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	if len(pages) == 0 {
		pages = [][]string{nil}
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") // the binary comment marks the file as binary for transfer tools
	var offsets []int
	object := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	object("<< /Type /Catalog /Pages 2 0 R >>")
	object(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	object("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	for i, page := range pages {
		object(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>",
			pdfPageWidth, pdfPageHeight, 5+2*i))
		var s bytes.Buffer
		fmt.Fprintf(&s, "BT\n/F1 %d Tf\n%d TL\n%d %d Td\n", pdfFontSize, pdfLeading, pdfMargin, pdfPageHeight-pdfMargin-pdfFontSize)
		for _, l := range page {
			fmt.Fprintf(&s, "(%s) Tj T*\n", pdfString(l))
		}
		s.WriteString("ET")
		object(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", s.Len(), s.Bytes()))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// pdfString escapes text for a PDF literal string in WinAnsiEncoding:
// backslash and parentheses are escaped, Latin-1 letters written as octal
// codes (WinAnsi agrees with Latin-1 there) and any other character that
// is not printable ASCII becomes "?".
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '(' || r == ')':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r >= 0xa0 && r <= 0xff:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
