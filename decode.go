package certifications

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// decodeJSON decodes body into v exactly as json.Unmarshal does. Pages of
// access review items, most of the bytes the SDK ever reads, first go
// through pageReader, which builds the items without reflection. Whatever
// it does not fully understand (a syntax error, a value of the wrong
// type, a key that differs from a field's name only in case, a repeated
// key, an escaped or non-ASCII key, a field kind it has no reader for) it
// leaves to encoding/json, which then decodes the whole body: the result
// and the error are always json.Unmarshal's.
func decodeJSON(body []byte, v any) error {
	// Only into an empty page: encoding/json decodes into the elements a
	// slice already holds, which the reader would have to imitate.
	if p, ok := v.(*[]AccessReviewItem); ok && p != nil && *p == nil {
		r := pageReader{b: body}
		if items, ok := r.itemPage(); ok {
			*p = items
			return nil
		}
	}
	return json.Unmarshal(body, v)
}

// maxReaderDepth bounds the nesting of arrays and objects the reader
// follows; deeper input goes to encoding/json, which has its own bound.
const maxReaderDepth = 512

// pageReader reads JSON from b at position i. Each method reports false
// when it meets input it leaves to encoding/json; the reader is then
// dropped, so a method that fails need not restore its state.
type pageReader struct {
	b     []byte
	i     int
	depth int // arrays and objects open at i
}

func (r *pageReader) ws() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte, or 0 at the end. A
// 0 is never taken for the end of the input: it is compared only with
// the bytes that may come next.
func (r *pageReader) next() byte {
	r.ws()
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

// literal consumes the literal s (null, true, false) if it comes next.
// What follows it is checked by the caller, which expects a delimiter.
func (r *pageReader) literal(s string) bool {
	if r.next() == s[0] && len(r.b)-r.i >= len(s) && string(r.b[r.i:r.i+len(s)]) == s {
		r.i += len(s)
		return true
	}
	return false
}

// itemPage reads a whole body that is an array of items and nothing else,
// not even a NUL byte after it.
func (r *pageReader) itemPage() ([]AccessReviewItem, bool) {
	var items []AccessReviewItem
	if !list(r, &items, r.readAccessReviewItem) || items == nil {
		return nil, false // a null page is encoding/json's to leave as it is
	}
	r.ws()
	return items, r.i == len(r.b)
}

// open enters an array or object whose opening byte c comes next.
func (r *pageReader) open(c byte) bool {
	if r.next() != c || r.depth >= maxReaderDepth {
		return false
	}
	r.i++
	r.depth++
	return true
}

// closes leaves the array or object whose closing byte c comes next.
func (r *pageReader) closes(c byte) bool {
	if r.next() != c {
		return false
	}
	r.i++
	r.depth--
	return true
}

// comma consumes the comma that must come next.
func (r *pageReader) comma() bool {
	if r.next() != ',' {
		return false
	}
	r.i++
	return true
}

// array reads an array, calling elem to read each element. The caller
// has seen no null: a null array is left to the callers that accept one.
func (r *pageReader) array(elem func() bool) bool {
	if !r.open('[') {
		return false
	}
	if r.closes(']') {
		return true
	}
	for elem() {
		if r.closes(']') {
			return true
		}
		if !r.comma() {
			return false
		}
	}
	return false
}

// object reads an object whose known keys are names: for each key, field
// reads the value of names[k], and unknown keys have their value checked
// and skipped. A key given twice, or one that matches a name only when
// case is ignored (encoding/json would take it for that field), or one
// with an escape or a byte outside ASCII (which encoding/json unescapes
// and folds by Unicode rules, 'ſ' as 's', 'K' as 'k') is left to
// encoding/json. With names nil the object is skipped and any key goes.
func (r *pageReader) object(names []string, field func(k int) bool) bool {
	if !r.open('{') {
		return false
	}
	if r.closes('}') {
		return true
	}
	var seen uint64 // the generator gives a struct at most 64 fields
	for {
		end, escaped, ascii, ok := r.stringEnd()
		if !ok {
			return false
		}
		key := r.b[r.i+1 : end-1]
		r.i = end
		if r.next() != ':' {
			return false
		}
		r.i++
		switch k := fieldIndex(names, key); {
		case names == nil:
			if !r.skip() {
				return false
			}
		case escaped || !ascii:
			return false
		case k >= 0:
			if seen&(1<<k) != 0 || !field(k) {
				return false
			}
			seen |= 1 << k
		case !ignoredKey(names, key) || !r.skip():
			return false
		}
		if r.closes('}') {
			return true
		}
		if !r.comma() {
			return false
		}
	}
}

func fieldIndex(names []string, key []byte) int {
	for k, n := range names {
		if n == string(key) {
			return k
		}
	}
	return -1
}

// ignoredKey reports whether encoding/json, too, ignores key, an ASCII
// key: no name equals it ignoring case. bytes.EqualFold folds as
// encoding/json does, Unicode folds included.
func ignoredKey(names []string, key []byte) bool {
	for _, n := range names {
		if bytes.EqualFold([]byte(n), key) {
			return false
		}
	}
	return true
}

// stringEnd checks the string token that comes next and returns the index
// after its closing quote, whether it holds an escape and whether it is
// all ASCII. Bytes outside ASCII are not checked: encoding/json takes
// invalid UTF-8 in a string, and replaces it when it unquotes.
func (r *pageReader) stringEnd() (end int, escaped, ascii, ok bool) {
	if r.next() != '"' {
		return 0, false, false, false
	}
	ascii = true
	for i := r.i + 1; i < len(r.b); i++ {
		switch c := r.b[i]; {
		case c == '"':
			return i + 1, escaped, ascii, true
		case c == '\\':
			escaped = true
			if i+1 >= len(r.b) {
				return 0, false, false, false
			}
			i++
			switch r.b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(r.b) {
					return 0, false, false, false
				}
				for _, h := range r.b[i+1 : i+5] {
					if !isHex(h) {
						return 0, false, false, false
					}
				}
				i += 4
			default:
				return 0, false, false, false
			}
		case c < 0x20:
			return 0, false, false, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return 0, false, false, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// stringValue reads a string. Without escapes and in valid UTF-8 its
// bytes are its value; otherwise encoding/json unquotes it, replacing
// invalid UTF-8 and lone surrogates its own way.
func (r *pageReader) stringValue() (string, bool) {
	end, escaped, ascii, ok := r.stringEnd()
	if !ok {
		return "", false
	}
	tok := r.b[r.i:end]
	r.i = end
	if !escaped && (ascii || utf8.Valid(tok)) {
		return string(tok[1 : len(tok)-1]), true
	}
	var s string
	if json.Unmarshal(tok, &s) != nil {
		return "", false
	}
	return s, true
}

// text reads a string, not null, into *dst.
func text[T ~string](r *pageReader, dst *T) bool {
	s, ok := r.stringValue()
	*dst = T(s)
	return ok
}

// str reads a string or null into *dst.
func str[T ~string](r *pageReader, dst **T) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	s, ok := r.stringValue()
	if ok {
		v := T(s)
		*dst = &v
	}
	return ok
}

// boolean reads true, false or null into *dst.
func boolean[T ~bool](r *pageReader, dst **T) bool {
	var v T
	switch {
	case r.literal("null"):
		*dst = nil
		return true
	case r.literal("true"):
		v = true
	case !r.literal("false"):
		return false
	}
	*dst = &v
	return true
}

// number returns the number token that comes next, checked against the
// JSON grammar, and whether it is an integer (no fraction, no exponent).
func (r *pageReader) number() (tok []byte, integer, ok bool) {
	r.ws()
	start, i := r.i, r.i
	digits := func() int {
		n := 0
		for i < len(r.b) && '0' <= r.b[i] && r.b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(r.b) && r.b[i] == '-' {
		i++
	}
	// A leading 0 stands alone: after "0" a digit is not part of the
	// number, and the caller, expecting a delimiter, refuses it.
	if i < len(r.b) && r.b[i] == '0' {
		i++
	} else if digits() == 0 {
		return nil, false, false
	}
	integer = true
	if i < len(r.b) && r.b[i] == '.' {
		i++
		integer = false
		if digits() == 0 {
			return nil, false, false
		}
	}
	if i < len(r.b) && (r.b[i] == 'e' || r.b[i] == 'E') {
		i++
		integer = false
		if i < len(r.b) && (r.b[i] == '+' || r.b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return nil, false, false
		}
	}
	r.i = i
	return r.b[start:i], integer, true
}

// integer reads an integer of bits bits or null into *dst; encoding/json
// refuses a fraction, an exponent or an overflow with an error.
func integer[T ~int32 | ~int64](r *pageReader, dst **T, bits int) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	tok, whole, ok := r.number()
	if !ok || !whole {
		return false
	}
	n, err := strconv.ParseInt(string(tok), 10, bits)
	if err != nil {
		return false
	}
	v := T(n)
	*dst = &v
	return true
}

// timestamp reads a date-time or null into *dst with time.Time's own
// UnmarshalJSON, given the string token as encoding/json gives it.
func (r *pageReader) timestamp(dst **time.Time) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	end, _, _, ok := r.stringEnd() // after literal, r.i is at the token
	if !ok {
		return false
	}
	var t time.Time
	if t.UnmarshalJSON(r.b[r.i:end]) != nil {
		return false
	}
	r.i = end
	*dst = &t
	return true
}

// skip checks and skips one value of any kind.
func (r *pageReader) skip() bool {
	switch c := r.next(); {
	case c == '"':
		end, _, _, ok := r.stringEnd()
		r.i = end
		return ok
	case c == '{':
		return r.object(nil, nil)
	case c == '[':
		return r.array(r.skip)
	case c == '-' || '0' <= c && c <= '9':
		_, _, ok := r.number()
		return ok
	}
	return r.literal("null") || r.literal("true") || r.literal("false")
}

// ptr reads an object or null into *dst, a fresh value read by read.
func ptr[T any](r *pageReader, dst **T, read func(*T) bool) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	v := new(T)
	*dst = v
	return read(v)
}

// list reads an array or null into *dst, each element with read; a null
// element is a zero value, as encoding/json leaves it for a struct or a
// string.
func list[T any](r *pageReader, dst *[]T, read func(*T) bool) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	out := []T{}
	ok := r.array(func() bool {
		out = append(out, *new(T))
		return r.literal("null") || read(&out[len(out)-1])
	})
	*dst = out
	return ok
}
