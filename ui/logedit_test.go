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

// editBook is a call with Priya and Jo: advice given to both, feedback
// from Priya, and a promise to Jo that was kept.
type editBook struct {
	m         *Main
	st        *store.Store
	priya, jo int64
	call      *crm.Interaction // as stored
}

func newEditBook(t *testing.T) editBook {
	t.Helper()
	m, st := newTestMain(t)
	b := editBook{m: m, st: st}
	b.priya = addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	b.jo = addPerson(t, st, "Jo Park", "", crm.RoleMentee, "2026-01-10")
	g := &crm.Goal{Title: "Staff PM", Horizon: crm.ShortTerm, Status: crm.GoalActive}
	in := &crm.Interaction{Date: crmtest.Date("2026-11-20"), Kind: crm.KindCall, Minutes: 45, Summary: "promo case",
		Notes: "Priya seemed tired", Participants: []crm.Participant{{ContactID: b.priya}, {ContactID: b.jo}},
		Exchanges: []crm.Exchange{
			{Direction: crm.Gave, Kind: crm.ExAdvice, Description: "scope it"},
			{Direction: crm.Received, Kind: crm.ExFeedback, Description: "too long", ContactID: b.priya},
			{Direction: crm.Gave, Kind: crm.ExResource, Description: "the ladder doc", ContactID: b.jo, Commitment: true},
		}}
	mustUpdate(t, st, func(tx *store.Tx) error {
		if err := tx.AddGoal(g); err != nil {
			return err
		}
		in.GoalID = g.ID
		if err := tx.LogInteraction(in); err != nil {
			return err
		}
		return tx.CompleteCommitment(in.Exchanges[3].ID, crmtest.Date("2026-11-22"))
	})
	b.call = storedInteraction(t, st, in.ID)
	return b
}

// undoBringsTheCallBack taps Undo and checks the call is stored again
// exactly as it was.
func (b editBook) undoBringsTheCallBack(t *testing.T) {
	t.Helper()
	test.Tap(b.m.bar.undo)
	if got := storedInteraction(t, b.st, b.call.ID); fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", b.call) {
		t.Errorf("after undo:\n%+v\nwant\n%+v", got, b.call)
	}
}

// storedInteraction reads an interaction back; nil when there is none.
func storedInteraction(t *testing.T, st *store.Store, id int64) *crm.Interaction {
	t.Helper()
	var in *crm.Interaction
	err := st.View(context.Background(), func(tx *store.Tx) (err error) {
		in, err = tx.Interaction(id)
		return err
	})
	if crm.ErrorCode(err) == crm.ENotFound {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// openEntry opens Priya's page and taps the timeline entry of row i,
// returning the form it opens.
func (b editBook) openEntry(t *testing.T, i int) *logForm {
	t.Helper()
	b.m.OpenPerson(b.priya)
	p := b.m.people.page
	entry, ok := p.events.Objects[i].(fyne.Tappable)
	if !ok {
		t.Fatalf("the timeline entry is a %T, which cannot be tapped", p.events.Objects[i])
	}
	p.editor = nil
	test.Tap(entry)
	if p.editor == nil {
		t.Fatal("tapping the timeline entry opened no form")
	}
	return p.editor
}

// lineText describes the form's exchange lines.
func lineText(f *logForm) []string {
	var out []string
	for _, l := range f.lines {
		out = append(out, fmt.Sprintf("%s %s %q with %s promise=%v (%s)", l.dir.Selected, l.kind.Selected, l.desc.Text,
			l.with.Selected, l.promise.Checked, l.promise.Text))
	}
	return out
}

func TestTimelineEntryOpensTheInteractionFilledIn(t *testing.T) {
	b := newEditBook(t)
	f := b.openEntry(t, 0)
	if f.kind.Selected != "call" || f.date.Text != "2026-11-20" || f.minutes.Text != "45" || f.summary.Text != "promo case" ||
		f.notes.Text != "Priya seemed tired" || f.goal.Selected != "Staff PM" {
		t.Errorf("fields: kind %q date %q minutes %q summary %q notes %q goal %q", f.kind.Selected, f.date.Text,
			f.minutes.Text, f.summary.Text, f.notes.Text, f.goal.Selected)
	}
	var who []string
	for _, p := range f.participants() {
		who = append(who, p.Name)
	}
	if !slices.Equal(who, []string{"Jo Park", "Priya Raman"}) {
		t.Errorf("with %v", who)
	}
	want := []string{
		`gave advice "scope it" with everyone promise=false (promise to keep)`,
		`received feedback "too long" with Priya Raman promise=false (they promised)`,
		`gave resource "the ladder doc" with Jo Park promise=true (promise, kept 22 Nov)`,
	}
	if got := lineText(f); !slices.Equal(got, want) {
		t.Errorf("lines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f.save.Text != "Save" || f.del == nil || !f.del.Visible() {
		t.Error("the edit form should offer Save and Delete")
	}
}

// Saving changes only what was changed, and Undo puts the old version back.
func TestEditingAnInteractionSavesAndUndoes(t *testing.T) {
	b := newEditBook(t)
	f := b.openEntry(t, 0)
	f.summary.SetText("")
	test.Type(f.summary, "promotion case")
	test.Tap(f.save)
	got := storedInteraction(t, b.st, b.call.ID)
	want := *b.call
	want.Summary = "promotion case"
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", &want) {
		t.Errorf("after the edit:\n%+v\nwant only the summary changed:\n%+v", got, &want)
	}
	if p := b.m.people.page; p.d.Interactions[0].Summary != "promotion case" {
		t.Errorf("Priya's timeline shows %q", p.d.Interactions[0].Summary)
	}
	if !strings.HasPrefix(b.m.bar.label.Text, "Saved the call with Jo Park, Priya Raman") || !b.m.bar.undo.Visible() {
		t.Fatalf("undo bar: %q, undo shown %v", b.m.bar.label.Text, b.m.bar.undo.Visible())
	}
	b.undoBringsTheCallBack(t)
}

// Leaving someone out and dropping a line saves in one go; Undo brings the
// person and their exchanges back under the same ids.
func TestEditingParticipantsAndLinesUndoesExactly(t *testing.T) {
	b := newEditBook(t)
	f := b.openEntry(t, 0)
	test.Tap(f.picker.chosen.Objects[0].(*widget.Button)) // unpick Jo, listed first
	for _, l := range f.lines {                           // the promise was Jo's: its line now says everyone
		if l.desc.Text == "the ladder doc" {
			l.desc.SetText("")
		}
	}
	if !f.save.Disabled() {
		t.Fatal("an empty line should keep Save off")
	}
	f.linesBox.Remove(f.lines[2].row)
	f.lines = f.lines[:2]
	f.revalidate()
	test.Tap(f.save)
	got := storedInteraction(t, b.st, b.call.ID)
	if len(got.Participants) != 1 || len(got.Exchanges) != 2 {
		t.Fatalf("after leaving Jo out: %+v", got)
	}
	b.undoBringsTheCallBack(t)
}

// Delete asks first; Undo restores the interaction exactly.
func TestDeletingAnInteractionAsksAndUndoes(t *testing.T) {
	b := newEditBook(t)
	f := b.openEntry(t, 0)
	test.Tap(f.del)
	tapDialogButton(t, b.m, "Cancel")
	if storedInteraction(t, b.st, b.call.ID) == nil {
		t.Fatal("cancelling the confirmation deleted the interaction")
	}
	test.Tap(f.del)
	tapDialogButton(t, b.m, "Delete")
	if storedInteraction(t, b.st, b.call.ID) != nil {
		t.Fatal("the interaction is still stored")
	}
	if p := b.m.people.page; len(p.d.Interactions) != 0 || !p.d.LastContact.IsZero() {
		t.Errorf("Priya's page still shows %d interactions, last contact %s", len(p.d.Interactions), p.d.LastContact)
	}
	if !strings.HasPrefix(b.m.bar.label.Text, "Deleted the call with") {
		t.Errorf("undo bar: %q", b.m.bar.label.Text)
	}
	b.undoBringsTheCallBack(t)
	if p := b.m.people.page; len(p.d.Interactions) != 1 {
		t.Errorf("after undo Priya's timeline shows %d interactions", len(p.d.Interactions))
	}
}

// A circle meeting opens with its circle picked, the members who came
// ticked and a guest picked by name; saving it unchanged changes nothing.
func TestEditingACircleMeetingKeepsWhoCame(t *testing.T) {
	b := newEditBook(t)
	sam := addPerson(t, b.st, "Sam Lee", "", "", "2026-01-10")
	circle := &crm.Circle{Name: "PM Circle"}
	meet := &crm.Interaction{Date: crmtest.Date("2026-11-24"), Kind: crm.KindMeeting, Summary: "roadmaps",
		Exchanges: []crm.Exchange{{Direction: crm.Received, Kind: crm.ExAdvice, Description: "cut scope"}}}
	mustUpdate(t, b.st, func(tx *store.Tx) error {
		if err := tx.AddCircle(circle); err != nil {
			return err
		}
		for _, id := range []int64{b.priya, b.jo} {
			if err := tx.Join(circle.ID, id, crmtest.Date("2026-02-01")); err != nil {
				return err
			}
		}
		meet.CircleID = circle.ID
		meet.Participants = []crm.Participant{{ContactID: b.priya}, {ContactID: sam}} // Jo was away
		return tx.LogInteraction(meet)
	})
	before := storedInteraction(t, b.st, meet.ID)
	f := b.openEntry(t, 0) // the newest
	if f.circle.Selected != "PM Circle" || !slices.Equal(f.members.Selected, []string{"Priya Raman"}) ||
		len(f.picker.people) != 1 || f.picker.people[0].Name != "Sam Lee" {
		t.Errorf("circle %q, ticked %v, picked %+v", f.circle.Selected, f.members.Selected, f.picker.people)
	}
	if got := lineText(f); len(got) != 1 || !strings.Contains(got[0], "with everyone") {
		t.Errorf("lines: %v", got)
	}
	test.Tap(f.save)
	if got := storedInteraction(t, b.st, meet.ID); fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", before) {
		t.Errorf("saving unchanged:\n%+v\nwant\n%+v", got, before)
	}
}

// Done on a promise has an Undo that opens it again.
func TestPromiseDoneCanBeUndone(t *testing.T) {
	b := newEditBook(t)
	promise := &crm.Exchange{ContactID: b.priya, Direction: crm.Gave, Kind: crm.ExIntroduction, Description: "intro to Dee", Commitment: true}
	mustUpdate(t, b.st, func(tx *store.Tx) error { return tx.AddExchange(promise) })
	b.m.OpenPerson(b.priya)
	test.Tap(findButton(t, b.m.people.page.root, "Done"))
	open := func() []crm.Exchange {
		var list []crm.Exchange
		_ = b.st.View(context.Background(), func(tx *store.Tx) (err error) {
			list, err = tx.OpenCommitments(b.priya)
			return err
		})
		return list
	}
	if len(open()) != 0 {
		t.Fatal("Done did not keep the promise")
	}
	if !b.m.bar.undo.Visible() {
		t.Fatalf("the bar offers no Undo: %q", b.m.bar.label.Text)
	}
	test.Tap(b.m.bar.undo)
	if got := open(); len(got) != 1 || got[0].ID != promise.ID || !got[0].DoneOn.IsZero() {
		t.Errorf("after undo: %+v", got)
	}
	assertButtons(t, b.m.people.page.root, true, "Done")
}

// standingText describes a contact's roles and memberships.
func standingText(t *testing.T, st *store.Store, id int64) string {
	t.Helper()
	var s *store.Standing
	_ = st.View(context.Background(), func(tx *store.Tx) (err error) {
		s, err = tx.Standing(id)
		return err
	})
	return fmt.Sprintf("%+v", s)
}

// A role change in the person form has an Undo that leaves no trace of it.
func TestRoleChangeCanBeUndone(t *testing.T) {
	b := newEditBook(t)
	was := standingText(t, b.st, b.priya)
	b.m.OpenPerson(b.priya)
	f := newPersonForm(b.m, b.m.people.page.d.Contact)
	f.show()
	f.roles.SetSelected([]string{"coach"}) // mentor ends, coach starts
	test.Tap(f.save)
	if standingText(t, b.st, b.priya) == was {
		t.Fatal("the role change was not saved")
	}
	if !b.m.bar.undo.Visible() {
		t.Fatalf("the bar offers no Undo: %q", b.m.bar.label.Text)
	}
	test.Tap(b.m.bar.undo)
	if got := standingText(t, b.st, b.priya); got != was {
		t.Errorf("after undo: %s\nwant %s", got, was)
	}
}

// Leaving a circle ends the circle role with it; Undo puts both back.
func TestLeavingACircleCanBeUndone(t *testing.T) {
	b := newEditBook(t)
	c := &crm.Circle{Name: "PM Circle"}
	mustUpdate(t, b.st, func(tx *store.Tx) error {
		if err := tx.AddCircle(c); err != nil {
			return err
		}
		return tx.Join(c.ID, b.jo, crmtest.Date("2026-02-01"))
	})
	was := standingText(t, b.st, b.jo)
	b.m.Show(screenCircles)
	b.m.circles.leave(c, crm.Member{ContactID: b.jo, Name: "Jo Park"})
	if standingText(t, b.st, b.jo) == was {
		t.Fatal("leaving changed nothing")
	}
	test.Tap(b.m.bar.undo)
	if got := standingText(t, b.st, b.jo); got != was {
		t.Errorf("after undo: %s\nwant %s", got, was)
	}
}

// The undo bar names people and what was said; a long message is cut
// rather than widening the window.
func TestUndoBarKeepsALongMessageNarrow(t *testing.T) {
	m, _ := newTestMain(t)
	m.bar.show("Saved the meeting with "+strings.Repeat("Someone With A Long Name, ", 200)+"on 20 Nov.", func() {})
	if w := m.bar.box.MinSize().Width; w > 600 {
		t.Errorf("the bar wants %v px for a long message", w)
	}
}
