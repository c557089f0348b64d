package review

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/kithcrm/kith/crm"
)

// The relationships of a review are almost all of its JSON: some 34 MB
// for 50,000 people, where encoding/json spent half of the command's
// time, reflecting over each one and then indenting it in a second pass.
// jsonIndenter.relationship writes them indented in one pass instead. The bytes
// are encoding/json's, field for field: TestRelationshipJSONIsEncodingJSONs
// and FuzzRelationshipJSON hold it to encoding/json's MarshalIndent, so a
// field added to Relationship or crm.Exchange without being added here
// fails them.

// jsonIndenter appends JSON indented as MarshalIndent(v, prefix, "  ")
// does; the caller writes the prefix before the first line.
type jsonIndenter struct {
	b      []byte
	prefix string
	depth  int
	first  bool // no member written yet in the innermost object or array
}

func (w *jsonIndenter) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, "  "...)
	}
}

// open starts an object or array; close ends it, on one line when empty.
func (w *jsonIndenter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

func (w *jsonIndenter) close(c byte) {
	w.depth--
	if !w.first {
		w.newline()
	}
	w.b = append(w.b, c)
	w.first = false
}

// next starts a member of an array.
func (w *jsonIndenter) next() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.newline()
}

// key starts a member of an object.
func (w *jsonIndenter) key(k string) {
	w.next()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, `": `...)
}

func (w *jsonIndenter) int(k string, n int64) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, n, 10)
}

func (w *jsonIndenter) bool(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonIndenter) string(k, s string) {
	w.key(k)
	w.b = appendJSONString(w.b, s)
}

// date writes "YYYY-MM-DD", or null when unset: crm.Date's own JSON.
func (w *jsonIndenter) date(k string, d crm.Date) {
	w.key(k)
	text, _ := d.MarshalJSON() // never fails
	w.b = append(w.b, text...)
}

// stringList writes a list of strings, null when nil as encoding/json does.
func stringList[S ~string](w *jsonIndenter, k string, list []S) {
	w.key(k)
	if list == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for _, s := range list {
		w.next()
		w.b = appendJSONString(w.b, string(s))
	}
	w.close(']')
}

// relationship appends r's JSON, as MarshalIndent(r, w.prefix, "  ").
func (w *jsonIndenter) relationship(r *Relationship) {
	w.open('{')
	w.int("id", r.ID)
	w.string("name", r.Name)
	stringList(w, "roles", r.Roles)
	w.bool("archived", r.Archived)
	w.int("cadence_days", int64(r.CadenceDays))
	w.int("interactions", int64(r.Interactions))
	w.int("minutes", int64(r.Minutes))
	w.date("last_contact", r.LastContact)
	w.int("gave", int64(r.Gave))
	w.int("received", int64(r.Received))
	w.int("balance", int64(r.Balance))
	w.exchanges("gave_items", r.GaveItems)
	w.exchanges("received_items", r.ReceivedItems)
	w.int("gave_2q", int64(r.Gave2Q))
	w.int("received_2q", int64(r.Received2Q))
	w.int("checkins_kept", int64(r.CheckinsKept))
	w.int("checkins_missed", int64(r.CheckinsMissed))
	w.exchanges("open_commitments", r.OpenCommitments)
	stringList(w, "flags", r.Flags)
	w.close('}')
}

func (w *jsonIndenter) exchanges(k string, list []crm.Exchange) {
	w.key(k)
	if list == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for i := range list {
		w.next()
		w.exchange(&list[i])
	}
	w.close(']')
}

// exchange appends one crm.Exchange, its omitempty fields left out when empty.
func (w *jsonIndenter) exchange(e *crm.Exchange) {
	w.open('{')
	w.int("id", e.ID)
	w.int("contact_id", e.ContactID)
	if e.Contact != "" {
		w.string("contact", e.Contact)
	}
	if e.InteractionID != 0 {
		w.int("interaction_id", e.InteractionID)
	}
	w.date("date", e.Date)
	w.string("direction", string(e.Direction))
	w.string("kind", string(e.Kind))
	w.string("description", e.Description)
	if e.Minutes != 0 {
		w.int("minutes", int64(e.Minutes))
	}
	if e.Amount != 0 {
		w.key("amount")
		w.b = appendJSONFloat(w.b, e.Amount)
	}
	w.bool("commitment", e.Commitment)
	w.date("done_on", e.DoneOn)
	w.close('}')
}

// checkJSONNumbers fails as encoding/json would on an amount JSON cannot
// hold, before anything is written.
func checkJSONNumbers(rels []Relationship) error {
	for i := range rels {
		for _, list := range [][]crm.Exchange{rels[i].GaveItems, rels[i].ReceivedItems, rels[i].OpenCommitments} {
			for _, e := range list {
				if math.IsNaN(e.Amount) || math.IsInf(e.Amount, 0) {
					return fmt.Errorf("review JSON: %s: amount %v is not a number JSON can hold", rels[i].Name, e.Amount)
				}
			}
		}
	}
	return nil
}

// appendJSONFloat appends a finite float64 as encoding/json does: plain
// digits, with an exponent below 1e-6 and from 1e21.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string: HTML's
// <, > and & escaped, invalid UTF-8 replaced, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if jsonSafe(c) {
				continue
			}
			b = appendEscapedByte(append(b, s[start:i-1]...), c)
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i-size]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i-size]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			continue
		}
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonSafe says an ASCII byte stands for itself in a JSON string that is
// safe to put in HTML.
func jsonSafe(c byte) bool {
	return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
}

// appendEscapedByte appends the escape of an ASCII byte that is not jsonSafe.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}
