package certifications

import (
	"io"
)

// bodyPiece is the size of the pieces a body of unknown length is read in:
// memory grows with the body in steps of this size, and nothing read is
// copied while reading, so an oversized body costs its limit plus one
// piece, not the doubling buffer that io.ReadAll or bytes.Buffer grow.
const bodyPiece = 32 << 10

// maxEmptyReads bounds the reads in a row that return neither bytes nor an
// error, so that a broken reader cannot spin the client forever.
const maxEmptyReads = 100

// readPieces reads r to its end, keeping at most limit+1 bytes: it reports
// over when r holds more than limit. hint is the announced length (-1 when
// unknown); a body as long as announced is read into one piece of exactly
// that size (plus the byte that sees the end).
func readPieces(r io.Reader, hint, limit int64) (pieces [][]byte, n int64, over bool, err error) {
	size := int64(bodyPiece)
	if hint >= 0 && hint <= limit {
		size = hint + 1
	}
	for {
		buf := make([]byte, min(size, limit+1-n))
		m, err := fill(r, buf)
		if m > 0 {
			pieces = append(pieces, buf[:m])
			n += int64(m)
		}
		switch {
		case n > limit:
			return pieces, n, true, nil
		case err == io.EOF:
			return pieces, n, false, nil
		case err != nil:
			return pieces, n, false, err
		}
		size = bodyPiece
	}
}

// fill reads from r until buf is full or r fails; at the end of r it
// returns io.EOF. Unlike io.ReadFull it keeps a reader's own
// io.ErrUnexpectedEOF (a body cut short) apart from a clean end.
func fill(r io.Reader, buf []byte) (int, error) {
	n, empty := 0, 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
		if m > 0 {
			empty = 0
		} else if empty++; empty >= maxEmptyReads {
			return n, io.ErrNoProgress
		}
	}
	return n, nil
}

// joinPieces returns the first max bytes of pieces as one slice: the
// single piece itself when there is one, else one copy of exactly that
// size (encoding/json decodes from contiguous bytes).
func joinPieces(pieces [][]byte, n, max int64) []byte {
	n = min(n, max)
	if len(pieces) == 1 {
		return pieces[0][:n]
	}
	out := make([]byte, 0, n)
	for _, p := range pieces {
		if room := n - int64(len(out)); int64(len(p)) > room {
			p = p[:room]
		}
		out = append(out, p...)
	}
	return out
}
