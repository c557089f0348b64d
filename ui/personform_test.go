package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
)

func savedChannels(t *testing.T, st *store.Store, id int64) []crm.Channel {
	t.Helper()
	return savedContact(t, st, id).Channels
}

// Editing a person in the window keeps the labels set elsewhere (such as
// "personal" from the command line) and labels only what is new.
func TestPersonFormKeepsChannelLabels(t *testing.T) {
	m, st := newTestMain(t)
	c := &crm.Contact{Name: "Priya Raman", Channels: []crm.Channel{
		{Kind: crm.ChannelEmail, Label: "personal", Value: "priya@home.example", Primary: true},
		{Kind: crm.ChannelEmail, Label: "work", Value: "priya@fabrikam.example"},
		{Kind: crm.ChannelURL, Label: "website", Value: "https://priya.example"},
	}}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddContact(c) })
	before := savedChannels(t, st, c.ID)

	edit := func(change func(f *personForm)) []crm.Channel {
		t.Helper()
		orig := &crm.Contact{}
		_ = st.View(context.Background(), func(tx *store.Tx) (err error) {
			orig, err = tx.Contact(c.ID)
			return err
		})
		f := newPersonForm(m, orig)
		f.show()
		change(f)
		test.Tap(f.save)
		return savedChannels(t, st, c.ID)
	}

	if got := edit(func(f *personForm) { test.Type(f.company, "Fabrikam") }); !slices.Equal(got, before) {
		t.Errorf("an edit that leaves the channels alone changed them:\n got %+v\nwant %+v", got, before)
	}
	got := edit(func(f *personForm) {
		f.email.SetText("priya@new-home.example")
		test.Type(f.phone, "+44 20 7946 0000")
	})
	want := map[string]string{"priya@new-home.example": "personal", "priya@fabrikam.example": "work",
		"https://priya.example": "website", "+44 20 7946 0000": "mobile"}
	if len(got) != len(want) {
		t.Fatalf("channels after edit: %+v", got)
	}
	for _, ch := range got {
		if want[ch.Value] != ch.Label {
			t.Errorf("%s %q labelled %q, want %q", ch.Kind, ch.Value, ch.Label, want[ch.Value])
		}
		if ch.Value == "priya@new-home.example" && !ch.Primary {
			t.Errorf("the edited email is no longer primary: %+v", got)
		}
	}
	got = edit(func(f *personForm) { f.url.SetText("") })
	for _, ch := range got {
		if ch.Kind == crm.ChannelURL {
			t.Errorf("an emptied URL stays: %+v", ch)
		}
	}
}

func savedContact(t *testing.T, st *store.Store, id int64) *crm.Contact {
	t.Helper()
	return viewed(t, st, func(tx *store.Tx) (*crm.Contact, error) { return tx.Contact(id) })
}

// A birthday typed into the form is saved, read back from the database and
// shown again when the person is edited; so are the other fields the form
// gained with it.
func TestPersonFormSavesBirthday(t *testing.T) {
	m, st := newTestMain(t)
	priya := addPerson(t, st, "Priya Raman", "Fabrikam", crm.RoleMentor, "2026-01-10")
	f := newPersonForm(m, nil)
	f.show()
	test.Type(f.name, "Ana Silva")
	test.Type(f.location, "Lisbon")
	test.Type(f.birthday, "1990-03-14")
	test.Type(f.snoozed, "2026-12-24")
	pick(t, f.referrer, "pri", "Priya Raman")
	if f.save.Disabled() {
		t.Fatalf("filled form: save disabled: %q", f.reason.Text)
	}
	test.Tap(f.save)
	if m.people.page.d == nil || m.people.page.d.Name != "Ana Silva" {
		t.Fatal("after adding, the window should show Ana's page")
	}
	ana := m.people.page.d.ID
	got := savedContact(t, st, ana)
	if got.Birthday != crmtest.Date("1990-03-14") || got.Location != "Lisbon" ||
		got.SnoozedUntil != crmtest.Date("2026-12-24") || got.ReferredBy != priya {
		t.Fatalf("saved birthday %q, location %q, snoozed %q, referred by #%d; want 1990-03-14, Lisbon, 2026-12-24, #%d",
			got.Birthday, got.Location, got.SnoozedUntil, got.ReferredBy, priya)
	}
	assertPairs(t, m.people.page.root, "Birthday", "14 March", "Introduced by", "Priya Raman")

	edit := newPersonForm(m, got)
	edit.show()
	if edit.birthday.Text != "1990-03-14" || edit.location.Text != "Lisbon" || edit.snoozed.Text != "2026-12-24" {
		t.Errorf("editing shows birthday %q, location %q, snoozed %q", edit.birthday.Text, edit.location.Text, edit.snoozed.Text)
	}
	if len(edit.referrer.people) != 1 || edit.referrer.people[0].Name != "Priya Raman" {
		t.Errorf("editing shows introduced by %+v, want Priya Raman", edit.referrer.people)
	}
	edit.birthday.SetText("")
	test.Type(edit.birthday, "1990-03-15")
	edit.snoozed.SetText("")
	test.Tap(edit.referrer.chosen.Objects[0].(*widget.Button)) // unpick Priya
	test.Tap(edit.save)
	got = savedContact(t, st, ana)
	if got.Birthday != crmtest.Date("1990-03-15") || !got.SnoozedUntil.IsZero() || got.ReferredBy != 0 {
		t.Errorf("after editing: birthday %q, snoozed %q, referred by #%d; want 1990-03-15, none, none",
			got.Birthday, got.SnoozedUntil, got.ReferredBy)
	}
}

// The form refuses what crm.Contact.Validate refuses, naming the field, and
// a birthday that is not a day; nothing is written while it does.
func TestPersonFormRefusesWhatTheDomainRefuses(t *testing.T) {
	m, st := newTestMain(t)
	f := newPersonForm(m, nil)
	f.show()
	for _, c := range []struct {
		field *field
		text  string
		want  string
	}{
		{f.name, "#7", "Name: "},
		{f.email, "ana.example", "Email: "},
		{f.birthday.field, "1990-02-30", "Birthday: "},
	} {
		f.name.SetText("Ana Silva")
		c.field.SetText("")
		test.Type(c.field, c.text)
		if !f.save.Disabled() || !strings.HasPrefix(f.reason.Text, c.want) {
			t.Errorf("%q: save disabled=%v, reason %q; want disabled, starting %q", c.text, f.save.Disabled(), f.reason.Text, c.want)
		}
		if c.field != f.birthday.field && c.field.Validate() == nil {
			t.Errorf("the field holding %q is not marked wrong as it is typed", c.text)
		}
		f.submit() // even forced, a refused form must not write
		c.field.SetText("")
	}
	if f.save.Disabled() {
		t.Errorf("with every field put right, save is disabled: %q", f.reason.Text)
	}
	_ = st.View(context.Background(), func(tx *store.Tx) error {
		if n, _ := tx.CountAllContacts(); n != 0 {
			t.Errorf("a refused form added %d people", n)
		}
		return nil
	})
}

// Adding a person whose name is already in the book adds them, and the bar
// that confirms it says so with the other's #id; a long name wraps there
// instead of widening the window.
func TestPersonFormNotesANamesake(t *testing.T) {
	m, st := newTestMain(t)
	first := addPerson(t, st, "Ana Lopez", "", "", "2026-01-10")
	f := newPersonForm(m, nil)
	f.show()
	test.Type(f.name, "ana lopez")
	test.Tap(f.save)
	want := fmt.Sprintf("Ana Lopez (#%d) is already in the book; added another ana lopez (#%d).", first, first+1)
	if m.bar.label.Text != want {
		t.Errorf("the bar says %q, want %q", m.bar.label.Text, want)
	}
	if savedContact(t, st, first+1).Name != "ana lopez" {
		t.Error("the second Ana was not added")
	}

	long := strings.Repeat("Maximiliana Alexandrovna ", 12)
	addPerson(t, st, long, "", "", "2026-01-10")
	f = newPersonForm(m, nil)
	f.show()
	test.Type(f.name, long)
	test.Tap(f.save)
	if !strings.Contains(m.bar.label.Text, "is already in the book") {
		t.Fatalf("the bar says %q", m.bar.label.Text)
	}
	if w := m.bar.box.MinSize().Width; w > 600 {
		t.Errorf("a long name makes the bar %.0f px wide", w)
	}
}

// A new person can be met at an event from the form, as `contact add
// --event` does: linked to it, and with the event as where they came from.
func TestPersonFormLinksANewPersonToAnEvent(t *testing.T) {
	m, st := newTestMain(t)
	ev := &crm.Event{Title: "ProductCon London", Kind: crm.EventConference, Date: crmtest.Date("2026-11-21")}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddEvent(ev) })
	f := newPersonForm(m, nil)
	f.show()
	test.Type(f.name, "Dana Whitfield")
	f.event.sel.SetSelected("ProductCon London (2026-11-21)")
	if f.event.chosen() != ev.ID {
		t.Fatalf("the picker offers %q", f.event.sel.Options)
	}
	test.Tap(f.save)
	dana := m.people.page.d.ID
	if got := savedContact(t, st, dana); got.Source != crm.SourceEvent || got.SourceDetail != "ProductCon London" {
		t.Errorf("source %q %q, want event ProductCon London", got.Source, got.SourceDetail)
	}
	var page *crm.EventPage
	mustUpdate(t, st, func(tx *store.Tx) (err error) { page, err = tx.EventPage(ev.ID); return err })
	if len(page.Met) != 1 || page.Met[0].ContactID != dana {
		t.Errorf("the event's page lists %+v, want Dana", page.Met)
	}
}
