package calendar_test

import (
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// stamps is what a calendar client reads to decide between two copies of
// an event: its SEQUENCE, then its DTSTAMP; and what it shows.
type stamps struct {
	summary, description string
	sequence             string
	stamp, modified      time.Time
}

// parseStamps reads an export with go-ical, by UID.
func parseStamps(t *testing.T, ics string) map[string]stamps {
	t.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(ics)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the export: %v", err)
	}
	out := map[string]stamps{}
	for _, ev := range cal.Events() {
		var s stamps
		var err error
		uid, _ := ev.Props.Text(ical.PropUID)
		s.summary, _ = ev.Props.Text(ical.PropSummary)
		s.description, _ = ev.Props.Text(ical.PropDescription)
		s.sequence = ev.Props.Get(ical.PropSequence).Value
		if s.stamp, err = ev.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil {
			t.Fatal(err)
		}
		if s.modified, err = ev.Props.DateTime(ical.PropLastModified, time.UTC); err != nil {
			t.Fatal(err)
		}
		out[uid] = s
	}
	return out
}

// A description with or without private notes is a variant of the same
// version of an event, not a new one: exporting with notes, without, and
// with again leaves every SEQUENCE where it was. The description did
// change, so DTSTAMP and LAST-MODIFIED move on (a client holding the copy
// with notes takes the newer one, at the same SEQUENCE); an event whose
// description is the same either way keeps them too. A new date is a new
// version: SEQUENCE rises by one.
func TestNotesAreAVariantOfTheSameVersion(t *testing.T) {
	f := newFixture(t)
	export := func(withNotes bool) map[string]stamps {
		f.clock = f.clock.Add(time.Hour)
		ics, _ := f.export(t, calendar.Options{WithNotes: withNotes})
		return parseStamps(t, ics)
	}
	withNotes, without, again := export(true), export(false), export(true)
	for uid, first := range withNotes {
		for i, later := range []stamps{without[uid], again[uid]} {
			if later.sequence != "0" || first.sequence != "0" {
				t.Errorf("%s: SEQUENCE %s, then %s in export %d; want 0 throughout", first.summary, first.sequence, later.sequence, i+2)
			}
			if later.stamp != later.modified {
				t.Errorf("%s: DTSTAMP %s and LAST-MODIFIED %s differ", first.summary, later.stamp, later.modified)
			}
			moved := !later.modified.Equal(first.modified)
			if changes := strings.Contains(first.summary, "Priya Raman"); moved != changes {
				t.Errorf("%s: LAST-MODIFIED %s then %s: it must move exactly when the description changes",
					first.summary, first.modified, later.modified)
			}
		}
	}
	var uid string
	for u, s := range withNotes {
		if strings.Contains(s.summary, "Priya Raman") {
			uid = u
		}
	}
	if !strings.Contains(withNotes[uid].description, privateContactNote) || strings.Contains(without[uid].description, privateContactNote) ||
		!strings.Contains(again[uid].description, privateContactNote) {
		t.Errorf("Priya's descriptions do not follow --with-notes:\n%q\n%q\n%q", withNotes[uid].description, without[uid].description, again[uid].description)
	}
	if !without[uid].modified.After(withNotes[uid].modified) || !again[uid].modified.After(without[uid].modified) {
		t.Errorf("Priya's LAST-MODIFIED %s, %s, %s: each new description must be newer", withNotes[uid].modified,
			without[uid].modified, again[uid].modified)
	}

	sam := f.ids[`Sam "Rock" O'Neil; Jr., \o/`]
	f.update(t, func(tx *store.Tx) error { return tx.Snooze(sam, crmtest.Date("2026-05-01")) })
	moved := export(true)
	for uid, s := range moved {
		want := "0"
		if strings.Contains(s.summary, "Rock") {
			want = "1"
		}
		if s.sequence != want {
			t.Errorf("after Sam's date changed, %s has SEQUENCE %s, want %s", s.summary, s.sequence, want)
		}
		if s.sequence == "0" && !s.modified.Equal(again[uid].modified) {
			t.Errorf("%s changed nothing, yet its LAST-MODIFIED moved from %s to %s", s.summary, again[uid].modified, s.modified)
		}
	}
}

// How an event's state moves on, case by case, including a state recorded
// before Kith kept the hash of what is shown (Shown ""): unchanged, it
// learns the hash without a new version; changed, it is a new version.
func TestReviseMovesSequenceOnlyForWhatIsShown(t *testing.T) {
	then := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	now := then.Add(time.Hour)
	prev := calendar.EventState{UID: "u", Hash: "all", Shown: "shown", Sequence: 3, LastModified: then}
	for _, c := range []struct {
		what        string
		prev        calendar.EventState
		seen        bool
		hash, shown string
		save        bool
		seq         int
		modified    time.Time
	}{
		{"new", calendar.EventState{}, false, "all", "shown", true, 0, now},
		{"unchanged", prev, true, "all", "shown", false, 3, then},
		{"description only", prev, true, "all2", "shown", true, 3, now},
		{"date", prev, true, "all2", "shown2", true, 4, now},
		{"old state, unchanged", calendar.EventState{UID: "u", Hash: "all", Sequence: 3, LastModified: then}, true, "all", "shown", true, 3, then},
		{"old state, changed", calendar.EventState{UID: "u", Hash: "all", Sequence: 3, LastModified: then}, true, "all2", "shown", true, 4, now},
	} {
		got, save := calendar.Revise(c.prev, c.seen, calendar.EventState{UID: "u", Hash: c.hash, Shown: c.shown}, now)
		if save != c.save || got.Sequence != c.seq || !got.LastModified.Equal(c.modified) || got.Hash != c.hash || got.Shown != c.shown {
			t.Errorf("%s: %+v save %v, want SEQUENCE %d LAST-MODIFIED %s save %v", c.what, got, save, c.seq, c.modified, c.save)
		}
	}
}
