// Package importer brings people into the book from the files other tools
// export: vCard address books and LinkedIn's Connections.csv.
//
// An import goes in three steps, none of which knows SQL. Read takes a
// file apart into records. Plan matches each record against the people
// already in the book (by email, then profile URL, then whole name) and
// says what importing would do: who is added, which empty fields are
// filled, what conflicts and is left alone, which records are refused.
// Apply writes a plan as one batch that Undo can take back. The book is
// reached through the small interfaces in port.go, which the store
// implements.
package importer

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/linkedin"
	"github.com/kithcrm/kith/crm/vcard"
)

// Format is the kind of file an import reads.
type Format string

// The formats Kith imports.
const (
	VCard    Format = "vcard"    // an address book's .vcf
	LinkedIn Format = "linkedin" // the Connections.csv of LinkedIn's data export
)

// Label names a format for a person.
func (f Format) Label() string {
	if f == LinkedIn {
		return "LinkedIn connections"
	}
	return "vCard file"
}

// FormatOf tells a file's format from its name: .vcf and .vcard are vCard,
// .csv is LinkedIn's Connections.csv. ok is false for anything else.
func FormatOf(name string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".vcf", ".vcard":
		return VCard, true
	case ".csv":
		return LinkedIn, true
	}
	return "", false
}

// Record is one person read from a file: a vCard card or a row of
// Connections.csv.
type Record struct {
	Ref
	// Contact is what the record says of the person; filled even when the
	// record is refused, so a preview can name it.
	Contact crm.Contact
	// Categories are a card's CATEGORIES (groups, tags), which a user may
	// map to roles.
	Categories []string
	// Skipped says what the record held that Kith could not keep.
	Skipped []string
	// Err says why the record cannot be imported; nil when it can.
	Err error
}

// Ref says where a record is in its file: a card's number and the line
// it begins on, or a CSV row's line.
type Ref struct {
	Card int `json:"card,omitempty"` // the card's place in a vCard file, from 1; 0 for a CSV row
	Line int `json:"line"`
}

// String says where the record is, for a person: "card 3 (line 22)" or "line 7".
func (r Ref) String() string {
	if r.Card > 0 {
		return fmt.Sprintf("card %d (line %d)", r.Card, r.Line)
	}
	return fmt.Sprintf("line %d", r.Line)
}

// Source is a file read whole, its records in file order.
type Source struct {
	Format  Format
	File    string // the file's name, as the preview and the list of imports show it
	Records []Record
}

// Read reads every record of a file. progress, when not nil, is called with
// how many bytes have been read each time that grows (every 64 KiB or
// so), for a progress bar. A record that cannot be imported comes back
// with its Err set; an error is about the file as a whole (it cannot be
// read, or it is not a Connections.csv).
func Read(format Format, file string, r io.Reader, progress func(bytesRead int64)) (*Source, error) {
	src := &Source{Format: format, File: file}
	var next func() (Record, error)
	var count func() int64
	switch format {
	case VCard:
		rd := vcard.NewReader(r)
		next, count = func() (Record, error) { c, err := rd.Next(); return fromCard(c), err }, rd.BytesRead
	case LinkedIn:
		rd := linkedin.NewReader(r)
		next, count = func() (Record, error) { row, err := rd.Next(); return fromRow(row), err }, rd.BytesRead
	default:
		return nil, crm.Errorf(crm.EInvalid, "unknown import format %q (want vcard or linkedin)", format)
	}
	var reported int64
	for {
		rec, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", file, err)
		}
		src.Records = append(src.Records, rec)
		if n := count(); progress != nil && n != reported {
			reported = n
			progress(n)
		}
	}
	if progress != nil {
		progress(count())
	}
	return src, nil
}

func fromCard(c vcard.Card) Record {
	return Record{Ref: Ref{Card: c.Number, Line: c.Line}, Contact: c.Contact, Categories: c.Categories,
		Skipped: c.Skipped, Err: c.Err}
}

func fromRow(r linkedin.Row) Record {
	return Record{Ref: Ref{Line: r.Line}, Contact: r.Contact, Err: r.Err}
}

// refusal names the field at fault and the reason of a refused record, as
// the readers' typed errors give them.
func refusal(err error) (field, reason string) {
	var ce *vcard.CardError
	var re *linkedin.RowError
	switch {
	case errors.As(err, &ce):
		return ce.Field, ce.Reason
	case errors.As(err, &re):
		return re.Field, re.Reason
	}
	return "record", err.Error()
}
