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
// then the quarter's meeting days per person (reviewDaysQuery), from
// which the quarter's interactions and minutes are summed and the
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
			&f.LastBefore, &f.LastContact, &f.Gave2Q, &f.Received2Q)
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
// and up to :asof, and what they gave and received over this quarter and
// the one before (from :pstart), open promises left out. The exchanges
// and the roles held are each one pass (the roles table has a row per
// role ever held, far fewer than people), joined to the people; the last
// contacts are two index seeks per person.
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
    (SELECT max(p.occurred_on) FROM participants p WHERE p.contact_id = c.id AND p.occurred_on <= :asof),
    COALESCE(x.gave, 0), COALESCE(x.received, 0)
FROM contacts c LEFT JOIN x ON x.id = c.id LEFT JOIN held h ON h.id = c.id
WHERE (c.archived = 0 AND COALESCE(c.met_on, c.added_on) <= :asof)
   OR EXISTS (SELECT 1 FROM participants p WHERE p.contact_id = c.id AND p.occurred_on BETWEEN :start AND :asof)
   OR EXISTS (SELECT 1 FROM exchanges e WHERE e.contact_id = c.id AND e.occurred_on BETWEEN :start AND :asof)
ORDER BY c.name COLLATE NOCASE, c.id`

// reviewDaysQuery is each person's meeting days in [:start, :asof], by
// person then day, with the interactions and minutes of each day: one
// pass over the quarter's interactions through their date index.
const reviewDaysQuery = `SELECT p.contact_id, i.occurred_on, count(*), COALESCE(sum(i.minutes), 0)
FROM interactions i JOIN participants p ON p.interaction_id = i.id
WHERE i.occurred_on BETWEEN :start AND :asof
GROUP BY p.contact_id, i.occurred_on ORDER BY p.contact_id, i.occurred_on`

// reviewMeetings fills the quarter's interactions, minutes and check-ins
// kept and missed of facts from the quarter's meeting days.
func (tx *Tx) reviewMeetings(facts []review.ContactFacts, start, asOf crm.Date) error {
	running := !asOf.Before(tx.today)
	index := make(map[int64]int, len(facts))
	for i := range facts {
		index[facts[i].ID] = i
	}
	judged := make([]bool, len(facts))
	judge := func(i int, days []crm.Date) {
		f := &facts[i]
		judged[i] = true
		if f.Archived || f.CadenceDays <= 0 {
			return
		}
		prev := f.LastBefore
		if prev.IsZero() {
			prev = f.CheckinsFrom
		}
		f.CheckinsKept, f.CheckinsMissed = review.CountCheckins(prev, f.CadenceDays, days, start, asOf, running)
	}
	var days []crm.Date
	cur := -1
	rows, err := tx.query(reviewDaysQuery, sql.Named("start", start), sql.Named("asof", asOf))
	err = each(rows, err, func(row scanner) error {
		var id int64
		var day crm.Date
		var n, minutes int
		if err := row.Scan(&id, &day, &n, &minutes); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			return fmt.Errorf("contact #%d met in the quarter is not among its people", id)
		}
		if i != cur {
			if cur >= 0 {
				judge(cur, days)
			}
			cur, days = i, days[:0]
		}
		days = append(days, day)
		facts[i].Interactions += n
		facts[i].Minutes += minutes
		return nil
	})
	if err != nil {
		return err
	}
	if cur >= 0 {
		judge(cur, days)
	}
	for i := range facts {
		if !judged[i] {
			judge(i, nil)
		}
	}
	return nil
}
