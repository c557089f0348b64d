package store

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// A promise is an exchange with the commitment flag: one the user made is
// given (Gave), one the other person made to the user is received
// (Received), "Priya will intro me to Sam". Either may have a due date,
// kept in commitment_due beside the exchange.

// AddPromise stores a promise, the user's or the other person's as
// e.Direction says, with its due date (none when zero), and sets e.ID.
func (tx *Tx) AddPromise(e *crm.Exchange, due crm.Date) error {
	e.Commitment = true
	if err := tx.AddExchange(e); err != nil {
		return err
	}
	return tx.SetPromiseDue(e.ID, due)
}

// SetPromiseDue sets or, with the zero Date, clears when promise id is due.
func (tx *Tx) SetPromiseDue(id int64, due crm.Date) error {
	if due.IsZero() {
		if _, err := tx.exec("DELETE FROM commitment_due WHERE exchange_id = ?", id); err != nil {
			return fmt.Errorf("clear the due date of promise #%d: %w", id, err)
		}
		return nil
	}
	none := func() error { return crm.Errorf(crm.ENotFound, "no commitment #%d", id) }
	return tx.changeRows(fmt.Sprintf("set the due date of promise #%d", id), none,
		`INSERT INTO commitment_due (exchange_id, due_on) SELECT id, ? FROM exchanges WHERE id = ? AND commitment = 1
		ON CONFLICT (exchange_id) DO UPDATE SET due_on = excluded.due_on`, due, id)
}

// promiseColumns reads a promise's due date and lateness after the
// exchange's own columns.
const promiseTail = `, (SELECT d.due_on FROM commitment_due d WHERE d.exchange_id = e.id)`

// promises loads the promises matching where, with their due dates.
func (tx *Tx) promises(where, tail string, args ...any) ([]crm.Promise, error) {
	rows, err := tx.query(`SELECT e.id, e.contact_id, c.name, COALESCE(e.interaction_id, 0), e.occurred_on, e.direction, e.kind,
		e.description, e.minutes, e.amount, e.commitment, e.done_on`+promiseTail+`
		FROM exchanges e JOIN contacts c ON c.id = e.contact_id WHERE e.commitment = 1 AND `+where+tail, args...)
	out, err := collect(rows, err, func(row scanner) (crm.Promise, error) {
		var p crm.Promise
		e := &p.Exchange
		err := row.Scan(&e.ID, &e.ContactID, &e.Contact, &e.InteractionID, &e.Date, &e.Direction, &e.Kind,
			&e.Description, &e.Minutes, &e.Amount, &e.Commitment, &e.DoneOn, &p.Due)
		p.Late = p.Open() && !p.Due.IsZero() && p.Due.Before(tx.today)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("load promises: %w", err)
	}
	return out, nil
}

// OpenPromises returns the promises not yet kept between the user and a
// person, both ways, oldest first: the user's (Gave) and theirs (Received).
func (tx *Tx) OpenPromises(contactID int64) ([]crm.Promise, error) {
	return tx.promises("e.done_on IS NULL AND e.contact_id = ?", " ORDER BY e.occurred_on, e.id", contactID)
}

// TheirOpenPromises returns the promises people made to the user and have
// yet to keep, to people not archived, soonest due first (those with no
// due date last), at most limit (0 for all).
func (tx *Tx) TheirOpenPromises(limit int) ([]crm.Promise, error) {
	if limit <= 0 {
		limit = -1
	}
	return tx.promises("e.direction = 'received' AND e.done_on IS NULL AND c.archived = 0",
		` ORDER BY (SELECT d.due_on FROM commitment_due d WHERE d.exchange_id = e.id) IS NULL,
		(SELECT d.due_on FROM commitment_due d WHERE d.exchange_id = e.id), e.occurred_on, e.id LIMIT ?`, limit)
}

// LatePromises returns the promises in direction dir not yet kept whose
// due date has passed, to people not archived, the longest overdue first, at most
// limit (0 for all): Today shows theirs (Received) when late. They are
// found through the index of due dates, not by reading every promise.
func (tx *Tx) LatePromises(dir crm.Direction, limit int) ([]crm.Promise, error) {
	if limit <= 0 {
		limit = -1
	}
	return tx.promises(`e.direction = ? AND e.done_on IS NULL AND c.archived = 0
		AND e.id IN (SELECT d.exchange_id FROM commitment_due d WHERE d.due_on < ?)`,
		" ORDER BY (SELECT d.due_on FROM commitment_due d WHERE d.exchange_id = e.id), e.id LIMIT ?", string(dir), tx.today, limit)
}
