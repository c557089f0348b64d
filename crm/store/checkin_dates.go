package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Every contact's last contact and next check-in are stored in their row
// (migration next_due), so that reading who is due is a seek in the
// contacts_next_due index rather than working out 50,000 people's dates
// from a million interactions. Writers never compute them: triggers note
// in checkin_dirty whom a write touched (an interaction logged, moved or
// deleted, a participant added or removed, a role, cadence, snooze or
// archive changed, a role's default cadence, an import, a merge or its
// undo), and every write transaction works out the dates of exactly those
// people before it commits (settleCheckIns, from Update). A new writer of
// those tables therefore needs nothing more; code that changes what a
// check-in depends on in another way calls Tx.RefreshCheckIns.
//
// The dates depend on the day only through interactions dated after it,
// which do not count yet. They are stored as of 'checkins_day'; when the
// day moves, the people with an interaction between the two days are the
// only ones whose dates can change. A write transaction brings them up to
// date first (advanceDay); a read (which may be of a read-only backup)
// works out just those people on the fly (checkInRows).

// wholeBook in checkin_dirty stands for every contact.
const wholeBook = 0

// checkinsDayKey is the setting holding the day the stored dates are for.
const checkinsDayKey = "checkins_day"

// computedRows works out the list columns of the contacts WHERE %s from
// scratch as of :today: the rule the stored dates must always equal. A NULL
// cadence (none) gives a NULL next_due, as archiving does. roles and
// last_summary are what the due list shows beside the dates (the roles
// held now, comma-separated, and what the last interaction up to :today
// was about); a query that does not name them does not work them out.
var computedRows = `SELECT id, name, name_key, company, title, archived, cadence_days, last_contact,
    CASE WHEN archived THEN NULL ELSE
        max(date(COALESCE(last_contact, checkin_start), '+' || cadence_days || ' days'), COALESCE(snoozed_until, ''))
    END AS next_due,
    ` + currentRoles + ` AS roles,
    ` + lastSummary + ` AS last_summary
FROM (SELECT c.id, c.name, c.name_key, c.company, c.title, c.archived, c.snoozed_until,
        ` + checkinStart + ` AS checkin_start,
        ` + effectiveCadence("r.until IS NULL") + ` AS cadence_days,
        (SELECT max(p.occurred_on) FROM participants p
          WHERE p.contact_id = c.id AND p.occurred_on <= :today) AS last_contact
    FROM contacts c WHERE %s) AS cr`

// currentRoles is the roles contact cr.id holds now, comma-separated in a
// fixed order, so that a stored copy compares equal to a fresh one.
const currentRoles = `COALESCE((SELECT group_concat(role) FROM
        (SELECT x.role FROM roles x WHERE x.contact_id = cr.id AND x.until IS NULL ORDER BY x.role)), '')`

// lastSummary is what contact cr.id's last interaction up to :today was about:
// the latest by date, the last entered among those of one day.
const lastSummary = `COALESCE((SELECT i.summary FROM participants p JOIN interactions i ON i.id = p.interaction_id
        WHERE p.contact_id = cr.id AND p.occurred_on <= :today
        ORDER BY p.occurred_on DESC, p.interaction_id DESC LIMIT 1), '')`

// storedRows reads the same columns from the stored dates.
const storedRows = `SELECT c.id, c.name, c.name_key, c.company, c.title, c.archived, c.checkin_cadence AS cadence_days,
    c.last_contact, c.next_due, c.checkin_roles AS roles, c.last_summary
    FROM contacts c WHERE %s`

// movedSet is who a read must work out rather than trust: those a write
// has marked and not yet settled, and, when the stored day is not the
// reader's, those with an interaction between the two days.
const movedSet = `SELECT contact_id AS id FROM checkin_dirty`

const movedByDay = ` UNION SELECT p.contact_id FROM interactions i JOIN participants p ON p.interaction_id = i.id
    WHERE i.occurred_on > :lo AND i.occurred_on <= :hi`

// checkInsState is what a transaction found of the stored dates.
type checkInsState struct {
	stored   bool   // the schema has them
	extras   bool   // and the due list's roles and last summary beside them
	day      string // the day they are stored for; "" when never worked out
	dirty    bool   // some people are marked and not settled
	everyone bool   // everyone is marked (a new schema or a changed default)
}

// checkIns reads the state of the stored dates, once per read-only
// transaction; a write transaction reads it afresh each time, since its
// own writes mark people. A store whose schema predates them (tests open
// older books) reports everyone as marked, so reads work everything out.
func (tx *Tx) checkIns() (checkInsState, error) {
	if tx.state != nil {
		return *tx.state, nil
	}
	var st checkInsState
	var has int
	if err := tx.queryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'checkin_dirty'
		OR type = 'trigger' AND name = 'checkin_summary_update'`).Scan(&has); err != nil {
		return st, fmt.Errorf("read the stored check-ins: %w", err)
	}
	if has == 0 {
		st.everyone = true
		tx.keep(st)
		return st, nil
	}
	// A schema with the dates but not the due list's columns beside them
	// (a book part-way through an upgrade) keeps its dates true, and reads
	// work everything out.
	st.stored, st.extras = true, has == 2
	err := tx.queryRow(`SELECT COALESCE((SELECT value FROM settings WHERE key = ?), ''),
		EXISTS (SELECT 1 FROM checkin_dirty), EXISTS (SELECT 1 FROM checkin_dirty WHERE contact_id = ?)`,
		checkinsDayKey, wholeBook).Scan(&st.day, &st.dirty, &st.everyone)
	if err != nil {
		return st, fmt.Errorf("read the stored check-ins: %w", err)
	}
	if st.day == "" {
		st.everyone = true
	}
	tx.keep(st)
	return st, nil
}

// keep remembers what checkIns found for the rest of a read-only transaction.
func (tx *Tx) keep(st checkInsState) {
	if !tx.write {
		tx.state = &st
	}
}

// checkInRows returns the CTEs defining rows(id, name, name_key, company,
// title, archived, cadence_days, last_contact, next_due) for the contacts c WHERE where,
// as of the transaction's day, with the named arguments they use. Fresh
// stored dates are read as they are, so a filter or sort on next_due uses
// the index; the few people whose stored dates may be out of date (see
// movedSet) are worked out in the same statement.
func (tx *Tx) checkInRows(where string) (string, []any, error) {
	st, err := tx.checkIns()
	if err != nil {
		return "", nil, err
	}
	today := tx.today.String()
	args := []any{sql.Named("today", tx.today)}
	switch {
	case st.everyone || !st.extras:
		return "rows AS (" + fmt.Sprintf(computedRows, where) + ")", args, nil
	case !st.dirty && st.day == today:
		return "rows AS (" + fmt.Sprintf(storedRows, where) + ")", nil, nil
	}
	moved := movedSet
	if st.day != today {
		lo, hi := min(st.day, today), max(st.day, today)
		moved += movedByDay
		args = append(args, sql.Named("lo", lo), sql.Named("hi", hi))
	}
	cte := "moved AS MATERIALIZED (" + moved + "), rows AS (" +
		fmt.Sprintf(storedRows, "("+where+") AND c.id NOT IN (SELECT id FROM moved)") + " UNION ALL " +
		fmt.Sprintf(computedRows, "("+where+") AND c.id IN (SELECT id FROM moved)") + ")"
	return cte, args, nil
}

// advanceDay brings the stored dates to the transaction's day before a
// write: the people with an interaction between the stored day and this
// one are marked, to be settled with the write's own.
func (tx *Tx) advanceDay() error {
	st, err := tx.checkIns()
	if err != nil || !st.stored || st.day == tx.today.String() {
		return err
	}
	if st.day == "" {
		_, err = tx.exec("INSERT OR IGNORE INTO checkin_dirty (contact_id) VALUES (?)", wholeBook)
	} else {
		lo, hi := min(st.day, tx.today.String()), max(st.day, tx.today.String())
		_, err = tx.exec(`INSERT OR IGNORE INTO checkin_dirty (contact_id)
			SELECT p.contact_id FROM interactions i JOIN participants p ON p.interaction_id = i.id
			WHERE i.occurred_on > ? AND i.occurred_on <= ?`, lo, hi)
	}
	if err != nil {
		return fmt.Errorf("move the check-ins to %s: %w", tx.today, err)
	}
	tx.state = nil
	return tx.SetSetting(checkinsDayKey, tx.today.String())
}

// settleCheckIns works out the stored dates of everyone a write marked,
// in the write's own transaction, and clears the marks.
func (tx *Tx) settleCheckIns() error {
	tx.state = nil
	st, err := tx.checkIns()
	if err != nil || !st.stored || !st.dirty {
		return err
	}
	where := "c.id IN (SELECT contact_id FROM checkin_dirty)"
	if st.everyone {
		where = "1"
	}
	if err := tx.refreshWhere(where); err != nil {
		return err
	}
	if _, err := tx.exec("DELETE FROM checkin_dirty"); err != nil {
		return fmt.Errorf("settle the check-ins: %w", err)
	}
	tx.state = nil
	return nil
}

// RefreshCheckIns works out the stored last contact and next check-in of
// the given contacts now, in this transaction, in one statement however
// many they are. Writes to contacts, roles, participants, import_added and
// role_cadences need not call it (triggers mark whom they touch, settled
// before commit); anything else a check-in comes to depend on must.
func (tx *Tx) RefreshCheckIns(ids ...int64) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("refresh check-ins: %w", err)
	}
	if err := tx.advanceDay(); err != nil {
		return err
	}
	return tx.refreshWhere("c.id IN (SELECT value FROM json_each(:ids))", sql.Named("ids", string(list)))
}

// RefreshAllCheckIns works out everyone's stored dates from scratch.
func (tx *Tx) RefreshAllCheckIns() error {
	if err := tx.advanceDay(); err != nil {
		return err
	}
	return tx.refreshWhere("1")
}

// refreshWhere stores the dates computedRows gives for the contacts c
// WHERE where, writing only the rows that change.
func (tx *Tx) refreshWhere(where string, args ...any) error {
	st, err := tx.checkIns()
	if err != nil {
		return err
	}
	set, differs := storedSet, storedDiffers
	if !st.extras {
		set, differs = datesSet, datesDiffer
	}
	q := `UPDATE contacts AS t SET ` + set + `
		FROM (` + fmt.Sprintf(computedRows, where) + `) AS s
		WHERE s.id = t.id AND (` + differs + `)`
	args = append(args, sql.Named("today", tx.today))
	if _, err := tx.exec(q, args...); err != nil {
		return fmt.Errorf("work out the check-ins: %w", err)
	}
	return nil
}

// storedDiffers is true when the stored columns of contact t differ from
// those computedRows gives in s, and storedSet stores them. datesDiffer and
// datesSet are the same for the dates alone, on a schema without the due
// list's columns.
const (
	datesDiffer   = `t.last_contact IS NOT s.last_contact OR t.next_due IS NOT s.next_due OR t.checkin_cadence IS NOT s.cadence_days`
	storedDiffers = datesDiffer + ` OR t.checkin_roles IS NOT s.roles OR t.last_summary IS NOT s.last_summary`
	datesSet      = `last_contact = s.last_contact, next_due = s.next_due, checkin_cadence = s.cadence_days`
	storedSet     = datesSet + `, checkin_roles = s.roles, last_summary = s.last_summary`
)

// usedArgs keeps the named arguments q refers to, each once: SQLite counts
// a statement's parameters and database/sql refuses any more or fewer.
func usedArgs(q string, args []any) []any {
	var out []any
	seen := map[string]bool{}
	for _, a := range args {
		if n, ok := a.(sql.NamedArg); ok {
			if seen[n.Name] || !strings.Contains(q, ":"+n.Name) {
				continue
			}
			seen[n.Name] = true
		}
		out = append(out, a)
	}
	return out
}

// CheckInsDay is the day the stored check-ins are worked out for, zero
// before they ever were.
func (tx *Tx) CheckInsDay() (crm.Date, error) {
	st, err := tx.checkIns()
	if err != nil || st.day == "" {
		return crm.Date{}, err
	}
	return crm.ParseDate(st.day)
}
