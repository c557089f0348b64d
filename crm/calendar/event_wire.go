package calendar

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// encodedEvent is one event encoded once, without its stamps, as its
// hashes cover it: its bytes, where its description lies in them, and
// where the stamps go when it is written. Encoding an event once instead
// of three times (twice to hash it, once to write it), and writing its
// lines straight from the event instead of through go-ical's property
// maps, is most of what an export of tens of thousands of events spends
// outside SQLite.
type encodedEvent struct {
	buf              bytes.Buffer
	line             []byte // the content line being built, before folding
	descFrom, descTo int    // its own DESCRIPTION lines
	stampAt, seqAt   int    // where DTSTAMP, and SEQUENCE with LAST-MODIFIED, are written
}

// writeEvent encodes ev, reusing the buffer, with the bytes Encode gives
// for ev.component(): the properties in propOrder, text cleaned, escaped
// and folded as setText, setTextList and writeLine do. The hashes leave
// out the stamps (DTSTAMP, SEQUENCE, LAST-MODIFIED, written later by
// writeStamped) so that the content hash changes exactly when the date or
// text does, and the shown hash the description too, so that it changes
// exactly when SEQUENCE must rise.
func (e *encodedEvent) writeEvent(ev *event) error {
	if strings.ContainsAny(ev.rule, "\r\n") {
		return fmt.Errorf("%s %s: value has a raw line break", ical.CompEvent, ical.PropRecurrenceRule)
	}
	e.buf.Reset()
	e.put("BEGIN:" + ical.CompEvent)
	e.text(ical.PropUID, ev.uid)
	e.stampAt = e.buf.Len()
	e.date(ical.PropDateTimeStart, ev.day.Time())
	e.date(ical.PropDateTimeEnd, ev.day.AddDays(1).Time())
	if ev.rule != "" {
		e.put(ical.PropRecurrenceRule + ":" + ev.rule)
	}
	e.text(ical.PropSummary, ev.summary)
	e.descFrom = e.buf.Len()
	e.text(ical.PropDescription, ev.description)
	e.descTo = e.buf.Len()
	if ev.categories != nil {
		e.line = append(e.line[:0], ical.PropCategories+":"...)
		for i, c := range ev.categories {
			if i > 0 {
				e.line = append(e.line, ',')
			}
			e.line = appendText(e.line, c)
		}
		e.fold(e.line)
	}
	e.put(ical.PropClass + ":PRIVATE")
	e.put(ical.PropTransparency + ":TRANSPARENT")
	e.seqAt = e.buf.Len()
	if ev.alarm != "" {
		e.put("BEGIN:" + ical.CompAlarm)
		e.put(ical.PropAction + ":DISPLAY")
		e.put(ical.PropTrigger + ";" + ical.ParamRelated + "=START:" + ev.alarm)
		e.text(ical.PropDescription, ev.summary)
		e.put("END:" + ical.CompAlarm)
	}
	e.put("END:" + ical.CompEvent)
	return nil
}

// put writes one content line that needs no escaping.
func (e *encodedEvent) put(line string) {
	e.line = append(e.line[:0], line...)
	e.fold(e.line)
}

// text writes a TEXT property as setText sets it.
func (e *encodedEvent) text(name, value string) {
	e.line = append(append(e.line[:0], name...), ':')
	e.line = appendText(e.line, value)
	e.fold(e.line)
}

// date writes a DATE property as go-ical's SetDate sets it.
func (e *encodedEvent) date(name string, day time.Time) {
	e.line = append(append(e.line[:0], name...), ";VALUE=DATE:"...)
	e.line = day.AppendFormat(e.line, "20060102")
	e.fold(e.line)
}

// fold writes line as writeLine does: in lines of at most 75 octets, each
// continuation starting with a space, never inside a UTF-8 character.
// Valid UTF-8 (all cleaned text is) is cut at the last character start
// that fits; anything else is written rune by rune, an invalid byte as
// U+FFFD, exactly as writeLine does.
func (e *encodedEvent) fold(line []byte) {
	if !utf8.Valid(line) {
		e.foldRunes(line)
		return
	}
	room := maxLine
	for len(line) > room {
		cut := room
		for !utf8.RuneStart(line[cut]) {
			cut--
		}
		e.buf.Write(line[:cut])
		e.buf.WriteString("\r\n ")
		line = line[cut:]
		room = maxLine - 1 // after the space
	}
	e.buf.Write(line)
	e.buf.WriteString("\r\n")
}

// foldRunes is fold for a line that is not valid UTF-8.
func (e *encodedEvent) foldRunes(line []byte) {
	n := 0
	for i := 0; i < len(line); {
		r, width := utf8.DecodeRune(line[i:])
		i += width
		size := utf8.RuneLen(r)
		if n+size > maxLine {
			e.buf.WriteString("\r\n ")
			n = 1
		}
		e.buf.WriteRune(r)
		n += size
	}
	e.buf.WriteString("\r\n")
}

// appendText appends text as setText sets it: cleaned (see cleanText),
// then escaped as RFC 5545 asks of a TEXT value.
func appendText(dst []byte, text string) []byte {
	if !isClean(text) {
		text = cleanText(text)
	}
	for {
		i := strings.IndexAny(text, "\\;,\n")
		if i < 0 {
			return append(dst, text...)
		}
		dst = append(dst, text[:i]...)
		if c := text[i]; c == '\n' {
			dst = append(dst, '\\', 'n')
		} else {
			dst = append(dst, '\\', c)
		}
		text = text[i+1:]
	}
}

// isClean reports whether cleanText would leave text as it is: valid
// UTF-8 without a CR or any control character but tab and line feed.
func isClean(text string) bool {
	ascii := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			return false
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	return ascii || utf8.ValidString(text)
}

// hashes returns the content hash of the event and the hash of what a
// calendar shows of it: the same bytes without its description.
func (e *encodedEvent) hashes() (content, shown string) {
	b := e.buf.Bytes()
	sum := sha256.Sum256(b)
	content = hex.EncodeToString(sum[:16])
	h := sha256.New()
	h.Write(b[:e.descFrom])
	h.Write(b[e.descTo:])
	return content, hex.EncodeToString(h.Sum(nil)[:16])
}

// writeStamped writes the event with the stamps of st, the bytes Encode
// gives for it after stamp: DTSTAMP and LAST-MODIFIED are the last
// revision, in UTC.
func (e *encodedEvent) writeStamped(w *bufio.Writer, st EventState) error {
	var at [len("20060102T150405Z")]byte
	stamp := st.LastModified.UTC().AppendFormat(at[:0], "20060102T150405Z")
	b := e.buf.Bytes()
	w.Write(b[:e.stampAt])
	w.WriteString(ical.PropDateTimeStamp + ":")
	w.Write(stamp)
	w.WriteString("\r\n")
	w.Write(b[e.stampAt:e.seqAt])
	w.WriteString(ical.PropSequence + ":" + strconv.Itoa(st.Sequence) + "\r\n")
	w.WriteString(ical.PropLastModified + ":")
	w.Write(stamp)
	w.WriteString("\r\n")
	_, err := w.Write(b[e.seqAt:])
	return err
}
