package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/demo"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// The tests in this file fill the book with the longest texts a person
// might type or import, and check that no screen, form or dialog grows
// wider than a small laptop's screen because of them: a 286-character
// summary once made the window 2,643 px wide, and 5,000 characters made it
// 48,826 px.

// smallScreen is the smallest screen Kith is made for: 1024x640, less the
// window's title bar and Fyne's menu bar.
var smallScreen = fyne.NewSize(1024, 640-40-36)

// maxContentWidth bounds the minimum width of a screen's or a dialog's
// content, whatever the data.
const maxContentWidth = 1000

// lorem returns n characters of words.
func lorem(n int) string {
	const words = "Networking lunch about platform strategy, hiring plans, the quarterly offsite and what to read next. "
	s := strings.Repeat(words, n/len(words)+1)
	return strings.TrimSpace(s[:n])
}

// unbroken returns n characters without a space, like a long address.
func unbroken(prefix string, n int) string {
	return prefix + strings.Repeat("x", n-len(prefix))
}

// longBook is what longBookOf put in the book.
type longBook struct {
	person, helper int64
	name           string
	circle         *crm.Circle
	goal           *crm.Goal
	summary        string
}

// longBookOf fills the book with long texts everywhere a person types one:
// a 200-character name, a 5,000-character summary, a 300-character goal
// title, and long circle names, exchanges, companies, titles, notes and
// channel values; in the reviewed quarter (2026Q3) and in the last weeks,
// so Today, the person page, Circles, Goals and Review all show them.
func longBookOf(t *testing.T, st *store.Store) longBook {
	t.Helper()
	b := longBook{name: lorem(200), summary: lorem(5000)}
	helper := &crm.Contact{Name: "Bo", Roles: []crm.Role{{Kind: crm.RoleCoach, Since: crmtest.Date("2026-01-10")}},
		MetOn: crmtest.Date("2026-01-10")}
	long := &crm.Contact{Name: b.name, Company: lorem(150), Title: lorem(150), Location: lorem(80),
		Source: crm.SourceReferral, SourceDetail: lorem(300), MetOn: crmtest.Date("2026-07-02"),
		Notes: lorem(2000), CadenceDays: 14,
		Channels: []crm.Channel{
			{Kind: crm.ChannelEmail, Label: lorem(60), Value: unbroken("someone@", 120) + ".example", Primary: true},
			{Kind: crm.ChannelPhone, Label: "mobile", Value: unbroken("+44 ", 90)},
			{Kind: crm.ChannelURL, Label: "linkedin", Value: unbroken("https://www.linkedin.com/in/", 200)},
		},
		Roles: []crm.Role{
			{Kind: crm.RoleCoach, Since: crmtest.Date("2026-07-02"), Until: crmtest.Date("2026-09-01")},
			{Kind: crm.RoleMentor, Since: crmtest.Date("2026-09-01")},
		}}
	b.circle = &crm.Circle{Name: lorem(150), Purpose: lorem(400), CadenceDays: 28}
	b.goal = &crm.Goal{Title: lorem(300), Horizon: crm.ShortTerm, Status: crm.GoalActive,
		Target: crmtest.Date("2027-02-01"), Notes: lorem(1000)}
	mustUpdate(t, st, func(tx *store.Tx) error {
		if err := tx.AddContact(helper); err != nil {
			return err
		}
		long.ReferredBy = helper.ID
		if err := tx.AddContact(long); err != nil {
			return err
		}
		b.person, b.helper = long.ID, helper.ID
		if err := tx.AddCircle(b.circle); err != nil {
			return err
		}
		for _, id := range []int64{long.ID, helper.ID} {
			if err := tx.Join(b.circle.ID, id, crmtest.Date("2026-07-02")); err != nil {
				return err
			}
		}
		b.goal.Helpers = []crm.Participant{{ContactID: long.ID}}
		if err := tx.AddGoal(b.goal); err != nil {
			return err
		}
		if err := tx.AddHelper(b.goal.ID, long.ID); err != nil {
			return err
		}
		if err := tx.SetProfile(crm.Profile{Strengths: lorem(300), Gaps: lorem(200) + "\n" + unbroken("gap", 120)}); err != nil {
			return err
		}
		for _, day := range []string{"2026-08-20", "2026-11-10"} {
			in := &crm.Interaction{Date: crmtest.Date(day), Kind: crm.KindMeeting, Minutes: 90,
				Summary: b.summary, Notes: lorem(1500), CircleID: b.circle.ID, GoalID: b.goal.ID,
				Participants: []crm.Participant{{ContactID: long.ID}, {ContactID: helper.ID}},
				Exchanges: []crm.Exchange{
					{Direction: crm.Gave, Kind: crm.ExAdvice, Description: lorem(600), Commitment: true, ContactID: long.ID},
					{Direction: crm.Received, Kind: crm.ExIntroduction, Description: unbroken("intro-", 300), ContactID: long.ID},
				}}
			if err := tx.LogInteraction(in); err != nil {
				return err
			}
		}
		return nil
	})
	return b
}

// newLongMain opens the window on the long book.
func newLongMain(t *testing.T) (*Main, longBook) {
	t.Helper()
	m, st := newTestMain(t)
	b := longBookOf(t, st)
	m.changed()
	return m, b
}

// fits fails when what is on show needs more room than the small screen,
// or its content (the screen or dialog less the sidebar) more width than
// maxContentWidth.
func fits(t *testing.T, m *Main, what string, content fyne.CanvasObject) {
	t.Helper()
	if w := content.MinSize().Width; w > maxContentWidth {
		t.Errorf("%s: its content needs %.0f px of width, want at most %d", what, w, maxContentWidth)
	}
	if s := m.win.Canvas().Content().MinSize(); s.Width > smallScreen.Width || s.Height > smallScreen.Height {
		t.Errorf("%s: the window needs %.0fx%.0f, more than the %.0fx%.0f of a small screen",
			what, s.Width, s.Height, smallScreen.Width, smallScreen.Height)
	}
}

// topDialog is the content of the dialog on top of the window.
func topDialog(t *testing.T, m *Main) fyne.CanvasObject {
	t.Helper()
	top := m.win.Canvas().Overlays().Top()
	// Fyne 2.8 wraps each pop-up in an overlay container of its own, so the
	// pop-up is found inside the top overlay rather than being it.
	var p *widget.PopUp
	visitShown(top, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*widget.PopUp); ok && p == nil {
			p = x
		}
		return p == nil
	})
	if p == nil {
		t.Fatalf("no dialog is shown (top overlay %T)", top)
	}
	return p.Content
}

func TestLongTextKeepsEveryScreenNarrow(t *testing.T) {
	m, b := newLongMain(t)
	m.bar.show("Marked kept: "+b.summary, func() {})
	for i, row := range screenTable() {
		m.Show(i)
		fits(t, m, row.name, m.screens[i].view())
	}
	m.OpenPerson(b.person)
	if m.people.page.d == nil || m.people.page.d.ID != b.person {
		t.Fatal("the long-named person's page did not open")
	}
	fits(t, m, "the person page", m.people.root)
	m.Show(screenPeople)
	m.people.list.Select(0)
	fits(t, m, "People with a row chosen", m.people.root)

	m.Show(screenReview)
	v := m.review
	v.people.reveal(b.person)
	v.decide(review.Decision{ContactID: b.person, Name: b.name, Decision: review.Deepen, Note: lorem(800)})
	for i, tab := range v.tabs.Items {
		v.tabs.SelectIndex(i)
		fits(t, m, "Review › "+tab.Text, v.root)
	}
}

func TestLongTextKeepsDialogsNarrow(t *testing.T) {
	m, b := newLongMain(t)
	who := []crm.Participant{{ContactID: b.person, Name: b.name}}

	lf := newLogForm(m, who, b.circle.ID)
	lf.show()
	lf.summary.SetText(b.summary)
	lf.notes.SetText(lorem(1500))
	lf.goal.SetSelectedIndex(1)
	lf.addLine(m, crm.Gave)
	lf.lines[0].desc.SetText(lorem(600))
	lf.lines[0].with.SetSelectedIndex(1)
	pick(t, lf.picker, "Netw", b.name[:20])
	lf.picker.find.SetText("Netw")
	fits(t, m, "the log form", topDialog(t, m))
	lf.close()

	m.OpenPerson(b.person)
	pf := newPersonForm(m, m.people.page.d.Contact)
	pf.show()
	fits(t, m, "the person form", topDialog(t, m))
	pf.name.SetText("#" + b.name) // refused, quoting the name
	if !strings.Contains(pf.reason.Text, "cannot start with #") && !strings.HasSuffix(pf.reason.Text, "…") {
		t.Errorf("the person form says %q; want why the name is refused", pf.reason.Text)
	}
	fits(t, m, "the person form refusing a long name", topDialog(t, m))
	pf.close()
	var ef *logForm
	editInteraction(m, m.people.page.d.Interactions[0].ID, func(f *logForm) { ef = f })
	fits(t, m, "the form editing an interaction", topDialog(t, m))
	ef.close()
	m.people.page.confirmArchive()
	fits(t, m, "the archive question", topDialog(t, m))
	m.escape()

	m.Show(screenGoals)
	gf := newGoalForm(m, firstGoal(t, m))
	gf.show()
	fits(t, m, "the goal form", topDialog(t, m))
	gf.close()

	m.Show(screenToday)
	m.today.pickSnooze(b.person, b.name)
	fits(t, m, "the snooze dialog", topDialog(t, m))
	m.escape()
	showPromises(m)
	fits(t, m, "the list of promises", topDialog(t, m))
	m.escape()

	m.Show(screenCircles)
	m.circles.addMember(b.circle)
	fits(t, m, "adding to a circle", topDialog(t, m))
	m.escape()
	b.circle.Members = []crm.Member{{ContactID: b.person, Name: b.name}}
	m.circles.showMembers(b.circle)
	fits(t, m, "a circle's members", topDialog(t, m))
	m.escape()
}

// firstGoal reads the first goal of the book.
func firstGoal(t *testing.T, m *Main) *crm.Goal {
	t.Helper()
	var g *crm.Goal
	m.load(func(tx *store.Tx) error {
		gs, err := tx.Goals()
		if err == nil && len(gs) > 0 {
			g = gs[0]
		}
		return err
	}, func() {})
	if g == nil {
		t.Fatal("no goal in the book")
	}
	return g
}

// offsetIn is where target sits inside root, and whether it is there.
func offsetIn(root, target fyne.CanvasObject) (fyne.Position, bool) {
	if root == target {
		return fyne.Position{}, true
	}
	var kids []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if at, ok := offsetIn(k, target); ok {
			return k.Position().Add(at), true
		}
	}
	return fyne.Position{}, false
}

// The list draws its scroll bar over the right edge of its rows: the
// due text at the end of a row stays clear of it, however long the name.
func TestPeopleRowKeepsDueTextClearOfTheScrollBar(t *testing.T) {
	m, _ := newLongMain(t)
	m.Show(screenPeople)
	v := m.people
	for i := range v.total {
		row := v.newRow()
		v.updateRow(i, row)
		const width = 300
		row.Resize(fyne.NewSize(width, row.MinSize().Height))
		var due *canvas.Text
		visitShown(row, func(o fyne.CanvasObject) bool {
			if x, ok := o.(*canvas.Text); ok && (strings.HasSuffix(x.Text, " late") || strings.HasPrefix(x.Text, "in ")) {
				due = x
			}
			return true
		})
		if due == nil {
			t.Fatalf("row %d shows no due text: %v", i, shownTexts(row))
		}
		at, _ := offsetIn(row, due)
		if right := at.X + due.MinSize().Width; right > width-theme.ScrollBarSize() {
			t.Errorf("row %d: the due text %q ends at %.0f, under the scroll bar (from %.0f)", i, due.Text, right, width-theme.ScrollBarSize())
		}
		if w := row.MinSize().Width; w > width {
			t.Errorf("row %d needs %.0f px, more than the %d px it has", i, w, width)
		}
	}
}

// TestEveryScreenFitsWithTheRealTheme measures with the theme the window
// really uses: the test theme's text and padding are smaller, so a screen
// can fit under it and still widen a real window (Review's two columns of
// network and goals once asked for 1,130 px).
func TestEveryScreenFitsWithTheRealTheme(t *testing.T) {
	m, st := newTestMain(t)
	fyne.CurrentApp().Settings().SetTheme(newKithTheme(theme.DefaultTheme(), themeDark))
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	m.changed()
	for i, row := range screenTable() {
		m.Show(i)
		if s := m.win.Canvas().Content().MinSize(); s.Width > smallScreen.Width {
			t.Errorf("%s: the window needs %.0f px of width, more than the %.0f of a small screen", row.name, s.Width, smallScreen.Width)
		}
	}
	v := m.review
	for i, tab := range v.tabs.Items {
		v.tabs.SelectIndex(i)
		if s := m.win.Canvas().Content().MinSize(); s.Width > smallScreen.Width {
			t.Errorf("Review › %s: the window needs %.0f px of width, more than the %.0f of a small screen", tab.Text, s.Width, smallScreen.Width)
		}
	}
}
