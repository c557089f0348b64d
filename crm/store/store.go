// Package store keeps Kith's data in one local SQLite file. Every public
// operation runs in a transaction: a command that fails changes nothing.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver, registered as "sqlite3"

	"github.com/kithcrm/kith/crm"
)

// Store is an open Kith database. It holds two pools: one connection for
// writes, whose transactions take the write lock up front (so two writers
// never deadlock upgrading a read lock), and a pool of query-only
// connections, which in WAL mode read a consistent snapshot while a write is
// under way.
type Store struct {
	path string
	rw   *sql.DB // nil for a store opened read-only
	ro   *sql.DB
	// snap is the DSN of a connection made for one backup: pooled
	// connections are busy with the window's work, and the reading pool is
	// query-only, which VACUUM INTO counts as writing.
	snap string
	// created is the local day Open made the file, zero for a file that was
	// there: that day there is nothing worth a daily backup yet.
	created crm.Date
	// readOnly says the store was opened by OpenReadOnly: Update refuses.
	readOnly bool
	// scratch is a private folder removed on Close: a read-only store of
	// an older file reads an upgraded copy kept there.
	scratch string
	// live is, for a store read as immutable because no -wal was there,
	// the DSN that reads through the -wal once one appears (see reading).
	live   string
	liveMu sync.Mutex
	gate   gate
	today  crm.Date
	now    func() time.Time
}

// DefaultPath is where the database lives unless --db or KITH_DB say
// otherwise: the per-user configuration folder of the OS (~/.config/Kith on
// Linux, ~/Library/Application Support/Kith on macOS, %AppData%\Kith on Windows).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the per-user app data folder: %w", err)
	}
	return filepath.Join(dir, "Kith", "kith.db"), nil
}

// dsn sets the pragmas on every pooled connection, not once: foreign keys
// and the busy timeout are per-connection settings in SQLite.
func dsn(path string, extra string) string {
	return fileURI(path) + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=" + busyMillis() + "&_synchronous=NORMAL&_stmt_cache_size=64" + extra
}

// fileURI writes path as an SQLite URI, escaping the characters that would
// otherwise end the path part.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

// Open opens the database at path, creating it (mode 0600, in a folder only
// the user can read) when missing, and brings its schema up to date. Before
// any migration runs on an existing book with data in it, a copy is kept
// beside it. Only an empty file or Kith's own is opened: another program's
// database, a damaged file, a folder, or a file written by a newer Kith is
// refused untouched (see inspect), as is one Kith could not save to.
func Open(path string) (*Store, error) {
	ms, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	return open(path, ms)
}

// open opens path and migrates it up to the given steps; tests pass a prefix
// of the real steps to make an older database.
func open(path string, ms []migration) (*Store, error) {
	kind, have, err := inspect(path, ms)
	if err != nil {
		return nil, err
	}
	if have > len(ms) {
		return nil, newerFile(path, have, len(ms))
	}
	created := false
	if kind == noBook {
		if created, err = ensureFile(path); err != nil {
			return nil, err
		}
	} else if err := checkWritable(path); err != nil {
		return nil, err
	}
	rw, err := sql.Open("sqlite3", dsn(path, "&_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	rw.SetMaxOpenConns(1)
	s := &Store{path: path, rw: rw, snap: dsn(path, ""), now: time.Now}
	if created {
		s.created = crm.DateOf(time.Now())
	}
	if err := s.migrate(context.Background(), ms); err != nil {
		rw.Close()
		return nil, explainBusy(path, err)
	}
	s.ro, err = sql.Open("sqlite3", dsn(path, "&_query_only=true"))
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.ro.SetMaxOpenConns(4)
	return s, nil
}

// ensureFile creates a missing database file private to the user, before
// SQLite would create it with the umask's permissions, and says whether it did.
func ensureFile(path string) (bool, error) {
	if _, err := os.Stat(path); err == nil {
		return false, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return false, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, fmt.Errorf("create the folder for %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, fmt.Errorf("create database %s: %w", path, err)
	}
	return true, f.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	err := s.closePools()
	if s.scratch != "" {
		err = errors.Join(err, os.RemoveAll(s.scratch))
	}
	return err
}

// closePools closes the connections; Restore reopens them.
func (s *Store) closePools() error {
	var errs []error
	for _, db := range []*sql.DB{s.ro, s.rw} {
		if db != nil {
			errs = append(errs, db.Close())
		}
	}
	s.ro, s.rw = nil, nil
	return errors.Join(errs...)
}

// SetToday fixes the day that due dates and defaults are computed from, for
// tests and for looking at a past or future day. The zero Date means the
// local date, read afresh each time.
func (s *Store) SetToday(d crm.Date) { s.today = d }

// Today returns the day due dates and defaults are computed from.
func (s *Store) Today() crm.Date {
	if !s.today.IsZero() {
		return s.today
	}
	return crm.DateOf(s.now())
}

// Update runs fn in one write transaction: everything fn does is kept when it
// returns nil, and nothing when it returns an error or panics.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s is open read-only: nothing can be saved to it", s.path)
	}
	return s.run(ctx, func() *sql.DB { return s.rw }, fn)
}

// View runs fn in one read-only transaction, a consistent snapshot.
func (s *Store) View(ctx context.Context, fn func(*Tx) error) error {
	return s.run(ctx, s.reading, fn)
}

// run is Update and View: one transaction on the pool that pool returns
// once the gate lets it in (a restore swaps the pools), kept only if fn
// succeeds.
func (s *Store) run(ctx context.Context, pool func() *sql.DB, fn func(*Tx) error) error {
	if err := s.gate.enter(); err != nil {
		return err
	}
	defer s.gate.leave()
	sqlTx, err := pool().BeginTx(ctx, nil)
	if err != nil {
		if isBusy(err) {
			return busy(s.path, err)
		}
		return fmt.Errorf("begin transaction on %s: %w", s.path, err)
	}
	defer sqlTx.Rollback() // a no-op after Commit; undoes everything on error or panic
	tx := &Tx{tx: sqlTx, ctx: ctx, today: s.Today(), now: s.now().UTC()}
	if err := fn(tx); err != nil {
		return explainBusy(s.path, err)
	}
	if err := sqlTx.Commit(); err != nil {
		if isBusy(err) {
			return busy(s.path, err)
		}
		return fmt.Errorf("save to %s: %w", s.path, err)
	}
	return nil
}

// Tx is one transaction. Its methods are Kith's storage API; they are only
// valid inside the Update or View call that made it.
type Tx struct {
	tx    *sql.Tx
	ctx   context.Context
	today crm.Date
	now   time.Time
}

// Today returns the day this transaction computes due dates and defaults from.
func (tx *Tx) Today() crm.Date { return tx.today }

// exec, query and queryRow run a statement in the transaction's context,
// so a cancelled command stops its queries.
func (tx *Tx) exec(query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(tx.ctx, query, args...)
}

func (tx *Tx) query(query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(tx.ctx, query, args...)
}

func (tx *Tx) queryRow(query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(tx.ctx, query, args...)
}

// stamp is the transaction's time as stored in created_at and updated_at:
// one time for every row a command writes.
func (tx *Tx) stamp() string { return tx.now.Format(time.RFC3339) }

// Backup writes a consistent copy of the database to dest, which must not
// exist. It is safe while Kith, or another program, is writing: SQLite's
// VACUUM INTO reads one snapshot and writes a compact, self-contained file
// (in rollback-journal mode, so it opens as one file, without a -wal).
func (s *Store) Backup(ctx context.Context, dest string) error {
	// Create the file empty and private first: VACUUM INTO accepts an empty
	// file, and would otherwise create it with the umask's permissions.
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("back up to %s: the file already exists", dest)
		}
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	f.Close()
	if err := s.vacuumTo(ctx, dest); err != nil {
		os.Remove(dest)
		return err
	}
	return nil
}

// vacuumTo writes a consistent copy of the database into dest, an empty file.
func (s *Store) vacuumTo(ctx context.Context, dest string) error {
	if err := s.gate.enter(); err != nil {
		return err
	}
	defer s.gate.leave()
	if err := vacuumInto(ctx, s.snap, dest); err != nil {
		return fmt.Errorf("back up %s to %s: %w", s.path, dest, err)
	}
	return nil
}

// vacuumInto copies the database that dsn opens into dest, an empty file,
// on a connection of its own, and flushes the copy to disk.
func vacuumInto(ctx context.Context, dsn, dest string) error {
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return err
	}
	return syncFile(dest)
}
