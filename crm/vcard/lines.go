package vcard

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/kithcrm/kith/crm/internal/textfile"
)

// logical is one property as written, after unfolding: the bytes of all its
// physical lines joined, and the line it started on.
type logical struct {
	text []byte
	line int
}

// lineReader turns physical lines into logical ones. It works on bytes, not
// runes, because exporters fold in the middle of a UTF-8 character (ownCloud)
// and only the joined bytes decode. It also knows the vCard 2.1 habits that
// no 3.0 parser expects: quoted-printable soft breaks ("=" at the end of a
// line, the value going on at the start of the next), and base64 blocks whose
// lines are not indented and end at a blank line.
type lineReader struct {
	src     *textfile.Source // the file as UTF-8, counting the bytes read
	line    int              // physical lines consumed
	peeked  []byte           // the next physical line, read ahead to see whether it continues
	hasPeek bool
	peekNo  int
	buf     []byte // reused for each physical line
	err     error  // sticky: io.EOF or a read failure
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{src: textfile.NewSource(r)}
}

// physical returns the next physical line without its line ending (LF, CRLF
// and iOS's CR CR LF alike). Past the first buffer of an over-long binary
// line it keeps only the start, so a 20 MB photo on one line is not copied.
// The result is valid until the next call.
func (lr *lineReader) physical() ([]byte, int, error) {
	if lr.hasPeek {
		lr.hasPeek = false
		return lr.peeked, lr.peekNo, nil
	}
	if lr.err != nil {
		return nil, 0, lr.err
	}
	line := lr.buf[:0]
	keep, decided := true, false
	for {
		chunk, err := lr.src.ReadSlice('\n')
		if keep {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			if !decided { // once, on the first buffer: scanning on every buffer would be quadratic
				keep, decided = !isBinaryHead(line), true
			}
			continue
		}
		if err != nil {
			lr.err = err
			if len(line) == 0 {
				return nil, 0, err
			}
		}
		break
	}
	lr.buf = line
	lr.line++
	return bytes.TrimRight(line, "\r\n"), lr.line, nil
}

func (lr *lineReader) unread(line []byte, no int) {
	lr.peeked, lr.peekNo, lr.hasPeek = line, no, true
}

// next returns the next logical line, or the read error (io.EOF at the end).
func (lr *lineReader) next() (logical, error) {
	first, no, err := lr.physical()
	if err != nil {
		return logical{}, err
	}
	l := logical{text: append([]byte(nil), first...), line: no}
	qp := isQuotedPrintable(first)
	binary := isBinaryHead(first)
	if binary {
		l.text = headOnly(l.text) // the picture is never used: don't keep megabytes of it
	}
	for {
		p, pno, err := lr.physical()
		if err != nil {
			return l, nil // the error is sticky and comes back on the next call
		}
		if !lr.continues(l.text, p, qp, binary) {
			lr.unread(p, pno)
			return l, nil
		}
		l.text = joinContinuation(l.text, p, qp, binary)
	}
}

// continues reports whether physical line p belongs to the property so far.
func (lr *lineReader) continues(cur, p []byte, qp, binary bool) bool {
	switch {
	case qp && bytes.HasSuffix(cur, []byte("=")):
		// A soft break. Android and KDE start the next line with "=XX", so it
		// is not indented; only a card boundary is never a continuation.
		return !isCardBoundary(p)
	case len(p) > 0 && (p[0] == ' ' || p[0] == '\t'):
		return true
	case binary:
		// vCard 2.1 base64 runs until a blank line, and some writers don't
		// indent it; base64 never holds a colon, a property always does.
		return len(p) > 0 && bytes.IndexByte(p, ':') < 0
	}
	return false
}

func joinContinuation(cur, p []byte, qp, binary bool) []byte {
	switch {
	case binary:
		return cur
	case qp && bytes.HasSuffix(cur, []byte("=")):
		return append(cur[:len(cur)-1], p...)
	}
	return append(cur, p[1:]...) // a fold: drop the one space or tab it added
}

// headOnly cuts a binary property to its name and parameters.
func headOnly(b []byte) []byte {
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		return b[:i+1]
	}
	return b
}

func isCardBoundary(p []byte) bool {
	t := bytes.ToUpper(bytes.TrimSpace(p))
	return bytes.Equal(t, []byte("END:VCARD")) || bytes.Equal(t, []byte("BEGIN:VCARD"))
}

// propertyHead returns the bytes before the value: group, name, parameters.
// It stops at the first colon outside a quoted parameter value.
func propertyHead(line []byte) []byte {
	quoted := false
	for i, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ':' && !quoted:
			return line[:i]
		}
	}
	return line
}

// propertyName returns the upper-cased name of the property, without group.
func propertyName(line []byte) string {
	head := propertyHead(line)
	if i := bytes.IndexByte(head, ';'); i >= 0 {
		head = head[:i]
	}
	if i := bytes.LastIndexByte(head, '.'); i >= 0 {
		head = head[i+1:]
	}
	return string(bytes.ToUpper(bytes.TrimSpace(head)))
}

func isQuotedPrintable(line []byte) bool {
	return bytes.Contains(bytes.ToUpper(propertyHead(line)), []byte("QUOTED-PRINTABLE"))
}

// binaryProperties hold pictures, sounds and keys: Kith keeps none of them.
var binaryProperties = map[string]bool{"PHOTO": true, "LOGO": true, "SOUND": true, "KEY": true}

func isBinaryHead(line []byte) bool {
	if len(line) == 0 || line[0] == ' ' || line[0] == '\t' {
		return false
	}
	return binaryProperties[propertyName(line)]
}
