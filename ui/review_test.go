package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/review/reviewtest"
	"github.com/kithcrm/kith/crm/store"
)

// newReviewMain opens the window on the review's fixed book (see package
// reviewtest), reviewed from reviewtest.Today, on the Review screen.
func newReviewMain(t *testing.T) (*Main, *store.Store) {
	t.Helper()
	m, st := newTestMain(t)
	mustUpdate(t, st, reviewtest.Populate)
	st.SetToday(reviewtest.Today)
	m.Show(screenReview)
	return m, st
}

func contactNamed(t *testing.T, st *store.Store, name string) *crm.Contact {
	t.Helper()
	return viewed(t, st, func(tx *store.Tx) (*crm.Contact, error) {
		id, err := tx.FindContact(name)
		if err != nil {
			return nil, err
		}
		return tx.Contact(id)
	})
}

func savedReflection(t *testing.T, st *store.Store, q string) review.Reflection {
	t.Helper()
	quarter, err := review.ParseQuarter(q)
	if err != nil {
		t.Fatal(err)
	}
	return viewed(t, st, func(tx *store.Tx) (review.Reflection, error) { return tx.Reflection(quarter) })
}

func savedDecision(t *testing.T, st *store.Store, id int64) (review.Decision, bool) {
	t.Helper()
	r := savedReflection(t, st, "2026Q3")
	return r.DecisionFor(id)
}

// decideAbout picks someone in the Relationships tab and records a decision.
func decideAbout(t *testing.T, m *Main, st *store.Store, name string, d review.DecisionKind, note string) {
	t.Helper()
	v := m.review
	v.people.reveal(contactNamed(t, st, name).ID)
	if v.people.chosen == 0 || v.r.Relationship(v.people.chosen).Name != name {
		t.Fatalf("revealing %s chose #%d", name, v.people.chosen)
	}
	test.Tap(v.people.choice[d])
	if note != "" {
		test.Type(v.people.note, note)
	}
}

func TestReviewOpensOnDefaultQuarterAndSwitches(t *testing.T) {
	m, _ := newReviewMain(t)
	v := m.review
	// reviewtest.Today is 5 October 2026: the quarter just ended is 2026Q3,
	// which the fixture fills with thirteen interactions of 665 minutes.
	if v.quarter.String() != "2026Q3" || v.r.Interactions != 13 || v.r.Minutes != 665 {
		t.Fatalf("opened on %s with %d interactions, %d minutes; want 2026Q3, 13, 665", v.quarter, v.r.Interactions, v.r.Minutes)
	}
	if !strings.HasPrefix(v.picker.Selected, "2026Q3") {
		t.Errorf("picker shows %q", v.picker.Selected)
	}
	// 2026Q4 has begun: it is counted up to today, and nothing lies beyond.
	test.Tap(v.next)
	if v.quarter.String() != "2026Q4" || !v.next.Disabled() || !strings.Contains(v.subtitle.Text, "still running") {
		t.Errorf("after next: %s, next disabled=%v, subtitle %q", v.quarter, v.next.Disabled(), v.subtitle.Text)
	}
	test.Tap(v.prev)
	test.Tap(v.prev)
	// 2026Q2 holds three interactions of 150 minutes.
	if v.quarter.String() != "2026Q2" || v.r.Interactions != 3 || v.r.Minutes != 150 {
		t.Fatalf("after previous: %s with %d interactions, %d minutes; want 2026Q2, 3, 150", v.quarter, v.r.Interactions, v.r.Minutes)
	}
	if !strings.Contains(v.subtitle.Text, "1 Apr to 30 Jun 2026") || v.next.Disabled() {
		t.Errorf("subtitle %q, next disabled=%v", v.subtitle.Text, v.next.Disabled())
	}
	v.picker.SetSelected("2026Q3")
	if v.quarter.String() != "2026Q3" || v.r.Interactions != 13 {
		t.Errorf("choosing 2026Q3 in the list shows %s", v.quarter)
	}
	// The table lists the quarter's relationships, filters and sorts them.
	if len(v.people.rows) != len(v.r.Contacts) || len(v.r.Contacts) == 0 {
		t.Fatalf("table has %d rows for %d relationships", len(v.people.rows), len(v.r.Contacts))
	}
	v.people.filter.SetSelected("Neglected")
	for _, i := range v.people.rows {
		if c := v.r.Contacts[i]; !c.Has(review.FlagNeglected) {
			t.Errorf("neglected filter shows %s, flags %v", c.Name, c.Flags)
		}
	}
	if !slices.ContainsFunc(v.people.rows, func(i int) bool { return v.r.Contacts[i].Name == "Sid Silent" }) {
		t.Error("Sid Silent, never met, is not among the neglected")
	}
	v.people.filter.SetSelected("Everyone")
	v.people.sortBy(2) // interactions, most first
	first := v.r.Contacts[v.people.rows[0]]
	if first.Name != "Cora Coach" {
		t.Errorf("most interactions first: %s (%d)", first.Name, first.Interactions)
	}
}

func TestReviewReflectionSavedAndShownAgain(t *testing.T) {
	m, st := newReviewMain(t)
	v := m.review
	test.Type(v.reflect.answers[review.PromptGoals], "Promotion moved; speaking did not.")
	decideAbout(t, m, st, "Mo Mentor", review.Deepen, "ask about the VP role")
	if v.status.Text != "Unsaved changes" {
		t.Errorf("status before saving = %q", v.status.Text)
	}
	// A write elsewhere reloads every screen; the half-written review stays.
	m.changed()
	if got := v.reflect.answers[review.PromptGoals].Text; got != "Promotion moved; speaking did not." || !v.dirty {
		t.Fatalf("after a reload the answer is %q, dirty=%v", got, v.dirty)
	}
	test.Tap(v.saveBtn)
	if v.dirty || !strings.HasPrefix(v.status.Text, "Saved ") {
		t.Errorf("after saving: dirty=%v, status %q", v.dirty, v.status.Text)
	}
	saved := savedReflection(t, st, "2026Q3")
	if saved.Answer(review.PromptGoals) != "Promotion moved; speaking did not." {
		t.Errorf("stored answers %+v", saved.Answers)
	}
	mo := contactNamed(t, st, "Mo Mentor")
	if d, ok := saved.DecisionFor(mo.ID); !ok || d.Decision != review.Deepen || d.Note != "ask about the VP role" {
		t.Errorf("stored decision about Mo: %+v, %v", d, ok)
	}

	// Reopen: a new window over the same database shows what was saved.
	w := test.NewTempWindow(t, nil)
	again := NewMain(st, w)
	again.run = func(f func()) { f() }
	w.SetContent(again.Content())
	again.Show(screenReview)
	r := again.review
	if got := r.reflect.answers[review.PromptGoals].Text; got != "Promotion moved; speaking did not." {
		t.Errorf("reopened answer = %q", got)
	}
	if got := r.decisionText(mo.ID); got != "deepen" {
		t.Errorf("reopened decision about Mo = %q", got)
	}
	r.people.reveal(mo.ID)
	if r.people.selected != review.Deepen || r.people.choice[review.Deepen].Importance != widget.HighImportance ||
		r.people.note.Text != "ask about the VP role" {
		t.Errorf("reopened panel: %q, note %q", r.people.selected, r.people.note.Text)
	}
	if !strings.HasSuffix(r.picker.Selected, "saved") {
		t.Errorf("the list does not mark 2026Q3 saved: %q", r.picker.Selected)
	}
	// Another quarter has its own, empty reflection.
	test.Tap(r.prev)
	if got := r.reflect.answers[review.PromptGoals].Text; got != "" {
		t.Errorf("2026Q2 shows the 2026Q3 answer %q", got)
	}
}

func TestReviewPauseSnoozesForSixMonths(t *testing.T) {
	m, st := newReviewMain(t)
	decideAbout(t, m, st, "Sid Silent", review.Pause, "")
	test.Tap(m.review.saveBtn)
	sid := contactNamed(t, st, "Sid Silent")
	want := reviewtest.Today.AddMonths(review.PauseMonths)
	if sid.SnoozedUntil != want {
		t.Errorf("Sid snoozed until %s, want %s", sid.SnoozedUntil, want)
	}
	if !strings.Contains(m.bar.label.Text, "Paused Sid Silent") {
		t.Errorf("undo bar says %q", m.bar.label.Text)
	}
	d, _ := savedDecision(t, st, sid.ID)
	if d.AppliedOn != reviewtest.Today {
		t.Errorf("pause applied on %s", d.AppliedOn)
	}
}

func TestReviewEndAsksBeforeArchiving(t *testing.T) {
	m, st := newReviewMain(t)
	v := m.review
	decideAbout(t, m, st, "Pia Peer", review.End, "we drifted apart")
	test.Tap(v.saveBtn)
	tapDialogButton(t, m, "Not yet")
	pia := contactNamed(t, st, "Pia Peer")
	if pia.Archived {
		t.Fatal("answering 'not yet' archived Pia")
	}
	if d, ok := savedDecision(t, st, pia.ID); !ok || d.Decision != review.End || !d.AppliedOn.IsZero() {
		t.Errorf("pending end stored as %+v", d)
	}
	if got := v.decisionText(pia.ID); got != "end (pending)" {
		t.Errorf("table shows %q for a pending end", got)
	}
	test.Tap(v.saveBtn)
	tapDialogButton(t, m, "Archive")
	if !contactNamed(t, st, "Pia Peer").Archived {
		t.Error("confirming did not archive Pia")
	}
	if d, _ := savedDecision(t, st, pia.ID); d.AppliedOn != reviewtest.Today {
		t.Errorf("end applied on %s", d.AppliedOn)
	}
}

// TestReviewArchiveConfirmsEveryoneListed: the dialog names all pending
// ends, and Archive carries out exactly those.
func TestReviewArchiveConfirmsEveryoneListed(t *testing.T) {
	m, st := newReviewMain(t)
	decideAbout(t, m, st, "Pia Peer", review.End, "")
	decideAbout(t, m, st, "Sid Silent", review.End, "")
	test.Tap(m.review.saveBtn)
	tapDialogButton(t, m, "Archive")
	for _, name := range []string{"Pia Peer", "Sid Silent"} {
		if !contactNamed(t, st, name).Archived {
			t.Errorf("Archive in the dialog naming %s did not archive them", name)
		}
	}
	if contactNamed(t, st, "Cal Coachee").Archived {
		t.Error("Archive archived Cal, who had no end decided")
	}
}

// tapDialogButton taps a button of the dialog on top of the window.
func tapDialogButton(t *testing.T, m *Main, text string) {
	t.Helper()
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	if b := findButton(t, top, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("the dialog has no %q button", text)
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(t, c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			if b := findButton(t, c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// reportFile is what the save dialog hands over: an open file with its URI.
type reportFile struct{ *os.File }

func (w reportFile) URI() fyne.URI { return storage.NewFileURI(w.Name()) }

func TestReviewExportPicksFormatByExtension(t *testing.T) {
	m, _ := newReviewMain(t)
	dir := t.TempDir()
	write := func(name string) []byte {
		t.Helper()
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		m.review.writeReport(m.review.r, reportFile{f})
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The dialog made the file with the default mode; the report names
		// people, so it ends readable by the user alone, as every export.
		if fi, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
			t.Errorf("%s: mode %v, %v; want 0600", name, fi.Mode().Perm(), err)
		}
		return b
	}
	var doc struct {
		Quarter      string `json:"quarter"`
		Interactions int    `json:"interactions"`
	}
	if err := json.Unmarshal(write("q3.json"), &doc); err != nil || doc.Quarter != "2026Q3" || doc.Interactions != 13 {
		t.Errorf("json report: %+v, %v", doc, err)
	}
	if html := string(write("q3.html")); !strings.Contains(html, "<svg") || !strings.Contains(html, "2026Q3") {
		t.Errorf("html report lacks its charts or quarter: %.200s", html)
	}
	if md := string(write("q3.md")); !strings.HasPrefix(md, "# ") {
		t.Errorf("markdown report starts %.80q", md)
	}
	if _, err := reportFormat("q3.pdf"); err == nil || !strings.Contains(err.Error(), "q3.pdf") {
		t.Errorf("a .pdf name gives %v; want an error naming the file", err)
	}
}

func TestNiceScale(t *testing.T) {
	for _, c := range []struct{ peak, top, step int }{{0, 1, 1}, {4, 4, 1}, {7, 8, 2}, {13, 15, 5}, {10, 10, 5}, {95, 100, 25}, {1234, 1500, 500}} {
		if top, step := niceScale(c.peak); top != c.top || step != c.step {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", c.peak, top, step, c.top, c.step)
		}
	}
}

func TestReviewAsksBeforeLeavingUnsavedEdits(t *testing.T) {
	m, _ := newReviewMain(t)
	v := m.review
	test.Type(v.reflect.answers[review.PromptInvestment], "Worth it.")
	test.Tap(v.prev)
	tapDialogButton(t, m, "No")
	if v.quarter.String() != "2026Q3" || v.reflect.answers[review.PromptInvestment].Text != "Worth it." {
		t.Fatalf("staying put shows %s with %q", v.quarter, v.reflect.answers[review.PromptInvestment].Text)
	}
	if !strings.HasPrefix(v.picker.Selected, "2026Q3") {
		t.Errorf("the list shows %q after staying on 2026Q3", v.picker.Selected)
	}
	test.Tap(v.prev)
	tapDialogButton(t, m, "Yes")
	if v.quarter.String() != "2026Q2" || v.dirty || v.reflect.answers[review.PromptInvestment].Text != "" {
		t.Errorf("leaving shows %s, dirty=%v, answer %q", v.quarter, v.dirty, v.reflect.answers[review.PromptInvestment].Text)
	}
}
