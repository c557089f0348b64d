package store

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// agendaColumns is the SELECT list of an agenda item g, as scanAgendaItem reads it.
const agendaColumns = `g.id, g.contact_id, g.kind, g.text, COALESCE(g.ref_id, 0), g.added_on, g.state, g.carried,
	COALESCE(g.interaction_id, 0), g.closed_on`

func scanAgendaItem(row scanner) (crm.AgendaItem, error) {
	var it crm.AgendaItem
	err := row.Scan(&it.ID, &it.ContactID, &it.Kind, &it.Text, &it.RefID, &it.Added, &it.State, &it.Carried,
		&it.InteractionID, &it.ClosedOn)
	return it, err
}

// agendaItems loads the agenda items matching where, oldest first.
func (tx *Tx) agendaItems(where string, args ...any) ([]crm.AgendaItem, error) {
	rows, err := tx.query(`SELECT `+agendaColumns+` FROM agenda_items g WHERE `+where+` ORDER BY g.added_on, g.id`, args...)
	out, err := collect(rows, err, scanAgendaItem)
	if err != nil {
		return nil, fmt.Errorf("load agenda items: %w", err)
	}
	return out, nil
}

// Ask notes a question to raise at the next session with a person ("ask
// Priya about the offsite"): an open agenda item until done or dropped.
func (tx *Tx) Ask(contactID int64, text string) (crm.AgendaItem, error) {
	t, err := crm.CheckQuestion(text)
	if err != nil {
		return crm.AgendaItem{}, err
	}
	if _, err := tx.Contact(contactID); err != nil {
		return crm.AgendaItem{}, err
	}
	return tx.addAgendaItem(crm.AgendaItem{ContactID: contactID, Kind: crm.AgendaQuestion, Text: t})
}

// addAgendaItem stores an open item dated today.
func (tx *Tx) addAgendaItem(it crm.AgendaItem) (crm.AgendaItem, error) {
	it.Added, it.State = tx.today, crm.AgendaOpen
	id, err := tx.insertID(`INSERT INTO agenda_items (contact_id, kind, text, ref_id, added_on, state, created_at)
		VALUES (?, ?, ?, ?, ?, 'open', ?)`, it.ContactID, string(it.Kind), it.Text, orNull(it.RefID), it.Added, tx.stamp())
	if err != nil {
		return it, fmt.Errorf("add agenda item for %s: %w", tx.contactName(it.ContactID), err)
	}
	it.ID = id
	return it, nil
}

// Agenda returns what is open to raise with a person, as last prepared,
// with their active agreement's progress: it writes nothing.
func (tx *Tx) Agenda(contactID int64) (*crm.Agenda, error) {
	c, err := tx.Contact(contactID)
	if err != nil {
		return nil, err
	}
	ag := &crm.Agenda{ContactID: contactID, Name: c.Name}
	if ag.Items, err = tx.agendaItems("g.contact_id = ? AND g.state = 'open'", contactID); err != nil {
		return nil, err
	}
	if a, err := tx.ActiveAgreement(contactID); err == nil {
		if ag.Agreement, err = tx.AgreementProgress(a.ID); err != nil {
			return nil, err
		}
	} else if crm.ErrorCode(err) != crm.ENotFound {
		return nil, err
	}
	return ag, nil
}

// PrepareAgenda starts the agenda of the next session with a person from
// what is open, and returns it: every open promise either way, the active
// goals they help with (each with how many interactions served it), and the
// last session's summary join the items still open from before, each once.
// Items whose source is settled (a promise kept, a goal no longer active,
// a summary a newer session replaced) are closed as done. Questions come
// from Ask. Preparing twice adds nothing the second time.
func (tx *Tx) PrepareAgenda(contactID int64) (*crm.Agenda, error) {
	if _, err := tx.Contact(contactID); err != nil {
		return nil, err
	}
	if err := tx.settleAgenda(contactID); err != nil {
		return nil, err
	}
	for _, add := range []string{addPromiseItems, addGoalItems, addLastItem} {
		if _, err := tx.exec(add, contactID, tx.today, tx.today, tx.stamp()); err != nil {
			return nil, fmt.Errorf("prepare the agenda with %s: %w", tx.contactName(contactID), err)
		}
	}
	if _, err := tx.exec(refreshGoalItems, contactID); err != nil {
		return nil, fmt.Errorf("prepare the agenda with %s: %w", tx.contactName(contactID), err)
	}
	return tx.Agenda(contactID)
}

// The statements of PrepareAgenda, each taking (contact, today, today,
// stamp): a new item for every source not already on the open agenda.
const (
	addPromiseItems = `INSERT INTO agenda_items (contact_id, kind, text, ref_id, added_on, created_at)
		SELECT e.contact_id, 'promise',
			CASE e.direction WHEN 'gave' THEN 'I promised ' ELSE 'They promised ' END || e.kind || ': ' || e.description
			|| COALESCE(' (due ' || (SELECT d.due_on FROM commitment_due d WHERE d.exchange_id = e.id) || ')', ''),
			e.id, ?2, ?4
		FROM exchanges e WHERE e.contact_id = ?1 AND e.commitment = 1 AND e.done_on IS NULL AND e.occurred_on <= ?3
		AND NOT EXISTS (SELECT 1 FROM agenda_items g WHERE g.contact_id = e.contact_id AND g.kind = 'promise'
			AND g.ref_id = e.id AND g.state = 'open')
		ORDER BY e.occurred_on, e.id`
	addGoalItems = `INSERT INTO agenda_items (contact_id, kind, text, ref_id, added_on, created_at)
		SELECT h.contact_id, 'goal', 'Goal: ' || g.title, g.id, ?2, ?4
		FROM goal_helpers h JOIN goals g ON g.id = h.goal_id WHERE h.contact_id = ?1 AND g.status = 'active'
		AND NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.contact_id = h.contact_id AND x.kind = 'goal'
			AND x.ref_id = g.id AND x.state = 'open')
		ORDER BY g.title_key`
	addLastItem = `INSERT INTO agenda_items (contact_id, kind, text, ref_id, added_on, created_at)
		SELECT p.contact_id, 'last', 'Last time (' || i.occurred_on || '): ' || i.summary, i.id, ?2, ?4
		FROM participants p JOIN interactions i ON i.id = p.interaction_id
		WHERE p.contact_id = ?1 AND p.occurred_on <= ?3 AND trim(i.summary) <> ''
		AND NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.contact_id = p.contact_id AND x.kind = 'last' AND x.ref_id = i.id)
		ORDER BY p.occurred_on DESC, p.interaction_id DESC LIMIT 1`
	// refreshGoalItems rewrites each open goal item with the goal's
	// progress today: its status, target and how many interactions served it.
	refreshGoalItems = `UPDATE agenda_items AS x SET text = 'Goal: ' || g.title
		|| COALESCE(', target ' || g.target_on, '')
		|| (SELECT CASE count(*) WHEN 0 THEN ' (no interaction served it yet)' WHEN 1 THEN ' (1 interaction served it)'
			ELSE ' (' || count(*) || ' interactions served it)' END FROM interactions i WHERE i.goal_id = g.id)
		FROM goals g WHERE g.id = x.ref_id AND x.kind = 'goal' AND x.state = 'open' AND x.contact_id = ?`
)

// settleAgenda closes a person's open items whose source is settled: a
// promise kept or gone, a goal no longer active or no longer theirs, a
// summary of an interaction that is not their latest.
func (tx *Tx) settleAgenda(contactID int64) error {
	_, err := tx.exec(`UPDATE agenda_items AS x SET state = 'done', closed_on = ?2
		WHERE x.contact_id = ?1 AND x.state = 'open' AND (
		(x.kind = 'promise' AND NOT EXISTS (SELECT 1 FROM exchanges e WHERE e.id = x.ref_id AND e.done_on IS NULL))
		OR (x.kind = 'goal' AND NOT EXISTS (SELECT 1 FROM goals g JOIN goal_helpers h ON h.goal_id = g.id
			WHERE g.id = x.ref_id AND g.status = 'active' AND h.contact_id = x.contact_id))
		OR (x.kind = 'last' AND COALESCE(x.ref_id, 0) <> COALESCE((SELECT p.interaction_id FROM participants p
			JOIN interactions i ON i.id = p.interaction_id WHERE p.contact_id = x.contact_id AND p.occurred_on <= ?2
			AND trim(i.summary) <> '' ORDER BY p.occurred_on DESC, p.interaction_id DESC LIMIT 1), 0)))`,
		contactID, tx.today)
	if err != nil {
		return fmt.Errorf("settle the agenda with %s: %w", tx.contactName(contactID), err)
	}
	return nil
}

// TickAgenda records what became of agenda items at a session, the
// interaction they were discussed in: done and dropped items close, carried
// ones stay open for the next agenda, one more time carried. Every id must
// be an item open with someone who took part in the interaction.
func (tx *Tx) TickAgenda(interactionID int64, t crm.AgendaTicks) error {
	if err := t.Validate(); err != nil {
		return err
	}
	for _, step := range []struct {
		flag string
		ids  []int64
		set  string
	}{
		{"agenda-done", t.Done, "state = 'done', closed_on = :today"},
		{"agenda-carry", t.Carried, "carried = carried + 1"},
		{"agenda-drop", t.Dropped, "state = 'dropped', closed_on = :today"},
	} {
		for _, id := range step.ids {
			if err := tx.tickItem(interactionID, id, step.flag, step.set); err != nil {
				return err
			}
		}
	}
	return nil
}

// tickItem applies one tick; set is a constant of TickAgenda.
func (tx *Tx) tickItem(interactionID, id int64, flag, set string) error {
	none := func() error {
		return crm.Invalid(flag, fmt.Errorf("no open agenda item %d with anyone in interaction %d (see 'kith prepare NAME')", id, interactionID))
	}
	q := `UPDATE agenda_items SET ` + set + `, interaction_id = :interaction WHERE id = :id AND state = 'open'
		AND contact_id IN (SELECT contact_id FROM participants WHERE interaction_id = :interaction)`
	args := []any{sql.Named("interaction", interactionID), sql.Named("id", id)}
	if strings.Contains(set, ":today") {
		args = append(args, sql.Named("today", tx.today))
	}
	return tx.changeRows(fmt.Sprintf("tick agenda item %d", id), none, q, args...)
}

// AgendaOf returns the agenda an interaction carried: the items ticked in
// it, done, carried or dropped.
func (tx *Tx) AgendaOf(interactionID int64) ([]crm.AgendaItem, error) {
	return tx.agendaItems("g.interaction_id = ?", interactionID)
}
