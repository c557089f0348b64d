package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// The window and headless commands in another process write to the same
// book at once, the window for as long as the commands run: every write of
// both is kept.
func TestWindowAndCommandWriteAtOnce(t *testing.T) {
	db := tempDB(t)
	window, err := store.Open(db) // as main opens it for the window
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	c := startChild(t, "adder", db, "1")
	theirs := []string{<-c.lines} // from its first write on, both write
	ours := 0
	for open := true; open; ours++ {
		if err := window.Update(context.Background(), func(tx *store.Tx) error {
			return tx.AddContact(&crm.Contact{Name: fmt.Sprintf("Window n%d", ours)})
		}); err != nil {
			t.Fatalf("the window's write %d: %v", ours, err)
		}
		select {
		case l, ok := <-c.lines:
			if ok {
				theirs = append(theirs, l)
			}
			open = ok
		default:
		}
	}
	if rest, err := c.wait(); err != nil || len(theirs)+len(rest) != 60 {
		t.Fatalf("the headless writer: %d writes, %v: %s", len(theirs)+len(rest), err, c.err.String())
	}
	var n int
	if err := window.View(context.Background(), func(tx *store.Tx) (err error) {
		n, err = tx.CountContacts(crm.ContactFilter{})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if n != ours+60 {
		t.Errorf("%d people after both wrote, want %d (%d by the window)", n, ours+60, ours)
	}
	// A reading command while the window still has the book open (its
	// -wal holds the newest pages) sees every committed write.
	var listed []map[string]any
	kithJSON(t, db, &listed, "contact", "list", "--json")
	if len(listed) != n {
		t.Errorf("a reading command lists %d people with the window open, want %d", len(listed), n)
	}
	t.Logf("the window wrote %d people while a headless command wrote 60", ours)
}

// Another Kith holding the write lock longer than the busy timeout makes a
// write command fail saying so, with nothing changed; a reading command
// still reads what was committed.
func TestALockHeldTooLongIsSaidSo(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "contact", "add", "Ana Lopez")
	c := startChild(t, "locker", db, "write")
	if l := <-c.lines; l != "locked" {
		t.Fatalf("the locker said %q: %s", l, c.err.String())
	}
	if out := mustKith(t, db, "contact", "list"); !strings.Contains(out, "Ana Lopez") {
		t.Errorf("a reading command during the lock:\n%s", out)
	}
	start := time.Now()
	_, errOut, code := kith(t, db, "contact", "add", "Ben Okafor")
	if code != 1 || !strings.Contains(errOut, "database is busy: another Kith is writing to "+db) {
		t.Errorf("a write during the lock: exit %d, %s", code, errOut)
	}
	if waited := time.Since(start); waited < 4*time.Second {
		t.Errorf("gave up after %s, before the busy timeout", waited)
	}
	c.stdin.Close()
	if _, err := c.wait(); err != nil {
		t.Fatalf("the locker: %v: %s", err, c.err.String())
	}
	if out := mustKith(t, db, "contact", "list"); strings.Contains(out, "Ben Okafor") {
		t.Errorf("the refused write was kept:\n%s", out)
	}
}
