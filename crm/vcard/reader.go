// Package vcard reads contacts from the vCard files address books export
// (Apple, Google, Android, Outlook, Thunderbird, KDE, XING...) and writes
// Kith's people as vCard 4.0.
//
// Reading goes in two steps. This package first undoes what go-vcard cannot
// read: vCard 2.1's quoted-printable (with its soft line breaks), CHARSET
// and bare type parameters, iOS's CR CR LF line ends, folds that split a
// UTF-8 character, a byte order mark. Each card then goes to
// github.com/emersion/go-vcard as clean vCard 3.0, and its fields become a
// crm.Contact. A card that cannot become a contact carries an error and the
// reading goes on: the caller decides what to do with it.
package vcard

import (
	"errors"
	"fmt"
	"io"
	"strings"

	govcard "github.com/emersion/go-vcard"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/internal/textfile"
)

// Card is one contact read from a vCard file.
type Card struct {
	// Number is the card's place in the file, from 1, and Line the line its
	// BEGIN:VCARD is on: how a person finds it in the file.
	Number int
	Line   int
	// Contact holds what could be read, even when Err is set, so a preview
	// can show the card it refuses.
	Contact crm.Contact
	// Categories are the card's CATEGORIES (groups, tags) as written; Kith
	// has no field for them, the importer may map them to roles.
	Categories []string
	// UID is the card's UID, "" if it has none: re-importing Kith's own
	// export can match people by it.
	UID string
	// Skipped says what the card held that Kith could not keep, so a
	// preview can tell the user: a birthday without a year, an "email"
	// without an @.
	Skipped []string
	// Err is set when the card cannot become a contact: it has no name at
	// all, a birthday that is not a date, no END:VCARD, or a name Kith
	// would not store (one starting with #). It is a *CardError.
	Err error
}

// CardError says why a card was refused, and where it is in the file.
type CardError struct {
	Number int    // the card's place in the file, from 1
	Line   int    // the line of its BEGIN:VCARD
	Field  string // what is wrong: "name", "birthday", "contact" or "card"
	Reason string // for the user, e.g. `BDAY "1980-13-45" is not a date`
}

// Error names the card, its line and the reason, e.g.
// `vCard 3 (line 22): birthday: BDAY "1985-02-30" is not a date`.
func (e *CardError) Error() string {
	return fmt.Sprintf("vCard %d (line %d): %s: %s", e.Number, e.Line, e.Field, e.Reason)
}

// Reader reads the cards of a vCard file one at a time, so a 20 MB export
// full of photos is never held in memory whole. It is for one goroutine.
type Reader struct {
	lines     *lineReader
	number    int
	nextBegin int // line of a BEGIN:VCARD already read, 0 when none
}

// NewReader returns a Reader of the vCard file r.
func NewReader(r io.Reader) *Reader {
	return &Reader{lines: newLineReader(r)}
}

// BytesRead returns how much of the file has been read, for a progress
// bar. It runs ahead of the cards returned by at most one buffer (64 KiB).
func (r *Reader) BytesRead() int64 { return r.lines.src.BytesRead() }

// Next returns the next card, or io.EOF after the last one. Any other
// error is a failure to read the file itself; a card that cannot be
// imported comes back with its Err set instead, and Next can go on.
func (r *Reader) Next() (Card, error) {
	start := r.nextBegin
	r.nextBegin = 0
	for start == 0 {
		l, err := r.lines.next()
		if err != nil {
			return Card{}, r.readError(err)
		}
		if p, ok := parseProperty(l.text); ok && isBoundary(p, "BEGIN") {
			start = l.line
		}
	}
	return r.readCard(start)
}

// Read reads every card of a vCard file.
func Read(r io.Reader) ([]Card, error) {
	return textfile.ReadAll(NewReader(r).Next)
}

func (r *Reader) readError(err error) error {
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	return fmt.Errorf("read vCard file at line %d: %w", r.lines.line, err)
}

// mappedProperties are the properties a contact is made of; the others
// (photos, IM handles, X- extensions) are not passed on to go-vcard.
var mappedProperties = map[string]bool{
	"VERSION": true, "FN": true, "N": true, "ORG": true, "TITLE": true, "EMAIL": true, "TEL": true,
	"URL": true, "ADR": true, "BDAY": true, "NOTE": true, "CATEGORIES": true, "UID": true, "X-ABLABEL": true,
}

// readCard gathers the card's properties up to its END:VCARD as clean
// vCard 3.0 and hands them to go-vcard.
func (r *Reader) readCard(start int) (Card, error) {
	r.number++
	var b strings.Builder
	b.WriteString("BEGIN:VCARD\n")
	ended, err := r.gather(&b)
	if err != nil {
		return Card{}, err
	}
	b.WriteString("END:VCARD\n")
	card := Card{Number: r.number, Line: start}
	vc, err := govcard.NewDecoder(strings.NewReader(b.String())).Decode()
	if err != nil {
		card.Err = card.refuse("card", err.Error())
		return card, nil
	}
	card.fill(vc)
	if !ended && card.Err == nil {
		card.Err = card.refuse("card", "no END:VCARD before the next card or the end of the file; the card may be cut short")
	}
	return card, nil
}

// gather writes the card's properties to b and reports whether the card
// was closed by END:VCARD.
func (r *Reader) gather(b *strings.Builder) (bool, error) {
	depth, last := 0, ""
	for {
		l, err := r.lines.next()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, r.readError(err)
		}
		p, ok := parseProperty(l.text)
		switch {
		case !ok:
			continue
		case isBoundary(p, "BEGIN") && last == "AGENT":
			depth++ // vCard 2.1 can nest the card of a person's agent
		case isBoundary(p, "BEGIN") && depth == 0:
			r.nextBegin = l.line // the END of this card is missing
			return false, nil
		case isBoundary(p, "END") && depth == 0:
			return true, nil
		case isBoundary(p, "END"):
			depth--
		case depth == 0 && mappedProperties[p.name]:
			p.canonical(b)
		}
		last = p.name
	}
}

func isBoundary(p property, name string) bool {
	return p.name == name && p.group == "" && strings.EqualFold(strings.TrimSpace(string(p.value)), "VCARD")
}

func (c *Card) refuse(field, reason string) *CardError {
	return &CardError{Number: c.Number, Line: c.Line, Field: field, Reason: reason}
}
