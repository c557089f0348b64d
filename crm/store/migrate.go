package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema step, from migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded steps in order, refusing a gap in the
// numbers: a missing step would leave databases on different schemas.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: file name must start with its number", base)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the schema this build of Kith writes.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		panic(err) // the embedded files are part of the build; a bad name is a build defect
	}
	return len(ms)
}

// fileVersion reads the schema version recorded in a database; 0 for a new
// file. db may be read-only.
func fileVersion(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

// migrate applies the pending migrations, each in its own transaction with
// its record in schema_migrations, after copying an existing database aside.
func (s *Store) migrate(ctx context.Context, ms []migration) error {
	have, err := fileVersion(ctx, s.rw)
	if err != nil {
		return fmt.Errorf("read the schema version of %s: %w", s.path, err)
	}
	if have > len(ms) {
		return &crm.Error{Code: crm.ENewer, Message: fmt.Sprintf(
			"%s was written by a newer version of Kith (schema %d; this Kith knows up to %d): update Kith to open it", s.path, have, len(ms))}
	}
	if have == len(ms) {
		return nil
	}
	copied := ""
	if have > 0 && s.hasData(ctx) {
		copied = fmt.Sprintf("%s.before-v%d-%s", s.path, len(ms), time.Now().UTC().Format("20060102T150405"))
		if err := s.keepCopy(ctx, copied); err != nil {
			return fmt.Errorf("keep a copy before upgrading the schema: %w", err)
		}
	}
	// A first step that fails (most often behind another Kith's write
	// lock) leaves the book as it was: the copy of it is dropped rather
	// than left beside it, one more at every attempt.
	if err := s.applyFrom(ctx, ms, have); err != nil {
		if copied != "" && s.version(ctx) == have {
			os.Remove(copied)
		}
		return err
	}
	// A step may mark everyone's stored check-ins to be worked out (the
	// one adding them does); an empty write settles them now, once, rather
	// than leaving every read of the book to work them out.
	if err := s.Update(ctx, func(*Tx) error { return nil }); err != nil {
		return fmt.Errorf("work out the check-ins of %s: %w", s.path, err)
	}
	return nil
}

// applyFrom applies the steps after the first have, each in its own
// transaction.
func (s *Store) applyFrom(ctx context.Context, ms []migration, have int) error {
	if _, err := s.rw.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("prepare %s: %w", s.path, err)
	}
	for _, m := range ms[have:] {
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// version is the book's schema version, -1 when it cannot be read.
func (s *Store) version(ctx context.Context) int {
	v, err := fileVersion(ctx, s.rw)
	if err != nil {
		return -1
	}
	return v
}

// apply runs one step and records it in the same transaction, so a step
// is either done and recorded or neither.
func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %s: record it: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}

// hasData says whether a book holds anything of the user's worth a copy
// before an upgrade: a first open killed halfway leaves a book with a few
// steps done and nothing in it, and copying it would leave a copy of nothing
// beside it. A book may hold only a profile (strengths, gaps, budgets) or a
// quarter's review, which an upgrade may rewrite (the gaps became a list),
// so those count too. When in doubt it says yes.
func (s *Store) hasData(ctx context.Context) bool {
	var found bool
	err := s.rw.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM interactions)
		OR EXISTS (SELECT 1 FROM circles) OR EXISTS (SELECT 1 FROM goals) OR EXISTS (SELECT 1 FROM settings)
		OR EXISTS (SELECT 1 FROM profile WHERE strengths <> '' OR gaps <> '' OR personality <> ''
			OR budget_hours <> 0 OR budget_money <> 0)`).Scan(&found)
	if err != nil || found {
		return true
	}
	// The reviews came with a later step than the tables above.
	var reviews int
	if err := s.rw.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'reviews'").Scan(&reviews); err != nil {
		return true
	}
	if reviews == 0 {
		return false
	}
	err = s.rw.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM reviews)").Scan(&found)
	return err != nil || found
}

// keepCopy writes the copy kept before an upgrade under a name that says
// it is unfinished, and gives it its name once whole: a Kith killed while
// copying leaves no half copy that looks like the book.
func (s *Store) keepCopy(ctx context.Context, dest string) error {
	part := dest + ".part"
	if err := s.Backup(ctx, part); err != nil {
		return err
	}
	if err := os.Rename(part, dest); err != nil {
		os.Remove(part)
		return err
	}
	syncDir(filepath.Dir(dest))
	return nil
}
