package calendar_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

func TestCheckInEventsDatesAndText(t *testing.T) {
	f := newFixture(t)
	ics, ex := f.export(t, calendar.Options{})
	evs := events(t, ics)
	// The review, the circle and three check-ins: Far Away is beyond the
	// 90-day horizon and Gone Person is archived.
	if len(evs) != 5 || len(ex.Events) != 5 {
		t.Fatalf("got %d events (%d built), want 5:\n%s", len(evs), len(ex.Events), ics)
	}
	for _, absent := range []string{"Far Away", "Gone Person"} {
		if strings.Contains(ics, absent) {
			t.Errorf("%s should not be in the calendar", absent)
		}
	}
	checkPriyaOverdue(t, evs)
	_, wei := eventFor(t, evs, "Wei Zhang")
	if got := prop(wei, "DTSTART"); got != "20260315" {
		t.Errorf("Wei's check-in on %s, want 20260315 (due date, not overdue)", got)
	}
	if strings.Contains(prop(wei, "SUMMARY"), "late") {
		t.Errorf("Wei is not late: %s", prop(wei, "SUMMARY"))
	}
	_, circle := eventFor(t, evs, "Circle meeting: PM Circle")
	if prop(circle, "RRULE") != "FREQ=WEEKLY;INTERVAL=4" || prop(circle, "DTSTART") != "20260320" {
		t.Errorf("circle rhythm: RRULE %q DTSTART %q", prop(circle, "RRULE"), prop(circle, "DTSTART"))
	}
	_, review := eventFor(t, evs, "Quarterly relationship review")
	if prop(review, "RRULE") != calendar.DefaultReviewRule || prop(review, "DTSTART") != "20260105" {
		t.Errorf("review: RRULE %q DTSTART %q (want the first Monday of 2026)", prop(review, "RRULE"), prop(review, "DTSTART"))
	}
	checkEveryEventAllDayWithAlarm(t, evs)
}

// checkPriyaOverdue checks the event of Priya, whose check-in is overdue.
func checkPriyaOverdue(t *testing.T, evs map[string]string) {
	_, priya := eventFor(t, evs, "Priya Raman")
	want := map[string]string{
		"SUMMARY":    "Check in with Priya Raman (mentor): 26 days late",
		"DTSTART":    "20260310", // overdue: placed on today
		"DTEND":      "20260311",
		"CATEGORIES": "mentor",
	}
	for name, v := range want {
		if got := prop(priya, name); got != v {
			t.Errorf("Priya's %s = %q, want %q", name, got, v)
		}
	}
	if !strings.Contains(priya, "DTSTART;VALUE=DATE:20260310") {
		t.Errorf("DTSTART is not a DATE value:\n%s", priya)
	}
	desc := prop(priya, "DESCRIPTION")
	for _, part := range []string{"Check-in due 2026-02-12 (26 days late)", "Last talked 2026-01-01: Career plan review",
		"You promised: send the PM reading list", "They gave you: intro to Ana at Stripe", "They help with your goal: Become a PM by 2027"} {
		if !strings.Contains(desc, strings.NewReplacer(",", `\,`).Replace(part)) {
			t.Errorf("Priya's description lacks %q:\n%s", part, desc)
		}
	}
}

// checkEveryEventAllDayWithAlarm checks what every event of the fixture shares.
func checkEveryEventAllDayWithAlarm(t *testing.T, evs map[string]string) {
	for uid, ev := range evs {
		if !strings.Contains(ev, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=START:PT9H\r\nDESCRIPTION:") {
			t.Errorf("%s has no 9:00 alarm:\n%s", uid, ev)
		}
		if strings.Contains(ev, "TZID") {
			t.Errorf("%s has a TZID", uid)
		}
	}
}

func TestUIDsAreStableAndCarryNoPersonalData(t *testing.T) {
	f := newFixture(t)
	first, _ := f.export(t, calendar.Options{})
	second, _ := f.export(t, calendar.Options{})
	a, b := events(t, first), events(t, second)
	for uid := range a {
		if _, ok := b[uid]; !ok {
			t.Errorf("UID %s missing from the second export", uid)
		}
		lower := strings.ToLower(uid)
		for _, word := range []string{"priya", "raman", "wei", "zhang", "sam", "pm circle", "pm-circle"} {
			if strings.Contains(lower, word) {
				t.Errorf("UID %s carries personal data (%q)", uid, word)
			}
		}
		if !strings.HasPrefix(uid, "kith-") || !strings.HasSuffix(uid, "@kith.app") {
			t.Errorf("UID %s is not a Kith UID", uid)
		}
	}
	// A check-in keeps its UID when its date and text change.
	uidBefore, _ := eventFor(t, a, "Priya Raman")
	f.update(t, func(tx *store.Tx) error {
		return tx.LogInteraction(&crm.Interaction{Date: fixtureToday, Kind: crm.KindCall, Summary: "Caught up",
			Participants: []crm.Participant{{ContactID: f.ids["Priya Raman"]}}})
	})
	third, _ := f.export(t, calendar.Options{})
	uidAfter, ev := eventFor(t, events(t, third), "Priya Raman")
	if uidAfter != uidBefore {
		t.Errorf("Priya's UID changed from %s to %s", uidBefore, uidAfter)
	}
	if prop(ev, "DTSTART") != "20260421" {
		t.Errorf("after a talk today, Priya is due %s, want 20260421", prop(ev, "DTSTART"))
	}
}

func TestSequenceRisesOnlyWhenAnEventChanges(t *testing.T) {
	f := newFixture(t)
	first, _ := f.export(t, calendar.Options{})
	f.clock = f.clock.Add(2 * time.Hour)
	second, _ := f.export(t, calendar.Options{})
	if first != second {
		t.Fatalf("nothing changed, yet the export did:\n--- first\n%s\n--- second\n%s", first, second)
	}
	for uid, ev := range events(t, first) {
		if prop(ev, "SEQUENCE") != "0" || prop(ev, "LAST-MODIFIED") != "20260310T083000Z" || prop(ev, "DTSTAMP") != "20260310T083000Z" {
			t.Errorf("%s: SEQUENCE %s LAST-MODIFIED %s DTSTAMP %s", uid, prop(ev, "SEQUENCE"), prop(ev, "LAST-MODIFIED"), prop(ev, "DTSTAMP"))
		}
	}

	// Logging a talk with Wei moves his check-in: only his event moves on.
	f.update(t, func(tx *store.Tx) error {
		return tx.LogInteraction(&crm.Interaction{Date: fixtureToday, Kind: crm.KindCall, Summary: "Quick call",
			Participants: []crm.Participant{{ContactID: f.ids["Wei Zhang"]}}})
	})
	f.clock = f.clock.Add(time.Hour)
	third, _ := f.export(t, calendar.Options{})
	for uid, ev := range events(t, third) {
		changed := strings.Contains(prop(ev, "SUMMARY"), "Wei Zhang")
		wantSeq, wantMod := "0", "20260310T083000Z"
		if changed {
			wantSeq, wantMod = "1", "20260310T113000Z"
			if prop(ev, "DTSTART") != "20260324" {
				t.Errorf("Wei now due %s, want 20260324", prop(ev, "DTSTART"))
			}
		}
		if prop(ev, "SEQUENCE") != wantSeq || prop(ev, "LAST-MODIFIED") != wantMod || prop(ev, "DTSTAMP") != wantMod {
			t.Errorf("%s (%s): SEQUENCE %s LAST-MODIFIED %s DTSTAMP %s, want %s %s", uid, prop(ev, "SUMMARY"),
				prop(ev, "SEQUENCE"), prop(ev, "LAST-MODIFIED"), prop(ev, "DTSTAMP"), wantSeq, wantMod)
		}
	}

	// A new day makes Priya one day later: her text changes, so she moves on too.
	f.st.SetToday(fixtureToday.AddDays(1))
	fourth, _ := f.export(t, calendar.Options{})
	_, priya := eventFor(t, events(t, fourth), "Priya Raman")
	if prop(priya, "SEQUENCE") != "1" || prop(priya, "DTSTART") != "20260311" || !strings.Contains(prop(priya, "SUMMARY"), "27 days late") {
		t.Errorf("next day Priya: SEQUENCE %s DTSTART %s SUMMARY %s", prop(priya, "SEQUENCE"), prop(priya, "DTSTART"), prop(priya, "SUMMARY"))
	}
}

func TestSequenceSurvivesAClockRunningBack(t *testing.T) {
	f := newFixture(t)
	f.export(t, calendar.Options{})
	f.clock = f.clock.Add(-time.Hour) // the laptop's clock was corrected
	f.update(t, func(tx *store.Tx) error {
		return tx.Snooze(f.ids["Sam \"Rock\" O'Neil; Jr., \\o/"], crmtest.Date("2026-05-01"))
	})
	ics, _ := f.export(t, calendar.Options{})
	_, sam := eventFor(t, events(t, ics), "Rock")
	if prop(sam, "SEQUENCE") != "1" || prop(sam, "LAST-MODIFIED") <= "20260310T083000Z" {
		t.Errorf("Sam after a snooze: SEQUENCE %s LAST-MODIFIED %s: it must still rise", prop(sam, "SEQUENCE"), prop(sam, "LAST-MODIFIED"))
	}
}

func TestPrivateNotesStayOutUnlessAskedFor(t *testing.T) {
	f := newFixture(t)
	plain, _ := f.export(t, calendar.Options{})
	for _, note := range []string{privateContactNote, privateInteractionNote} {
		if strings.Contains(unfold(plain), note) {
			t.Errorf("private note %q leaked into a calendar without --with-notes", note)
		}
	}
	with, _ := f.export(t, calendar.Options{WithNotes: true})
	_, priya := eventFor(t, events(t, with), "Priya Raman")
	for _, note := range []string{privateContactNote, privateInteractionNote} {
		if !strings.Contains(prop(priya, "DESCRIPTION"), note) {
			t.Errorf("with notes, Priya's description lacks %q", note)
		}
	}
	// Notes change the description alone: the same version (SEQUENCE), revised
	// later (LAST-MODIFIED, a second on since the clock stood still).
	if prop(priya, "SEQUENCE") != "0" || prop(priya, "LAST-MODIFIED") != "20260310T083001Z" {
		t.Errorf("adding notes: SEQUENCE %s LAST-MODIFIED %s, want 0 and 20260310T083001Z",
			prop(priya, "SEQUENCE"), prop(priya, "LAST-MODIFIED"))
	}

	// The setting does the same as the flag.
	f.update(t, func(tx *store.Tx) error {
		s, err := calendar.LoadSettings(tx)
		if err != nil {
			return err
		}
		s.WithNotes = true
		return calendar.SaveSettings(tx, s)
	})
	viaSetting, _ := f.export(t, calendar.Options{})
	if !strings.Contains(unfold(viaSetting), privateContactNote) {
		t.Error("the with-notes setting did not let notes in")
	}
}

func TestHorizonAndAlarmSettings(t *testing.T) {
	f := newFixture(t)
	ics, _ := f.export(t, calendar.Options{Horizon: crm.Span{N: 400, Unit: 'd'}})
	if !strings.Contains(ics, "Far Away") {
		t.Error("a 400-day horizon should reach Far Away's check-in")
	}
	short, _ := f.export(t, calendar.Options{Horizon: crm.Span{N: 1, Unit: 'w'}})
	if strings.Contains(short, "Rock") || !strings.Contains(short, "Wei Zhang") {
		t.Error("a one-week horizon should hold Wei (due in 5 days) but not Sam (due in 22)")
	}
	f.update(t, func(tx *store.Tx) error {
		s, _ := calendar.LoadSettings(tx)
		s.AlarmTime = "off"
		s.ReviewRule = "FREQ=MONTHLY;BYDAY=-1FR"
		return calendar.SaveSettings(tx, s)
	})
	noAlarm, _ := f.export(t, calendar.Options{})
	if strings.Contains(noAlarm, "VALARM") {
		t.Error("alarm set to off, yet events carry a VALARM")
	}
	_, review := eventFor(t, events(t, noAlarm), "Quarterly relationship review")
	if prop(review, "RRULE") != "FREQ=MONTHLY;BYDAY=-1FR" || prop(review, "DTSTART") != "20260130" {
		t.Errorf("review: RRULE %q DTSTART %q, want the last Friday of January 2026", prop(review, "RRULE"), prop(review, "DTSTART"))
	}
}

func TestEmptyCalendarIsStillValid(t *testing.T) {
	f := newFixture(t)
	emptyBook(t, f)
	ics, _ := f.export(t, calendar.Options{})
	evs := events(t, ics)
	if len(evs) != 1 {
		t.Fatalf("an empty book should give just the review event, got %d:\n%s", len(evs), ics)
	}
	if !strings.HasPrefix(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") || !strings.HasSuffix(ics, "END:VCALENDAR\r\n") {
		t.Errorf("not a calendar:\n%s", ics)
	}
}

// emptyBook removes everyone from the fixture and the circle's rhythm, so
// nothing is due.
func emptyBook(t *testing.T, f *fixture) {
	t.Helper()
	f.update(t, func(tx *store.Tx) error {
		for _, id := range f.ids {
			if err := tx.DeleteContact(id); err != nil {
				return err
			}
		}
		c, err := tx.Circle(f.circles["PM Circle"])
		if err != nil {
			return err
		}
		c.CadenceDays = 0
		return tx.UpdateCircle(c)
	})
}

// Someone added today, met long ago and never talked to, is not late: their
// first check-in is a cadence after the day added (a mentor's 42 days).
func TestCheckInOfSomeoneJustAddedIsNotLate(t *testing.T) {
	f := newFixture(t)
	f.update(t, func(tx *store.Tx) error {
		return tx.AddContact(&crm.Contact{Name: "Ines Imported", MetOn: crmtest.Date("2025-05-01"),
			Roles: []crm.Role{{Kind: crm.RoleMentor}}})
	})
	ics, _ := f.export(t, calendar.Options{})
	_, ines := eventFor(t, events(t, ics), "Ines Imported")
	if prop(ines, "DTSTART") != "20260421" || strings.Contains(prop(ines, "SUMMARY"), "late") {
		t.Errorf("Ines, added today: DTSTART %s SUMMARY %q, want 20260421 and not late", prop(ines, "DTSTART"), prop(ines, "SUMMARY"))
	}
}
