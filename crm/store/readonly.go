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
	if !exists(path) {
		return openScratch(path, "", ms)
	}
	h, err := readHeader(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ro := fileURI(path) + "?mode=ro&_busy_timeout=5000"
	if isWAL(h) && !exists(path+"-wal") {
		ro += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", ro)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	v, err := fileVersion(context.Background(), db)
	switch {
	case err != nil:
		db.Close()
		return nil, fmt.Errorf("read %s: is it a Kith database? %w", path, err)
	case v > len(ms):
		db.Close()
		return nil, newerFile(path, v, len(ms))
	case v < len(ms):
		db.Close()
		return openScratch(path, ro, ms)
	}
	db.SetMaxOpenConns(4)
	return &Store{path: path, ro: db, snap: ro, readOnly: true, now: time.Now}, nil
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
