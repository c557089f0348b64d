// Package linkedin reads the Connections.csv of LinkedIn's data export
// (Settings, Data privacy, Get a copy of your data) into crm.Contacts: one
// per connection, met online through LinkedIn on the day the connection
// was made.
//
// The file is a CSV with a preamble: a "Notes:" line and a paragraph of
// free text come before the header, and older exports have none. The
// header is therefore found by its columns, not by its line number, and
// columns are looked up by name, so a reordered or extended export reads
// the same.
package linkedin

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/internal/textfile"
)

// Row is one connection read from the file.
type Row struct {
	// Line is the line the row starts on, counting the preamble, so a
	// person finds it in the file.
	Line int
	// Contact holds what could be read, even when Err is set, so a preview
	// can show the row it refuses.
	Contact crm.Contact
	// Err is set when the row cannot become a contact: no name, a date or
	// an email address that cannot be read, a name Kith would not store
	// (one starting with #). It is a *RowError.
	Err error
}

// RowError says why a row was refused and where it is.
type RowError struct {
	Line   int    // the line the row starts on
	Field  string // the column at fault, named as in the header ("Connected On")
	Reason string // for the user
}

// Error names the line, the column and the reason, e.g.
// `Connections.csv line 7: Connected On: "31 Feb 2024" is not a date ...`.
func (e *RowError) Error() string {
	return fmt.Sprintf("Connections.csv line %d: %s: %s", e.Line, e.Field, e.Reason)
}

// ErrNoHeader is returned when no line near the top of the file has the
// First Name and Last Name columns: the file is not a Connections.csv.
var ErrNoHeader = crm.Errorf(crm.EInvalid,
	"not a LinkedIn Connections.csv: no header with First Name and Last Name columns in its first %d lines", maxPreamble)

// maxPreamble bounds the search for the header, so that a wrong file
// fails at once instead of being read to its end.
const maxPreamble = 100

// Reader reads a Connections.csv one row at a time, so a large network is
// never held in memory whole. It is for one goroutine.
type Reader struct {
	src        *textfile.Source
	csv        *csv.Reader
	cols       columns
	headerLine int
	err        error // sticky: the header could not be found or read
}

// NewReader returns a Reader of the Connections.csv r. The header is
// looked for on the first call to Next.
func NewReader(r io.Reader) *Reader {
	return &Reader{src: textfile.NewSource(r)}
}

// BytesRead returns how much of the file has been read, for a progress
// bar. It runs ahead of the rows returned by at most one buffer (64 KiB).
func (r *Reader) BytesRead() int64 { return r.src.BytesRead() }

// Next returns the next connection, or io.EOF after the last one. Any
// other error is about the file as a whole (ErrNoHeader, a read failure);
// a row that cannot be imported comes back with its Err set instead, and
// Next can go on.
func (r *Reader) Next() (Row, error) {
	if r.csv == nil && r.err == nil {
		r.err = r.findHeader()
	}
	if r.err != nil {
		return Row{}, r.err
	}
	for {
		rec, err := r.csv.Read()
		var perr *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			return Row{}, io.EOF
		case errors.As(err, &perr): // only syntax errors are wrapped so; the reader goes on after them
			line := r.headerLine + perr.StartLine
			return Row{Line: line, Err: &RowError{Line: line, Field: "row", Reason: perr.Err.Error()}}, nil
		case err != nil:
			return Row{}, fmt.Errorf("read Connections.csv after line %d: %w", r.headerLine, err)
		case isBlank(rec):
			continue // a trailing ",,,,,," row is not a person
		}
		line, _ := r.csv.FieldPos(0)
		return r.cols.row(rec, r.headerLine+line), nil
	}
}

// Read reads every row of a Connections.csv.
func Read(r io.Reader) ([]Row, error) {
	return textfile.ReadAll(NewReader(r).Next)
}

// findHeader reads the preamble line by line until the header. The
// preamble is not handed to the CSV reader: its free text may hold a
// stray quote that would swallow the header into one endless field.
func (r *Reader) findHeader() error {
	for line := 1; line <= maxPreamble; line++ {
		text, err := r.src.ReadBytes('\n')
		if cols, ok := parseHeader(text); ok {
			r.cols, r.headerLine = cols, line
			r.csv = csv.NewReader(r.src.Reader)
			r.csv.FieldsPerRecord = -1 // rows may be short or long; columns are looked up by name
			r.csv.LazyQuotes = true    // a stray quote in a name should not lose the row
			r.csv.ReuseRecord = true
			return nil
		}
		if errors.Is(err, io.EOF) {
			return ErrNoHeader
		}
		if err != nil {
			return fmt.Errorf("read Connections.csv line %d: %w", line, err)
		}
	}
	return ErrNoHeader
}

func isBlank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
