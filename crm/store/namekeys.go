package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/kithcrm/kith/crm"
)

// settingNameFold records the crm.NameFoldVersion the stored name keys
// were folded with.
const settingNameFold = "store.name_fold"

// foldedNames are the tables that keep a name key beside a name: a person,
// a circle, a goal, a gap, an event and a prospect are found by it.
var foldedNames = []struct{ table, name, key string }{
	{"contacts", "name", "name_key"}, {"circles", "name", "name_key"}, {"goals", "title", "title_key"},
	{"gaps", "text", "text_key"}, {"events", "title", "title_key"}, {"prospects", "name", "name_key"},
}

// refoldNameKeys folds every stored name key again when crm.NameKey has
// changed since they were written: a key folded the old way would no
// longer match what the user types. SQL cannot fold Unicode, so this reads
// the names once, in Go, in one transaction, and writes only the keys that
// differ; afterwards it costs one read of a setting at each open.
func (s *Store) refoldNameKeys(ctx context.Context) error {
	want := strconv.Itoa(crm.NameFoldVersion)
	// Looked at outside a transaction first: the write connection begins
	// its transactions IMMEDIATE, and an open that took the write lock
	// every time would wait on (and fail behind) any other Kith writing.
	if have, err := s.nameFold(ctx, s.rw); err != nil || have == want {
		return explainBusy(s.path, err)
	}
	tx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		return explainBusy(s.path, fmt.Errorf("fold the name keys of %s: %w", s.path, err))
	}
	defer tx.Rollback()
	if have, err := s.nameFold(ctx, tx); err != nil || have == want {
		return err // another Kith folded them meanwhile
	}
	for _, t := range foldedNames {
		if err := refold(ctx, tx, t.table, t.name, t.key); err != nil {
			return fmt.Errorf("fold the name keys of %s: %w", s.path, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		settingNameFold, want); err != nil {
		return fmt.Errorf("fold the name keys of %s: %w", s.path, err)
	}
	return explainBusy(s.path, tx.Commit())
}

// nameFold reads the fold version the book's keys were written with, ""
// when none was recorded.
func (s *Store) nameFold(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (string, error) {
	var have string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingNameFold).Scan(&have)
	if err != nil && err != sql.ErrNoRows {
		return "", fmt.Errorf("fold the name keys of %s: %w", s.path, err)
	}
	return have, nil
}

// refold rewrites the keys of one table that the current fold changes.
// Only those are kept in memory, which for a real book is a handful. A
// circle whose new key another circle already has keeps its old one
// (circle keys are unique); it is still found by its id.
func refold(ctx context.Context, tx *sql.Tx, table, name, key string) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, "+name+", "+key+" FROM "+table)
	if err != nil {
		return err
	}
	type change struct {
		id  int64
		key string
	}
	var changes []change
	for rows.Next() {
		var c change
		var n, old string
		if err := rows.Scan(&c.id, &n, &old); err != nil {
			rows.Close()
			return err
		}
		if c.key = crm.NameKey(n); c.key != old {
			changes = append(changes, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, "UPDATE OR IGNORE "+table+" SET "+key+" = ? WHERE id = ?", c.key, c.id); err != nil {
			return err
		}
	}
	return nil
}
