package calendar_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm/calendar"
)

// checkWire checks what RFC 5545 asks of every content line.
func checkWire(t *testing.T, ics string) {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") {
		t.Error("the file does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d is %d octets long (max 75): %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
	}
}

func encodeEvent(t *testing.T, summary, description string) string {
	t.Helper()
	cal := calendar.NewCalendar(true)
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, "kith-test@kith.app")
	ev.Props.SetDateTime(ical.PropDateTimeStamp, time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
	calendar.SetText(ev.Props, ical.PropSummary, summary)
	calendar.SetText(ev.Props, ical.PropDescription, description)
	cal.Children = append(cal.Children, ev.Component)
	var buf bytes.Buffer
	if err := calendar.Encode(&buf, cal); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestFoldingLongMultiByteText(t *testing.T) {
	// Every offset of a 3-octet and a 4-octet character against the fold.
	for pad := 0; pad < 4; pad++ {
		text := strings.Repeat("x", pad) + strings.Repeat("中文😀", 40)
		ics := encodeEvent(t, text, longUnicode+" "+longUnicode)
		checkWire(t, ics)
		if got := prop(unfold(ics), "SUMMARY"); got != text {
			t.Errorf("pad %d: SUMMARY did not survive folding:\n got %q\nwant %q", pad, got, text)
		}
		folded := 0
		for _, line := range strings.Split(ics, "\r\n") {
			if strings.HasPrefix(line, " ") {
				folded++
			}
		}
		if folded < 4 {
			t.Errorf("pad %d: only %d continuation lines; long text was not folded", pad, folded)
		}
	}
}

func TestFoldingFillsLinesToExactly75Octets(t *testing.T) {
	ics := encodeEvent(t, strings.Repeat("a", 200), "")
	lines := strings.Split(ics, "\r\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "SUMMARY:") {
			if len(l) != 75 || len(lines[i+1]) != 75 || lines[i+1][0] != ' ' {
				t.Errorf("fold at %d and %d octets, want 75 and 75", len(l), len(lines[i+1]))
			}
		}
	}
}

func TestTextEscapingAndLineBreaks(t *testing.T) {
	ics := encodeEvent(t, `a,b;c\d`, "one\r\ntwo\rthree\nfour\x00\x07\tend")
	checkWire(t, ics)
	un := unfold(ics)
	if got := prop(un, "SUMMARY"); got != `a\,b\;c\\d` {
		t.Errorf("SUMMARY = %q, want a\\,b\\;c\\\\d", got)
	}
	if got := prop(un, "DESCRIPTION"); got != `one\ntwo\nthree\nfour`+"\tend" {
		t.Errorf("DESCRIPTION = %q: CRLF and CR must become \\n and control characters go", got)
	}
	// go-ical reads back what was meant.
	cal, err := ical.NewDecoder(strings.NewReader(ics)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	summary, err := cal.Events()[0].Props.Text(ical.PropSummary)
	if err != nil || summary != `a,b;c\d` {
		t.Errorf("decoded SUMMARY %q (%v)", summary, err)
	}
}

func TestEncodeRefusesRawLineBreaks(t *testing.T) {
	cal := calendar.NewCalendar(false)
	ev := ical.NewEvent()
	ev.Props.Set(&ical.Prop{Name: ical.PropSummary, Params: ical.Params{}, Value: "bad\r\nBEGIN:VEVENT"})
	cal.Children = append(cal.Children, ev.Component)
	if err := calendar.Encode(&bytes.Buffer{}, cal); err == nil {
		t.Error("a raw CRLF in a value was written; it would inject a line")
	}
}

func TestEncodeWritesACalendarWithoutEvents(t *testing.T) {
	var buf bytes.Buffer
	if err := calendar.Encode(&buf, calendar.NewCalendar(true)); err != nil {
		t.Fatalf("go-ical refuses an empty calendar; Kith must not: %v", err)
	}
	checkWire(t, buf.String())
	if err := ical.NewEncoder(&bytes.Buffer{}).Encode(calendar.NewCalendar(true)); err == nil {
		t.Log("go-ical now encodes empty calendars")
	}
}

func TestFixtureExportIsWireCorrect(t *testing.T) {
	f := newFixture(t)
	ics, _ := f.export(t, calendar.Options{WithNotes: true})
	checkWire(t, ics)
	if !strings.Contains(unfold(ics), longUnicode) {
		t.Error("the long Chinese and emoji summary did not come back whole")
	}
	if !strings.Contains(ics, `SUMMARY:Check in with Sam "Rock" O'Neil\; Jr.\, \\o/`) {
		t.Errorf("name not escaped as TEXT:\n%s", ics)
	}
}
