package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// sampleURI names a file of the readers' testdata.
func sampleURI(t *testing.T, reader, name string) fyne.URI {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "crm", reader, "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return storage.NewFileURI(path)
}

// drop drops files on the window as a user would, and returns the preview.
func drop(t *testing.T, m *Main, uris ...fyne.URI) *importPreview {
	t.Helper()
	m.importing = nil
	m.onDropped(fyne.NewPos(10, 10), uris)
	if m.importing == nil {
		t.Fatal("no import preview after dropping a file")
	}
	return m.importing
}

func bookNames(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		list, err := tx.ListContacts(crm.ContactFilter{})
		for _, s := range list {
			out = append(out, s.Name)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// File > Import… is in the menu with its shortcut.
func TestFileMenuOffersImport(t *testing.T) {
	m, _ := newTestMain(t)
	for _, it := range m.menu().Items[0].Items {
		if it.Label == "Import…" {
			if s, ok := it.Shortcut.(fyne.KeyboardShortcut); !ok || s.Key() != fyne.KeyI {
				t.Errorf("Import… has shortcut %v, want Ctrl+I", it.Shortcut)
			}
			return
		}
	}
	t.Error("the File menu has no Import…")
}

// Dropping a vCard file previews it; the user maps a category to a role
// and picks a cadence, imports, and can undo it from the bar.
func TestDropVCardPreviewImportAndUndo(t *testing.T) {
	m, st := newTestMain(t)
	v := drop(t, m, sampleURI(t, "vcard", "apple-contacts.vcf"))
	assertShows(t, v.content, "vCard file apple-contacts.vcf: 2 to add, 0 to update, 0 unchanged, 0 refused.",
		"To add (2)", "Category Mentors (1)", "Category Work (1)")
	if v.form.save.Disabled() {
		t.Fatalf("Import is off: %q", v.form.reason.Text)
	}
	test.Type(v.cadence, "often")
	if !v.form.save.Disabled() || !strings.Contains(v.form.reason.Text, "Cadence") {
		t.Errorf("a bad cadence: Import disabled=%v, reason %q", v.form.save.Disabled(), v.form.reason.Text)
	}
	v.cadence.SetText("8w")
	v.cats["Mentors"].SetSelected("mentor")
	test.Tap(v.form.save)

	if got := bookNames(t, st); !slices.Equal(got, []string{"Priya Raman", "Zoë Åkesson"}) {
		t.Fatalf("book after import: %v", got)
	}
	var priya, zoe *crm.Contact
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		var err error
		id, _ := tx.FindContact("Priya Raman")
		if priya, err = tx.Contact(id); err != nil {
			return err
		}
		id, _ = tx.FindContact("Zoë Åkesson")
		zoe, err = tx.Contact(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(priya.CurrentRoles(), []crm.RoleKind{crm.RoleMentor}) || priya.CadenceDays != 56 ||
		len(zoe.CurrentRoles()) != 0 || zoe.CadenceDays != 56 {
		t.Errorf("Priya %v %d, Zoë %v %d; want mentor for Priya and 8w for both",
			priya.CurrentRoles(), priya.CadenceDays, zoe.CurrentRoles(), zoe.CadenceDays)
	}
	if !m.bar.box.Visible() || m.bar.label.Text != "Imported apple-contacts.vcf: 2 people added, 0 people updated." {
		t.Fatalf("bar: %q", m.bar.label.Text)
	}
	test.Tap(m.bar.undo)
	if got := bookNames(t, st); len(got) != 0 {
		t.Errorf("book after undo: %v", got)
	}
	if !strings.HasPrefix(m.bar.label.Text, "Undid the import of apple-contacts.vcf: removed 2 people") {
		t.Errorf("bar after undo: %q", m.bar.label.Text)
	}
}

// A file with refused rows is not imported until the user chooses to skip
// them; what each update fills is listed.
func TestDropLinkedInWithRefusedRows(t *testing.T) {
	m, st := newTestMain(t)
	addPerson(t, st, "Priya Raman", "", crm.RoleMentor, "2026-01-10")
	mustUpdate(t, st, func(tx *store.Tx) error {
		id, _ := tx.FindContact("Priya Raman")
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		c.Channels = []crm.Channel{{Kind: crm.ChannelEmail, Value: "priya.raman@example.com"}}
		return tx.UpdateContact(c)
	})
	v := drop(t, m, sampleURI(t, "linkedin", "linkedin-bom-crlf-reordered.csv"))
	assertShows(t, v.content, "To update (1)", "Refused (3)")
	if !v.form.save.Disabled() || !strings.Contains(v.form.reason.Text, "refused") {
		t.Fatalf("Import with refused rows: disabled=%v, reason %q", v.form.save.Disabled(), v.form.reason.Text)
	}
	lines := updatedLines(v.plan.Updated)
	if len(lines) != 1 || !strings.Contains(lines[0], "Priya Raman (matched by email) · company: Northwind Health · title: Group Product Manager") {
		t.Errorf("updated lines: %q", lines)
	}
	test.Tap(v.skipBad)
	test.Tap(v.form.save)
	if got := len(bookNames(t, st)); got != 6 {
		t.Errorf("%d people after importing the rest, want 6", got)
	}
}

// A file Kith cannot import is not opened.
func TestDropOtherFileImportsNothing(t *testing.T) {
	m, _ := newTestMain(t)
	m.onDropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI("/tmp/photo.jpg")})
	if m.importing != nil {
		t.Error("a photo opened an import preview")
	}
}

// Long names and notes neither widen the preview nor the window.
func TestImportPreviewStaysNarrowWithLongData(t *testing.T) {
	m, _ := newTestMain(t)
	long := strings.Repeat("Verylongname ", 40)
	vcf := "BEGIN:VCARD\nVERSION:3.0\nFN:" + long + "\nCATEGORIES:" + long + "\nNOTE:" + long + long + "\nEND:VCARD\n"
	path := filepath.Join(t.TempDir(), "long.vcf")
	if err := os.WriteFile(path, []byte(vcf), 0o600); err != nil {
		t.Fatal(err)
	}
	v := drop(t, m, storage.NewFileURI(path))
	fits(t, m, "the import preview", v.content)
}

// Settings: the cadence of people without a role can be left empty, no
// check-ins, or set.
func TestSettingsCadenceOfPeopleWithoutARole(t *testing.T) {
	m, st := newTestMain(t)
	m.Show(screenSettings)
	v := m.settings
	if got := v.cadences[crm.RoleNone].Text; got != "" {
		t.Fatalf("a new book shows %q for no role, want empty", got)
	}
	v.cadences[crm.RoleNone].SetText("3m")
	test.Tap(v.saveCad)
	var cad map[crm.RoleKind]int
	read := func() {
		if err := st.View(context.Background(), func(tx *store.Tx) error {
			var err error
			cad, err = tx.RoleCadences()
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	read()
	if cad[crm.RoleNone] != 90 {
		t.Errorf("no role after saving 3m: %d days", cad[crm.RoleNone])
	}
	v.cadences[crm.RoleNone].SetText("none")
	test.Tap(v.saveCad)
	read()
	if cad[crm.RoleNone] != 0 {
		t.Errorf("no role after saving none: %d days", cad[crm.RoleNone])
	}
}

// A .csv that is not LinkedIn's says so, and opens no preview.
func TestDropOtherCSVSaysWhy(t *testing.T) {
	m, _ := newTestMain(t)
	path := filepath.Join(t.TempDir(), "budget.csv")
	if err := os.WriteFile(path, []byte("Month,Amount\nJan,10\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m.onDropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(path)})
	if m.importing != nil {
		t.Fatal("a budget opened an import preview")
	}
	assertShows(t, topDialog(t, m), "Not imported")
}
