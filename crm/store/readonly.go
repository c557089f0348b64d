package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kithcrm/kith/crm"
)

// OpenReadOnly opens the database at path for reading only, and leaves the
// file exactly as it was: no byte of it changes and no -wal or -shm file
// appears beside it, so a backup can be looked at with 'kith --db FILE
// contact list' and stay a faithful backup. Commands that only read use it.
//
// A file in WAL mode with its -wal beside it is in use, or was not closed
// cleanly: it is read through that -wal, as SQLite shares it with the
// program writing. One in WAL mode without a -wal has nothing pending, and
// is read as immutable, since reading it the usual way would create the
// -wal and -shm. A file Kith has not upgraded yet (or no file at all) is
// read through an upgraded copy in a private temporary folder, removed on
// Close; a file written by a newer Kith is refused.
func OpenReadOnly(path string) (*Store, error) {
	ms, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	kind, v, err := inspect(path, ms)
	switch {
	case err != nil:
		return nil, err
	case kind != kithBook:
		return openScratch(path, "", ms)
	case v > len(ms):
		return nil, newerFile(path, v, len(ms))
	}
	h, err := readHeader(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ro := fileURI(path) + "?mode=ro&_busy_timeout=" + busyMillis()
	live := ro
	if isWAL(h) && !exists(path+"-wal") {
		ro += "&immutable=1"
	}
	if v < len(ms) {
		return openScratch(path, ro, ms)
	}
	db, err := sql.Open("sqlite3", ro)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	st := &Store{path: path, ro: db, snap: ro, readOnly: true, now: time.Now}
	if ro != live {
		st.live = live
	}
	return st, nil
}

// openScratch reads path (through the DSN from, or an empty book when from
// is "") as an upgraded copy in a private temporary folder, for
// OpenReadOnly: the file itself is never migrated by a command that only reads.
func openScratch(path, from string, ms []migration) (*Store, error) {
	dir, err := os.MkdirTemp("", "kith-read-")
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	cp := filepath.Join(dir, "kith.db")
	if from != "" {
		if err := createPrivate(cp); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if err := vacuumInto(context.Background(), from, cp); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	st, err := open(cp, ms)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	st.path, st.readOnly, st.scratch = path, true, dir
	return st, nil
}

// createPrivate creates an empty file only the user can read, for VACUUM
// INTO to fill (it accepts an empty file, and would otherwise create one
// with the umask's permissions).
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists", path)
		}
		return err
	}
	return f.Close()
}

// newerFile is the refusal of a database written by a newer Kith.
func newerFile(path string, have, want int) error {
	return &crm.Error{Code: crm.ENewer, Message: fmt.Sprintf(
		"%s was written by a newer version of Kith (schema %d; this Kith knows up to %d): update Kith to open it; the file was not changed", path, have, want)}
}

// reading is the pool a read transaction uses. A file read as immutable
// (in WAL mode, no -wal beside it when opened) is read through its -wal from
// the moment one appears: another Kith has opened it to write since, and
// an immutable reader would miss what it commits, or read a page while a
// checkpoint rewrites it.
func (s *Store) reading() *sql.DB {
	s.liveMu.Lock()
	defer s.liveMu.Unlock()
	if s.live == "" || !exists(s.path+"-wal") {
		return s.ro
	}
	db, err := sql.Open("sqlite3", s.live)
	if err != nil {
		return s.ro // the immutable read still works; the next one tries again
	}
	db.SetMaxOpenConns(4)
	old := s.ro
	s.ro, s.snap, s.live = db, s.live, ""
	old.Close() // connections in use close when their transaction ends
	return db
}
