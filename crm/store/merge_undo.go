package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// contactTables are the tables whose rows belong to one contact, each with
// the column that names the contact: what a merge moves, and what its undo
// puts back. TestMergeKnowsEveryTableThatNamesAContact fails when a
// migration adds a table with a foreign key to contacts that is not listed
// here, so a new kind of record cannot be lost by a merge unnoticed.
var contactTables = []struct{ name, order string }{
	{"channels", "id"},
	{"roles", "id"},
	{"circle_members", "id"},
	{"goal_helpers", "goal_id, contact_id"},
	{"participants", "interaction_id, contact_id"},
	{"exchanges", "id"},
	{"review_decisions", "quarter, contact_id"},
	{"import_added", "batch_id, contact_id"},
	{"import_filled", "id"},
	{"gap_helpers", "gap_id, contact_id"},
	{"event_contacts", "event_id, contact_id"},
	{"agreements", "id"},
	{"agenda_items", "id"},
}

// restoredInPlace are the contactTables whose rows a merge changes but
// never removes or adds, and which other rows hang off (an agreement's
// health checks and goals): undo writes their values back over them by id
// rather than deleting and reinserting, which would cascade.
var restoredInPlace = map[string]bool{"agreements": true}

// MergeUndo is what a merge changed, kept so that UndoMerge can put both
// records back exactly as they were: other with its own id, every row
// with its own id and values. It holds the rows of the two people only,
// never the rest of the book.
type MergeUndo struct {
	keep, other int64
	otherName   string
	before      *rowSnapshot // both records as they were
	after       *rowSnapshot // keep as the merge left it
}

// rowSnapshot is every row that belongs to two contacts: their contacts
// rows, the rows of contactTables that name them, and who they introduced.
type rowSnapshot struct {
	contacts   tableRows
	owned      []tableRows // in contactTables order
	introduced tableRows   // (id, referred_by) of the people they introduced
	// prospects are (id, contact_id, referred_by) of the prospects that
	// became or were referred by either: a merge repoints them, and the
	// rows themselves (with their history) must never be deleted to undo it.
	prospects tableRows
}

// tableRows is the result of a SELECT: column names and values as SQLite
// gave them, enough to write the same rows back.
type tableRows struct {
	cols []string
	rows [][]any
}

// mergeSnapshot reads the rows of keep and other.
func (tx *Tx) mergeSnapshot(keep, other int64) (*rowSnapshot, error) {
	s := &rowSnapshot{}
	cols, err := tx.selectRows("SELECT name FROM pragma_table_info('contacts') WHERE name NOT IN ('last_contact', 'next_due', 'checkin_cadence', 'checkin_roles', 'last_summary') ORDER BY cid")
	if err != nil {
		return nil, err
	}
	names := make([]string, len(cols.rows))
	for i, row := range cols.rows {
		names[i], _ = row[0].(string)
	}
	// The stored check-ins are not the person's own data but derived from
	// it, worked out again whenever it changes (checkin_dates.go): a merge
	// undone on another day is no change to the person.
	if s.contacts, err = tx.selectRows("SELECT "+quoteNames(names)+" FROM contacts WHERE id IN (?, ?) ORDER BY id", keep, other); err != nil {
		return nil, err
	}
	for _, t := range contactTables {
		rows, err := tx.selectRows("SELECT * FROM "+t.name+" WHERE contact_id IN (?, ?) ORDER BY "+t.order, keep, other)
		if err != nil {
			return nil, err
		}
		s.owned = append(s.owned, rows)
	}
	s.introduced, err = tx.selectRows("SELECT id, referred_by FROM contacts WHERE referred_by IN (?, ?) ORDER BY id", keep, other)
	if err != nil {
		return nil, err
	}
	s.prospects, err = tx.selectRows(`SELECT id, contact_id, referred_by FROM prospects
		WHERE contact_id IN (?1, ?2) OR referred_by IN (?1, ?2) ORDER BY id`, keep, other)
	return s, err
}

// selectRows reads a query's rows whole.
func (tx *Tx) selectRows(query string, args ...any) (tableRows, error) {
	rows, err := tx.query(query, args...)
	if err != nil {
		return tableRows{}, fmt.Errorf("read for undo: %w", err)
	}
	defer rows.Close()
	var out tableRows
	if out.cols, err = rows.Columns(); err != nil {
		return tableRows{}, fmt.Errorf("read for undo: %w", err)
	}
	for rows.Next() {
		vals := make([]any, len(out.cols))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return tableRows{}, fmt.Errorf("read for undo: %w", err)
		}
		out.rows = append(out.rows, vals)
	}
	if err := rows.Err(); err != nil {
		return tableRows{}, fmt.Errorf("read for undo: %w", err)
	}
	return out, nil
}

// insertRows writes rows back into table with their own values, ids included.
func (tx *Tx) insertRows(table string, t tableRows) error {
	if len(t.rows) == 0 {
		return nil
	}
	stmt, err := tx.Prepare("INSERT INTO " + table + " (" + quoteNames(t.cols) + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ") + ")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, row := range t.rows {
		if _, err := stmt.ExecContext(tx.ctx, row...); err != nil {
			return fmt.Errorf("put back a row of %s: %w", table, err)
		}
	}
	return nil
}

func quoteNames(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	return strings.Join(q, ", ")
}

// UndoMerge puts back both records exactly as they were before the merge. It
// refuses, changing nothing, when anything of the merged person changed
// since (an interaction logged with them, an edit), since putting the old
// rows back would lose that change; it returns the name of the record it
// restored.
func (tx *Tx) UndoMerge(u *MergeUndo) (string, error) {
	now, err := tx.mergeSnapshot(u.keep, u.other)
	if err != nil {
		return "", err
	}
	if !reflect.DeepEqual(now, u.after) {
		return "", crm.Errorf(crm.EConflict, "%s changed after the merge, so the merge can no longer be undone", tx.contactName(u.keep))
	}
	if err := tx.restore(u); err != nil {
		return "", fmt.Errorf("undo the merge of %s: %w", u.otherName, err)
	}
	return u.otherName, nil
}

// restore writes the before snapshot over the after one.
func (tx *Tx) restore(u *MergeUndo) error {
	var otherRow, keepRow tableRows
	otherRow.cols, keepRow.cols = u.before.contacts.cols, u.before.contacts.cols
	for _, row := range u.before.contacts.rows {
		if id, _ := row[0].(int64); id == u.other {
			otherRow.rows = append(otherRow.rows, row)
		} else {
			keepRow.rows = append(keepRow.rows, row)
		}
	}
	if err := tx.insertRows("contacts", otherRow); err != nil {
		return err
	}
	for i, t := range contactTables {
		if restoredInPlace[t.name] {
			if err := tx.restoreRow(t.name, u.before.owned[i]); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.exec("DELETE FROM "+t.name+" WHERE contact_id IN (?, ?)", u.keep, u.other); err != nil {
			return fmt.Errorf("clear %s: %w", t.name, err)
		}
		if err := tx.insertRows(t.name, u.before.owned[i]); err != nil {
			return err
		}
	}
	if err := tx.restoreRow("contacts", keepRow); err != nil {
		return err
	}
	if err := tx.restoreIntroduced(u); err != nil {
		return err
	}
	return tx.restoreRow("prospects", u.before.prospects)
}

// restoreRow writes a row's values back over the row with its id (column
// 0), for keep, whose own row the merge changed but never removed.
func (tx *Tx) restoreRow(table string, t tableRows) error {
	for _, row := range t.rows {
		sets := make([]string, 0, len(t.cols)-1)
		for _, c := range t.cols[1:] {
			sets = append(sets, quoteNames([]string{c})+" = ?")
		}
		args := append(append([]any{}, row[1:]...), row[0])
		if _, err := tx.exec("UPDATE "+table+" SET "+strings.Join(sets, ", ")+" WHERE "+quoteNames(t.cols[:1])+" = ?", args...); err != nil {
			return fmt.Errorf("put back %s #%v: %w", table, row[0], err)
		}
	}
	return nil
}

// restoreIntroduced gives the people other introduced back to other, in
// one statement however many they are.
func (tx *Tx) restoreIntroduced(u *MergeUndo) error {
	var ids []int64
	for _, row := range u.before.introduced.rows {
		if by, _ := row[1].(int64); by == u.other {
			id, _ := row[0].(int64)
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	if _, err := tx.exec("UPDATE contacts SET referred_by = ? WHERE id IN (SELECT value FROM json_each(?))",
		sql.NullInt64{Int64: u.other, Valid: true}, string(list)); err != nil {
		return fmt.Errorf("give back the people %s introduced: %w", u.otherName, err)
	}
	return nil
}
