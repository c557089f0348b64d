package store

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// DayCounts is the Today screen's summary line: how many check-ins are due
// up to a day (overdue ones included), how many of those are already late,
// and how many interactions were logged this calendar month.
type DayCounts struct {
	Due          int `json:"due"`
	Overdue      int `json:"overdue"`
	ThisMonth    int `json:"interactions_this_month"`
	People       int `json:"people"` // active contacts
	ArchivedOnes int `json:"archived"`
	// FollowUps counts the prospects' follow-ups due up to the same day
	// (see FollowUpPage), LateFollowUps those already late.
	FollowUps     int `json:"follow_ups"`
	LateFollowUps int `json:"late_follow_ups"`
}

// DayCounts counts what the Today screen summarises, check-ins due up to
// until included. Each count is one aggregate query.
func (tx *Tx) DayCounts(until crm.Date) (DayCounts, error) {
	var c DayCounts
	if err := tx.countCheckIns("SELECT count(*) FILTER (WHERE next_due < :today), count(*) FILTER (WHERE next_due <= :until), count(*) FROM rows",
		until, &c.Overdue, &c.Due, &c.People); err != nil {
		return c, err
	}
	first := crm.NewDate(tx.today.Time().Year(), tx.today.Time().Month(), 1)
	if err := tx.queryRow("SELECT count(*) FROM interactions WHERE occurred_on >= ? AND occurred_on <= ?", first, tx.today).
		Scan(&c.ThisMonth); err != nil {
		return c, fmt.Errorf("count this month's interactions: %w", err)
	}
	if err := tx.queryRow("SELECT count(*) FROM contacts WHERE archived = 1").Scan(&c.ArchivedOnes); err != nil {
		return c, fmt.Errorf("count archived contacts: %w", err)
	}
	var err error
	c.FollowUps, c.LateFollowUps, err = tx.CountFollowUps(until)
	return c, err
}

// CountAllContacts counts every contact, archived or not: an empty book is
// one with no people at all.
func (tx *Tx) CountAllContacts() (int, error) {
	var n int
	if err := tx.queryRow("SELECT count(*) FROM contacts").Scan(&n); err != nil {
		return 0, fmt.Errorf("count contacts: %w", err)
	}
	return n, nil
}

// OpenCommitmentPage returns up to limit of the user's promises not yet
// kept, oldest first, skipping the first offset: Today shows the oldest
// few, and a list of all of them loads what it shows. Promises people made
// to the user (received) are listed by TheirOpenPromises instead.
func (tx *Tx) OpenCommitmentPage(limit, offset int) ([]crm.Exchange, error) {
	return tx.exchanges("e.commitment = 1 AND e.done_on IS NULL AND c.archived = 0 AND e.direction = 'gave'",
		" ORDER BY e.occurred_on, e.id LIMIT ? OFFSET ?", limit, offset)
}

// CountOpenCommitments counts the user's promises not yet kept to people
// not archived, as OpenCommitmentPage lists them.
func (tx *Tx) CountOpenCommitments() (int, error) {
	var n int
	err := tx.queryRow(`SELECT count(*) FROM exchanges e JOIN contacts c ON c.id = e.contact_id
		WHERE e.commitment = 1 AND e.done_on IS NULL AND c.archived = 0 AND e.direction = 'gave'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count open commitments: %w", err)
	}
	return n, nil
}
