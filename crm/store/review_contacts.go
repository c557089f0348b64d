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
// received in the quarter before.
func (tx *Tx) reviewPeople(start, asOf crm.Date) ([]review.ContactFacts, error) {
	// Room for everyone, made once: grown by appending, the facts of
	// 50,000 people were copied into fresh memory a dozen times over.
	var everyone int
	if err := tx.queryRow(`SELECT count(*) FROM contacts`).Scan(&everyone); err != nil {
		return nil, fmt.Errorf("review contacts: %w", err)
	}
	facts := make([]review.ContactFacts, 0, everyone)
	rows, err := tx.query(reviewPeopleQuery, sql.Named("start", start), sql.Named("asof", asOf),
		sql.Named("pstart", start.AddMonths(-3)))
	// one row's variables and Scan's list of them, made once (see collectRows)
	var f review.ContactFacts
	var roles string
	dest := []any{&f.ID, &f.Name, &f.Archived, &f.MetOn, &f.AddedOn, &f.CheckinsFrom, &f.SnoozedUntil, &f.CadenceDays, &roles,
		&f.LastBefore, &f.GavePrev, &f.ReceivedPrev}
	err = each(rows, err, func(row scanner) error {
		if err := row.Scan(dest...); err != nil {
			return err
		}
		f.Roles = splitRoles(roles)
		facts = append(facts, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("review contacts: %w", err)
	}
	return inNameOrder(facts), nil
}

// inNameOrder puts the facts in the order ORDER BY name COLLATE NOCASE, id
// would give them: sorted in SQL, SQLite's sorter carried every column of
// every row; here only the names are sorted, then each fact moves once,
// in place, along the cycles of the order found.
func inNameOrder(facts []review.ContactFacts) []review.ContactFacts {
	type key struct {
		name string
		id   int64
		at   int
	}
	keys := make([]key, len(facts))
	for i := range facts {
		keys[i] = key{facts[i].Name, facts[i].ID, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := compareNoCase(a.name, b.name); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	// keys[i].at is where the fact that belongs at i is now; a key whose
	// at is -1 has been placed.
	for i := range keys {
		if keys[i].at < 0 || keys[i].at == i {
			continue
		}
		held := facts[i]
		j := i
		for keys[j].at != i {
			next := keys[j].at
			facts[j] = facts[next]
			keys[j].at = -1
			j = next
		}
		facts[j] = held
		keys[j].at = -1
	}
	return facts
}

// reviewPeopleQuery is one row per person of the quarter: who they are,
// their cadence and roles on :asof, their last contact before the quarter
// (the last up to :asof is then the last day ReviewQuarter reads, or
// that), and what they gave and received in the quarter before (from
// :pstart; the quarter's own are read whole for its lists), open promises
// left out. The exchanges and the
// roles held are each one pass (the roles table has a row per role ever
// held, far fewer than people), joined to the people; the last contact
// before the quarter is an index seek per person.
var reviewPeopleQuery = `WITH x AS (
    SELECT contact_id AS id, count(*) FILTER (WHERE direction = 'gave') AS gave,
        count(*) FILTER (WHERE direction = 'received') AS received
    FROM exchanges WHERE occurred_on >= :pstart AND occurred_on < :start AND NOT (commitment = 1 AND done_on IS NULL)
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
