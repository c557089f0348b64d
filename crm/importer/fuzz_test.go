package importer_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/store"
)

// FuzzImport feeds arbitrary bytes, as a vCard file or a Connections.csv,
// through the whole import into a real book that already holds people: it
// must never panic, a failed import must leave the book as it was, a
// refusal must be the only way to fail, and an import undone at once must
// leave the book as it was too. The seeds are the readers' test files, so
// the seed-only run of 'go test' is quick.
func FuzzImport(f *testing.F) {
	for _, dir := range []string{"vcard", "linkedin"} {
		files, err := filepath.Glob(filepath.Join("..", dir, "testdata", "*.*"))
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range files {
			if ext := filepath.Ext(name); ext != ".vcf" && ext != ".csv" {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(dir == "linkedin", false, data)
		}
	}
	f.Add(false, true, []byte("BEGIN:VCARD\nFN:A\nEMAIL:a@x\nEND:VCARD\nBEGIN:VCARD\nFN:#1\nEND:VCARD\nBEGIN:VCARD\nFN:a\nURL:x.example/a\nEND:VCARD\n"))
	f.Add(true, true, []byte("First Name,Last Name,URL,Email Address\nA,B,https://linkedin.com/in/ab,a@x\n,,,\nA,B,,AB@X\nC,D,,nope\n"))

	st := openStore(f)
	db, err := sql.Open("sqlite3", "file:"+st.Path()+"?mode=ro")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	for _, name := range []string{"apple-contacts.vcf", "google-contacts.vcf"} {
		if _, err := importData(f, st, importer.VCard, name, sample(f, importer.VCard, name), importer.Options{}); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, linkedIn, skipBad bool, data []byte) {
		format := importer.VCard
		if linkedIn {
			format = importer.LinkedIn
		}
		src, err := importer.Read(format, "fuzz", bytes.NewReader(data), nil)
		if err != nil {
			return // not a file of this format at all: nothing to import
		}
		before, n := signature(t, db), people(t, db)
		opts := importer.Options{SkipBad: skipBad}
		var p *importer.Plan
		err = st.Update(context.Background(), func(tx *store.Tx) error {
			var err error
			if p, err = importer.MakePlan(tx, src, opts); err != nil {
				return err
			}
			return importer.Apply(tx, p, opts, nil)
		})
		switch {
		case err != nil && !errors.Is(err, importer.ErrRefused):
			t.Fatalf("an import failed other than by refusing a record: %v", err)
		case err != nil || p.Batch == 0:
			if after := signature(t, db); after != before {
				t.Fatalf("an import that wrote nothing changed the book:\n%s\nwas\n%s", after, before)
			}
			return
		}
		if got := people(t, db); got != n+len(p.Added) {
			t.Fatalf("%d people after adding %d to %d", got, len(p.Added), n)
		}
		if err := st.Update(context.Background(), func(tx *store.Tx) error {
			res, err := importer.Undo(tx, p.Batch)
			if err == nil && len(res.Kept) > 0 {
				err = fmt.Errorf("undo at once kept %+v", res.Kept)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if after := signature(t, db); after != before {
			t.Fatalf("importing and undoing changed the book:\n%s\nwas\n%s", after, before)
		}
	})
}

// signature sums up the people of a book, their fields, channels and
// roles, leaving out the record of imports, the stamps of saves and the
// ids of channels (saving a person writes their channels anew).
func signature(t *testing.T, db *sql.DB) string {
	t.Helper()
	var s string
	err := db.QueryRow(`SELECT
		(SELECT count(*) FROM contacts) || ' ' || (SELECT count(*) FROM channels) || ' ' || (SELECT count(*) FROM roles) || ' ' ||
		COALESCE((SELECT group_concat(x, '|') FROM (SELECT id || name || company || title || location || notes || source ||
			source_detail || COALESCE(birthday, '') || COALESCE(met_on, '') || COALESCE(cadence_days, '') || archived AS x
			FROM contacts ORDER BY id)), '') || ' ' ||
		COALESCE((SELECT group_concat(y, '|') FROM (SELECT contact_id || kind || label || value || is_primary AS y
			FROM channels ORDER BY contact_id, kind, value, label, is_primary)), '')`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// people counts the contacts of a book.
func people(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM contacts").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
