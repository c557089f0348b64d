package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// ReviewQuarter returns the months of the quarter before start and of
// [start, asOf], as ReviewMonths does, and the people of the quarter in
// name order with their activity in it:
// every active contact in the book by asOf (from the day met when it is
// known, else the day added, so someone met before the quarter but entered
// after it is part of it), and anyone (archived too) met or traded with in
// [start, asOf].
//
// Both come from one ordered read of the quarter's participants
// (readParticipants), besides one row per person (reviewPeopleQuery): the
// months are tallied from it as ReviewMonths tallies them, and each
// person's interactions, minutes, last contact and check-ins kept and
// missed (review.CountCheckins, the rule itself, walking their days).
// Walking the days in SQL, with a window over the quarter's person-days
// joined back to everyone, cost more than all the rest of the review.
func (tx *Tx) ReviewQuarter(start, asOf crm.Date) ([]review.Month, []review.ContactFacts, error) {
	facts, err := tx.reviewPeople(start, asOf)
	if err != nil {
		return nil, nil, err
	}
	from := start.AddMonths(-3)
	tally, err := tx.newMonthTally(from, asOf)
	if err != nil {
		return nil, nil, fmt.Errorf("review activity: %w", err)
	}
	met := newMeetings(facts)
	err = tx.readParticipants(from, asOf, func(id int64, day crm.Date, text string, minutes int, contact int64) error {
		tally.participant(id, day, text, minutes, contact)
		if day.Before(start) {
			return nil
		}
		return met.add(contact, day, minutes)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("review activity: %w", err)
	}
	months, err := tx.monthsOf(tally, from, asOf)
	if err != nil {
		return nil, nil, err
	}
	met.judge(start, asOf, !asOf.Before(tx.today))
	return months, facts, nil
}

// readParticipants reads the participants of the interactions in [start,
// asOf] in date order, then interaction order, with each interaction's day
// (as a Date and as its text) and minutes; an interaction nobody took part
// in comes once, as contact 0. One pass through the interactions' date
// index, with no sort: each interaction's people come together, and each
// person's days in order.
//
// Each interaction is one row with its people's ids joined in a text:
// bringing a row from SQLite into Go costs more than SQLite's own work
// for it, and there are about two participants to an interaction.
func (tx *Tx) readParticipants(start, asOf crm.Date, fn func(id int64, day crm.Date, text string, minutes int, contact int64) error) error {
	rows, err := tx.query(participantsQuery, sql.Named("start", start), sql.Named("asof", asOf))
	// the day of the last row, parsed: they come in date order, so most
	// share it
	var text string
	var day crm.Date
	// one row's variables and Scan's list of them, made once (see collectRows)
	var id int64
	var on, people string
	var minutes int
	dest := []any{&id, &on, &minutes, &people}
	return each(rows, err, func(row scanner) error {
		if err := row.Scan(dest...); err != nil {
			return err
		}
		if on != text {
			if err := day.Scan(on); err != nil {
				return fmt.Errorf("interaction #%d: %w", id, err)
			}
			text = on
		}
		if people == "" {
			return fn(id, day, text, minutes, 0)
		}
		for people != "" {
			var one string
			one, people, _ = strings.Cut(people, ",")
			contact, err := strconv.ParseInt(one, 10, 64)
			if err != nil {
				return fmt.Errorf("participants of interaction #%d: %w", id, err)
			}
			if err := fn(id, day, text, minutes, contact); err != nil {
				return err
			}
		}
		return nil
	})
}

// participantsQuery is readParticipants' statement.
const participantsQuery = `SELECT i.id, i.occurred_on, i.minutes,
    COALESCE((SELECT group_concat(p.contact_id) FROM participants p WHERE p.interaction_id = i.id), '')
FROM interactions i WHERE i.occurred_on BETWEEN :start AND :asof ORDER BY i.occurred_on, i.id`

// meetings gathers each person's quarter from its participants, for the
// facts of the quarter's people.
type meetings struct {
	facts []review.ContactFacts
	index map[int64]int
	days  [][]crm.Date // each person's distinct days met, in order
}

func newMeetings(facts []review.ContactFacts) *meetings {
	m := &meetings{facts: facts, index: make(map[int64]int, len(facts)), days: make([][]crm.Date, len(facts))}
	for i := range facts {
		m.index[facts[i].ID] = i
	}
	return m
}

// add counts one participant; contact 0 is an interaction with nobody.
func (m *meetings) add(contact int64, d crm.Date, minutes int) error {
	if contact == 0 {
		return nil
	}
	i, ok := m.index[contact]
	if !ok {
		return fmt.Errorf("contact #%d met in the quarter is not among its people", contact)
	}
	m.facts[i].Interactions++
	m.facts[i].Minutes += minutes
	if days := m.days[i]; len(days) == 0 || days[len(days)-1].Before(d) {
		m.days[i] = append(days, d)
	}
	return nil
}

// judge sets everyone's last contact up to asOf and their check-ins kept
// and missed in [start, asOf]; running says asOf is today.
func (m *meetings) judge(start, asOf crm.Date, running bool) {
	for i := range m.facts {
		f, days := &m.facts[i], m.days[i]
		f.LastContact = f.LastBefore
		if len(days) > 0 {
			f.LastContact = days[len(days)-1]
		}
		if f.Archived || f.CadenceDays <= 0 {
			continue
		}
		prev := f.LastBefore
		if prev.IsZero() {
			prev = f.CheckinsFrom
		}
		f.CheckinsKept, f.CheckinsMissed = review.CountCheckins(prev, f.CadenceDays, days, start, asOf, running)
	}
}
