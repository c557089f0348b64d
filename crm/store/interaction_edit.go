package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// An interaction's id is written bare ("interaction 3"), never "#3": a
// "#3" on Kith's command line names a person, circle or goal.

// noInteraction is the error for an interaction id that matches nothing.
func noInteraction(id int64) error {
	return crm.Errorf(crm.ENotFound, "no interaction %d (see 'kith interaction list')", id)
}

// interactionWrite and exchangeWrite are the columns a write of an
// interaction or an exchange stores, paired with their values: the one list
// each table's INSERT and UPDATE are made from, so the two cannot drift.
// The creation stamp and the id are the INSERT's alone.
func interactionWrite(in *crm.Interaction) ([]string, []any) {
	return []string{"occurred_on", "kind", "minutes", "summary", "notes", "circle_id", "goal_id"},
		[]any{in.Date, string(in.Kind), in.Minutes, in.Summary, in.Notes, orNull(in.CircleID), orNull(in.GoalID)}
}

func exchangeWrite(e *crm.Exchange) ([]string, []any) {
	return []string{"contact_id", "interaction_id", "occurred_on", "direction", "kind", "description", "minutes", "amount", "commitment", "done_on"},
		[]any{e.ContactID, orNull(e.InteractionID), e.Date, string(e.Direction), string(e.Kind), e.Description, e.Minutes, e.Amount, e.Commitment, e.DoneOn}
}

// The statements over those lists, made once.
var (
	interactionInsert, interactionUpdate = writeStatements("interactions", columnsOf(interactionWrite(&crm.Interaction{})))
	exchangeInsert, exchangeUpdate       = writeStatements("exchanges", columnsOf(exchangeWrite(&crm.Exchange{})))
)

// columnsOf keeps the names of a column list.
func columnsOf(cols []string, _ []any) []string { return cols }

// writeStatements makes a table's INSERT (id first, which NULL leaves to
// SQLite, then cols, then created_at) and its UPDATE of cols by id.
func writeStatements(table string, cols []string) (ins, upd string) {
	all := append(append([]string{"id"}, cols...), "created_at")
	ins = "INSERT INTO " + table + " (" + strings.Join(all, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(all)), ", ") + ")"
	upd = "UPDATE " + table + " SET " + strings.Join(cols, " = ?, ") + " = ? WHERE id = ?"
	return ins, upd
}

// insertRow runs a table's INSERT with the values of its column list, under
// id when id is not nil, and returns the row's id.
func (tx *Tx) insertRow(ins string, id any, values []any) (int64, error) {
	args := append(append([]any{id}, values...), tx.stamp())
	return tx.insertID(ins, args...)
}

// freeID returns id when no row of table holds it, and nil (let SQLite
// choose) when one does or id is zero. Undo puts a deleted row back under
// its own id, so what scripts and the window know it by stays true, unless
// something new took that id since.
func (tx *Tx) freeID(table string, id int64) (any, error) {
	if id == 0 {
		return nil, nil
	}
	var taken bool
	if err := tx.queryRow("SELECT EXISTS (SELECT 1 FROM "+table+" WHERE id = ?)", id).Scan(&taken); err != nil {
		return nil, fmt.Errorf("look up %s %d: %w", table, id, err)
	}
	if taken {
		return nil, nil
	}
	return id, nil
}

// insertInteraction stores in's own row, under id (nil for a new one), and
// sets in.ID.
func (tx *Tx) insertInteraction(in *crm.Interaction, id any) error {
	_, values := interactionWrite(in)
	newID, err := tx.insertRow(interactionInsert, id, values)
	if err != nil {
		return err
	}
	in.ID = newID
	return nil
}

// insertExchange checks e, fills its defaults and stores it under id (nil
// for a new one), setting e.ID.
func (tx *Tx) insertExchange(e *crm.Exchange, id any) error {
	if err := tx.checkExchange(e); err != nil {
		return err
	}
	_, values := exchangeWrite(e)
	newID, err := tx.insertRow(exchangeInsert, id, values)
	if err != nil {
		return fmt.Errorf("save %s %q: %w", e.Direction, e.Description, err)
	}
	e.ID = newID
	return nil
}

// checkExchange validates e and dates it today when it has no date.
func (tx *Tx) checkExchange(e *crm.Exchange) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if e.Date.IsZero() {
		e.Date = tx.today
	}
	if !e.DoneOn.IsZero() && !e.Commitment {
		return crm.Invalid("done", fmt.Errorf("only a commitment can be done"))
	}
	return nil
}

// EditInteraction replaces the stored interaction in.ID with in, all of
// it: date, kind, minutes, summary, notes, circle, goal, participants and
// exchanges, as the caller's single transaction. Exchanges are matched by
// id: one of this interaction's keeps its id (and its creation stamp, and
// so its place as a promise 'kith commitment done' names), one without an
// id is new, and the interaction's exchanges that in no longer lists are
// deleted. An exchange still dated on the old day moves with the
// interaction to the new one; check-ins, the review and the calendar are
// computed from these rows, so they follow without more work.
func (tx *Tx) EditInteraction(in *crm.Interaction) error {
	if err := in.Validate(); err != nil {
		return err
	}
	old, err := tx.Interaction(in.ID)
	if err != nil {
		return err
	}
	_, values := interactionWrite(in)
	// The trigger interactions_date_update moves the participants' copy of the date.
	if _, err := tx.exec(interactionUpdate, append(values, in.ID)...); err != nil {
		return fmt.Errorf("edit interaction %d: %w", in.ID, err)
	}
	if _, err := tx.exec("DELETE FROM participants WHERE interaction_id = ?", in.ID); err != nil {
		return fmt.Errorf("edit interaction %d: %w", in.ID, err)
	}
	return tx.putContents(in, old)
}

// DeleteInteraction removes an interaction with its participants and the
// exchanges logged with it, kept promises included: they were part of
// that conversation, and RestoreInteraction puts them all back. Last
// contact and the next check-in fall back to the interaction before.
func (tx *Tx) DeleteInteraction(id int64) error {
	if _, err := tx.exec("DELETE FROM exchanges WHERE interaction_id = ?", id); err != nil {
		return fmt.Errorf("delete interaction %d: %w", id, err)
	}
	// The agenda items ticked in it are as they were before it: a session
	// logged by mistake (or undone at once) did not discuss, carry or drop
	// anything. The state a change reads in SET is the old one.
	if _, err := tx.exec(`UPDATE agenda_items SET state = 'open', closed_on = NULL,
		carried = CASE WHEN state = 'open' THEN max(carried - 1, 0) ELSE carried END, interaction_id = NULL
		WHERE interaction_id = ?`, id); err != nil {
		return fmt.Errorf("delete interaction %d: reopen its agenda: %w", id, err)
	}
	// Participants go with it: ON DELETE CASCADE.
	return tx.changeRows(fmt.Sprintf("delete interaction %d", id), func() error { return noInteraction(id) },
		"DELETE FROM interactions WHERE id = ?", id)
}

// RestoreInteraction stores an interaction that DeleteInteraction removed,
// as Interaction loaded it beforehand: under its own id and its exchanges'
// own ids where those are still free, else under new ones, which it sets.
func (tx *Tx) RestoreInteraction(in *crm.Interaction) error {
	if err := in.Validate(); err != nil {
		return err
	}
	id, err := tx.freeID("interactions", in.ID)
	if err != nil {
		return err
	}
	if err := tx.insertInteraction(in, id); err != nil {
		return fmt.Errorf("restore interaction %d: %w", in.ID, err)
	}
	return tx.putContents(in, nil)
}

// putContents stores in's participants and exchanges, in.ID's row being
// written already. old is the interaction as it was before an edit, whose
// exchanges in may keep by id; nil when in is new or restored.
func (tx *Tx) putContents(in, old *crm.Interaction) error {
	seen, err := tx.putParticipants(in)
	if err != nil {
		return err
	}
	mine := map[int64]bool{}
	var oldDate crm.Date
	if old != nil {
		oldDate = old.Date
		for _, e := range old.Exchanges {
			mine[e.ID] = true
		}
	}
	var stored []crm.Exchange
	for _, ex := range in.Exchanges {
		ex.InteractionID = in.ID
		if ex.Date.IsZero() || sameDay(ex.Date, oldDate) {
			ex.Date = in.Date
		}
		targets, err := tx.exchangeTargets(ex, in, seen)
		if err != nil {
			return err
		}
		for _, cid := range targets {
			e := ex
			e.ContactID = cid
			if len(targets) > 1 { // a line with everyone is new rows, one each
				e.ID = 0
			}
			if err := tx.putExchange(&e, mine); err != nil {
				return err
			}
			stored = append(stored, e)
		}
	}
	in.Exchanges = stored
	return tx.dropExchanges(mine)
}

// putParticipants stores who took part in in, once each, and returns them.
func (tx *Tx) putParticipants(in *crm.Interaction) (map[int64]bool, error) {
	seen := map[int64]bool{}
	for _, p := range in.Participants {
		if seen[p.ContactID] {
			continue
		}
		seen[p.ContactID] = true
		if _, err := tx.exec("INSERT INTO participants (interaction_id, contact_id, occurred_on) VALUES (?, ?, ?)",
			in.ID, p.ContactID, in.Date); err != nil {
			return nil, fmt.Errorf("save interaction with %s: %w", tx.contactName(p.ContactID), err)
		}
	}
	return seen, nil
}

// exchangeTargets says whom an exchange line of in was with: its contact,
// who must have taken part, or every participant when it names nobody.
func (tx *Tx) exchangeTargets(ex crm.Exchange, in *crm.Interaction, seen map[int64]bool) ([]int64, error) {
	if ex.ContactID != 0 {
		if !seen[ex.ContactID] {
			return nil, crm.Invalid(string(ex.Direction), fmt.Errorf("%s did not take part in this interaction", tx.contactName(ex.ContactID)))
		}
		return []int64{ex.ContactID}, nil
	}
	targets := make([]int64, 0, len(in.Participants))
	for _, p := range in.Participants {
		if seen[p.ContactID] && !slices.Contains(targets, p.ContactID) {
			targets = append(targets, p.ContactID)
		}
	}
	return targets, nil
}

// putExchange updates e in place when it is one of mine (the exchanges the
// interaction had, which it then leaves out of mine) and inserts it
// otherwise, under its own id when that is free.
func (tx *Tx) putExchange(e *crm.Exchange, mine map[int64]bool) error {
	if e.ID != 0 && mine[e.ID] {
		delete(mine, e.ID)
		if err := tx.checkExchange(e); err != nil {
			return err
		}
		_, values := exchangeWrite(e)
		if _, err := tx.exec(exchangeUpdate, append(values, e.ID)...); err != nil {
			return fmt.Errorf("save %s %q: %w", e.Direction, e.Description, err)
		}
		return nil
	}
	id, err := tx.freeID("exchanges", e.ID)
	if err != nil {
		return err
	}
	return tx.insertExchange(e, id)
}

// dropExchanges deletes the exchanges an edit no longer lists.
func (tx *Tx) dropExchanges(ids map[int64]bool) error {
	for id := range ids {
		if _, err := tx.exec("DELETE FROM exchanges WHERE id = ?", id); err != nil {
			return fmt.Errorf("remove exchange %d: %w", id, err)
		}
	}
	return nil
}

// sameDay reports whether a and b are the same, set day.
func sameDay(a, b crm.Date) bool {
	return !a.IsZero() && !b.IsZero() && !a.Before(b) && !a.After(b)
}
