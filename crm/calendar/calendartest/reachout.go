// Package calendartest holds what the calendar's tests and benchmarks
// share and the program never runs: a reader of what one check-in says,
// one contact at a time, as Kith read it before the set-based
// store.Tx.ReachOuts. It is the oracle ReachOuts is checked against and
// the baseline an export is measured against, on a generated book (see
// GeneratedBook).
package calendartest

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver, registered as "sqlite3"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// ReachOutReader loads the calendar.ReachOut of one contact after another
// with its statements prepared once: each piece is one indexed seek bounded
// by limit. It reads the store's file through a query-only connection of
// its own, since the store lends out no statements; in WAL mode that reads
// what the store last committed, even while the store holds a write.
type ReachOutReader struct {
	ctx       context.Context
	db        *sql.DB
	today     crm.Date
	limit     int
	withNotes bool
	stmts     map[string]*sql.Stmt
}

// reachOutQueries are the pieces of a ReachOut; the notes are read only
// when the user asked for them.
var reachOutQueries = map[string]string{
	"promised": `SELECT occurred_on, kind, description FROM exchanges
		WHERE contact_id = ? AND commitment = 1 AND done_on IS NULL ORDER BY occurred_on, id LIMIT ?`,
	"gave": `SELECT occurred_on, kind, description FROM exchanges
		WHERE contact_id = ? AND direction = 'received' AND occurred_on <= ? ORDER BY occurred_on DESC, id DESC LIMIT ?`,
	"goals": `SELECT g.title FROM goal_helpers h JOIN goals g ON g.id = h.goal_id
		WHERE h.contact_id = ? AND g.status = 'active' ORDER BY g.target_on IS NULL, g.target_on, g.title COLLATE NOCASE LIMIT ?`,
	"notes": "SELECT notes FROM contacts WHERE id = ?",
	"last_notes": `SELECT i.notes FROM participants p JOIN interactions i ON i.id = p.interaction_id
		WHERE p.contact_id = ? AND p.occurred_on <= ? ORDER BY p.occurred_on DESC, i.id DESC LIMIT 1`,
}

// NewReachOutReader opens st's file and prepares the queries, reading as of
// st's today; Close releases them.
func NewReachOutReader(ctx context.Context, st *store.Store, limit int, withNotes bool) (*ReachOutReader, error) {
	uri := "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(st.Path()))
	db, err := sql.Open("sqlite3", uri+"?_busy_timeout=5000&_query_only=true")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", st.Path(), err)
	}
	r := &ReachOutReader{ctx: ctx, db: db, today: st.Today(), limit: limit, withNotes: withNotes, stmts: map[string]*sql.Stmt{}}
	for name, q := range reachOutQueries {
		s, err := db.PrepareContext(ctx, q)
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		r.stmts[name] = s
	}
	return r, nil
}

// Close releases the prepared statements and the connection.
func (r *ReachOutReader) Close() {
	for _, s := range r.stmts {
		s.Close()
	}
	r.db.Close()
}

// ReachOut loads what a check-in reminder tells about one contact.
func (r *ReachOutReader) ReachOut(contactID int64) (calendar.ReachOut, error) {
	var out calendar.ReachOut
	var err error
	if out.Promised, err = r.exchanges("promised", contactID, r.limit); err != nil {
		return out, err
	}
	if out.TheyGave, err = r.exchanges("gave", contactID, r.today, r.limit); err != nil {
		return out, err
	}
	if out.Goals, err = r.texts("goals", contactID, r.limit); err != nil {
		return out, err
	}
	if !r.withNotes {
		return out, nil
	}
	if err := r.stmts["notes"].QueryRowContext(r.ctx, contactID).Scan(&out.Notes); err != nil {
		return out, fmt.Errorf("notes of #%d: %w", contactID, err)
	}
	last, err := r.texts("last_notes", contactID, r.today)
	if len(last) > 0 {
		out.LastNotes = last[0]
	}
	return out, err
}

func (r *ReachOutReader) exchanges(name string, args ...any) ([]crm.Exchange, error) {
	rows, err := r.stmts[name].QueryContext(r.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
	}
	defer rows.Close()
	var out []crm.Exchange
	for rows.Next() {
		var e crm.Exchange
		if err := rows.Scan(&e.Date, &e.Kind, &e.Description); err != nil {
			return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (r *ReachOutReader) texts(name string, args ...any) ([]string, error) {
	rows, err := r.stmts[name].QueryContext(r.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("%s of #%v: %w", name, args[0], err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
