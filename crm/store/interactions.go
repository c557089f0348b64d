package store

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// LogInteraction stores an interaction with its participants and exchanges
// and sets the ids. An exchange names the contact it was with; one that
// names nobody was with every participant (advice given to a whole circle
// meeting counts for each member who heard it).
func (tx *Tx) LogInteraction(in *crm.Interaction) error {
	if err := in.Validate(); err != nil {
		return err
	}
	if err := tx.insertInteraction(in, nil); err != nil {
		return fmt.Errorf("log interaction: %w", err)
	}
	return tx.putContents(in, nil)
}

// Interaction loads one interaction with its participants and exchanges.
func (tx *Tx) Interaction(id int64) (*crm.Interaction, error) {
	list, err := tx.interactions("i.id = ?", "", id)
	return only(list, err, noInteraction(id))
}

// Timeline returns the interactions a contact took part in, newest first,
// with their participants and the exchanges of each. limit 0 means all.
func (tx *Tx) Timeline(contactID int64, limit, offset int) ([]*crm.Interaction, error) {
	page := ""
	args := []any{contactID}
	if limit > 0 {
		page = " LIMIT ? OFFSET ?"
		args = append(args, limit, offset)
	}
	return tx.interactions("i.id IN (SELECT interaction_id FROM participants WHERE contact_id = ?)", page, args...)
}

// ListInteractions returns one page of the interactions f selects, newest
// first, and whether more follow it. The filter and the page are applied in
// SQL over indexes (a person's through participants_contact, a circle's
// through interactions_circle, dates through interactions_date), so a page
// costs the same in a book of a million interactions: never all of them
// loaded to be filtered here.
func (tx *Tx) ListInteractions(f crm.InteractionFilter) ([]*crm.Interaction, bool, error) {
	where, args := interactionWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = crm.InteractionPage
	}
	limit = min(limit, crm.MaxInteractionPage)
	// One more than the page tells whether another follows.
	list, err := tx.interactions(where, " LIMIT ? OFFSET ?", append(args, limit+1, max(f.Offset, 0))...)
	if err != nil {
		return nil, false, err
	}
	if len(list) > limit {
		return list[:limit], true, nil
	}
	return list, false, nil
}

// interactionWhere builds the WHERE clause of ListInteractions. Its size is
// fixed by the filter's fields, never by the data.
func interactionWhere(f crm.InteractionFilter) (string, []any) {
	where := "1 = 1"
	var args []any
	if f.ContactID != 0 {
		// The dates bound the seek in participants_contact as well.
		dates, dateArgs := dateRange("p.occurred_on", f.From, f.To)
		where += " AND i.id IN (SELECT p.interaction_id FROM participants p WHERE p.contact_id = ?" + dates + ")"
		args = append(append(args, f.ContactID), dateArgs...)
	}
	if f.CircleID != 0 {
		where += " AND i.circle_id = ?"
		args = append(args, f.CircleID)
	}
	dates, dateArgs := dateRange("i.occurred_on", f.From, f.To)
	return where + dates, append(args, dateArgs...)
}

// dateRange is the condition that col falls between from and to, each
// bound left out when zero.
func dateRange(col string, from, to crm.Date) (string, []any) {
	cond := ""
	var args []any
	if !from.IsZero() {
		cond += " AND " + col + " >= ?"
		args = append(args, from)
	}
	if !to.IsZero() {
		cond += " AND " + col + " <= ?"
		args = append(args, to)
	}
	return cond, args
}

// GoalInteractions returns the interactions that served a goal, newest first.
func (tx *Tx) GoalInteractions(goalID int64, limit int) ([]*crm.Interaction, error) {
	return tx.interactions("i.goal_id = ?", " LIMIT ?", goalID, limit)
}

// CircleMeetings returns a circle's meetings, newest first.
func (tx *Tx) CircleMeetings(circleID int64, limit int) ([]*crm.Interaction, error) {
	return tx.interactions("i.circle_id = ?", " LIMIT ?", circleID, limit)
}

// interactions loads the interactions matching where, newest first, with
// their participants and exchanges: three statements whatever the number of
// interactions, each selecting the same page through a fixed subquery, so
// neither the statement count nor its size grows with the data.
func (tx *Tx) interactions(where, page string, args ...any) ([]*crm.Interaction, error) {
	order := " ORDER BY i.occurred_on DESC, i.id DESC"
	rows, err := tx.query(`SELECT i.id, i.occurred_on, i.kind, i.minutes, i.summary, i.notes,
		COALESCE(i.circle_id, 0), COALESCE(ci.name, ''), COALESCE(i.goal_id, 0), COALESCE(g.title, '')
		FROM interactions i LEFT JOIN circles ci ON ci.id = i.circle_id LEFT JOIN goals g ON g.id = i.goal_id
		WHERE `+where+order+page, args...)
	out, err := collect(rows, err, func(row scanner) (*crm.Interaction, error) {
		in := &crm.Interaction{Participants: []crm.Participant{}, Exchanges: []crm.Exchange{}}
		return in, row.Scan(&in.ID, &in.Date, &in.Kind, &in.Minutes, &in.Summary, &in.Notes,
			&in.CircleID, &in.Circle, &in.GoalID, &in.Goal)
	})
	if err != nil {
		return nil, fmt.Errorf("load interactions: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	byID := make(map[int64]*crm.Interaction, len(out))
	for _, in := range out {
		byID[in.ID] = in
	}
	page = "SELECT i.id FROM interactions i WHERE " + where + order + page
	if err := tx.fillParticipants(byID, page, args); err != nil {
		return nil, err
	}
	exchanges, err := tx.exchanges("e.interaction_id IN ("+page+")", " ORDER BY e.occurred_on, e.id", args...)
	if err != nil {
		return nil, err
	}
	for _, e := range exchanges {
		if in := byID[e.InteractionID]; in != nil {
			in.Exchanges = append(in.Exchanges, e)
		}
	}
	return out, nil
}

// fillParticipants adds who took part to each interaction of a page.
func (tx *Tx) fillParticipants(byID map[int64]*crm.Interaction, page string, args []any) error {
	rows, err := tx.query(`SELECT p.interaction_id, c.id, c.name FROM participants p JOIN contacts c ON c.id = p.contact_id
		WHERE p.interaction_id IN (`+page+`) ORDER BY c.name_key, c.id`, args...)
	err = each(rows, err, func(row scanner) error {
		var id int64
		var p crm.Participant
		if err := row.Scan(&id, &p.ContactID, &p.Name); err != nil {
			return err
		}
		if in := byID[id]; in != nil {
			in.Participants = append(in.Participants, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load participants: %w", err)
	}
	return nil
}

// AddExchange stores something given or received, with or without an
// interaction, and sets e.ID. The date defaults to today.
func (tx *Tx) AddExchange(e *crm.Exchange) error {
	return tx.insertExchange(e, nil)
}

// Exchange loads one exchange.
func (tx *Tx) Exchange(id int64) (*crm.Exchange, error) {
	list, err := tx.exchanges("e.id = ?", "", id)
	e, err := only(list, err, crm.Errorf(crm.ENotFound, "no exchange #%d", id))
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// OpenCommitments returns the promises not yet kept, oldest first; with a
// contact id, only theirs.
func (tx *Tx) OpenCommitments(contactID int64) ([]crm.Exchange, error) {
	where := "e.commitment = 1 AND e.done_on IS NULL AND c.archived = 0"
	args := []any{}
	if contactID != 0 {
		where += " AND e.contact_id = ?"
		args = append(args, contactID)
	}
	list, err := tx.exchanges(where, " ORDER BY e.occurred_on, e.id", args...)
	return list, err
}

// CompleteCommitment marks a promise kept on on (today when zero).
func (tx *Tx) CompleteCommitment(id int64, on crm.Date) error {
	if on.IsZero() {
		on = tx.today
	}
	none := func() error { return crm.Errorf(crm.ENotFound, "no commitment #%d", id) }
	return tx.changeRows(fmt.Sprintf("complete commitment #%d", id), none,
		"UPDATE exchanges SET done_on = ? WHERE id = ? AND commitment = 1", on, id)
}

// ReopenCommitment marks a kept promise as still to keep: the window's undo
// of Done. A promise already open stays open.
func (tx *Tx) ReopenCommitment(id int64) error {
	none := func() error { return crm.Errorf(crm.ENotFound, "no commitment #%d", id) }
	return tx.changeRows(fmt.Sprintf("reopen commitment #%d", id), none,
		"UPDATE exchanges SET done_on = NULL WHERE id = ? AND commitment = 1", id)
}

// RecentExchanges returns a contact's latest exchanges in one direction,
// newest first.
func (tx *Tx) RecentExchanges(contactID int64, dir crm.Direction, limit int) ([]crm.Exchange, error) {
	return tx.exchanges("e.contact_id = ? AND e.direction = ?", " ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?",
		contactID, string(dir), limit)
}

// Balance counts what was given to and received from a contact since a day.
// A promise counts once it is kept, not when it is made.
func (tx *Tx) Balance(contactID int64, since crm.Date) (gave, received int, err error) {
	err = tx.queryRow(`SELECT count(*) FILTER (WHERE direction = 'gave'), count(*) FILTER (WHERE direction = 'received')
		FROM exchanges WHERE contact_id = ? AND occurred_on >= ? AND occurred_on <= ?
		AND NOT (commitment = 1 AND done_on IS NULL)`, contactID, since, tx.today).Scan(&gave, &received)
	if err != nil {
		err = fmt.Errorf("balance with #%d: %w", contactID, err)
	}
	return gave, received, err
}

// exchanges loads the exchanges matching where, ordered and cut by tail
// (oldest first when tail is empty), each with the name of its contact.
func (tx *Tx) exchanges(where, tail string, args ...any) ([]crm.Exchange, error) {
	return tx.loadExchanges("c.name FROM exchanges e JOIN contacts c ON c.id = e.contact_id", where, tail, args)
}

// exchangesUnnamed loads them as exchanges does, with Contact left empty,
// for a caller that has the names: fetching each contact's row for its
// name is a seek per exchange into a table that outgrows SQLite's page
// cache, and read five times the pages of a quarter's exchanges
// themselves at 50,000 people.
func (tx *Tx) exchangesUnnamed(where, tail string, args ...any) ([]crm.Exchange, error) {
	return tx.loadExchanges("'' FROM exchanges e", where, tail, args)
}

// loadExchanges is exchanges and exchangesUnnamed: nameFrom is the name's
// column and the FROM clause that gives it.
func (tx *Tx) loadExchanges(nameFrom, where, tail string, args []any) ([]crm.Exchange, error) {
	if tail == "" {
		tail = " ORDER BY e.occurred_on, e.id"
	}
	rows, err := tx.query(`SELECT e.id, e.contact_id, COALESCE(e.interaction_id, 0), e.occurred_on, e.direction, e.kind,
		e.description, e.minutes, e.amount, e.commitment, e.done_on, `+nameFrom+` WHERE `+where+tail, args...)
	var e crm.Exchange
	out, err := collectRows(rows, err, &e, &e.ID, &e.ContactID, &e.InteractionID, &e.Date, &e.Direction, &e.Kind,
		&e.Description, &e.Minutes, &e.Amount, &e.Commitment, &e.DoneOn, &e.Contact)
	if err != nil {
		return nil, fmt.Errorf("load exchanges: %w", err)
	}
	return out, nil
}
