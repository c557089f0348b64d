package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/kithcrm/kith/crm"
)

// prepared is a checked file copied beside the database it is to replace.
type prepared struct {
	dbPath string
	tmp    string // the copy, in the database's folder so the rename is atomic
	info   DatabaseInfo
	done   bool // renamed into place
}

// prepare checks file and copies it beside dbPath under a temporary name,
// flushed to disk. Nothing else is touched: a refused file leaves no trace.
func prepare(ctx context.Context, dbPath, file string) (*prepared, error) {
	src, err := openSource(file)
	if err != nil {
		return nil, err
	}
	defer src.close()
	info, err := src.check(ctx)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("restore %s: %w", dbPath, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dbPath)+".restore-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("restore %s: %w", dbPath, err)
	}
	tmp.Close()
	// VACUUM INTO writes a compact, self-contained copy (what a source's
	// -wal held included) in rollback-journal mode: one file, nothing beside it.
	if err := vacuumInto(ctx, src.dsn, tmp.Name()); err != nil {
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("copy %s beside %s: %w", file, dbPath, err)
	}
	return &prepared{dbPath: dbPath, tmp: tmp.Name(), info: info}, nil
}

// discard removes the copy unless it was put in place.
func (p *prepared) discard() {
	if !p.done {
		os.Remove(p.tmp)
	}
}

// replace keeps the database at p.dbPath in the backups folder and puts the
// copy in its place.
func (p *prepared) replace(ctx context.Context, now time.Time) (Restored, error) {
	res := Restored{Database: p.dbPath, From: p.info}
	if !exists(p.dbPath) {
		return res, p.swap()
	}
	l, err := lockDatabase(ctx, p.dbPath)
	if err != nil {
		return res, err
	}
	defer l.close()
	if res.Previous, err = l.keep(ctx, now); err != nil {
		return res, err
	}
	l.leaveWAL(ctx)
	if runtime.GOOS == "windows" {
		// Windows neither renames over nor deletes a file that is open, so
		// the lock ends here, a moment before the rename, not after it.
		l.close()
	}
	return res, p.swap()
}

// swap removes what the old database left beside it (its -wal, whose
// pages SQLite would otherwise apply to the restored file, its -shm and
// any rollback journal) and renames the copy over it.
func (p *prepared) swap() error {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(p.dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("restore %s: remove the old %s: %w", p.dbPath, suffix, err)
		}
	}
	if err := os.Rename(p.tmp, p.dbPath); err != nil {
		return fmt.Errorf("restore %s: %w", p.dbPath, err)
	}
	p.done = true
	syncDir(filepath.Dir(p.dbPath))
	return nil
}

// dbLock is an exclusive hold on a database being replaced: while it lasts
// no other connection can open it. conn is nil when SQLite cannot read the
// file at all (it is damaged): then nothing else can be using it either.
type dbLock struct {
	path string
	db   *sql.DB
	conn *sql.Conn
}

// lockDatabase takes the database at path for itself, or refuses with a
// *crm.Error when another Kith has it open.
func lockDatabase(ctx context.Context, path string) (*dbLock, error) {
	l := &dbLock{path: path}
	db, err := sql.Open("sqlite3", fileURI(path)+"?_busy_timeout=2000&_locking_mode=EXCLUSIVE")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err == nil {
		// In exclusive locking mode the lock, once taken, is held until close.
		if _, err = conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err == nil {
			_, err = conn.ExecContext(ctx, "COMMIT")
		}
		if err != nil {
			conn.Close()
		}
	}
	switch {
	case err == nil:
		l.db, l.conn = db, conn
	case sqliteFailed(err, codeBusy, codeLocked):
		db.Close()
		return nil, &crm.Error{Code: crm.EConflict, Message: fmt.Sprintf(
			"cannot restore %s: another Kith (a window or a command) has it open; close it and try again; nothing was changed", path)}
	case sqliteFailed(err, codeNotADB, codeCorrupt):
		// A damaged file nobody can be using: keep copies its bytes as they are.
		db.Close()
	default:
		// Anything else (cannot open, read-only, an I/O error) says nothing
		// about whether another Kith is writing: refuse rather than swap
		// files under it.
		db.Close()
		return nil, fmt.Errorf("cannot restore %s: check it is not in use: %w; nothing was changed", path, err)
	}
	return l, nil
}

// keep writes the database as it stands, with what its -wal holds, to the
// backups folder as base-before-restore-STAMP.db. When SQLite cannot read
// it, its files are copied as they are (with the -wal beside the copy).
func (l *dbLock) keep(ctx context.Context, now time.Time) (string, error) {
	dir := BackupDir(l.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("keep %s before restoring: %w", l.path, err)
	}
	dest := freeName(dir, backupBase(l.path)+"-before-restore-"+now.Format(stampLayout))
	if l.conn != nil {
		err := createPrivate(dest)
		if err == nil {
			if _, err = l.conn.ExecContext(ctx, "VACUUM INTO ?", dest); err == nil {
				err = syncFile(dest)
			}
		}
		if err == nil {
			// The kept copy may be the only one of the old data: make its
			// name durable before the swap removes anything.
			syncDir(dir)
			return dest, nil
		}
		os.Remove(dest)
	}
	// A hot -journal is kept too: without it a half-written transaction in
	// the copy could not be rolled back.
	for _, suffix := range []string{"", "-wal", "-journal"} {
		if suffix != "" && !exists(l.path+suffix) {
			continue
		}
		if err := copyFile(l.path+suffix, dest+suffix); err != nil {
			os.Remove(dest)
			return "", fmt.Errorf("keep %s before restoring: %w", l.path, err)
		}
	}
	syncDir(dir)
	return dest, nil
}

// leaveWAL moves the old database out of WAL mode, which writes what its
// -wal holds into it and deletes the -wal, while still holding the lock,
// so no one can open it between now and the rename. If SQLite cannot, the
// connection closes instead: as the last one, it does the same.
func (l *dbLock) leaveWAL(ctx context.Context) {
	if l.conn == nil {
		return
	}
	var mode string
	if err := l.conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil || mode != "delete" {
		l.close()
	}
}

func (l *dbLock) close() {
	if l.conn != nil {
		l.conn.Close()
		l.conn = nil
	}
	if l.db != nil {
		l.db.Close()
		l.db = nil
	}
}
