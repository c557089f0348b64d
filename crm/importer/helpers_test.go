package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

const today = "2026-11-25"

// openStore opens a new book in a temporary folder, seen from today.
func openStore(tb testing.TB) *store.Store {
	tb.Helper()
	return storetest.Open(tb, crmtest.Date(today), nil)
}

// sample reads a file of the readers' testdata.
func sample(tb testing.TB, format importer.Format, name string) []byte {
	tb.Helper()
	dir := "vcard"
	if format == importer.LinkedIn {
		dir = "linkedin"
	}
	data, err := os.ReadFile(filepath.Join("..", dir, "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// importData runs a whole import of data in one write transaction, as the
// command line does, and returns its plan.
func importData(tb testing.TB, st *store.Store, format importer.Format, name string, data []byte, opts importer.Options) (*importer.Plan, error) {
	tb.Helper()
	src, err := importer.Read(format, name, bytes.NewReader(data), nil)
	if err != nil {
		return nil, err
	}
	var p *importer.Plan
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		var err error
		if p, err = importer.MakePlan(tx, src, opts); err != nil {
			return err
		}
		return importer.Apply(tx, p, opts, nil)
	})
	return p, err
}

// mustImport imports a sample file, which must succeed.
func mustImport(t *testing.T, st *store.Store, format importer.Format, name string, opts importer.Options) *importer.Plan {
	t.Helper()
	p, err := importData(t, st, format, name, sample(t, format, name), opts)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return p
}

func update(t *testing.T, st *store.Store, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := st.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

// person loads the one contact with a name.
func person(t *testing.T, st *store.Store, name string) *crm.Contact {
	t.Helper()
	var c *crm.Contact
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		id, err := tx.FindContact(name)
		if err != nil {
			return err
		}
		c, err = tx.Contact(id)
		return err
	}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// names lists every contact's name, sorted.
func names(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		for _, archived := range []bool{false, true} {
			list, err := tx.ListContacts(crm.ContactFilter{Archived: archived})
			if err != nil {
				return err
			}
			for _, s := range list {
				out = append(out, s.Name)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// channels writes a contact's channels as "kind label value*" (* for
// primary), in the store's order, for comparing in one line.
func channels(c *crm.Contact) string {
	var out []string
	for _, ch := range c.Channels {
		s := fmt.Sprintf("%s %s %s", ch.Kind, ch.Label, ch.Value)
		if ch.Primary {
			s += "*"
		}
		out = append(out, s)
	}
	return strings.Join(out, " | ")
}

// dump renders every table but those skipped as sorted rows, so a test can
// tell that a failed import wrote nothing at all.
func dump(tb testing.TB, st *store.Store, skip ...string) string {
	tb.Helper()
	return storetest.Dump(tb, st.Path(), skip...)
}
