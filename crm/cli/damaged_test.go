package cli

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kithcrm/kith/crm/store"
)

// outcome is what a command line did to a file: its exit status, a piece
// of its message, and whether the folder may change.
type outcome struct {
	code    int
	says    string
	changes bool // the command may change the folder (it took the file)
}

// damagedFile is a file --db may name, and what a reading and a writing
// command do with it.
type damagedFile struct {
	make  func(t *testing.T, db string) // leaves the file at db
	read  outcome                       // 'contact list'
	write outcome                       // 'contact add'
	// asUser marks the write as one that root, who may write anything,
	// cannot be refused: it is skipped when the suite runs as root.
	asUser bool
	// locker, when set, is the lock another process holds on the file
	// while both commands run.
	locker string
}

var notKith = "is not a Kith database"

var damagedFiles = map[string]damagedFile{
	"empty": {make: func(t *testing.T, db string) { writeFile(t, db, nil) },
		read: outcome{code: 0}, write: outcome{code: 0, changes: true}},
	"SQLite without tables": {make: func(t *testing.T, db string) { plainSQL(t, db, "PRAGMA user_version = 3") },
		read: outcome{code: 0}, write: outcome{code: 0, changes: true}},
	"missing, in a missing folder": {make: func(t *testing.T, db string) {},
		read: outcome{code: 2, says: "no Kith database at "}, write: outcome{code: 0, changes: true}},
	"truncated": {make: func(t *testing.T, db string) {
		kithBook(t, db)
		if err := os.Truncate(db, 8192); err != nil {
			t.Fatal(err)
		}
	}, read: outcome{code: 2, says: notKith + ": it is truncated"}, write: outcome{code: 2, says: notKith + ": it is truncated"}},
	"random bytes": {make: func(t *testing.T, db string) {
		b := make([]byte, 20000)
		rand.Read(b)
		writeFile(t, db, b)
	}, read: outcome{code: 2, says: notKith + ": it is not an SQLite database"}, write: outcome{code: 2, says: notKith + ": it is not an SQLite database"}},
	"text": {make: func(t *testing.T, db string) { writeFile(t, db, []byte("Ana Lopez, mentor\nBen Okafor, coach\n")) },
		read: outcome{code: 2, says: notKith + ": it is not an SQLite database"}, write: outcome{code: 2, says: notKith + ": it is not an SQLite database"}},
	"a folder": {make: func(t *testing.T, db string) {
		if err := os.Mkdir(db, 0o700); err != nil {
			t.Fatal(err)
		}
	}, read: outcome{code: 2, says: notKith + ": it is a folder"}, write: outcome{code: 2, says: notKith + ": it is a folder"}},
	"another app's SQLite with contacts": {make: func(t *testing.T, db string) {
		plainSQL(t, db, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO contacts (email) VALUES ('a@example.com')")
	}, read: outcome{code: 2, says: "another program's SQLite database (tables contacts)"}, write: outcome{code: 2, says: "another program's SQLite database (tables contacts)"}},
	"another app's SQLite": {make: func(t *testing.T, db string) {
		plainSQL(t, db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('So What')")
	}, read: outcome{code: 2, says: "another program's SQLite database (tables songs)"}, write: outcome{code: 2, says: "another program's SQLite database (tables songs)"}},
	"newer Kith": {make: func(t *testing.T, db string) {
		kithBook(t, db)
		plainSQL(t, db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')")
	}, read: outcome{code: 1, says: "newer version of Kith"}, write: outcome{code: 1, says: "newer version of Kith"}},
	"read-only file": {make: func(t *testing.T, db string) {
		kithBook(t, db)
		chmod(t, db, 0o400)
	}, read: outcome{code: 0}, write: outcome{code: 1, says: "is read-only for you"}, asUser: true},
	"read-only folder": {make: func(t *testing.T, db string) {
		kithBook(t, db)
		chmod(t, filepath.Dir(db), 0o500)
	}, read: outcome{code: 0}, write: outcome{code: 1, says: "does not let you create files"}, asUser: true},
	"locked exclusively by another process": {make: kithBook, locker: "exclusive",
		read: outcome{code: 1, says: "database is busy"}, write: outcome{code: 1, says: "database is busy"}},
}

// Every kind of file --db may name, damaged or not Kith's, read by a
// reading command and a writing one: the exit status, the message, and
// the folder left exactly as it was (hashes of every file before and after)
// unless the command was meant to take the file.
func TestDamagedFiles(t *testing.T) {
	for name, c := range damagedFiles {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "books")
			db := filepath.Join(dir, "kith.db")
			if name != "missing, in a missing folder" {
				if err := os.Mkdir(dir, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			c.make(t, db)
			defer chmod(t, dir, 0o700) // so that TempDir can clean up
			if c.locker != "" {
				l := startChild(t, "locker", db, c.locker)
				if line := <-l.lines; line != "locked" {
					t.Fatalf("the locker: %q %s", line, l.err.String())
				}
				defer func() { l.stdin.Close(); l.wait() }()
			}
			read := func() { tryOn(t, dir, db, c.read, "contact", "list") }
			write := func() {
				if c.asUser && os.Geteuid() == 0 {
					t.Log("skipped the write: root may write any file and folder, so its refusal cannot be tested as root; the read went through the read-only open all the same")
					return
				}
				tryOn(t, dir, db, c.write, "contact", "add", "Bea Schmidt")
			}
			if c.locker == "" {
				read()
				write()
				return
			}
			// Both wait out the busy timeout: wait for them at once.
			var wg sync.WaitGroup
			wg.Go(read)
			wg.Go(write)
			wg.Wait()
		})
	}
}

// tryOn runs one command on db and checks its outcome.
func tryOn(t *testing.T, dir, db string, want outcome, args ...string) {
	t.Helper()
	before := hashes(t, dir)
	_, errOut, code := kith(t, db, args...)
	if code != want.code || !strings.Contains(errOut, want.says) || (want.code != 0 && !strings.Contains(errOut, db)) {
		t.Errorf("kith %s: exit %d, %q; want exit %d naming %s and saying %q", strings.Join(args, " "), code, strings.TrimSpace(errOut), want.code, db, want.says)
	}
	if want.changes {
		return
	}
	if after := hashes(t, dir); !equalHashes(before, after) {
		t.Errorf("kith %s changed the folder:\nbefore %v\nafter  %v", strings.Join(args, " "), before, after)
	}
}

// hashes is every file and folder under dir with the SHA-256 of its
// content, or nil when dir is not there.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel] = "folder"
			return nil
		}
		b, err := os.ReadFile(p)
		sum := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(sum[:8])
		return err
	})
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalHashes(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// kithBook makes a closed Kith book at db with one person in it.
func kithBook(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	mustKith(t, db, "contact", "add", "Ana Lopez")
}

func plainSQL(t *testing.T, path, stmts string) {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(stmts); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}
