package store

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// MoveProspect moves a prospect through the pipeline (see crm.CheckMove for
// what is allowed: an impossible move is refused naming the stages that
// are) and records the move in its history. The move's follow-up replaces
// the prospect's, so a follow-up disappears when the prospect moves on
// without a new one; not now keeps a reason and a day to reconsider. An
// outreach given with the move is recorded with it. Moving to active is
// ActivateProspect. It returns the prospect as the move left it.
func (tx *Tx) MoveProspect(id int64, m crm.Move) (crm.Prospect, error) {
	p, err := tx.Prospect(id)
	if err != nil {
		return p, err
	}
	if err := crm.CheckMove(p.Stage, m.To); err != nil {
		return p, err
	}
	if m.On.IsZero() {
		m.On = tx.today
	}
	if m.To == crm.StageActive {
		// The outreach first, so the contact's notes carry it too.
		if err := tx.outreachWith(id, m); err != nil {
			return p, err
		}
		if _, err := tx.activate(p, m.On, m.Note); err != nil {
			return p, err
		}
		return tx.Prospect(id)
	}
	follow, reason, reconsider := m.FollowUpOn, "", crm.Date{}
	if m.To == crm.StageNotNow {
		follow, reason, reconsider = crm.Date{}, strings.TrimSpace(m.Reason), m.ReconsiderOn
	}
	if _, err := tx.exec(`UPDATE prospects SET stage = ?, follow_up_on = ?, not_now_reason = ?, reconsider_on = ?,
		updated_at = ? WHERE id = ?`, string(m.To), follow, reason, reconsider, tx.stamp(), id); err != nil {
		return p, fmt.Errorf("move prospect %q: %w", p.Name, err)
	}
	if err := tx.recordStage(id, p.Stage, m.To, m.On, m.Note); err != nil {
		return p, err
	}
	if err := tx.outreachWith(id, m); err != nil {
		return p, err
	}
	return tx.Prospect(id)
}

// outreachWith records the outreach a move carries, if it says anything;
// its day and follow-up default to the move's. A move to not now or
// active has no follow-up to set.
func (tx *Tx) outreachWith(id int64, m crm.Move) error {
	// Reaching out is worth a record even unworded; nil says there was no message.
	if m.Outreach == nil || m.Outreach.IsEmpty() && m.To != crm.StageReachedOut {
		return nil
	}
	o := *m.Outreach
	o.ProspectID = id
	if o.On.IsZero() {
		o.On = m.On
	}
	if o.FollowUpOn.IsZero() && m.To.IsOpen() {
		o.FollowUpOn = m.FollowUpOn
	}
	if !m.To.IsOpen() {
		o.FollowUpOn = crm.Date{}
	}
	return tx.AddOutreach(&o)
}

// ActivateProspect makes a prospect the user has reached a contact with
// the role sought, and returns the contact's id. See activate.
func (tx *Tx) ActivateProspect(id int64) (int64, error) {
	p, err := tx.Prospect(id)
	if err != nil {
		return 0, err
	}
	if err := crm.CheckMove(p.Stage, crm.StageActive); err != nil {
		return 0, err
	}
	return tx.activate(p, tx.today, "")
}

// activate adds the contact a prospect becomes, through AddContact and
// AddRole (so whatever those keep true for every contact holds for this
// one too): the role sought from on; where they were found as the
// source, with the detail or the event's title; the referrer; the day met
// (the event's day, else the first outreach, else on); why them and every
// outreach as notes; the event, goal and gap links. The prospect stays,
// active and linked to the contact, with its history and outreach.
func (tx *Tx) activate(p crm.Prospect, on crm.Date, note string) (int64, error) {
	c := &crm.Contact{Name: p.Name, Source: p.Found, SourceDetail: p.Detail, ReferredBy: p.ReferredBy, MetOn: on}
	if c.SourceDetail == "" {
		c.SourceDetail = p.Event
	}
	if p.EventID != 0 {
		ev, err := tx.Event(p.EventID)
		if err != nil {
			return 0, err
		}
		c.MetOn = ev.Date
	}
	sent, err := tx.outreach("prospect_id = ?", p.ID)
	if err != nil {
		return 0, err
	}
	if p.EventID == 0 && len(sent) > 0 && sent[0].On.Before(c.MetOn) {
		c.MetOn = sent[0].On
	}
	c.Notes = prospectNotes(p, sent, note)
	if err := tx.AddContact(c); err != nil {
		return 0, fmt.Errorf("make prospect %q a contact: %w", p.Name, err)
	}
	if p.Role != "" {
		if err := tx.AddRole(c.ID, p.Role, on); err != nil {
			return 0, err
		}
	}
	if err := tx.linkActivated(p, c.ID); err != nil {
		return 0, err
	}
	if _, err := tx.exec(`UPDATE prospects SET stage = 'active', contact_id = ?, follow_up_on = NULL, not_now_reason = '',
		reconsider_on = NULL, updated_at = ? WHERE id = ?`, c.ID, tx.stamp(), p.ID); err != nil {
		return 0, fmt.Errorf("make prospect %q a contact: %w", p.Name, err)
	}
	return c.ID, tx.recordStage(p.ID, p.Stage, crm.StageActive, on, note)
}

// linkActivated links the contact a prospect became to its event, goal and gap.
func (tx *Tx) linkActivated(p crm.Prospect, contactID int64) error {
	if p.EventID != 0 {
		if err := tx.MetAt(p.EventID, contactID); err != nil {
			return err
		}
	}
	if p.GoalID != 0 {
		if err := tx.AddHelper(p.GoalID, contactID); err != nil {
			return err
		}
	}
	if p.GapID != 0 {
		return tx.AddGapHelper(p.GapID, contactID)
	}
	return nil
}

// prospectNotes is what the contact a prospect becomes keeps of it in
// their notes: why them, each outreach, and the note of the last move.
func prospectNotes(p crm.Prospect, sent []crm.Outreach, note string) string {
	var lines []string
	if p.Why != "" {
		lines = append(lines, "Why them: "+p.Why)
	}
	for _, o := range sent {
		lines = append(lines, o.Notes())
	}
	if note != "" {
		lines = append(lines, note)
	}
	return strings.Join(lines, "\n")
}
