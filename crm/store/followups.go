package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// Follow-ups are the next follow-up of each prospect still pursued (to
// contact, reached out, talking): Today shows them, 'kith due' lists them
// as kind follow-up and the calendar makes each its own event. They are
// read with one range scan of the prospects_follow_up index (the unary +
// keeps SQLite from reading all the open stages through prospects_stage
// instead; a follow-up is only ever set on an open stage, the condition
// on it is a safeguard).

// followUpSelect reads a prospect's follow-up with what it serves and its
// last outreach; the caller adds the condition on the due day and paging.
const followUpSelect = `SELECT p.id, p.name, p.stage, p.role, p.follow_up_on,
    COALESCE(g.title, gp.text, ''), o.sent_on, COALESCE(o.channel, ''), COALESCE(o.ask, '')
FROM prospects p
LEFT JOIN goals g ON g.id = p.goal_id
LEFT JOIN gaps gp ON gp.id = p.gap_id
LEFT JOIN outreach o ON o.id = (SELECT x.id FROM outreach x WHERE x.prospect_id = p.id ORDER BY x.sent_on DESC, x.id DESC LIMIT 1)
WHERE p.follow_up_on IS NOT NULL AND p.follow_up_on <= :until AND +p.stage IN ('to-contact', 'reached-out', 'talking')
ORDER BY p.follow_up_on, p.name_key, p.id`

// FollowUpsDue returns the follow-ups due on or before until, overdue
// ones included, soonest first.
func (tx *Tx) FollowUpsDue(until crm.Date) ([]crm.FollowUp, error) { return tx.FollowUpPage(until, 0) }

// FollowUpPage is FollowUpsDue bounded to the first limit (0 for all).
func (tx *Tx) FollowUpPage(until crm.Date, limit int) ([]crm.FollowUp, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := tx.query(followUpSelect+" LIMIT :limit", sql.Named("until", until), sql.Named("limit", limit))
	out, err := collect(rows, err, func(row scanner) (crm.FollowUp, error) {
		var f crm.FollowUp
		err := row.Scan(&f.ProspectID, &f.Name, &f.Stage, &f.Role, &f.Due, &f.Serves, &f.LastOutreach, &f.Channel, &f.Ask)
		f.DaysOverdue = f.Due.DaysUntil(tx.today)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("list due follow-ups: %w", err)
	}
	return out, nil
}

// CountFollowUps counts the follow-ups due on or before until, and how many
// of those are late (due before today), for Today's summary line.
func (tx *Tx) CountFollowUps(until crm.Date) (due, late int, err error) {
	err = tx.queryRow(`SELECT count(*), count(*) FILTER (WHERE follow_up_on < :today) FROM prospects
		WHERE follow_up_on IS NOT NULL AND follow_up_on <= :until AND +stage IN ('to-contact', 'reached-out', 'talking')`,
		sql.Named("until", until), sql.Named("today", tx.today)).Scan(&due, &late)
	if err != nil {
		return 0, 0, fmt.Errorf("count due follow-ups: %w", err)
	}
	return due, late, nil
}
