package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// Prospects: people the user wants a relationship with (table prospects),
// their pipeline history (prospect_stages) and outreach (outreach). Moving
// through the pipeline is in prospect_moves.go.

// prospectSelect reads a prospect with the titles of what it links to; a
// query adds its WHERE, order and paging.
const prospectSelect = `SELECT p.id, p.name, p.found, p.detail, COALESCE(p.event_id, 0), COALESCE(e.title, ''),
    COALESCE(p.referred_by, 0), COALESCE(r.name, ''), COALESCE(p.goal_id, 0), COALESCE(g.title, ''),
    COALESCE(p.gap_id, 0), COALESCE(gp.text, ''), p.role, p.why, p.stage, p.not_now_reason, p.reconsider_on,
    p.follow_up_on, COALESCE(p.contact_id, 0), p.added_on, p.created_at, p.updated_at
FROM prospects p
LEFT JOIN events e ON e.id = p.event_id
LEFT JOIN contacts r ON r.id = p.referred_by
LEFT JOIN goals g ON g.id = p.goal_id
LEFT JOIN gaps gp ON gp.id = p.gap_id`

func scanProspect(row scanner) (crm.Prospect, error) {
	var p crm.Prospect
	err := row.Scan(&p.ID, &p.Name, &p.Found, &p.Detail, &p.EventID, &p.Event, &p.ReferredBy, &p.ReferredByName,
		&p.GoalID, &p.Goal, &p.GapID, &p.Gap, &p.Role, &p.Why, &p.Stage, &p.NotNowReason, &p.ReconsiderOn,
		&p.FollowUpOn, &p.ContactID, &p.AddedOn, stampOf{&p.CreatedAt}, stampOf{&p.UpdatedAt})
	return p, err
}

func noProspect(id int64) error { return crm.Errorf(crm.ENotFound, "no prospect #%d", id) }

// AddProspect stores a new prospect at its stage (to contact unless set),
// records that first stage in its history, and sets p.ID. Found defaults
// to event when an event is given and to referral when a referrer is.
func (tx *Tx) AddProspect(p *crm.Prospect) error {
	if p.Found == crm.SourceNone && p.EventID != 0 {
		p.Found = crm.SourceEvent
	}
	if p.Found == crm.SourceNone && p.ReferredBy != 0 {
		p.Found = crm.SourceReferral
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if p.Stage == crm.StageActive {
		return crm.Invalid("stage", fmt.Errorf("a new prospect cannot start active: add them as a contact"))
	}
	if p.AddedOn.IsZero() {
		p.AddedOn = tx.today
	}
	id, err := tx.insertID(`INSERT INTO prospects (name, name_key, found, detail, event_id, referred_by, goal_id, gap_id,
		role, why, stage, not_now_reason, reconsider_on, follow_up_on, added_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Name, crm.NameKey(p.Name), string(p.Found), p.Detail, orNull(p.EventID), orNull(p.ReferredBy), orNull(p.GoalID),
		orNull(p.GapID), string(p.Role), p.Why, string(p.Stage), p.NotNowReason, p.ReconsiderOn, p.FollowUpOn,
		p.AddedOn, tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("add prospect %q: %w", p.Name, err)
	}
	p.ID = id
	return tx.recordStage(id, "", p.Stage, p.AddedOn, "")
}

// UpdateProspect saves what the user knows of a prospect: name, where
// found, event, referrer, goal or gap, role sought and why. The stage, its
// follow-up and reason change only through MoveProspect.
func (tx *Tx) UpdateProspect(p *crm.Prospect) error {
	if err := p.Validate(); err != nil {
		return err
	}
	none := func() error { return noProspect(p.ID) }
	return tx.changeRows(fmt.Sprintf("update prospect %q", p.Name), none, `UPDATE prospects SET name = ?, name_key = ?,
		found = ?, detail = ?, event_id = ?, referred_by = ?, goal_id = ?, gap_id = ?, role = ?, why = ?, updated_at = ?
		WHERE id = ?`, p.Name, crm.NameKey(p.Name), string(p.Found), p.Detail, orNull(p.EventID), orNull(p.ReferredBy),
		orNull(p.GoalID), orNull(p.GapID), string(p.Role), p.Why, tx.stamp(), p.ID)
}

// DeleteProspect removes a prospect with its history and outreach; the
// contact an active one became stays.
func (tx *Tx) DeleteProspect(id int64) error {
	return tx.changeRows(fmt.Sprintf("delete prospect #%d", id), func() error { return noProspect(id) },
		"DELETE FROM prospects WHERE id = ?", id)
}

// FindProspect resolves a prospect's name (any case) or #ID.
func (tx *Tx) FindProspect(ref string) (int64, error) {
	return tx.find("prospect", ref, "SELECT id, name FROM prospects WHERE id = ?",
		"SELECT id, name FROM prospects WHERE name_key = ?")
}

// Prospect loads one prospect.
func (tx *Tx) Prospect(id int64) (crm.Prospect, error) {
	rows, err := tx.query(prospectSelect+" WHERE p.id = ?", id)
	list, err := collect(rows, err, scanProspect)
	return only(list, wrap(err, "load prospect #%d", id), noProspect(id))
}

// ProspectDetail loads a prospect with its pipeline history and outreach,
// oldest first.
func (tx *Tx) ProspectDetail(id int64) (*crm.ProspectDetail, error) {
	p, err := tx.Prospect(id)
	if err != nil {
		return nil, err
	}
	d := &crm.ProspectDetail{Prospect: p}
	rows, err := tx.query(`SELECT from_stage, to_stage, moved_on, note FROM prospect_stages
		WHERE prospect_id = ? ORDER BY id`, id)
	if d.History, err = collect(rows, err, func(row scanner) (crm.StageChange, error) {
		var c crm.StageChange
		return c, row.Scan(&c.From, &c.To, &c.On, &c.Note)
	}); err != nil {
		return nil, fmt.Errorf("load the history of prospect #%d: %w", id, err)
	}
	if d.Outreach, err = tx.outreach("prospect_id = ?", id); err != nil {
		return nil, err
	}
	return d, nil
}

// ProspectOf returns the prospect a contact was before becoming one, with
// its history and outreach; ok is false for a contact who never was one.
func (tx *Tx) ProspectOf(contactID int64) (d *crm.ProspectDetail, ok bool, err error) {
	var id int64
	err = tx.queryRow("SELECT id FROM prospects WHERE contact_id = ? ORDER BY id DESC LIMIT 1", contactID).Scan(&id)
	if err == sql.ErrNoRows {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("find the prospect contact #%d was: %w", contactID, err)
	}
	d, err = tx.ProspectDetail(id)
	return d, err == nil, err
}

// Prospects lists the prospects a filter selects, by name.
func (tx *Tx) Prospects(f crm.ProspectFilter) ([]crm.Prospect, error) {
	where, args := prospectWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, sql.Named("limit", limit), sql.Named("offset", f.Offset))
	rows, err := tx.query(prospectSelect+" WHERE "+where+" ORDER BY p.name_key, p.id LIMIT :limit OFFSET :offset", args...)
	out, err := collect(rows, err, scanProspect)
	return out, wrap(err, "list prospects")
}

// prospectWhere is the WHERE clause of a prospect list.
func prospectWhere(f crm.ProspectFilter) (string, []any) {
	where, args := "1", []any{}
	if f.Stage != "" {
		where += " AND p.stage = :stage"
		args = append(args, sql.Named("stage", string(f.Stage)))
	}
	if f.EventID != 0 {
		where += " AND p.event_id = :event"
		args = append(args, sql.Named("event", f.EventID))
	}
	return where, args
}

// PipelineCounts counts the prospects at each stage; every stage is
// present, 0 when empty. One aggregate over the stage index.
func (tx *Tx) PipelineCounts() (map[crm.Stage]int, error) {
	out := map[crm.Stage]int{}
	for _, s := range crm.Stages {
		out[s] = 0
	}
	rows, err := tx.query("SELECT stage, count(*) FROM prospects GROUP BY stage")
	err = each(rows, err, func(row scanner) error {
		var s crm.Stage
		var n int
		if err := row.Scan(&s, &n); err != nil {
			return err
		}
		out[s] = n
		return nil
	})
	return out, wrap(err, "count prospects")
}

// AddOutreach records one message to a prospect and sets o.ID; its day
// defaults to today. Its follow-up, when it has one, becomes the
// prospect's next follow-up.
func (tx *Tx) AddOutreach(o *crm.Outreach) error {
	if o.On.IsZero() {
		o.On = tx.today
	}
	id, err := tx.insertID(`INSERT INTO outreach (prospect_id, sent_on, channel, why, admire, offer, ask, follow_up_on, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.ProspectID, o.On, o.Channel, o.Why, o.Admire, o.Offer, o.Ask, o.FollowUpOn, tx.stamp())
	if err != nil {
		return fmt.Errorf("record outreach to prospect #%d: %w", o.ProspectID, err)
	}
	o.ID = id
	if o.FollowUpOn.IsZero() {
		return nil
	}
	_, err = tx.exec("UPDATE prospects SET follow_up_on = ?, updated_at = ? WHERE id = ?", o.FollowUpOn, tx.stamp(), o.ProspectID)
	return wrap(err, "set the follow-up of prospect #%d", o.ProspectID)
}

// outreach loads the outreach matching where, oldest first.
func (tx *Tx) outreach(where string, args ...any) ([]crm.Outreach, error) {
	rows, err := tx.query(`SELECT id, prospect_id, sent_on, channel, why, admire, offer, ask, follow_up_on FROM outreach
		WHERE `+where+` ORDER BY sent_on, id`, args...)
	out, err := collect(rows, err, func(row scanner) (crm.Outreach, error) {
		var o crm.Outreach
		return o, row.Scan(&o.ID, &o.ProspectID, &o.On, &o.Channel, &o.Why, &o.Admire, &o.Offer, &o.Ask, &o.FollowUpOn)
	})
	return out, wrap(err, "load outreach")
}

// recordStage adds one move to a prospect's history.
func (tx *Tx) recordStage(id int64, from, to crm.Stage, on crm.Date, note string) error {
	_, err := tx.exec(`INSERT INTO prospect_stages (prospect_id, from_stage, to_stage, moved_on, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, id, string(from), string(to), on, note, tx.stamp())
	return wrap(err, "record the stage of prospect #%d", id)
}

// SetFollowUp sets (or, with the zero Date, clears) the next follow-up of
// a prospect still pursued, without moving it: pushing a follow-up back.
func (tx *Tx) SetFollowUp(id int64, on crm.Date) error {
	p, err := tx.Prospect(id)
	if err != nil {
		return err
	}
	if !p.Stage.IsOpen() && !on.IsZero() {
		return crm.Invalid("follow-up", fmt.Errorf("%s is %s: only a prospect still pursued has follow-ups", p.Name, p.Stage))
	}
	_, err = tx.exec("UPDATE prospects SET follow_up_on = ?, updated_at = ? WHERE id = ?", on, tx.stamp(), id)
	return wrap(err, "set the follow-up of prospect %q", p.Name)
}
