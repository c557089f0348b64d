package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/vcard"
)

// exportBook is a small book with every field a vCard carries.
func exportBook(t *testing.T) *Store {
	t.Helper()
	st := openTemp(t, "2026-11-25")
	addContact(t, st, crm.Contact{Name: "Priya Raman", Company: "Fabrikam", Title: "Director of Product", Location: "Portland, OR",
		Birthday: day("1984-07-19"), Notes: "prefers mornings",
		Channels: []crm.Channel{
			{Kind: crm.ChannelEmail, Label: "work", Value: "priya@fabrikam.example", Primary: true},
			{Kind: crm.ChannelEmail, Label: "home", Value: "priya@home.example"},
			{Kind: crm.ChannelPhone, Label: "mobile", Value: "+1 555 0100", Primary: true},
			{Kind: crm.ChannelURL, Label: "linkedin", Value: "https://www.linkedin.com/in/priyaraman", Primary: true},
		}}, crm.RoleMentor, crm.RoleCircle)
	addContact(t, st, crm.Contact{Name: "Émile Zola", Roles: []crm.Role{{Kind: crm.RoleCoach, Since: day("2024-01-01"), Until: day("2024-06-30")}}},
		crm.RoleMentor)
	addContact(t, st, crm.Contact{Name: "Sam Lee", Archived: true}, crm.RoleCoach)
	return st
}

// exported runs an export inside View and returns the file.
func exported(t *testing.T, st *Store, opts vcard.ExportOptions) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	var n int
	view(t, st, func(tx *Tx) (err error) {
		n, err = vcard.Export(&buf, tx, opts)
		return err
	})
	return buf.String(), n
}

// Re-importing the export into an empty book gives back the people, their
// channels and their current roles (the roles travel as CATEGORIES).
func TestVCardExportReimportsIntoAnEmptyBook(t *testing.T) {
	st := exportBook(t)
	file, n := exported(t, st, vcard.ExportOptions{})
	if n != 3 || strings.Count(file, "BEGIN:VCARD") != 3 || !strings.Contains(file, "VERSION:4.0") {
		t.Fatalf("exported %d, file:\n%s", n, file)
	}
	if strings.Contains(file, "prefers mornings") {
		t.Error("private notes were exported without --with-notes")
	}
	cards, err := vcard.Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	fresh := openTemp(t, "2026-11-25")
	update(t, fresh, func(tx *Tx) error {
		for _, card := range cards {
			if card.Err != nil {
				return card.Err
			}
			c := card.Contact
			for _, cat := range card.Categories {
				r, err := crm.ParseRole(cat)
				if err != nil {
					return err
				}
				c.Roles = append(c.Roles, crm.Role{Kind: r})
			}
			if err := tx.AddContact(&c); err != nil {
				return err
			}
		}
		return nil
	})
	if got, want := people(t, fresh), people(t, st); got != want {
		t.Errorf("re-imported book\n got %s\nwant %s", got, want)
	}
}

// people renders every contact's exported fields, in name order.
func people(t *testing.T, st *Store) string {
	t.Helper()
	var b strings.Builder
	view(t, st, func(tx *Tx) error {
		return tx.ExportContacts("", func(page []crm.Contact) error {
			for _, c := range page {
				fmt.Fprintf(&b, "\n%s|%s|%s|%s|%s|%v|%v", c.Name, c.Company, c.Title, c.Location, c.Birthday, c.Channels, c.CurrentRoles())
			}
			return nil
		})
	})
	return b.String()
}

func TestVCardExportByRoleWithNotes(t *testing.T) {
	st := exportBook(t)
	file, n := exported(t, st, vcard.ExportOptions{Role: crm.RoleMentor, WithNotes: true})
	cards, err := vcard.Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cards {
		names = append(names, c.Contact.Name)
	}
	if n != 2 || !slices.Equal(names, []string{"Émile Zola", "Priya Raman"}) {
		t.Errorf("mentors exported: %d %v, want Émile and Priya in name order", n, names)
	}
	if cards[1].Contact.Notes != "prefers mornings" || !slices.Equal(cards[1].Categories, []string{"mentor", "circle"}) {
		t.Errorf("Priya's card: notes %q, categories %v", cards[1].Contact.Notes, cards[1].Categories)
	}
	if !slices.Equal(cards[0].Categories, []string{"mentor"}) {
		t.Errorf("Émile's categories %v: an ended role is not a category", cards[0].Categories)
	}
}

// An export larger than a page reads every person once, in name order,
// page after page.
func TestVCardExportPagesThroughTheBook(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	n := 2*exportPageSize + 7
	update(t, st, func(tx *Tx) error {
		for i := range n {
			// Names that sort apart from the order added, some the same.
			c := &crm.Contact{Name: fmt.Sprintf("Person %04d", (i*7919)%(n-3)),
				Channels: []crm.Channel{{Kind: crm.ChannelEmail, Value: fmt.Sprintf("p%d@x.example", i)}}}
			if err := tx.AddContact(c); err != nil {
				return err
			}
		}
		return nil
	})
	var pages []int
	seen := map[int64]bool{}
	last := ""
	view(t, st, func(tx *Tx) error {
		return tx.ExportContacts("", func(page []crm.Contact) error {
			pages = append(pages, len(page))
			for _, c := range page {
				if seen[c.ID] {
					t.Fatalf("%s (#%d) exported twice", c.Name, c.ID)
				}
				seen[c.ID] = true
				if key := crm.NameKey(c.Name); key < last {
					t.Fatalf("%s after %s: not in name order", c.Name, last)
				} else {
					last = key
				}
				if len(c.Channels) != 1 || c.Channels[0].Value != fmt.Sprintf("p%d@x.example", c.ID-1) {
					t.Fatalf("%s (#%d) has channels %v", c.Name, c.ID, c.Channels)
				}
			}
			return nil
		})
	})
	if len(seen) != n || !slices.Equal(pages, []int{exportPageSize, exportPageSize, 7}) {
		t.Errorf("exported %d of %d people in pages %v", len(seen), n, pages)
	}
}

// A page of the export is a range of the name index, never a sort of the
// whole book.
func TestVCardExportPageWalksTheNameIndex(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	plan := queryPlan(t, st, fmt.Sprintf(exportPage, contactList), sql.Named("key", ""), sql.Named("id", 0),
		sql.Named("role", "mentor"), sql.Named("limit", 10))
	text := strings.Join(plan, "\n")
	if !strings.Contains(text, "contacts_name_key") || strings.Contains(text, "TEMP B-TREE") {
		t.Errorf("the export page does not walk the name index:\n%s", text)
	}
}
