package ui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/store"
	"github.com/kithcrm/kith/crm/vcard"
)

// twoAnas adds one person twice (the same email in another case), each
// record with an interaction of its own, and returns their ids.
func twoAnas(t *testing.T, st *store.Store) (ana, dup int64) {
	t.Helper()
	add := func(name, email string) int64 {
		c := &crm.Contact{Name: name, MetOn: crmtest.Date("2026-01-10"),
			Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: email}}, Roles: []crm.Role{{Kind: crm.RoleMentor}}}
		mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddContact(c) })
		return c.ID
	}
	ana, dup = add("Ana Silva", "ana@contoso.example"), add("Ana Silva-Lopez", "ANA@contoso.example")
	for i, id := range []int64{ana, dup} {
		in := &crm.Interaction{Kind: crm.KindCall, Date: crmtest.Date("2026-11-0" + string(rune('1'+i))),
			Summary: "call", Participants: []crm.Participant{{ContactID: id}}}
		mustUpdate(t, st, func(tx *store.Tx) error { return tx.LogInteraction(in) })
	}
	return ana, dup
}

// peopleCount counts the people on the list.
func peopleCount(t *testing.T, st *store.Store) int {
	t.Helper()
	return len(viewed(t, st, func(tx *store.Tx) ([]crm.ContactSummary, error) { return tx.ListContacts(crm.ContactFilter{}) }))
}

func TestMergeFromAPersonsPageWithUndo(t *testing.T) {
	m, st := newTestMain(t)
	ana, dup := twoAnas(t, st)
	m.OpenPerson(ana)
	f := m.people.page.mergeWith()
	if !f.save.Disabled() || !strings.Contains(f.reason.Text, "Pick the other record") {
		t.Fatalf("before picking: save disabled %v, %q", f.save.Disabled(), f.reason.Text)
	}
	pick(t, f.other, "silva-lopez", "Ana Silva-Lopez")
	if f.save.Disabled() {
		t.Fatalf("after picking: save off: %q", f.reason.Text)
	}
	want := "Ana Silva (#1) stays. Ana Silva-Lopez (#2) is removed, and these move to Ana Silva:\n• 1 interaction\n" +
		"• 1 email, phone or URL (1 already there)\n• 1 role period"
	if f.preview.Text != want {
		t.Errorf("confirmation\n got %q\nwant %q", f.preview.Text, want)
	}
	test.Tap(f.save)
	if n := peopleCount(t, st); n != 1 {
		t.Fatalf("%d people after the merge, want 1", n)
	}
	if m.people.page.d == nil || m.people.page.d.ID != ana || len(m.people.page.d.Interactions) != 2 {
		t.Error("after the merge the window should show Ana's page with both interactions")
	}
	if !m.bar.box.Visible() || m.bar.label.Text != "Merged Ana Silva-Lopez into Ana Silva." || !m.bar.undo.Visible() {
		t.Fatalf("bar %q, undo shown %v", m.bar.label.Text, m.bar.undo.Visible())
	}
	test.Tap(m.bar.undo)
	if n := peopleCount(t, st); n != 2 {
		t.Errorf("%d people after undo, want both records back", n)
	}
	if m.bar.label.Text != "Restored Ana Silva-Lopez as a separate record." {
		t.Errorf("bar after undo %q", m.bar.label.Text)
	}
	err := st.View(context.Background(), func(tx *store.Tx) error {
		tl, err := tx.Timeline(dup, 0, 0)
		if len(tl) != 1 {
			t.Errorf("the restored record has %d interactions, want its own 1", len(tl))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Choosing the other record to keep keeps it, and the form says so.
func TestMergeKeepsTheRecordChosen(t *testing.T) {
	m, st := newTestMain(t)
	ana, dup := twoAnas(t, st)
	f := newMergeForm(m, crm.PersonRef{ID: ana, Name: "Ana Silva"}, &crm.PersonRef{ID: dup, Name: "Ana Silva-Lopez"})
	f.show()
	f.keep.SetSelected("Ana Silva-Lopez (#2)")
	if !strings.HasPrefix(f.preview.Text, "Ana Silva-Lopez (#2) stays. Ana Silva (#1) is removed") {
		t.Fatalf("confirmation %q", f.preview.Text)
	}
	test.Tap(f.save)
	err := st.View(context.Background(), func(tx *store.Tx) error {
		if _, err := tx.Contact(ana); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("Ana Silva is still there: %v", err)
		}
		_, err := tx.Contact(dup)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDuplicatesFilterListsPairsToMerge(t *testing.T) {
	m, st := newTestMain(t)
	ana, dup := twoAnas(t, st)
	addPerson(t, st, "Sam Lee", "", "", "2026-01-10")
	m.Show(screenPeople)
	v := m.people
	test.Tap(v.filters[dupFilter])
	if !v.dupMode || len(v.dups.pairs) != 1 || v.count.Text != "1 possible duplicate" {
		t.Fatalf("duplicates: mode %v, pairs %+v, count %q", v.dupMode, v.dups.pairs, v.count.Text)
	}
	p := v.dups.pairs[0]
	if p.A.ID != ana || p.B.ID != dup || p.Why() != "same email ana@contoso.example" {
		t.Errorf("pair %+v: %s", p, p.Why())
	}
	if v.listArea.Objects[0] != v.dups.list {
		t.Error("the duplicates list is not shown in the list's place")
	}
	f := v.dups.merge(p)
	test.Tap(f.save)
	if len(v.dups.pairs) != 0 || v.count.Text != "No possible duplicates" {
		t.Errorf("after the merge: pairs %+v, count %q", v.dups.pairs, v.count.Text)
	}
	test.Tap(v.filters["all"])
	if v.dupMode || v.listArea.Objects[0] != v.list || len(v.names()) != 2 {
		t.Errorf("back to everyone: mode %v, names %v", v.dupMode, v.names())
	}
}

func TestExportContactsWritesAPrivateVCard(t *testing.T) {
	m, st := newTestMain(t)
	twoAnas(t, st)
	m.onExportChosen(m.contactsExport())(nil, nil) // cancelled: nothing happens
	path := filepath.Join(t.TempDir(), contactsFileName)
	w := createFile(t, path)
	m.onExportChosen(m.contactsExport())(w, nil)
	if !w.closed {
		t.Error("the dialog's writer was left open")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the export is mode %v, want 0600", fi.Mode().Perm())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cards, err := vcard.Read(f)
	if err != nil || len(cards) != 2 || cards[0].Contact.Name != "Ana Silva" || cards[0].Categories[0] != "mentor" {
		t.Errorf("cards %+v, %v", cards, err)
	}
	if want := "Exported 2 contacts to " + path + "."; m.bar.label.Text != want {
		t.Errorf("bar says %q, want %q", m.bar.label.Text, want)
	}
}

// Long names are truncated or wrapped, never widening the list or the form.
func TestLongNamesKeepDuplicatesAndMergeFormNarrow(t *testing.T) {
	m, st := newTestMain(t)
	long := strings.Repeat("Bartholomew-Wolfeschlegelsteinhausen ", 8)
	a := addPerson(t, st, long, "", "", "2026-01-10")
	b := addPerson(t, st, long, "", "", "2026-01-11")
	m.Show(screenPeople)
	test.Tap(m.people.filters[dupFilter])
	m.people.dups.list.Refresh()
	if w := m.people.dups.list.MinSize().Width; w > 400 {
		t.Errorf("the duplicates list is %v wide with a long name", w)
	}
	f := newMergeForm(m, crm.PersonRef{ID: a, Name: long}, &crm.PersonRef{ID: b, Name: long})
	f.show()
	if w := f.body.MinSize().Width; w > 700 {
		t.Errorf("the merge form is %v wide with a long name", w)
	}
}

// Undo after the merged person changed is refused, in words, and the
// merge stays.
func TestMergeUndoRefusedAfterAChange(t *testing.T) {
	m, st := newTestMain(t)
	ana, dup := twoAnas(t, st)
	f := newMergeForm(m, crm.PersonRef{ID: ana, Name: "Ana Silva"}, &crm.PersonRef{ID: dup, Name: "Ana Silva-Lopez"})
	f.show()
	test.Tap(f.save)
	in := &crm.Interaction{Kind: crm.KindCall, Date: crmtest.Date(testToday), Participants: []crm.Participant{{ContactID: ana}}}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.LogInteraction(in) })
	test.Tap(m.bar.undo)
	if n := peopleCount(t, st); n != 1 {
		t.Errorf("%d people after a refused undo, want the merged one", n)
	}
	if m.bar.box.Visible() && strings.HasPrefix(m.bar.label.Text, "Restored") {
		t.Errorf("the bar claims a restore: %q", m.bar.label.Text)
	}
}
