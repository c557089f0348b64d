package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

func TestBackupIsPrivateCompleteAndNeverOverwrites(t *testing.T) {
	usualUmask(t) // a usual umask would leave a new file world-readable
	st := openTemp(t, "2026-11-25")
	addContact(t, st, crm.Contact{Name: "Ana Lopez"}, crm.RoleMentor)
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := st.Backup(context.Background(), dest); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dest)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	cp, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	var n int
	view(t, cp, func(tx *Tx) error {
		n, err = tx.CountContacts(crm.ContactFilter{})
		return err
	})
	if n != 1 {
		t.Errorf("the backup holds %d contacts, want 1", n)
	}
	before, _ := os.ReadFile(dest)
	if err := st.Backup(context.Background(), dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup to the same file: %v", err)
	}
	if after, _ := os.ReadFile(dest); string(after) != string(before) {
		t.Error("a refused backup changed the existing file")
	}
}
