package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// DatabaseInfo describes a file that CheckDatabase accepted.
type DatabaseInfo struct {
	Path         string `json:"path"`
	Schema       int    `json:"schema"`
	People       int    `json:"people"`
	Interactions int    `json:"interactions"`
}

// Restored says what Restore did.
type Restored struct {
	Database string       // the database that was replaced
	From     DatabaseInfo // the file it was replaced with
	// Previous is where the database it replaced was kept, in the backups
	// folder; "" when there was no database yet.
	Previous string
}

// CheckDatabase checks that file is a Kith database this Kith can open: an
// SQLite file that passes SQLite's integrity check, with Kith's record of
// its schema, no newer than this Kith's. It reads the file without
// changing it or creating anything beside it. A refusal is a *crm.Error
// naming the file and the reason.
func CheckDatabase(ctx context.Context, file string) (DatabaseInfo, error) {
	src, err := openSource(file)
	if err != nil {
		return DatabaseInfo{}, err
	}
	defer src.close()
	return src.check(ctx)
}

// Restore replaces the database at dbPath with a copy of file, once
// CheckDatabase accepts it; a refused file changes nothing. The database it
// replaces is kept first, whole (what its -wal held included), as
// kith-before-restore-STAMP.db in the backups folder, stamped with now. The
// copy is written beside the database, flushed to disk, and renamed over
// it once the old database's -wal and -shm are gone, so a stale -wal can
// never be applied to the restored file. A database open in another Kith
// (a window, a command) is refused, changing nothing: close it first.
// (*Store).Restore restores the database a store has open.
func Restore(ctx context.Context, dbPath, file string, now time.Time) (Restored, error) {
	p, err := prepare(ctx, dbPath, file)
	if err != nil {
		return Restored{}, err
	}
	defer p.discard()
	return p.replace(ctx, now)
}

// Restore replaces the store's database with a copy of file, as the
// package's Restore does, and reopens it: transactions that arrive
// meanwhile fail, saying a restore is under way.
func (s *Store) Restore(ctx context.Context, file string, now time.Time) (Restored, error) {
	if s.readOnly {
		return Restored{}, fmt.Errorf("%s is open read-only: it cannot be restored", s.path)
	}
	p, err := prepare(ctx, s.path, file)
	if err != nil {
		return Restored{}, err
	}
	defer p.discard()
	if !s.gate.shut() {
		return Restored{}, errRestoring
	}
	var res Restored
	if err = s.closePools(); err == nil {
		res, err = p.replace(ctx, now)
	}
	// Replaced or not, the store opens what is there now.
	if oerr := s.reopen(); oerr != nil {
		s.gate.open(oerr)
		return res, errors.Join(err, oerr)
	}
	s.gate.open(nil)
	return res, err
}

// reopen opens the store's pools again on the file at its path, upgrading
// a restored file from an older Kith.
func (s *Store) reopen() error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	ns, err := open(s.path, ms)
	if err != nil {
		return fmt.Errorf("reopen %s after a restore: %w", s.path, err)
	}
	s.rw, s.ro, s.snap, s.created = ns.rw, ns.ro, ns.snap, crm.Date{}
	return nil
}

// refuse is a restore's refusal of file, naming it and the reason.
func refuse(file, reason string, args ...any) error {
	return &crm.Error{Code: crm.EInvalid, Message: fmt.Sprintf("cannot restore %s: %s; nothing was changed", file, fmt.Sprintf(reason, args...))}
}

// source is a file to restore from, open read-only.
type source struct {
	path    string
	dsn     string
	db      *sql.DB
	scratch string // a private copy's folder, when the file has a -wal beside it
}

// openSource opens file without writing beside it. Alone it is opened
// immutable; with a -wal beside it (it was copied from a running Kith, or
// not closed cleanly) file and -wal are copied to a private temporary
// folder first and read there, so the -wal's pages count and no -shm is
// made beside file.
func openSource(file string) (*source, error) {
	fi, err := os.Stat(file)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, refuse(file, "there is no such file")
	case err != nil:
		return nil, refuse(file, "it cannot be read (%v)", err)
	case fi.IsDir():
		return nil, refuse(file, "it is a folder")
	}
	h, err := readHeader(file)
	if err != nil {
		return nil, refuse(file, "it cannot be read (%v)", err)
	}
	if len(h) == 0 {
		return nil, refuse(file, "it is not a Kith database (it is empty)")
	}
	if !isSQLite(h) {
		return nil, refuse(file, "it is not a Kith database (not even an SQLite file: it does not start with SQLite's header)")
	}
	s := &source{path: file, dsn: fileURI(file) + "?mode=ro&immutable=1"}
	if wal, err := os.Stat(file + "-wal"); err == nil && wal.Size() > 0 {
		if err := s.copyAside(); err != nil {
			return nil, err
		}
	}
	if s.db, err = sql.Open("sqlite3", s.dsn); err != nil {
		s.close()
		return nil, fmt.Errorf("open %s: %w", file, err)
	}
	s.db.SetMaxOpenConns(1)
	return s, nil
}

// copyAside copies the file and its -wal into a private temporary folder
// and points the source there.
func (s *source) copyAside() error {
	dir, err := os.MkdirTemp("", "kith-restore-")
	if err != nil {
		return fmt.Errorf("read %s: %w", s.path, err)
	}
	s.scratch = dir
	cp := filepath.Join(dir, "kith.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(s.path+suffix, cp+suffix); err != nil {
			s.close()
			return fmt.Errorf("read %s: %w", s.path, err)
		}
	}
	s.dsn = fileURI(cp) + "?mode=ro"
	return nil
}

func (s *source) close() {
	if s.db != nil {
		s.db.Close()
	}
	if s.scratch != "" {
		os.RemoveAll(s.scratch)
	}
}

// check runs CheckDatabase's checks on the open source.
func (s *source) check(ctx context.Context) (DatabaseInfo, error) {
	if err := s.integrity(ctx); err != nil {
		return DatabaseInfo{}, err
	}
	v, err := s.schema(ctx)
	if err != nil {
		return DatabaseInfo{}, err
	}
	info := DatabaseInfo{Path: s.path, Schema: v}
	if err := s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions)").
		Scan(&info.People, &info.Interactions); err != nil {
		return DatabaseInfo{}, refuse(s.path, "it is not a Kith database (%v)", err)
	}
	return info, nil
}

// integrity runs SQLite's integrity check, which reads every page.
func (s *source) integrity(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check(5)")
	problems, err := collect(rows, err, scanOne[string])
	if err != nil {
		return refuse(s.path, "it is damaged or not a database (%v)", err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return refuse(s.path, "it is damaged (SQLite's integrity check: %s)", strings.Join(strings.Fields(strings.Join(problems, "; ")), " "))
	}
	return nil
}

// schema reads Kith's record of the file's schema and checks that it is
// Kith's, step by step, and no newer than this Kith.
func (s *source) schema(ctx context.Context) (int, error) {
	ms, err := loadMigrations()
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n); err != nil {
		return 0, refuse(s.path, "it cannot be read (%v)", err)
	}
	if n == 0 {
		return 0, refuse(s.path, "it is not a Kith database (it has no schema_migrations table)")
	}
	type step struct {
		version int
		name    string
	}
	rows, err := s.db.QueryContext(ctx, "SELECT version, name FROM schema_migrations ORDER BY version")
	steps, err := collect(rows, err, func(row scanner) (step, error) {
		var st step
		return st, row.Scan(&st.version, &st.name)
	})
	if err != nil {
		return 0, refuse(s.path, "it is not a Kith database (its schema_migrations table is not Kith's: %v)", err)
	}
	if len(steps) == 0 {
		return 0, refuse(s.path, "it is not a Kith database (its schema_migrations table records no schema)")
	}
	for i, st := range steps {
		if st.version != i+1 || (st.version <= len(ms) && st.name != ms[i].name) {
			return 0, refuse(s.path, "it is not a Kith database (its schema_migrations table records %d %q, not Kith's step %d)", st.version, st.name, i+1)
		}
	}
	if v := len(steps); v > len(ms) {
		return 0, &crm.Error{Code: crm.ENewer, Message: fmt.Sprintf(
			"cannot restore %s: it was written by a newer version of Kith (schema %d; this Kith knows up to %d): update Kith to restore it; nothing was changed", s.path, v, len(ms))}
	}
	return len(steps), nil
}
