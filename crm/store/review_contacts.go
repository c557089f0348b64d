package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// ReviewContacts returns the people of a quarter in name order: every
// active contact in the book by asOf (from the day met when it is known,
// else the day added, so someone met before the quarter but entered after
// it is part of it), and anyone (archived too) met or traded with in
// [start, asOf], with what the review needs to know of each.
//
// Two statements of fixed size: one row per person (reviewPeopleQuery),
// then the quarter's participants in date order (reviewMeetingsQuery),
// from which the quarter's interactions and minutes are summed and the
// check-ins judged with review.CountCheckins, the rule itself, walking
// each person's days in Go. Walking them in SQL, with a window over the
// quarter's person-days joined back to everyone, cost more than all the
// rest of the review.
func (tx *Tx) ReviewContacts(start, asOf crm.Date) ([]review.ContactFacts, error) {
	rows, err := tx.query(reviewPeopleQuery, sql.Named("start", start), sql.Named("asof", asOf),
		sql.Named("pstart", start.AddMonths(-3)))
	facts, err := collect(rows, err, func(row scanner) (review.ContactFacts, error) {
		var f review.ContactFacts
		var roles string
		err := row.Scan(&f.ID, &f.Name, &f.Archived, &f.MetOn, &f.AddedOn, &f.CheckinsFrom, &f.SnoozedUntil, &f.CadenceDays, &roles,
			&f.LastBefore, &f.Gave2Q, &f.Received2Q)
		f.Roles = splitRoles(roles)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("review contacts: %w", err)
	}
	if err := tx.reviewMeetings(facts, start, asOf); err != nil {
		return nil, fmt.Errorf("review contacts' meetings: %w", err)
	}
	return facts, nil
}

// reviewPeopleQuery is one row per person of the quarter: who they are,
// their cadence and roles on :asof, their last contact before the quarter
// (the last up to :asof is then the last day reviewMeetings sees, or
// that), and what they gave and received over this quarter and the one
// before (from :pstart), open promises left out. The exchanges and the
// roles held are each one pass (the roles table has a row per role ever
// held, far fewer than people), joined to the people; the last contact
// before the quarter is an index seek per person.
var reviewPeopleQuery = `WITH x AS (
    SELECT contact_id AS id, count(*) FILTER (WHERE direction = 'gave') AS gave,
        count(*) FILTER (WHERE direction = 'received') AS received
    FROM exchanges WHERE occurred_on BETWEEN :pstart AND :asof AND NOT (commitment = 1 AND done_on IS NULL)
    GROUP BY contact_id
), held AS (
    SELECT r.contact_id AS id, group_concat(DISTINCT r.role) AS roles, min(rc.days) AS days
    FROM roles r LEFT JOIN role_cadences rc ON rc.role = r.role
    WHERE ` + heldOn("r", ":asof") + ` GROUP BY r.contact_id
)
SELECT c.id, c.name, c.archived, c.met_on, c.added_on, ` + checkinStart + `, c.snoozed_until,
    COALESCE(c.cadence_days, h.days, ` + noRoleCadence + `, 0), COALESCE(h.roles, ''),
    (SELECT max(p.occurred_on) FROM participants p WHERE p.contact_id = c.id AND p.occurred_on < :start),
    COALESCE(x.gave, 0), COALESCE(x.received, 0)
FROM contacts c LEFT JOIN x ON x.id = c.id LEFT JOIN held h ON h.id = c.id
WHERE (c.archived = 0 AND COALESCE(c.met_on, c.added_on) <= :asof)
   OR EXISTS (SELECT 1 FROM participants p WHERE p.contact_id = c.id AND p.occurred_on BETWEEN :start AND :asof)
   OR EXISTS (SELECT 1 FROM exchanges e WHERE e.contact_id = c.id AND e.occurred_on BETWEEN :start AND :asof)
ORDER BY c.name COLLATE NOCASE, c.id`

// reviewMeetingsQuery is the quarter's participants, in date order: one
// pass over the quarter's interactions through their date index, with no
// sort (each person's days come in order, as CountCheckins walks them).
const reviewMeetingsQuery = `SELECT p.contact_id, i.occurred_on, i.minutes
FROM interactions i JOIN participants p ON p.interaction_id = i.id
WHERE i.occurred_on BETWEEN :start AND :asof ORDER BY i.occurred_on, i.id`

// reviewMeetings fills the quarter's interactions and minutes, the last
// contact and the check-ins kept and missed of facts from the quarter's
// participants.
func (tx *Tx) reviewMeetings(facts []review.ContactFacts, start, asOf crm.Date) error {
	index := make(map[int64]int, len(facts))
	for i := range facts {
		index[facts[i].ID] = i
	}
	days := make([][]crm.Date, len(facts)) // each person's distinct days met, in order
	rows, err := tx.query(reviewMeetingsQuery, sql.Named("start", start), sql.Named("asof", asOf))
	err = each(rows, err, func(row scanner) error {
		var id int64
		var day crm.Date
		var minutes int
		if err := row.Scan(&id, &day, &minutes); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			return fmt.Errorf("contact #%d met in the quarter is not among its people", id)
		}
		facts[i].Interactions++
		facts[i].Minutes += minutes
		if d := days[i]; len(d) == 0 || d[len(d)-1].Before(day) {
			days[i] = append(d, day)
		}
		return nil
	})
	if err != nil {
		return err
	}
	running := !asOf.Before(tx.today)
	for i := range facts {
		f := &facts[i]
		f.LastContact = f.LastBefore
		if d := days[i]; len(d) > 0 {
			f.LastContact = d[len(d)-1]
		}
		if f.Archived || f.CadenceDays <= 0 {
			continue
		}
		prev := f.LastBefore
		if prev.IsZero() {
			prev = f.CheckinsFrom
		}
		f.CheckinsKept, f.CheckinsMissed = review.CountCheckins(prev, f.CadenceDays, days[i], start, asOf, running)
	}
	return nil
}
