package calendar

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/kithcrm/kith/crm/crmtest"
)

// wireCases are events whose text holds everything the writer must treat
// as go-ical and writeLine do: characters to escape, line breaks of every
// kind, control characters, invalid UTF-8, and multi-byte characters
// across the 75-octet fold.
func wireCases() []*event {
	day := crmtest.Date("2026-03-10")
	long := strings.Repeat("x", 70) + strings.Repeat("中文😀é", 30)
	return []*event{
		{uid: "kith-checkin-1@kith.app", day: day, summary: "Check in with Priya Raman (mentor)",
			description: "Check-in due 2026-03-01.\nYou promised: a, b; c\\d (advice, since 2026-01-01)",
			categories:  []string{"mentor", "coach"}, alarm: "PT9H"},
		{uid: "kith-review-2@kith.app", day: day, summary: "Quarterly relationship review",
			description: long, rule: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO", alarm: "PT9H30M"},
		{uid: "kith-circle-3@kith.app", day: day, summary: long, description: "", categories: []string{""}},
		{uid: "kith-x-4@kith.app", day: day, summary: "CR\r\nLF\rCR\r\r\nmix\x00\x01\x7f\ttab",
			description: "bad \xff\xfe utf-8 \xe4\xb8 cut\r\n" + long, categories: []string{"a,b", "c;d\n"}},
		{uid: "kith-x-5@kith.app", day: day, summary: strings.Repeat("a", 67), description: strings.Repeat("é", 40)},
	}
}

// randomText mixes the characters wireCases names, at random lengths.
func randomText(r *rand.Rand) string {
	parts := []string{"a", "é", "中", "😀", ",", ";", "\\", "\n", "\r", "\r\n", "\t", "\x00", "\x7f", "\xff", " ", "\xe4\xb8"}
	var b strings.Builder
	for n := r.IntN(120); n > 0; n-- {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

// The lines written straight from an event are, byte for byte, what
// go-ical's component of it gives through Encode, stamps and all; and the
// hashes cover the same bytes they did when they were taken from the
// component (stamps left out, and the description too for the shown
// hash), so that no event recorded by an earlier export looks changed.
func TestEventLinesAreTheComponentsBytes(t *testing.T) {
	st := EventState{Sequence: 3, LastModified: time.Date(2026, 3, 9, 17, 4, 5, 0, time.FixedZone("x", 3600))}
	cases := wireCases()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		ev := &event{uid: "kith-r@kith.app", day: crmtest.Date("2026-12-31"), summary: randomText(r), description: randomText(r)}
		if i%2 == 0 {
			ev.categories, ev.alarm = []string{randomText(r), randomText(r)}, "PT0M"
		}
		cases = append(cases, ev)
	}
	enc := &encodedEvent{}
	for i, ev := range cases {
		if err := enc.writeEvent(ev); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := bufio.NewWriter(&got)
		if err := enc.writeStamped(w, st); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		c := ev.component()
		var unstamped, shown bytes.Buffer
		if err := encodeComponent(&unstamped, c, []string{ical.PropDateTimeStamp, ical.PropLastModified, ical.PropSequence}); err != nil {
			t.Fatal(err)
		}
		if err := encodeComponent(&shown, c, []string{ical.PropDateTimeStamp, ical.PropLastModified, ical.PropSequence, ical.PropDescription}); err != nil {
			t.Fatal(err)
		}
		stamp(c, st)
		var want bytes.Buffer
		if err := encodeComponent(&want, c, nil); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("case %d: written straight:\n%q\nthrough go-ical:\n%q", i, got.String(), want.String())
		}
		content, shownHash := enc.hashes()
		if content != hash16(unstamped.Bytes()) || shownHash != hash16(shown.Bytes()) {
			t.Errorf("case %d: the hashes do not cover the event as they did", i)
		}
	}
}

func hash16(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// What go-ical parses back from the lines written straight is the text
// the event was given, cleaned.
func TestEventLinesParseBackWithGoICal(t *testing.T) {
	enc := &encodedEvent{}
	for i, ev := range wireCases() {
		if err := enc.writeEvent(ev); err != nil {
			t.Fatal(err)
		}
		var file bytes.Buffer
		w := bufio.NewWriter(&file)
		if err := encodeHead(w, newCalendar(true).Component, nil); err != nil {
			t.Fatal(err)
		}
		if err := enc.writeStamped(w, EventState{LastModified: time.Unix(0, 0)}); err != nil {
			t.Fatal(err)
		}
		writeLine(w, "END:VCALENDAR")
		w.Flush()
		cal, err := ical.NewDecoder(&file).Decode()
		if err != nil {
			t.Fatalf("case %d: go-ical cannot parse it: %v", i, err)
		}
		got := cal.Events()[0]
		for name, want := range map[string]string{ical.PropSummary: ev.summary, ical.PropDescription: ev.description} {
			if text, err := got.Props.Text(name); err != nil || text != cleanText(want) {
				t.Errorf("case %d: %s parsed back as %q (%v), want %q", i, name, text, err, cleanText(want))
			}
		}
		if uid, _ := got.Props.Text(ical.PropUID); uid != ev.uid {
			t.Errorf("case %d: UID %q, want %q", i, uid, ev.uid)
		}
	}
}

// A rule with a line break in it is refused, as Encode refuses one, rather
// than written as a broken file.
func TestEventLinesRefuseARawLineBreakInARule(t *testing.T) {
	enc := &encodedEvent{}
	ev := &event{uid: "kith-x@kith.app", day: crmtest.Date("2026-03-10"), rule: "FREQ=DAILY\r\nX-EVIL:1"}
	if err := enc.writeEvent(ev); err == nil {
		t.Fatal("a rule with a line break was written")
	}
}
