package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

// press sends a key as the window does: to the focused widget, or to the
// canvas when nothing has the focus.
func press(m *Main, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := m.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	m.win.Canvas().OnTypedKey()(ev)
}

// overlays counts what is shown over the window: dialogs and pop-ups.
func overlays(m *Main) int { return len(m.win.Canvas().Overlays().List()) }

// New person (from the sidebar or the welcome card) and the log form open
// with the cursor in their first field.
func TestFormsOpenWithTheCursorInTheFirstField(t *testing.T) {
	m, _ := newTestMain(t)
	test.Tap(findButton(t, m.win.Content(), "Add your first person"))
	if f, ok := m.win.Canvas().Focused().(*field); !ok || f.PlaceHolder != "Full name" {
		t.Errorf("Add your first person: the focus is on %#v, want the name", m.win.Canvas().Focused())
	}
	m.escape()

	pf := newPersonForm(m, nil)
	pf.show()
	if got := m.win.Canvas().Focused(); got != pf.name {
		t.Errorf("New person: the focus is on %#v, want the name", got)
	}
	m.escape()

	lf := shownLogForm(m)
	if got := m.win.Canvas().Focused(); got != lf.picker.find {
		t.Errorf("Log interaction: the focus is on %#v, want With", got)
	}
}

// A click on a date field puts the cursor in it, so typing goes there and
// not into the field that had the focus before.
func TestClickingADateFieldFocusesIt(t *testing.T) {
	m, _ := newTestMain(t)
	f := shownLogForm(m)
	c := m.win.Canvas()
	c.Focus(f.summary)
	f.date.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	if got := c.Focused(); got != f.date {
		t.Fatalf("after a click on the date the focus is on %#v", got)
	}
	f.date.SetText("")
	c.Focused().TypedRune('2') // what the window does with a key: give it to the focused widget
	if f.summary.Text != "" || f.date.Text != "2" {
		t.Errorf("typing went to the summary %q, date %q", f.summary.Text, f.date.Text)
	}
}

// Enter in With picks the one person who matches; with two it picks no one.
func TestEnterPicksTheOnlyMatchInWith(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	addPerson(t, st, "Priyanka Das", "Contoso", "", "2026-01-10")
	f := shownLogForm(m)
	test.Type(f.picker.find, "Priya")
	press(m, fyne.KeyReturn)
	if len(f.picker.people) != 0 {
		t.Fatalf("Enter with two matches picked %v", f.picker.people)
	}
	test.Type(f.picker.find, "nka")
	press(m, fyne.KeyReturn)
	if len(f.picker.people) != 1 || f.picker.people[0].Name != "Priyanka Das" {
		t.Errorf("Enter on the one match picked %v", f.picker.people)
	}
	if f.picker.find.Text != "" {
		t.Errorf("the search still reads %q", f.picker.find.Text)
	}
}

// Enter in the people search (Ctrl+F) opens the one person found.
func TestEnterInSearchOpensTheOnlyResult(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	sam := addPerson(t, st, "Sam Lee", "Northwind", crm.RoleCoach, "2026-11-20")
	m.FocusSearch()
	test.Type(m.people.search, "a") // both
	press(m, fyne.KeyReturn)
	if m.people.page.d != nil {
		t.Fatalf("Enter with two results opened %s", m.people.page.d.Name)
	}
	m.people.search.SetText("")
	test.Type(m.people.search, "Sam")
	press(m, fyne.KeyReturn)
	if d := m.people.page.d; d == nil || d.ID != sam {
		t.Errorf("Enter on the one result opened %+v, want Sam", d)
	}
}

// Tab leaves the notes, multi-line as they are, for the next field.
func TestTabLeavesTheNotes(t *testing.T) {
	m, _ := newTestMain(t)
	f := shownLogForm(m)
	c := m.win.Canvas()
	c.Focus(f.notes)
	if tab, ok := c.Focused().(fyne.Tabbable); ok && tab.AcceptsTab() {
		t.Fatal("the notes keep Tab to themselves, so Tab cannot leave them")
	}
	c.FocusNext() // what the window does with Tab when the field lets it go
	if got := c.Focused(); got != f.goal {
		t.Errorf("Tab from the notes went to %#v, want Served goal", got)
	}
}

// Esc closes an untouched form at once, and asks before it throws away a
// touched one; keeping it keeps what was typed.
func TestEscAsksBeforeDiscardingWhatWasTyped(t *testing.T) {
	m, _ := newTestMain(t)
	base := overlays(m)
	f := newPersonForm(m, nil)
	f.show()
	press(m, fyne.KeyEscape)
	if overlays(m) != base {
		t.Fatal("Esc left an untouched form open")
	}

	f = newPersonForm(m, nil)
	f.show()
	test.Type(f.name, "Ana")
	press(m, fyne.KeyEscape)
	if overlays(m) != base+2 || !showsText(m.win.Canvas().Overlays().Top(), "Discard what you typed?") {
		t.Fatalf("Esc on a typed form did not ask: %d overlays", overlays(m)-base)
	}
	press(m, fyne.KeyEscape) // Esc on the question keeps the form
	if overlays(m) != base+1 || f.name.Text != "Ana" {
		t.Fatalf("Esc on the question: %d overlays, name %q", overlays(m)-base, f.name.Text)
	}
	press(m, fyne.KeyEscape)
	tapDialogButton(t, m, "Keep editing")
	if overlays(m) != base+1 {
		t.Fatal("Keep editing closed the form")
	}
	press(m, fyne.KeyEscape)
	tapDialogButton(t, m, "Discard")
	if overlays(m) != base {
		t.Errorf("Discard left %d overlays", overlays(m)-base)
	}

	// Typed and then rubbed out is untouched again.
	f = newPersonForm(m, nil)
	f.show()
	test.Type(f.name, "A")
	f.name.SetText("")
	press(m, fyne.KeyEscape)
	if overlays(m) != base {
		t.Error("Esc asked about a form whose typing was rubbed out")
	}
}

// A form filled for editing is untouched until the user changes it,
// however late its loads land.
func TestAnEditFormIsUntouchedUntilChanged(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	c := savedContact(t, st, priya)
	f := newPersonForm(m, c)
	f.show()
	f.settle(func() { f.referrer.add(priya, "Priya Raman") }) // as a referrer looked up after showing
	if f.touched() {
		t.Error("an unchanged edit form counts as touched")
	}
	f.roles.SetSelected(nil)
	if !f.touched() {
		t.Error("unticking a role leaves the form untouched")
	}
}

// Esc while the date picker is open closes the picker, not the form.
func TestEscInTheDatePickerClosesOnlyThePicker(t *testing.T) {
	m, _ := newTestMain(t)
	base := overlays(m)
	f := shownLogForm(m)
	f.date.pick()
	if overlays(m) != base+2 {
		t.Fatalf("the picker did not open: %d overlays", overlays(m)-base)
	}
	press(m, fyne.KeyEscape)
	if overlays(m) != base+1 {
		t.Fatalf("Esc in the picker left %d overlays, want the form alone", overlays(m)-base)
	}
	if got := m.win.Canvas().Focused(); got != f.date {
		t.Errorf("after the picker the focus is on %#v, want the date", got)
	}
	press(m, fyne.KeyEscape)
	if overlays(m) != base {
		t.Errorf("the next Esc left %d overlays", overlays(m)-base)
	}
}

// The form that edits a logged interaction opens filled and untouched:
// Esc closes it without asking until something is changed.
func TestEscOnAnUnchangedEditClosesIt(t *testing.T) {
	m, st := newTestMain(t)
	ana := addPerson(t, st, "Ana", "", "", "2026-01-10")
	in := &crm.Interaction{Kind: crm.KindCall, Date: crmtest.Date("2026-11-20"), Summary: "Roadmaps",
		Participants: []crm.Participant{{ContactID: ana}},
		Exchanges:    []crm.Exchange{{Direction: crm.Gave, Kind: crm.ExAdvice, Description: "Slides"}}}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.LogInteraction(in) })
	base := overlays(m)
	var f *logForm
	editInteraction(m, in.ID, func(opened *logForm) { f = opened })
	if f == nil || f.summary.Text != "Roadmaps" {
		t.Fatal("the edit form did not open filled")
	}
	press(m, fyne.KeyEscape)
	if overlays(m) != base {
		t.Fatalf("Esc on an unchanged edit left %d overlays", overlays(m)-base)
	}
	editInteraction(m, in.ID, func(opened *logForm) { f = opened })
	test.Type(f.summary, " and hiring")
	press(m, fyne.KeyEscape)
	if !showsText(m.win.Canvas().Overlays().Top(), "Discard what you typed?") {
		t.Error("Esc on a changed edit did not ask")
	}
}

// Enter straight after typing picks even though the lookup the last
// keystroke scheduled fires while Enter's is still reading.
func TestEnterPicksBeforeTheTypingPauseEnds(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priyanka Das", "Contoso", "", "2026-01-10")
	f := shownLogForm(m)
	var reads []func()
	var pending func()
	m.run = func(fn func()) { reads = append(reads, fn) }
	m.debounce = func(fn func()) { pending = fn }
	test.Type(f.picker.find, "Priyanka")
	press(m, fyne.KeyReturn)
	pending() // the pause after the last keystroke ends before Enter's read lands
	for len(reads) > 0 {
		next := reads[0]
		reads = reads[1:]
		next()
	}
	if len(f.picker.people) != 1 {
		t.Errorf("Enter picked %v, want Priyanka", f.picker.people)
	}
}
