package cli

import (
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kithcrm/kith/crm/store"
)

// crashKills is how many times TestKilledWritesLoseNothing kills its
// writer: -kith.crash=N for a longer run than the default.
var crashKills = flag.Int("kith.crash", 50, "how many times the crash test kills a writing Kith")

// A Kith killed (SIGKILL) at random moments while it writes leaves a
// database that opens, passes SQLite's integrity check, holds every write
// the killed process reported as done, and holds no half of a write: no
// interaction without its participants, no exchange without its
// interaction, no import with only some of its people.
func TestKilledWritesLoseNothing(t *testing.T) {
	if *crashKills < 1 {
		t.Skip("-kith.crash=0")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "kith.db")
	writes := map[string]int{}
	for kill := range *crashKills {
		c := startChild(t, "writer", db, fmt.Sprint(kill))
		// The first kills land in the first open, migrations and all;
		// later ones anywhere in the loop of writes, once the writer is
		// under way (its start-up is not what is tested, and takes longer
		// on a busy machine).
		var first []string
		if kill < 5 {
			time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
		} else {
			select {
			case l, ok := <-c.lines:
				if ok {
					first = append(first, l)
				}
			case <-time.After(5 * time.Second):
			}
			time.Sleep(time.Duration(rand.IntN(200)) * time.Millisecond)
		}
		if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		reported, err := c.wait()
		reported = append(first, reported...)
		if err == nil || !strings.Contains(err.Error(), "killed") {
			t.Fatalf("kill %d: the writer ended on its own (%v): %s", kill, err, c.err.String())
		}
		if kill == 0 {
			// Writes need someone to log with; the first open may not have
			// got that far.
			mustKith(t, db, "contact", "add", "Anchor Person")
			mustKith(t, db, "calendar", "set", "--live-file", filepath.Join(dir, "kith.ics"))
		}
		for _, r := range reported {
			kind, _, _ := strings.Cut(r, "\t")
			writes[kind]++
		}
		checkAfterKill(t, db, dir, kill, reported)
	}
	total := writes["contact"] + writes["log"] + writes["import"] + writes["calendar"]
	t.Logf("killed a writing Kith %d times; %d reported writes all found (%d contacts added, %d interactions logged, %d imports, %d calendar refreshes); integrity ok after each kill",
		*crashKills, total, writes["contact"], writes["log"], writes["import"], writes["calendar"])
	for _, kind := range []string{"contact", "log", "import", "calendar"} {
		if writes[kind] == 0 {
			t.Errorf("the writer never reported a %s write: that write was not tested", kind)
		}
	}
}

// checkAfterKill opens the database as the next Kith would and checks it.
func checkAfterKill(t *testing.T, db, dir string, kill int, reported []string) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("kill %d: the next open failed: %v", kill, err)
	}
	st.Close()
	if copies, _ := filepath.Glob(db + ".before-*"); len(copies) != 0 {
		t.Fatalf("kill %d: a copy of a book with nothing in it: %v", kill, copies)
	}
	conn, err := sql.Open("sqlite3", "file:"+db+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	one := func(query string, args ...any) string {
		t.Helper()
		var s string
		if err := conn.QueryRow(query, args...).Scan(&s); err != nil {
			t.Fatalf("kill %d: %s: %v", kill, query, err)
		}
		return s
	}
	if got := one("PRAGMA integrity_check"); got != "ok" {
		t.Fatalf("kill %d: integrity_check: %s", kill, got)
	}
	if rows, err := conn.Query("PRAGMA foreign_key_check"); err != nil {
		t.Fatal(err)
	} else if bad := rows.Next(); rows.Close() == nil && bad {
		t.Fatalf("kill %d: foreign_key_check found rows pointing at nothing", kill)
	}
	for query, what := range map[string]string{
		"SELECT count(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.interaction_id = i.id)":  "interactions without participants",
		"SELECT count(*) FROM exchanges WHERE interaction_id IS NULL OR interaction_id NOT IN (SELECT id FROM interactions)": "exchanges without their interaction",
	} {
		if got := one(query); got != "0" {
			t.Fatalf("kill %d: %s %s", kill, got, what)
		}
	}
	checkImportsWhole(t, conn, kill)
	for _, r := range reported {
		kind, key, _ := strings.Cut(r, "\t")
		switch kind {
		case "contact":
			if got := one("SELECT count(*) FROM contacts WHERE name = ?", key); got != "1" {
				t.Fatalf("kill %d: reported contact %q: %s found", kill, key, got)
			}
		case "log":
			if got := one(`SELECT count(DISTINCT p.contact_id) || '/' || (SELECT count(*) FROM exchanges e WHERE e.interaction_id = i.id)
				FROM interactions i JOIN participants p ON p.interaction_id = i.id WHERE i.summary = ?`, key); got != "1/2" {
				t.Fatalf("kill %d: reported interaction %q: participants/exchanges %s, want 1/2", kill, key, got)
			}
		case "import":
			if got := one("SELECT count(*) FROM contacts WHERE name LIKE ? || ' %'", key); got != "3" {
				t.Fatalf("kill %d: reported import %q: %s of 3 people found", kill, key, got)
			}
		case "calendar":
			checkCalendarWhole(t, filepath.Join(dir, "kith.ics"), kill)
		}
	}
}

// checkImportsWhole finds every imported person and checks each import
// came in whole: all three people of a file, or none.
func checkImportsWhole(t *testing.T, conn *sql.DB, kill int) {
	t.Helper()
	rows, err := conn.Query("SELECT name FROM contacts WHERE name LIKE 'Imported %'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	batches := map[string]int{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		batches[name[:strings.LastIndex(name, " ")]]++
	}
	for batch, n := range batches {
		if n != 3 {
			t.Fatalf("kill %d: import %q is in part: %d of 3 people", kill, batch, n)
		}
	}
}

// checkCalendarWhole checks that the live calendar file, rewritten by the
// killed writer, is a whole calendar.
func checkCalendarWhole(t *testing.T, path string, kill int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("kill %d: the live calendar: %v", kill, err)
	}
	s := string(b)
	if !strings.HasPrefix(s, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(s, "END:VCALENDAR\r\n") {
		t.Fatalf("kill %d: the live calendar is cut short (%d bytes)", kill, len(b))
	}
}
