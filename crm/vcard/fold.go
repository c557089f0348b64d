package vcard

import (
	"bytes"
	"io"
)

// maxLine is the longest line RFC 6350 lets a writer put out, in octets.
const maxLine = 75

// foldingWriter sits between go-vcard's encoder and the file. go-vcard
// writes each property on one line however long; RFC 6350 asks for lines
// of at most 75 octets, folded with a leading space, and some readers
// (older Outlook) cut longer ones. It folds on UTF-8 character boundaries,
// so no reader ever sees half a character, and writes the "\;" escapes
// that go-vcard cannot (see component).
type foldingWriter struct {
	w       io.Writer
	pending []byte
}

func (f *foldingWriter) Write(p []byte) (int, error) {
	f.pending = append(f.pending, p...)
	for {
		i := bytes.Index(f.pending, []byte("\r\n"))
		if i < 0 {
			return len(p), nil
		}
		if err := f.writeLine(f.pending[:i]); err != nil {
			return 0, err
		}
		f.pending = f.pending[i+2:]
	}
}

// Flush writes what is left of an unterminated line.
func (f *foldingWriter) Flush() error {
	if len(f.pending) == 0 {
		return nil
	}
	err := f.writeLine(f.pending)
	f.pending = nil
	return err
}

var escapedSemicolon = []byte(`\;`)

func (f *foldingWriter) writeLine(line []byte) error {
	line = bytes.ReplaceAll(line, []byte(string(escSemicolon)), escapedSemicolon)
	var out []byte
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 1 && isContinuationByte(line[cut]) {
			cut--
		}
		out = append(out, line[:cut]...)
		out = append(out, "\r\n "...)
		line = line[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	out = append(out, line...)
	out = append(out, "\r\n"...)
	_, err := f.w.Write(out)
	return err
}

func isContinuationByte(b byte) bool { return b&0xC0 == 0x80 }
