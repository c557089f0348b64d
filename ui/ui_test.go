package ui

import (
	"context"
	"path/filepath"
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

const testToday = "2026-11-25"

// newTestMain opens the window on a fresh database in a temporary folder,
// with background work made synchronous: every load has landed by the time
// the action that started it returns.
func newTestMain(t *testing.T) (*Main, *store.Store) {
	t.Helper()
	return newMainAt(t, filepath.Join(t.TempDir(), "kith.db"))
}

// newMainAt opens the window, as newTestMain does, on the database at path.
func newMainAt(t *testing.T, path string) (*Main, *store.Store) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(newKithTheme(test.Theme(), themeLight))
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetToday(crmtest.Date(testToday))
	w := test.NewTempWindow(t, nil)
	m := NewMain(st, w)
	m.run = func(f func()) { f() }
	m.debounce = func(f func()) { f() }
	m.bar.ttl = 0
	w.SetContent(m.Content())
	w.Resize(fyne.NewSize(1280, 800))
	m.Show(screenToday)
	return m, st
}

// viewed reads one value in a read-only transaction, failing the test on
// error.
func viewed[T any](t *testing.T, st *store.Store, read func(*store.Tx) (T, error)) T {
	t.Helper()
	var v T
	if err := st.View(context.Background(), func(tx *store.Tx) (err error) {
		v, err = read(tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return v
}

// shownLogForm opens an empty Log interaction form.
func shownLogForm(m *Main) *logForm {
	f := newLogForm(m, nil, 0)
	f.show()
	return f
}

func mustUpdate(t *testing.T, st *store.Store, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := st.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

func addPerson(t *testing.T, st *store.Store, name, company string, role crm.RoleKind, met string) int64 {
	t.Helper()
	// Added the day they were met, so someone never contacted is due a
	// cadence after that day (see store's checkinStart).
	c := &crm.Contact{Name: name, Company: company, MetOn: crmtest.Date(met), AddedOn: crmtest.Date(met)}
	if role != "" {
		c.Roles = []crm.Role{{Kind: role}}
	}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddContact(c) })
	return c.ID
}

func dueNames(m *Main) []string {
	var out []string
	for _, it := range m.today.data.due {
		out = append(out, it.Name)
	}
	return out
}

func TestWindowOpensOnDatabaseAndShowsContacts(t *testing.T) {
	m, st := newTestMain(t)
	if !m.today.data.empty {
		t.Fatal("a new database should show the welcome state")
	}
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	addPerson(t, st, "Sam Lee", "Northwind", crm.RoleCoach, "2026-11-20")
	m.changed()
	if got := dueNames(m); !slices.Equal(got, []string{"Priya Raman"}) {
		t.Errorf("due on Today = %v, want only Priya (Sam was met 5 days ago)", got)
	}
	m.Show(screenPeople)
	if got := m.people.names(); !slices.Equal(got, []string{"Priya Raman", "Sam Lee"}) {
		t.Errorf("people list = %v", got)
	}
}

func TestAddPersonThroughForm(t *testing.T) {
	m, st := newTestMain(t)
	f := newPersonForm(m, nil)
	f.show()
	if !f.save.Disabled() || !strings.Contains(f.reason.Text, "Name") {
		t.Fatalf("empty form: save disabled=%v, reason %q; want disabled, naming the name", f.save.Disabled(), f.reason.Text)
	}
	test.Type(f.name, "Ana Silva")
	test.Type(f.email, "ana@contoso.example")
	test.Type(f.company, "Contoso")
	f.roles.SetSelected([]string{"mentor", "circle"})
	if f.save.Disabled() {
		t.Fatalf("filled form: save disabled: %q", f.reason.Text)
	}
	test.Tap(f.save)
	var c *crm.Contact
	_ = st.View(context.Background(), func(tx *store.Tx) error {
		id, err := tx.FindContact("Ana Silva")
		if err != nil {
			t.Fatal(err)
		}
		c, err = tx.Contact(id)
		return err
	})
	if c.Company != "Contoso" || c.PrimaryChannel(crm.ChannelEmail) != "ana@contoso.example" ||
		!slices.Equal(c.CurrentRoles(), []crm.RoleKind{crm.RoleMentor, crm.RoleCircle}) {
		t.Errorf("saved %+v", c)
	}
	if m.Current() != screenPeople || m.people.page.d == nil || m.people.page.d.Name != "Ana Silva" {
		t.Error("after adding, the window should show Ana's page")
	}
	if got := m.people.names(); !slices.Contains(got, "Ana Silva") {
		t.Errorf("people list after add = %v", got)
	}
	// Undo removes her again.
	m.bar.onUndo()
	if got := m.people.names(); slices.Contains(got, "Ana Silva") {
		t.Errorf("after undo the list still has Ana: %v", got)
	}
}

func pick(t *testing.T, p *peoplePicker, typed, name string) {
	t.Helper()
	p.find.SetText("")
	test.Type(p.find, typed)
	for _, o := range p.matches.Objects {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, name) {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("typing %q offers no %s", typed, name)
}

func TestLogInteractionWithTwoPeopleShowsInBothTimelinesAndLeavesToday(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	sam := addPerson(t, st, "Sam Lee", "Northwind", crm.RoleCoach, "2026-10-01")
	m.changed()
	if got := dueNames(m); !slices.Equal(got, []string{"Priya Raman", "Sam Lee"}) {
		t.Fatalf("due before logging = %v", got)
	}
	f := shownLogForm(m)
	pick(t, f.picker, "pri", "Priya Raman")
	pick(t, f.picker, "sam", "Sam Lee")
	test.Type(f.summary, "Promotion planning")
	f.addLine(m, crm.Gave)
	f.lines[0].kind.SetSelected(string(crm.ExIntroduction))
	test.Type(f.lines[0].desc, "Intro to the Fabrikam team")
	f.lines[0].promise.SetChecked(true)
	f.addLine(m, crm.Received)
	f.lines[1].with.SetSelected("Priya Raman")
	test.Type(f.lines[1].desc, "Advice on the promo case")
	if f.save.Disabled() {
		t.Fatalf("save disabled: %q", f.reason.Text)
	}
	test.Tap(f.save)

	for _, who := range []struct {
		id   int64
		want []string
	}{{priya, []string{"Intro to the Fabrikam team", "Advice on the promo case"}}, {sam, []string{"Intro to the Fabrikam team"}}} {
		m.OpenPerson(who.id)
		d := m.people.page.d
		if len(d.Interactions) != 1 || d.Interactions[0].Summary != "Promotion planning" {
			t.Fatalf("%s's timeline = %+v", d.Name, d.Interactions)
		}
		var got []string
		for _, x := range d.Interactions[0].Exchanges {
			if x.ContactID == who.id {
				got = append(got, x.Description)
			}
		}
		if !slices.Equal(got, who.want) {
			t.Errorf("%s's exchanges = %v, want %v", d.Name, got, who.want)
		}
		if len(m.people.page.events.Objects) != 1 {
			t.Errorf("%s's page shows %d timeline rows", d.Name, len(m.people.page.events.Objects))
		}
	}
	m.Show(screenToday)
	if got := dueNames(m); len(got) != 0 {
		t.Errorf("due after logging = %v, want nobody", got)
	}
	if len(m.today.data.promises) != 2 {
		t.Errorf("open commitments = %d, want the introduction promised to each", len(m.today.data.promises))
	}
}

func TestSearchNarrowsTheList(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	addPerson(t, st, "Sam Lee", "Northwind", crm.RoleCoach, "2026-01-10")
	addPerson(t, st, "Ravi Patel", "Fabrikam", crm.RoleMentee, "2026-01-10")
	m.FocusSearch()
	if len(m.people.names()) != 3 {
		t.Fatalf("before search: %v", m.people.names())
	}
	test.Type(m.people.search, "fabri")
	if got := m.people.names(); !slices.Equal(got, []string{"Priya Raman", "Ravi Patel"}) {
		t.Errorf("searching fabri: %v", got)
	}
	m.people.setFilter("mentee")
	if got := m.people.names(); !slices.Equal(got, []string{"Ravi Patel"}) {
		t.Errorf("fabri among mentees: %v", got)
	}
}

func TestCircleMeetingTouchesEveryAttendingMember(t *testing.T) {
	m, st := newTestMain(t)
	a := addPerson(t, st, "Ana", "", "", "2026-01-10")
	b := addPerson(t, st, "Ben", "", "", "2026-01-10")
	c := addPerson(t, st, "Cleo", "", "", "2026-01-10")
	circle := &crm.Circle{Name: "PM Circle", CadenceDays: 28}
	mustUpdate(t, st, func(tx *store.Tx) error {
		if err := tx.AddCircle(circle); err != nil {
			return err
		}
		for _, id := range []int64{a, b, c} {
			if err := tx.Join(circle.ID, id, crmtest.Date("2026-02-01")); err != nil {
				return err
			}
		}
		return nil
	})
	m.Show(screenCircles)
	f := newLogForm(m, nil, circle.ID)
	f.show()
	if !slices.Equal(f.members.Selected, []string{"Ana", "Ben", "Cleo"}) {
		t.Fatalf("members ticked = %v, want all", f.members.Selected)
	}
	f.members.SetSelected([]string{"Ana", "Cleo"}) // Ben was absent
	test.Type(f.summary, "Roadmaps")
	test.Tap(f.save)
	_ = st.View(context.Background(), func(tx *store.Tx) error {
		for id, want := range map[int64]string{a: testToday, b: "", c: testToday} {
			s, err := tx.ContactSummary(id)
			if err != nil {
				t.Fatal(err)
			}
			if s.LastContact.String() != want {
				t.Errorf("%s last contact %q, want %q", s.Name, s.LastContact, want)
			}
		}
		meetings, _ := tx.CircleMeetings(circle.ID, 5)
		if len(meetings) != 1 {
			t.Errorf("circle meetings = %d, want 1", len(meetings))
		}
		return nil
	})
}

func TestBadDateIsRefusedAtTheFieldAndNothingIsWritten(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	f := newLogForm(m, []crm.Participant{{ContactID: priya, Name: "Priya Raman"}}, 0)
	f.show()
	f.date.SetText("")
	test.Type(f.date, "2026-02-30")
	if f.date.Validate() == nil {
		t.Error("the date field accepts 2026-02-30")
	}
	if !f.save.Disabled() || !strings.HasPrefix(f.reason.Text, "Date") {
		t.Errorf("save disabled=%v, reason %q; want disabled, naming the date", f.save.Disabled(), f.reason.Text)
	}
	f.submit() // even forced, a bad form must not write
	test.Tap(f.save)
	pf := newPersonForm(m, nil)
	test.Type(pf.name, "Dora")
	test.Type(pf.met, "next tuesday")
	if !pf.save.Disabled() || !strings.HasPrefix(pf.reason.Text, "Met on") {
		t.Errorf("person form: save disabled=%v, reason %q", pf.save.Disabled(), pf.reason.Text)
	}
	test.Tap(pf.save)
	_ = st.View(context.Background(), func(tx *store.Tx) error {
		d, err := tx.ContactDetail(priya, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Interactions) != 0 {
			t.Errorf("a bad date wrote %d interactions", len(d.Interactions))
		}
		if n, _ := tx.CountAllContacts(); n != 1 {
			t.Errorf("a bad date added people: %d", n)
		}
		return nil
	})
}
