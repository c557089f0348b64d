package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// Two members of a circle may share a name: each stays a participant of
// their own, and an exchange goes to the one picked, not the last match.
func TestLogFormKeepsNamesakesApart(t *testing.T) {
	m, st := newTestMain(t)
	first := addPerson(t, st, "Alex Kim", "Contoso", "", "2026-01-10")
	second := addPerson(t, st, "Alex Kim", "Fabrikam", "", "2026-01-10")
	ana := addPerson(t, st, "Ana", "", "", "2026-01-10")
	circle := &crm.Circle{Name: "PM Circle"}
	mustUpdate(t, st, func(tx *store.Tx) error {
		if err := tx.AddCircle(circle); err != nil {
			return err
		}
		for _, id := range []int64{first, second, ana} {
			if err := tx.Join(circle.ID, id, crmtest.Date("2026-02-01")); err != nil {
				return err
			}
		}
		return nil
	})
	f := newLogForm(m, nil, circle.ID)
	f.show()
	want := []string{fmt.Sprintf("Alex Kim (#%d)", first), fmt.Sprintf("Alex Kim (#%d)", second), "Ana"}
	if !slices.Equal(f.members.Options, want) {
		t.Fatalf("member labels = %v, want %v", f.members.Options, want)
	}
	test.Type(f.summary, "Roadmaps")
	f.addLine(m, crm.Received)
	if !slices.Equal(f.lines[0].with.Options, append([]string{everyone}, want...)) {
		t.Fatalf("exchange offers %v", f.lines[0].with.Options)
	}
	f.lines[0].with.SetSelected(want[0]) // the first Alex, listed before the second
	test.Type(f.lines[0].desc, "Advice on roadmaps")
	test.Tap(f.save)

	_ = st.View(context.Background(), func(tx *store.Tx) error {
		meetings, err := tx.CircleMeetings(circle.ID, 5)
		if err != nil || len(meetings) != 1 {
			t.Fatalf("meetings = %v, %v", meetings, err)
		}
		in := meetings[0]
		var ids []int64
		for _, p := range in.Participants {
			ids = append(ids, p.ContactID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, []int64{first, second, ana}) {
			t.Errorf("participants = %v, want both Alexes and Ana", in.Participants)
		}
		d, err := tx.ContactDetail(first, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Interactions) != 1 || len(d.Interactions[0].Exchanges) != 1 || d.Interactions[0].Exchanges[0].ContactID != first {
			t.Errorf("the exchange went to %+v, want the first Alex (#%d)", d.Interactions[0].Exchanges, first)
		}
		return nil
	})
}

// The log form says what is missing in words: "given", not "gave", and
// the day a month lacks rather than the format.
func TestLogFormSaysWhatIsMissing(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	f := newLogForm(m, []crm.Participant{{ContactID: priya, Name: "Priya Raman"}}, 0)
	f.show()
	f.addLine(m, crm.Gave)
	if want := "Exchange 1: say what was given"; f.reason.Text != want {
		t.Errorf("a gift with no description: %q, want %q", f.reason.Text, want)
	}
	test.Type(f.lines[0].desc, "Intro to Sam")
	f.addLine(m, crm.Received)
	if want := "Exchange 2: say what was received"; f.reason.Text != want {
		t.Errorf("a gift received with no description: %q, want %q", f.reason.Text, want)
	}
	test.Type(f.lines[1].desc, "Advice")
	f.date.SetText("2026-02-30")
	if want := "Date: February 2026 has no 30th"; f.reason.Text != want {
		t.Errorf("reason %q, want %q", f.reason.Text, want)
	}
	f.date.SetText("2026-2-3")
	if want := "Date: not a date: want YYYY-MM-DD"; f.reason.Text != want {
		t.Errorf("reason %q, want %q", f.reason.Text, want)
	}
	f.date.SetText("0001-01-01")
	if want := "Date: 0001-01-01 is out of range (want a day from 1900-01-01 to 9999-12-31)"; f.reason.Text != want {
		t.Errorf("reason %q, want %q", f.reason.Text, want)
	}
	f.date.SetText("2026-11-20")
	test.Type(f.minutes, "9223372036854775807")
	if want := "Minutes: 9223372036854775807 is more than a day (the most is 1440 minutes)"; f.reason.Text != want || !f.save.Disabled() {
		t.Errorf("reason %q, want %q, and Save off", f.reason.Text, want)
	}
	f.minutes.SetText("1440")
	if f.reason.Text != "" || f.save.Disabled() {
		t.Errorf("a day of minutes is refused: %q", f.reason.Text)
	}
}

// loggedWith counts the interactions logged with a contact.
func loggedWith(t *testing.T, st *store.Store, id int64) int {
	t.Helper()
	return len(viewed(t, st, func(tx *store.Tx) (*crm.ContactDetail, error) { return tx.ContactDetail(id, 0) }).Interactions)
}

// A date after today is most often a slip: the form asks before logging
// it. "Change the date" logs nothing and leaves the form open; "Log ahead"
// logs it. Today's date logs without a question.
func TestLogFormConfirmsAFutureDate(t *testing.T) {
	m, st := newTestMain(t)
	ana := addPerson(t, st, "Ana", "", "", "2026-01-10")
	f := newLogForm(m, []crm.Participant{{ContactID: ana, Name: "Ana"}}, 0)
	f.show()
	f.date.SetText("2026-12-02")
	test.Tap(f.save)
	top := m.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(dialogText(t, top), "2026-12-02 is after today") {
		t.Fatal("saving a later day did not ask first")
	}
	tapDialogButton(t, m, "Change the date")
	if n := loggedWith(t, st, ana); n != 0 {
		t.Fatalf("%d interactions logged after choosing to change the date", n)
	}
	if len(m.layers) != 1 || m.layers[0].key != f.dlg {
		t.Fatalf("after choosing to change the date the open dialogs are %v, want the form alone", m.layers)
	}
	test.Tap(f.save)
	tapDialogButton(t, m, "Log ahead")
	if n := loggedWith(t, st, ana); n != 1 || len(m.layers) != 0 {
		t.Fatalf("after Log ahead: %d interactions, %d dialogs open; want 1 and none", n, len(m.layers))
	}

	today := newLogForm(m, []crm.Participant{{ContactID: ana, Name: "Ana"}}, 0)
	today.show()
	test.Tap(today.save)
	if n := loggedWith(t, st, ana); n != 2 {
		t.Errorf("logging today: %d interactions, want 2 (no question asked)", n)
	}
}

// dialogText gathers the text of the labels in a dialog.
func dialogText(t *testing.T, o fyne.CanvasObject) string {
	t.Helper()
	switch x := o.(type) {
	case *widget.Label:
		return x.Text + "\n"
	case *fyne.Container:
		var s string
		for _, c := range x.Objects {
			s += dialogText(t, c)
		}
		return s
	case fyne.Widget:
		var s string
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			s += dialogText(t, c)
		}
		return s
	}
	return ""
}
