package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"
)

// column is one column of table and CSV output: a name (the CSV header),
// how to read the value from a record, and how it shows in a table on a
// terminal. JSON output writes the record itself.
type column[T any] struct {
	name string
	get  func(*T) string
	// title is the table header; the name in capitals when "".
	title string
	// shrinks: on a terminal too narrow, cut with an ellipsis, widest
	// first.
	shrinks bool
	// day: a time, written as its day only on a terminal.
	day bool
	// drop on a terminal: 0 never; always (-1) when it repeats another
	// column or is an id beside a name; n > 0 the n-th left out while the
	// table does not fit even with its names cut short.
	drop int
}

// always is column.drop for a column left out of every table on a
// terminal.
const always = -1

// col returns a column shown whole everywhere.
func col[T any](name string, get func(*T) string) column[T] {
	return column[T]{name: name, get: get}
}

// titled sets the table header.
func (c column[T]) titled(t string) column[T] { c.title = t; return c }

// shrink lets the column be cut on a narrow terminal.
func (c column[T]) shrink() column[T] { c.shrinks = true; return c }

// asDay shows only the day of the time on a terminal.
func (c column[T]) asDay() column[T] { c.day = true; return c }

// dropped sets when the column is left out on a terminal (see drop).
func (c column[T]) dropped(n int) column[T] { c.drop = n; return c }

func (c column[T]) header() string {
	if c.title != "" {
		return c.title
	}
	return strings.ToUpper(c.name)
}

// incomplete is the last line of a listing that failed after writing
// some of its records. It is no record of any format (a CSV line of one
// field, a JSON Lines line that is not JSON, after a JSON array left
// open), so that a program reading the output fails instead of taking a
// part for the whole.
const incomplete = "isccert: INCOMPLETE: the listing failed after %d records; the error is on standard error"

// list writes records one by one in an output format, so that a listing of
// 100,000 items streams: table (aligned columns, headers in capitals), csv
// (a header row), json (one array) or jsonl (one object per line).
//
// On a failure (fail) it never leaves a complete document: nothing at all
// when no record was written (not even the CSV header or "[]"), else the
// records written so far followed by the incomplete line.
type list[T any] struct {
	format string
	cols   []column[T]
	// width, when > 0, is the terminal's: the table is fitted to it.
	width int
	bw    *bufio.Writer
	cw    *csv.Writer
	rows  [][]string // the table, aligned when it ends
	n     int
	err   error
}

func newList[T any](w io.Writer, format string, cols []column[T]) *list[T] {
	return &list[T]{format: format, cols: cols, bw: bufio.NewWriterSize(w, 64<<10)}
}

// start writes what comes before the first record.
func (l *list[T]) start() {
	switch l.format {
	case formatTable:
		l.row(func(c column[T]) string { return c.header() })
	case formatCSV:
		l.cw = csv.NewWriter(l.bw)
		l.row(func(c column[T]) string { return c.name })
	}
}

// add writes one record.
func (l *list[T]) add(v *T) error {
	if l.err != nil {
		return l.err
	}
	if l.n == 0 {
		l.start()
	}
	switch l.format {
	case formatJSON:
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			l.err = err
			return err
		}
		sep := ",\n  "
		if l.n == 0 {
			sep = "[\n  "
		}
		l.write(sep, string(b))
	case formatJSONL:
		b, err := json.Marshal(v)
		if err != nil {
			l.err = err
			return err
		}
		l.write(string(b), "\n")
	default:
		l.row(func(c column[T]) string { return c.get(v) })
	}
	l.n++
	return l.err
}

// close ends a complete output (the JSON array, the table's alignment)
// and flushes it.
func (l *list[T]) close() error {
	if l.n == 0 && l.err == nil {
		l.start()
	}
	switch {
	case l.format == formatJSON && l.n == 0:
		l.write("[]\n")
	case l.format == formatJSON:
		l.write("\n]\n")
	}
	return l.finish()
}

// fail ends an output that cause cut short, leaving it visibly
// unfinished, and returns cause.
func (l *list[T]) fail(cause error) error {
	if l.n == 0 {
		return cause // nothing was written, nothing will be
	}
	if l.format == formatJSON {
		l.write("\n")
	}
	_ = l.finish()
	if l.err == nil {
		_, l.err = fmt.Fprintf(l.bw, incomplete+"\n", l.n)
		l.keep(l.bw.Flush())
	}
	return cause
}

// finish writes the table or the CSV writer's rows and flushes.
func (l *list[T]) finish() error {
	if l.rows != nil {
		l.writeTable()
	}
	if l.cw != nil {
		l.cw.Flush()
		l.keep(l.cw.Error())
	}
	l.keep(l.bw.Flush())
	return l.err
}

// row adds one table or CSV row of the values value gives per column.
func (l *list[T]) row(value func(column[T]) string) {
	cells := make([]string, len(l.cols))
	for i, c := range l.cols {
		cells[i] = value(c)
	}
	if l.cw != nil {
		for i := range cells {
			cells[i] = csvSafe(cells[i])
		}
		l.keep(l.cw.Write(cells))
		return
	}
	for i := range cells {
		cells[i] = tableSafe(cells[i])
	}
	l.rows = append(l.rows, cells)
}

// writeTable aligns the table rows, fitted to the terminal when there is
// one, and writes them.
func (l *list[T]) writeTable() {
	keep := make([]bool, len(l.cols))
	widths := make([]int, len(l.cols))
	for i, c := range l.cols {
		keep[i] = l.width <= 0 || c.drop != always
	}
	for r, row := range l.rows {
		for i := range row {
			if l.width > 0 && r > 0 && l.cols[i].day {
				row[i], _, _ = strings.Cut(row[i], "T")
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(row[i]))
		}
	}
	if l.width > 0 {
		fit(widths, keep, l.cols, l.width)
	}
	var b strings.Builder
	last := -1
	for i := range keep {
		if keep[i] {
			last = i
		}
	}
	for _, row := range l.rows {
		b.Reset()
		for i, cell := range row {
			if !keep[i] {
				continue
			}
			cell = truncate(cell, widths[i])
			b.WriteString(cell)
			if i != last {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2))
			}
		}
		b.WriteByte('\n')
		l.write(b.String())
	}
	l.rows = nil
}

// minShrunk is the narrowest a column is cut to; a droppable column is
// kept only while the names can stay minReadable wide.
const (
	minShrunk   = 8
	minReadable = 16
)

// fit makes a table of these column widths fit width, two spaces between
// columns: it leaves out the droppable columns in their order while the
// table would not fit with its names cut to a readable width, then cuts
// the widest shrinkable columns. A table that still does not
// fit is left wider than the terminal.
func fit[T any](widths []int, keep []bool, cols []column[T], width int) {
	narrowest := func(i int) int {
		if !cols[i].shrinks {
			return widths[i]
		}
		return min(widths[i], max(minShrunk, utf8.RuneCountInString(cols[i].header())))
	}
	readable := func(i int) int {
		if !cols[i].shrinks {
			return widths[i]
		}
		return min(widths[i], max(minReadable, utf8.RuneCountInString(cols[i].header())))
	}
	total := func(w func(int) int) int {
		t := -2
		for i := range widths {
			if keep[i] {
				t += w(i) + 2
			}
		}
		return t
	}
	for total(readable) > width {
		next := -1
		for i, c := range cols {
			if keep[i] && c.drop > 0 && (next < 0 || c.drop < cols[next].drop) {
				next = i
			}
		}
		if next < 0 {
			break
		}
		keep[next] = false
	}
	for over := total(func(i int) int { return widths[i] }) - width; over > 0; over-- {
		widest := -1
		for i := range cols {
			if keep[i] && widths[i] > narrowest(i) && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
	}
}

// truncate cuts s to n characters, the last an ellipsis when it cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 0)]) + "…"
}

func (l *list[T]) write(parts ...string) {
	for _, p := range parts {
		_, err := io.WriteString(l.bw, p)
		l.keep(err)
	}
}

func (l *list[T]) keep(err error) {
	if l.err == nil {
		l.err = err
	}
}

// printOne writes a single record: as a JSON object (json, jsonl), a
// header and one row (csv), or one "field  value" line per column (table).
func printOne[T any](w io.Writer, format string, cols []column[T], v *T) error {
	switch format {
	case formatJSON:
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	case formatTable:
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		for _, c := range cols {
			fmt.Fprintf(tw, "%s\t%s\n", c.name, tableSafe(c.get(v)))
		}
		return tw.Flush()
	}
	l := newList(w, format, cols)
	if err := l.add(v); err != nil {
		return err
	}
	return l.close()
}

// tableSafe keeps a value on one line of a terminal: tabs, line breaks
// and control characters (a name with an escape sequence) become spaces.
func tableSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// csvSafe stops a spreadsheet from running a value as a formula: a cell
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
