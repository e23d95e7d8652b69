package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/iscgo/certifications"
)

// Bounds on a decision file: a certification has at most a few million
// items, and a longer file is a mistake.
const (
	maxFileRows  = 4 << 20
	maxLineBytes = 1 << 20
	maxProblems  = 5 // problems listed in one message
)

// fileDecision is a decision read from a file and the line it is on.
type fileDecision struct {
	line int
	certifications.ReviewDecision
}

// decisionFile is what a decision file holds.
type decisionFile struct {
	name      string
	decisions []fileDecision
	// undecided counts the rows without a decision, which are left alone.
	undecided int
}

// openInput opens a file named on the command line ("-" is stdin).
func (a *app) openInput(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(a.stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, failf("cannot open %s: %v", name, err)
	}
	return f, nil
}

// readDecisions reads a decision file: a CSV with id and decision columns
// (and optionally comments), as items export writes it, or JSON Lines of
// ReviewDecision. Every row is checked; the problems found are reported
// together, each with its line.
func readDecisions(name string, r io.Reader) (*decisionFile, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	skipBOM(br)
	df := &decisionFile{name: name}
	p := &problems{name: name}
	var err error
	if first, _ := peekNonSpace(br); first == '{' {
		err = df.readJSONL(br, p)
	} else {
		err = df.readCSV(br, p)
	}
	if err != nil {
		return nil, err
	}
	df.dedupe(p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return df, nil
}

func (df *decisionFile) readCSV(br *bufio.Reader, p *problems) error {
	cr := csv.NewReader(br)
	cr.Comma = sniffComma(br)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return failf("%s is empty; write the header line of items export first (id,...,decision,comments)", df.name)
	}
	if err != nil {
		return csvError(df.name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"id", "decision"} {
		if _, ok := col[need]; !ok {
			return failf("%s line 1: no %q column; the header needs id and decision (and may have comments), as items export writes it", df.name, need)
		}
	}
	comments, hasComments := col["comments"]
	for rows := 0; ; rows++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
				p.add(lineNo(pe.StartLine), "has %d fields, the header has %d", len(rec), len(header))
				continue
			}
			return csvError(df.name, err)
		}
		if rows >= maxFileRows {
			return failf("%s has more than %d rows", df.name, maxFileRows)
		}
		line, _ := cr.FieldPos(0)
		d := certifications.ReviewDecision{ID: strings.TrimSpace(rec[col["id"]]), Decision: certifications.CertificationDecision(rec[col["decision"]])}
		if hasComments {
			if c := strings.TrimSpace(rec[comments]); c != "" {
				d.Comments = &c
			}
		}
		df.add(line, d, p)
	}
}

func (df *decisionFile) readJSONL(br *bufio.Reader, p *problems) error {
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64<<10), maxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if line > maxFileRows {
			return failf("%s has more than %d lines", df.name, maxFileRows)
		}
		var d certifications.ReviewDecision
		if err := json.Unmarshal(b, &d); err != nil {
			p.add(lineNo(line), "is not a JSON ReviewDecision: %v", err)
			continue
		}
		if d.Comments != nil && strings.TrimSpace(*d.Comments) == "" {
			d.Comments = nil
		}
		d.ID = strings.TrimSpace(d.ID)
		df.add(line, d, p)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return failf("%s line %d: longer than %d bytes", df.name, line+1, maxLineBytes)
		}
		return failf("reading %s: %v", df.name, err)
	}
	return nil
}

// add checks one decision and keeps it; a row without a decision is
// counted and left alone.
func (df *decisionFile) add(line int, d certifications.ReviewDecision, p *problems) {
	d.Decision = certifications.CertificationDecision(strings.ToUpper(strings.TrimSpace(string(d.Decision))))
	switch {
	case d.ID == "" && d.Decision == "":
		return // an empty row
	case d.ID == "":
		p.add(lineNo(line), "has a decision but no id")
	case d.Decision == "":
		df.undecided++
	case !d.Decision.IsKnown():
		p.add(lineNo(line), "decision %q is not APPROVE or REVOKE", string(d.Decision))
	case d.ProposedEndDate != nil && d.Decision != certifications.CertificationDecisionRevoke:
		p.add(lineNo(line), "sets proposedEndDate on a %s decision; only REVOKE takes one", d.Decision)
	default:
		df.decisions = append(df.decisions, fileDecision{line: line, ReviewDecision: d})
	}
}

// dedupe drops a decision that repeats an earlier one for the same item,
// and reports one that contradicts it.
func (df *decisionFile) dedupe(p *problems) {
	first := make(map[string]fileDecision, len(df.decisions))
	kept := df.decisions[:0]
	for _, d := range df.decisions {
		prev, seen := first[d.ID]
		switch {
		case !seen:
			first[d.ID] = d
			kept = append(kept, d)
		case prev.Decision != d.Decision || prev.GetComments() != d.GetComments():
			p.add(lineNo(d.line), "decides item %s again, differently from line %d", d.ID, prev.line)
		}
	}
	df.decisions = kept
}

// reviewDecisions returns the decisions to send.
func (df *decisionFile) reviewDecisions() []certifications.ReviewDecision {
	out := make([]certifications.ReviewDecision, len(df.decisions))
	for i, d := range df.decisions {
		out[i] = d.ReviewDecision
	}
	return out
}

// problems collects what is wrong with a file, line by line, into one
// message.
type problems struct {
	name  string
	hint  string // what to do, added to the message
	lines []string
	n     int
}

// add records a problem at where ("line 7", "--item").
func (p *problems) add(where string, format string, args ...any) {
	p.n++
	if len(p.lines) < maxProblems {
		p.lines = append(p.lines, where+": "+fmt.Sprintf(format, args...))
	}
}

func lineNo(n int) string { return "line " + strconv.Itoa(n) }

func (p *problems) err() error {
	if p.n == 0 {
		return nil
	}
	msg := strings.Join(p.lines, "; ")
	if p.n > len(p.lines) {
		msg += fmt.Sprintf("; and %d more", p.n-len(p.lines))
	}
	if p.hint != "" {
		msg += "; " + p.hint
	}
	if p.n == 1 {
		return failf("%s %s; nothing was sent", p.name, msg)
	}
	return failf("%s has %d problems: %s; nothing was sent", p.name, p.n, msg)
}

// csvError names the line of a CSV syntax error.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return failf("%s line %d: %v; nothing was sent", name, pe.Line, pe.Err)
	}
	return failf("reading %s: %v", name, err)
}

// skipBOM drops the byte order mark spreadsheets put before UTF-8 text.
func skipBOM(br *bufio.Reader) {
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
}

// peekNonSpace returns the first byte that is not white space.
func peekNonSpace(br *bufio.Reader) (byte, bool) {
	b, _ := br.Peek(br.Size())
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 {
		return 0, false
	}
	return t[0], true
}

// sniffComma picks the separator of the header line: a comma, or the
// semicolon or tab some spreadsheets save with.
func sniffComma(br *bufio.Reader) rune {
	b, _ := br.Peek(br.Size())
	header, _, _ := bytes.Cut(b, []byte("\n"))
	for _, c := range []rune{',', ';', '\t'} {
		if bytes.ContainsRune(header, c) {
			return c
		}
	}
	return ','
}
