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
)

// column is one column of table and CSV output: a header and how to read
// the value from a record. JSON output writes the record itself.
type column[T any] struct {
	name string
	get  func(*T) string
}

// list writes records one by one in an output format, so that a listing of
// 100,000 items streams: table (aligned columns, headers in capitals), csv
// (a header row), json (one array) or jsonl (one object per line).
type list[T any] struct {
	format string
	cols   []column[T]
	bw     *bufio.Writer
	tw     *tabwriter.Writer
	cw     *csv.Writer
	n      int
	err    error
}

func newList[T any](w io.Writer, format string, cols []column[T]) *list[T] {
	l := &list[T]{format: format, cols: cols, bw: bufio.NewWriterSize(w, 64<<10)}
	switch format {
	case formatTable:
		l.tw = tabwriter.NewWriter(l.bw, 0, 8, 2, ' ', 0)
		l.row(func(c column[T]) string { return strings.ToUpper(c.name) })
	case formatCSV:
		l.cw = csv.NewWriter(l.bw)
		l.row(func(c column[T]) string { return c.name })
	}
	return l
}

// add writes one record.
func (l *list[T]) add(v *T) error {
	if l.err != nil {
		return l.err
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

// close ends the output (the JSON array, the table's alignment) and
// flushes it.
func (l *list[T]) close() error {
	switch {
	case l.format == formatJSON && l.n == 0:
		l.write("[]\n")
	case l.format == formatJSON:
		l.write("\n]\n")
	case l.tw != nil:
		l.keep(l.tw.Flush())
	case l.cw != nil:
		l.cw.Flush()
		l.keep(l.cw.Error())
	}
	l.keep(l.bw.Flush())
	return l.err
}

// row writes one table or CSV row of the values value gives per column.
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
	l.write(strings.Join(cells, "\t"), "\n")
}

func (l *list[T]) write(parts ...string) {
	w := io.Writer(l.bw)
	if l.tw != nil {
		w = l.tw
	}
	for _, p := range parts {
		_, err := io.WriteString(w, p)
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
