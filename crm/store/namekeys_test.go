package store

import (
	"testing"

	"github.com/kithcrm/kith/crm"
)

// A book whose keys were folded by an older Kith, which left a space where
// a lone accent was ("zed " for "Zed \u0301"), has them folded again at the
// next open: the person is found by the name as typed, and a second open
// writes nothing.
func TestOpenFoldsOldNameKeysAgain(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	path := st.Path()
	id := addContact(t, st, crm.Contact{Name: "Zed \u0301"})
	addContact(t, st, crm.Contact{Name: "Ana Lopez"})
	for _, q := range []string{
		"UPDATE contacts SET name_key = 'zed ' WHERE id = 1",
		"INSERT INTO circles (name, name_key, purpose, created_at) VALUES ('Zed \u0301', 'zed ', '', '2026-01-01')",
		"INSERT INTO circles (name, name_key, purpose, created_at) VALUES ('zed', 'zed', '', '2026-01-01')",
		"UPDATE settings SET value = '1' WHERE key = '" + settingNameFold + "'",
	} {
		if _, err := st.rw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	st.Close()

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var key string
	if err := st.rw.QueryRow("SELECT name_key FROM contacts WHERE id = ?", id).Scan(&key); err != nil || key != "zed" {
		t.Fatalf("key after open = %q, %v; want %q", key, err, "zed")
	}
	// Two circles now fold alike; circle keys are unique, so the older
	// key stays rather than the open failing.
	var keys []string
	rows, err := st.rw.Query("SELECT name_key FROM circles ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys = append(keys, k)
	}
	rows.Close()
	if len(keys) != 2 || keys[0] != "zed " || keys[1] != "zed" {
		t.Errorf("circle keys = %q, want the clash kept apart", keys)
	}
	var v string
	if err := st.rw.QueryRow("SELECT value FROM settings WHERE key = ?", settingNameFold).Scan(&v); err != nil || v != "2" {
		t.Errorf("fold version = %q, %v", v, err)
	}
}
