package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// The people lists and check-ins read each contact's current roles,
// primary email, effective cadence, last contact and next due date. The
// last contact is the latest interaction they took part in up to today (a
// circle meeting counts for the members who attended); the next check-in
// is a cadence after that, or after checkinStart for someone never
// contacted, and never before the end of a snooze. Both dates are stored
// in the contacts row (see checkin_dates.go): a list sorts and cuts its
// rows (checkInRows) before summarySelect looks up the rest, so a page of
// 100 costs 100 lookups, not one per person in the book.

// summarySelect reads a list row from a rows relation r (see checkInRows).
// Check-ins count the roles held now, those not ended.
const summarySelect = `
SELECT r.id, r.name,
    COALESCE((SELECT group_concat(x.role) FROM roles x WHERE x.contact_id = r.id AND x.until IS NULL), '') AS roles,
    COALESCE((SELECT ch.value FROM channels ch WHERE ch.contact_id = r.id AND ch.kind = 'email'
        ORDER BY ch.is_primary DESC, ch.id LIMIT 1), '') AS email,
    r.company, r.title, COALESCE(r.cadence_days, 0), r.last_contact, r.next_due, r.archived`

// listColumns are the columns of rows a people list sorts and cuts: named,
// so that the sorter carries narrow rows and the due list's extra columns
// (roles, last_summary) are never worked out for a list that shows its own.
const listColumns = "id, name, name_key, company, title, archived, cadence_days, last_contact, next_due"

// checkinStart is the SQL rule for the day contact c's check-ins run from
// before any interaction with them: the later of the day met and the day
// added. Adding someone is not neglecting them: a mentor met in February
// and entered in October, or a whole import of old acquaintances, starts a
// cadence after the day added, not months overdue. The check-in list (and
// with it Today, the people list, the calendar) and the quarterly review
// both read it, so the rule lives here once.
const checkinStart = `max(c.added_on, COALESCE(c.met_on, c.added_on))`

// effectiveCadence is the SQL rule for contact c's check-in cadence in
// days: their own override, else the shortest default among their roles
// that meet held (a condition on role r), else the default for people
// without a role. NULL means no check-in: the default for people without
// a role may be none, and someone an import added has none until given a
// role or a cadence, so that importing an address book schedules nothing.
// Check-ins and the quarterly review both apply it, each saying which roles
// count, so the rule lives here once.
func effectiveCadence(held string) string {
	return `COALESCE(c.cadence_days,
            (SELECT min(rc.days) FROM roles r JOIN role_cadences rc ON rc.role = r.role
              WHERE r.contact_id = c.id AND ` + held + `),
            ` + noRoleCadence + `)`
}

// noRoleCadence is the SQL for the cadence of contact c when they hold no
// role: the default for people without one, none for people an import added.
const noRoleCadence = `CASE WHEN EXISTS (SELECT 1 FROM import_added ia WHERE ia.contact_id = c.id) THEN NULL
                 ELSE (SELECT days FROM role_cadences WHERE role = 'none') END`

// scanSummary reads one row of contactRows, and any extra columns a query
// adds after them into extra.
func scanSummary(row scanner, extra ...any) (crm.ContactSummary, error) {
	var s crm.ContactSummary
	var roles string
	dest := append([]any{&s.ID, &s.Name, &roles, &s.Email, &s.Company, &s.Title, &s.CadenceDays, &s.LastContact, &s.NextDue, &s.Archived}, extra...)
	err := row.Scan(dest...)
	s.Roles = splitRoles(roles)
	return s, err
}

// contactWhere builds the WHERE clause of a people list. Its size is fixed
// by the filter's fields, never by the data.
func contactWhere(f crm.ContactFilter) (string, []any) {
	where := "c.archived = :archived"
	args := []any{sql.Named("archived", f.Archived)}
	if f.Role != "" {
		where += " AND EXISTS (SELECT 1 FROM roles r WHERE r.contact_id = c.id AND r.role = :role AND r.until IS NULL)"
		args = append(args, sql.Named("role", string(f.Role)))
	}
	if f.Search != "" {
		where += ` AND (c.name LIKE :q ESCAPE '\' OR c.company LIKE :q ESCAPE '\' OR c.title LIKE :q ESCAPE '\'
			OR c.notes LIKE :q ESCAPE '\' OR EXISTS (SELECT 1 FROM channels ch WHERE ch.contact_id = c.id
			AND ch.kind = 'email' AND ch.value LIKE :q ESCAPE '\'))`
		args = append(args, sql.Named("q", likePattern(f.Search)))
	}
	return where, args
}

// ListContacts returns one page of the people list.
func (tx *Tx) ListContacts(f crm.ContactFilter) ([]crm.ContactSummary, error) {
	where, args := contactWhere(f)
	order := " ORDER BY name_key, id"
	switch f.Sort {
	case crm.SortByNextDue:
		order = " ORDER BY next_due IS NULL, next_due, name_key, id"
	case crm.SortByLastContact:
		order = " ORDER BY last_contact IS NULL, last_contact DESC, name_key, id"
	}
	page := ""
	if f.Limit > 0 {
		page = " LIMIT :limit OFFSET :offset"
		args = append(args, sql.Named("limit", f.Limit), sql.Named("offset", f.Offset))
	}
	// Sort and cut the page first, then look up roles and emails for the
	// rows kept: the sorter carries narrow rows, and a page of 100 costs 100
	// lookups, not one per person in the book.
	cte, more, err := tx.checkInRows(where)
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	q := "WITH " + cte + summarySelect + " FROM (SELECT " + listColumns + " FROM rows" + order + page + ") r" + order
	rows, err := tx.query(q, usedArgs(q, append(args, more...))...)
	out, err := collect(rows, err, func(row scanner) (crm.ContactSummary, error) { return scanSummary(row) })
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	return out, nil
}

// CountContacts returns how many contacts a filter selects, for sizing a
// virtual list without loading it.
func (tx *Tx) CountContacts(f crm.ContactFilter) (int, error) {
	where, args := contactWhere(f)
	var n int
	if err := tx.queryRow("SELECT count(*) FROM contacts c WHERE "+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count contacts: %w", err)
	}
	return n, nil
}

// ContactSummary returns the list row of one contact, archived or not.
func (tx *Tx) ContactSummary(id int64) (crm.ContactSummary, error) {
	cte, args, err := tx.checkInRows("c.id = :id")
	if err != nil {
		return crm.ContactSummary{}, fmt.Errorf("load contact #%d: %w", id, err)
	}
	q := "WITH " + cte + summarySelect + " FROM rows r"
	s, err := scanSummary(tx.queryRow(q, usedArgs(q, append(args, sql.Named("id", id)))...))
	if errors.Is(err, sql.ErrNoRows) {
		return crm.ContactSummary{}, noContact(id)
	}
	if err != nil {
		return crm.ContactSummary{}, fmt.Errorf("load contact #%d: %w", id, err)
	}
	return s, nil
}

// dueQuery is DuePage's statement and its arguments: the due rows are a
// range of the contacts_next_due index, read in its order and cut at limit
// (-1 for none). Roles and the last interaction's summary are stored
// beside the dates (checkin_dates.go), so a row costs no lookup elsewhere.
func (tx *Tx) dueQuery(until crm.Date, limit int) (string, []any, error) {
	cte, args, err := tx.checkInRows("c.archived = 0")
	if err != nil {
		return "", nil, err
	}
	q := "WITH " + cte + `
		SELECT r.id, r.name, r.roles, COALESCE(r.cadence_days, 0), r.last_contact, r.next_due, r.last_summary
		FROM rows r WHERE r.next_due <= :until ORDER BY r.next_due, r.name_key, r.id LIMIT :limit`
	args = append(args, sql.Named("until", until), sql.Named("limit", limit))
	return q, usedArgs(q, args), nil
}

// Due returns the check-ins of active contacts that fall on or before until,
// overdue ones included, soonest first.
func (tx *Tx) Due(until crm.Date) ([]crm.CheckIn, error) { return tx.DuePage(until, 0) }

// DuePage is Due bounded to the first limit check-ins (0 for all), so a book
// with thousands of overdue people still shows its Today screen at once.
func (tx *Tx) DuePage(until crm.Date, limit int) ([]crm.CheckIn, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	q, args, err := tx.dueQuery(until, limit)
	if err != nil {
		return nil, fmt.Errorf("list due check-ins: %w", err)
	}
	rows, err := tx.query(q, args...)
	// one row's variables and Scan's list of them, made once (see collectRows)
	var c crm.CheckIn
	var roles string
	dest := []any{&c.ContactID, &c.Name, &roles, &c.CadenceDays, &c.LastContact, &c.Due, &c.LastSummary}
	out := []crm.CheckIn{}
	err = each(rows, err, func(row scanner) error {
		if err := row.Scan(dest...); err != nil {
			return err
		}
		c.Roles, c.DaysOverdue = splitRoles(roles), c.Due.DaysUntil(tx.today)
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list due check-ins: %w", err)
	}
	return out, nil
}
