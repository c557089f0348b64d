package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// reviewPeople reads the people of the quarter [start, asOf] (see
// ReviewQuarter), in name order: who they are, their cadence and roles on
// asOf, their last contact before the quarter and what they gave and
// received over it and the one before.
func (tx *Tx) reviewPeople(start, asOf crm.Date) ([]review.ContactFacts, error) {
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
	// In name order as ORDER BY name COLLATE NOCASE, id would give it:
	// sorted here, SQLite's sorter would carry every column of every row.
	slices.SortFunc(facts, func(a, b review.ContactFacts) int {
		if c := compareNoCase(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return facts, nil
}

// reviewPeopleQuery is one row per person of the quarter: who they are,
// their cadence and roles on :asof, their last contact before the quarter
// (the last up to :asof is then the last day ReviewQuarter reads, or
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
   OR EXISTS (SELECT 1 FROM exchanges e WHERE e.contact_id = c.id AND e.occurred_on BETWEEN :start AND :asof)`
