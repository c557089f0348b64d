package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// agreementWrite is the columns a write of an agreement stores, paired with
// their values: the one list its INSERT and UPDATE are made from. The
// closing columns are written by CloseAgreement alone.
func agreementWrite(a *crm.Agreement) ([]string, []any) {
	return []string{"contact_id", "role", "cadence_days", "start_on", "end_on", "sessions", "hours", "fee", "per_session",
			"confidential", "format", "revisit_on", "fit"},
		[]any{a.ContactID, string(a.Role), orNull(a.CadenceDays), a.Start, a.End, a.Sessions, a.Hours, a.Fee, a.PerSession,
			a.Confidential, a.Format, a.Revisit, string(a.Fit)}
}

var agreementInsert, agreementUpdate = func() (string, string) {
	cols := columnsOf(agreementWrite(&crm.Agreement{}))
	all := append(append([]string{}, cols...), "created_at", "updated_at")
	ins := "INSERT INTO agreements (" + strings.Join(all, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(all)), ", ") + ")"
	upd := "UPDATE agreements SET " + strings.Join(cols, " = ?, ") + " = ?, updated_at = ? WHERE id = ? AND status = 'active'"
	return ins, upd
}()

// agreementColumns is the SELECT list of an agreement a joined with its
// contact c, in the order scanAgreement reads it.
const agreementColumns = `a.id, a.contact_id, c.name, a.role, COALESCE(a.cadence_days, 0), a.start_on, a.end_on, a.sessions,
	a.hours, a.fee, a.per_session, a.confidential, a.format, a.revisit_on, a.fit, a.status, a.closed_on, a.reason,
	a.learned, a.new_role`

// scanAgreement reads agreementColumns, and any extra columns after them.
func scanAgreement(row scanner, extra ...any) (*crm.Agreement, error) {
	a := &crm.Agreement{Goals: []crm.AgreementGoal{}}
	dest := []any{&a.ID, &a.ContactID, &a.Contact, &a.Role, &a.CadenceDays, &a.Start, &a.End, &a.Sessions,
		&a.Hours, &a.Fee, &a.PerSession, &a.Confidential, &a.Format, &a.Revisit, &a.Fit, &a.Status, &a.ClosedOn, &a.Reason,
		&a.Learned, &a.NewRole}
	return a, row.Scan(append(dest, extra...)...)
}

// noAgreement is the error for a person with no active agreement.
func (tx *Tx) noAgreement(contactID int64) error {
	return crm.Errorf(crm.ENotFound, "%s has no active agreement (start one with 'kith agreement set')", tx.contactName(contactID))
}

// SetAgreement stores an agreement: a new one when a.ID is 0, which the
// person must not already have an active one of (close it, or renew it
// with RenewAgreement), else the active agreement a.ID, all its fields and
// goals replaced. A zero Start is today; a zero Role is the person's
// current coaching or mentoring role. Sets a.ID, a.Status and a.Contact.
func (tx *Tx) SetAgreement(a *crm.Agreement) error {
	if err := tx.agreementDefaults(a); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return err
	}
	_, values := agreementWrite(a)
	if a.ID == 0 {
		if _, err := tx.ActiveAgreement(a.ContactID); err == nil {
			return crm.Errorf(crm.EConflict, "%s already has an active agreement: change it, renew it or close it first", a.Contact)
		} else if crm.ErrorCode(err) != crm.ENotFound {
			return err
		}
		id, err := tx.insertID(agreementInsert, append(values, tx.stamp(), tx.stamp())...)
		if err != nil {
			return fmt.Errorf("add agreement with %s: %w", a.Contact, err)
		}
		a.ID = id
	} else {
		none := func() error { return crm.Errorf(crm.ENotFound, "no active agreement #%d", a.ID) }
		if err := tx.changeRows(fmt.Sprintf("change agreement #%d", a.ID), none, agreementUpdate,
			append(values, tx.stamp(), a.ID)...); err != nil {
			return err
		}
	}
	a.Status = crm.AgreementActive
	return tx.putAgreementGoals(a)
}

// agreementDefaults fills the start, the role and the contact's name.
func (tx *Tx) agreementDefaults(a *crm.Agreement) error {
	c, err := tx.Contact(a.ContactID)
	if err != nil {
		return err
	}
	a.Contact = c.Name
	if a.Start.IsZero() {
		a.Start = tx.today
	}
	if a.Role == "" {
		a.Role = sessionRole(c.Roles)
	}
	if a.Role == "" {
		return crm.Invalid("role", fmt.Errorf("%s is not a coach, mentor, coachee or mentee: give them one of those roles first", c.Name))
	}
	return nil
}

// sessionRole picks the role an agreement is about from a person's
// roles: the first current one that runs on sessions.
func sessionRole(roles []crm.Role) crm.RoleKind {
	for _, want := range crm.SessionRoles {
		for _, r := range roles {
			if r.Kind == want && r.Until.IsZero() {
				return want
			}
		}
	}
	return ""
}

// putAgreementGoals replaces the goals an agreement serves.
func (tx *Tx) putAgreementGoals(a *crm.Agreement) error {
	if _, err := tx.exec("DELETE FROM agreement_goals WHERE agreement_id = ?", a.ID); err != nil {
		return fmt.Errorf("save the goals of agreement #%d: %w", a.ID, err)
	}
	for i, g := range a.Goals {
		if _, err := tx.exec("INSERT OR IGNORE INTO agreement_goals (agreement_id, goal_id) VALUES (?, ?)", a.ID, g.ID); err != nil {
			return fmt.Errorf("save goal #%d of agreement #%d: %w", g.ID, a.ID, err)
		}
		if a.Goals[i].Title == "" {
			a.Goals[i].Title = tx.goalTitle(g.ID)
		}
	}
	return nil
}

// goalTitle names a goal in a message or a list.
func (tx *Tx) goalTitle(id int64) string {
	var t string
	if err := tx.queryRow("SELECT title FROM goals WHERE id = ?", id).Scan(&t); err != nil {
		return fmt.Sprintf("#%d", id)
	}
	return t
}

// RenewAgreement starts a new agreement with the same person, a renewed
// package: the active one closes as completed the day before a.Start (or
// on a.Start when it began that day), with no change to roles or cadence,
// and a is stored as the new active agreement. Sessions count for the
// agreement whose term holds them, so the two never share one.
func (tx *Tx) RenewAgreement(a *crm.Agreement) error {
	if err := tx.agreementDefaults(a); err != nil {
		return err
	}
	old, err := tx.ActiveAgreement(a.ContactID)
	if err != nil {
		return err
	}
	if a.Start.Before(old.Start) {
		return crm.Invalid("start", fmt.Errorf("%s is before the current agreement began (%s)", a.Start, old.Start))
	}
	until := a.Start.AddDays(-1)
	if until.Before(old.Start) {
		until = old.Start
	}
	if err := tx.closeRow(old.ID, crm.Outcome{Status: crm.AgreementCompleted,
		Closing: crm.Closing{ClosedOn: until, Reason: "renewed"}}); err != nil {
		return err
	}
	a.ID = 0
	return tx.SetAgreement(a)
}

// CloseAgreement closes an active agreement with an outcome, in one go:
// the agreement records when, why and what was learned; the role it was
// about ends, keeping its history, and the new role, if any, begins (a
// redefined agreement must name one); and the person moves to a light
// keep-in-touch cadence (crm.KeepInTouchDays) when it completed or ended,
// or back to their roles' default rhythm when redefined. Roles and cadence
// change through AddRole, EndRole and UpdateContact, so whatever those keep
// true (the next check-in) stays true.
func (tx *Tx) CloseAgreement(id int64, o crm.Outcome) error {
	if err := o.Validate(); err != nil {
		return err
	}
	a, err := tx.Agreement(id)
	if err != nil {
		return err
	}
	if !a.Active() {
		return crm.Errorf(crm.EConflict, "agreement #%d with %s is already %s", id, a.Contact, a.Status)
	}
	if o.ClosedOn.IsZero() {
		o.ClosedOn = tx.today
	}
	if o.ClosedOn.Before(a.Start) {
		o.ClosedOn = a.Start
	}
	if err := tx.closeRow(id, o); err != nil {
		return err
	}
	if err := tx.closeRoles(a, o); err != nil {
		return err
	}
	c, err := tx.Contact(a.ContactID)
	if err != nil {
		return err
	}
	c.CadenceDays = crm.KeepInTouchDays
	if o.Status == crm.AgreementRedefined {
		c.CadenceDays = 0
	}
	return tx.UpdateContact(c)
}

// closeRoles ends the role an agreement was about and starts the new one.
func (tx *Tx) closeRoles(a *crm.Agreement, o crm.Outcome) error {
	if o.NewRole == a.Role {
		return nil // the role goes on: nothing to end or begin
	}
	if err := tx.EndRole(a.ContactID, a.Role, o.ClosedOn); err != nil && crm.ErrorCode(err) != crm.ENotFound {
		return err
	}
	if o.NewRole != "" {
		return tx.AddRole(a.ContactID, o.NewRole, o.ClosedOn)
	}
	return nil
}

// closeRow records the closing of agreement id.
func (tx *Tx) closeRow(id int64, o crm.Outcome) error {
	none := func() error { return crm.Errorf(crm.ENotFound, "no active agreement #%d", id) }
	return tx.changeRows(fmt.Sprintf("close agreement #%d", id), none,
		`UPDATE agreements SET status = ?, closed_on = ?, reason = ?, learned = ?, new_role = ?, updated_at = ?
		WHERE id = ? AND status = 'active'`, string(o.Status), o.ClosedOn, strings.TrimSpace(o.Reason),
		strings.TrimSpace(o.Learned), string(o.NewRole), tx.stamp(), id)
}

// SetFit records the verdict of the fit check on agreement id.
func (tx *Tx) SetFit(id int64, v crm.FitVerdict) error {
	if _, err := crm.ParseFitVerdict(string(v)); err != nil {
		return crm.Invalid("fit", err)
	}
	none := func() error { return crm.Errorf(crm.ENotFound, "no agreement #%d", id) }
	return tx.changeRows(fmt.Sprintf("record the fit of agreement #%d", id), none,
		"UPDATE agreements SET fit = ?, updated_at = ? WHERE id = ?", string(v), tx.stamp(), id)
}

// Agreement loads one agreement with its goals.
func (tx *Tx) Agreement(id int64) (*crm.Agreement, error) {
	list, err := tx.agreements("a.id = ?", "", id)
	return only(list, err, crm.Errorf(crm.ENotFound, "no agreement #%d", id))
}

// ActiveAgreement loads a person's active agreement, or returns an
// ENotFound error when they have none.
func (tx *Tx) ActiveAgreement(contactID int64) (*crm.Agreement, error) {
	list, err := tx.agreements("a.contact_id = ? AND a.status = 'active'", "", contactID)
	return only(list, err, tx.noAgreement(contactID))
}

// AgreementsOf loads every agreement with a person, newest first.
func (tx *Tx) AgreementsOf(contactID int64) ([]*crm.Agreement, error) {
	return tx.agreements("a.contact_id = ?", "", contactID)
}

// agreements loads the agreements matching where, newest first, with
// their goals: two statements whatever their number. Every query over
// agreements and their people reads agreements first (CROSS JOIN fixes
// SQLite's join order): a book has far fewer agreements than people, and
// the active ones are one partial index.
func (tx *Tx) agreements(where, tail string, args ...any) ([]*crm.Agreement, error) {
	rows, err := tx.query(`SELECT `+agreementColumns+` FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id
		WHERE `+where+` ORDER BY a.start_on DESC, a.id DESC`+tail, args...)
	out, err := collect(rows, err, func(row scanner) (*crm.Agreement, error) { return scanAgreement(row) })
	if err != nil {
		return nil, fmt.Errorf("load agreements: %w", err)
	}
	return out, tx.fillAgreementGoals(out, where, args)
}

// fillAgreementGoals adds the goals to agreements loaded with where.
func (tx *Tx) fillAgreementGoals(list []*crm.Agreement, where string, args []any) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*crm.Agreement, len(list))
	for _, a := range list {
		byID[a.ID] = a
	}
	rows, err := tx.query(`SELECT ag.agreement_id, g.id, g.title FROM agreement_goals ag JOIN goals g ON g.id = ag.goal_id
		WHERE ag.agreement_id IN (SELECT a.id FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id WHERE `+where+`)
		ORDER BY g.title_key`, args...)
	err = each(rows, err, func(row scanner) error {
		var id int64
		var g crm.AgreementGoal
		if err := row.Scan(&id, &g.ID, &g.Title); err != nil {
			return err
		}
		if a := byID[id]; a != nil {
			a.Goals = append(a.Goals, g)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load the goals of agreements: %w", err)
	}
	return nil
}

// MarkSession says whether interaction id counts as a session of the
// agreements of the people in it. Every interaction with a person during
// an agreement's term counts unless marked not to ('kith log --no-session',
// the log form's tick); circle meetings never count.
func (tx *Tx) MarkSession(interactionID int64, counts bool) error {
	q := "DELETE FROM session_exclusions WHERE interaction_id = ?"
	if !counts {
		q = "INSERT OR IGNORE INTO session_exclusions (interaction_id) VALUES (?)"
	}
	if _, err := tx.exec(q, interactionID); err != nil {
		return fmt.Errorf("mark interaction %d as a session: %w", interactionID, err)
	}
	return nil
}

// CountsAsSession reports whether interaction id was left to count as a
// session (see MarkSession).
func (tx *Tx) CountsAsSession(interactionID int64) (bool, error) {
	var excluded bool
	err := tx.queryRow("SELECT EXISTS (SELECT 1 FROM session_exclusions WHERE interaction_id = ?)", interactionID).Scan(&excluded)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("read whether interaction %d is a session: %w", interactionID, err)
	}
	return !excluded, nil
}
