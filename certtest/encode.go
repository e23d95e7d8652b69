package certtest

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/iscgo/certifications"
)

// encodeJSON returns v as json.Marshal does. Pages of access review items,
// most of the bytes the sandbox sends, are written by pageWriter through
// the generated writers (encode_gen.go) without reflection; anything the
// writers hand to encoding/json is written by it, and a value it refuses
// (a time it cannot write) makes the whole page json.Marshal's, error
// included.
func encodeJSON(v any) ([]byte, error) {
	if items, ok := v.([]certifications.AccessReviewItem); ok && items != nil {
		w := pageWriter{b: make([]byte, 0, 3072*len(items))}
		w.open('[')
		for i := range items {
			w.elem()
			w.writeAccessReviewItem(&items[i])
		}
		w.close(']')
		if w.ok() {
			return w.b, nil
		}
	}
	return json.Marshal(v)
}

// pageWriter appends JSON to b. comma is whether a value was written in
// the array or object being written, so that the next one needs a comma.
type pageWriter struct {
	b      []byte
	comma  bool
	failed bool
}

func (w *pageWriter) ok() bool { return !w.failed }

// open starts an array or object.
func (w *pageWriter) open(c byte) {
	w.b = append(w.b, c)
	w.comma = false
}

// close ends an array or object, which is a value written.
func (w *pageWriter) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

// elem starts an element of an array.
func (w *pageWriter) elem() {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = false
}

// key starts a member of an object; key is a plain ASCII name (the
// generator refuses any other).
func (w *pageWriter) key(key string) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, key...)
	w.b = append(w.b, '"', ':')
	w.comma = false
}

// literal writes null, true or false.
func (w *pageWriter) literal(s string) {
	w.b = append(w.b, s...)
	w.comma = true
}

func (w *pageWriter) boolean(v bool) {
	if v {
		w.literal("true")
	} else {
		w.literal("false")
	}
}

func (w *pageWriter) integer(v int64) {
	w.b = strconv.AppendInt(w.b, v, 10)
	w.comma = true
}

// str writes a string. Printable ASCII that encoding/json writes as it is
// is copied; any other string (escapes, HTML characters, control bytes,
// invalid UTF-8, U+2028) is encoding/json's to write.
func (w *pageWriter) str(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			w.value(s)
			return
		}
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
	w.comma = true
}

// time writes a time as time.Time's MarshalJSON does.
func (w *pageWriter) time(t time.Time) {
	b, err := t.MarshalJSON()
	if err != nil {
		w.failed = true
		return
	}
	w.b = append(w.b, b...)
	w.comma = true
}

// value writes v with encoding/json, for the kinds the writers have no
// primitive for.
func (w *pageWriter) value(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		w.failed = true
		return
	}
	w.b = append(w.b, b...)
	w.comma = true
}
