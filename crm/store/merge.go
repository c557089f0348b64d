package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// A merge folds one record of a person (other) into another record of the
// same person (keep), in one transaction, and removes other. Everything is
// moved set-based in SQL, whatever the size of the book; only what one
// person has a handful of (channels, role periods, circle memberships) is
// merged in Go, by the rules of crm.MergeFields, crm.MergeChannels and
// crm.MergePeriods. Check-ins, last contact and the review are computed
// from these rows, so they follow the merge without anything to update.

// mergePlan is what a merge will write: read first, so a preview and the
// merge report the same numbers.
type mergePlan struct {
	keep, other *crm.Contact
	merged      crm.Contact // keep with other's fields and channels folded in
	roles       []crm.Role
	members     []circlePeriod
	sum         crm.MergeSummary
}

// circlePeriod is one stretch of a contact in a circle, as a merge joins them.
type circlePeriod struct {
	circle int64
	crm.Period
}

// MergePreview says what MergeContacts(keep, other) would move, changing
// nothing: the window's confirmation and 'contact merge --dry-run' show it.
func (tx *Tx) MergePreview(keep, other int64) (crm.MergeSummary, error) {
	p, err := tx.planMerge(keep, other)
	if err != nil {
		return crm.MergeSummary{}, err
	}
	return p.sum, nil
}

// MergeContacts folds other into keep and removes other: their
// interactions (one participant row where both took part), exchanges,
// channels without duplicates, role history, circle memberships, the goals
// they help with, the people they introduced and their review decisions
// all become keep's, and keep's empty fields take other's values. It
// returns what moved and what UndoMerge needs to put everything back.
// Call it inside Update: a failure anywhere changes nothing.
func (tx *Tx) MergeContacts(keep, other int64) (crm.MergeSummary, *MergeUndo, error) {
	p, err := tx.planMerge(keep, other)
	if err != nil {
		return crm.MergeSummary{}, nil, err
	}
	before, err := tx.mergeSnapshot(keep, other)
	if err != nil {
		return crm.MergeSummary{}, nil, err
	}
	if err := tx.applyMerge(p); err != nil {
		return crm.MergeSummary{}, nil, fmt.Errorf("merge %s into %s: %w", p.other.Name, p.keep.Name, err)
	}
	after, err := tx.mergeSnapshot(keep, other)
	if err != nil {
		return crm.MergeSummary{}, nil, err
	}
	return p.sum, &MergeUndo{keep: keep, other: other, otherName: p.other.Name, before: before, after: after}, nil
}

// planMerge loads both records and works out what the merge writes.
func (tx *Tx) planMerge(keepID, otherID int64) (*mergePlan, error) {
	if keepID == otherID {
		return nil, crm.Errorf(crm.EInvalid, "%s cannot be merged with themselves: name two different people", tx.contactName(keepID))
	}
	keep, err := tx.Contact(keepID)
	if err != nil {
		return nil, err
	}
	other, err := tx.Contact(otherID)
	if err != nil {
		return nil, err
	}
	p := &mergePlan{keep: keep, other: other, merged: *keep}
	p.sum.Keep = crm.PersonRef{ID: keep.ID, Name: keep.Name}
	p.sum.Other = crm.PersonRef{ID: other.ID, Name: other.Name}
	p.sum.Filled, p.sum.NotesAdded = crm.MergeFields(&p.merged, *other)
	if p.sum.Filled == nil {
		p.sum.Filled = []string{}
	}
	p.merged.Channels, p.sum.Channels, p.sum.DuplicateChannels = crm.MergeChannels(keep.Channels, other.Channels)
	p.roles = mergeRoles(keep.Roles, other.Roles)
	p.sum.Roles = len(other.Roles)
	if p.members, p.sum.Circles, err = tx.mergeMemberships(keepID, otherID); err != nil {
		return nil, err
	}
	if err := tx.countMerge(&p.sum); err != nil {
		return nil, err
	}
	return p, nil
}

// mergeRoles joins the role periods of both records, role by role.
func mergeRoles(keep, other []crm.Role) []crm.Role {
	byKind := map[crm.RoleKind][]crm.Period{}
	for _, r := range append(append([]crm.Role{}, keep...), other...) {
		byKind[r.Kind] = append(byKind[r.Kind], crm.Period{Since: r.Since, Until: r.Until})
	}
	var out []crm.Role
	for _, kind := range crm.Roles {
		for _, p := range crm.MergePeriods(byKind[kind]) {
			out = append(out, crm.Role{Kind: kind, Since: p.Since, Until: p.Until})
		}
	}
	return out
}

// mergeMemberships joins both records' circle memberships, circle by
// circle, and counts other's.
func (tx *Tx) mergeMemberships(keep, other int64) ([]circlePeriod, int, error) {
	rows, err := tx.query(`SELECT contact_id, circle_id, joined_on, left_on FROM circle_members
		WHERE contact_id IN (?, ?) ORDER BY circle_id, joined_on, id`, keep, other)
	byCircle := map[int64][]crm.Period{}
	var circles []int64
	n := 0
	err = each(rows, err, func(row scanner) error {
		var who, circle int64
		var p crm.Period
		if err := row.Scan(&who, &circle, &p.Since, &p.Until); err != nil {
			return err
		}
		if who == other {
			n++
		}
		if _, seen := byCircle[circle]; !seen {
			circles = append(circles, circle)
		}
		byCircle[circle] = append(byCircle[circle], p)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("load circle memberships: %w", err)
	}
	var out []circlePeriod
	for _, c := range circles {
		for _, p := range crm.MergePeriods(byCircle[c]) {
			out = append(out, circlePeriod{circle: c, Period: p})
		}
	}
	return out, n, nil
}

// sameExchange matches an exchange k of keep that repeats exchange o of
// other: logged in the same interaction, in the same direction, of the same
// kind and wording (something given to everyone present is stored once per
// participant). Only the first of other's identical ones counts as the
// repeat, so two of other's are never folded into one of keep's.
const sameExchange = `k.contact_id = :keep AND k.interaction_id = o.interaction_id AND k.direction = o.direction
	AND k.kind = o.kind AND k.description = o.description AND k.commitment = o.commitment`

// repeatedExchange selects other's exchanges o that repeat one of keep's.
const repeatedExchange = `o.contact_id = :other AND o.interaction_id IS NOT NULL
	AND EXISTS (SELECT 1 FROM exchanges k WHERE ` + sameExchange + `)
	AND o.id = (SELECT min(o2.id) FROM exchanges o2 WHERE o2.contact_id = :other AND o2.interaction_id = o.interaction_id
		AND o2.direction = o.direction AND o2.kind = o.kind AND o2.description = o.description AND o2.commitment = o.commitment)`

// countMerge counts what moves in the big tables, in SQL.
func (tx *Tx) countMerge(s *crm.MergeSummary) error {
	args := []any{sql.Named("keep", s.Keep.ID), sql.Named("other", s.Other.ID)}
	err := tx.queryRow(`SELECT
		(SELECT count(*) FROM participants WHERE contact_id = :other),
		(SELECT count(*) FROM participants o JOIN participants k ON k.interaction_id = o.interaction_id AND k.contact_id = :keep
			WHERE o.contact_id = :other),
		(SELECT count(*) FROM exchanges WHERE contact_id = :other),
		(SELECT count(*) FROM exchanges o WHERE `+repeatedExchange+`),
		(SELECT count(*) FROM goal_helpers WHERE contact_id = :other),
		(SELECT count(*) FROM contacts WHERE referred_by = :other AND id <> :keep),
		(SELECT count(*) FROM review_decisions o WHERE o.contact_id = :other
			AND NOT EXISTS (SELECT 1 FROM review_decisions k WHERE k.contact_id = :keep AND k.quarter = o.quarter))`, args...).
		Scan(&s.Interactions, &s.SharedInteractions, &s.Exchanges, &s.DuplicateExchanges, &s.Goals, &s.Referrals, &s.ReviewDecisions)
	if err != nil {
		return fmt.Errorf("count what %s has: %w", s.Other.Name, err)
	}
	s.Exchanges -= s.DuplicateExchanges
	return nil
}

// mergeMoves are the set-based statements that hand other's rows to keep,
// in order; each says what it moves, for the error. A row keep already has
// (the same interaction, goal or quarter) stays as keep's and other's copy
// goes with other: UPDATE OR IGNORE skips it, the final DELETE removes it.
var mergeMoves = []struct{ what, query string }{
	{"interactions", `UPDATE OR IGNORE participants SET contact_id = :keep WHERE contact_id = :other`},
	{"promises kept", `UPDATE exchanges AS k SET done_on = (SELECT min(o.done_on) FROM exchanges o WHERE ` + repeatedExchange + ` AND ` + sameExchange + `)
		WHERE k.contact_id = :keep AND k.commitment = 1 AND k.done_on IS NULL
		AND EXISTS (SELECT 1 FROM exchanges o WHERE ` + repeatedExchange + ` AND ` + sameExchange + ` AND o.done_on IS NOT NULL)`},
	{"repeated exchanges", `DELETE FROM exchanges WHERE id IN (SELECT o.id FROM exchanges o WHERE ` + repeatedExchange + `)`},
	{"exchanges", `UPDATE exchanges SET contact_id = :keep WHERE contact_id = :other`},
	{"goals", `UPDATE OR IGNORE goal_helpers SET contact_id = :keep WHERE contact_id = :other`},
	{"referrals", `UPDATE contacts SET referred_by = :keep WHERE referred_by = :other AND id <> :keep`},
	{"review decisions", `UPDATE OR IGNORE review_decisions SET contact_id = :keep WHERE contact_id = :other`},
	// What imports recorded of other goes with it: undoing an import must
	// neither remove the merged person nor set back fields keep had of its
	// own, and keep's check-ins follow keep's own record.
	{"import records", `DELETE FROM import_added WHERE contact_id = :other`},
	{"import records", `DELETE FROM import_filled WHERE contact_id = :other`},
	// A person has one active agreement: when both records have one,
	// other's closes as completed where keep's began, and both histories
	// go on as keep's.
	{"agreements", `UPDATE agreements SET status = 'completed', reason = 'merged with another record of the same person',
		closed_on = max(start_on, (SELECT k.start_on FROM agreements k WHERE k.contact_id = :keep AND k.status = 'active'))
		WHERE contact_id = :other AND status = 'active'
		AND EXISTS (SELECT 1 FROM agreements k WHERE k.contact_id = :keep AND k.status = 'active')`},
	{"agreements", `UPDATE agreements SET contact_id = :keep WHERE contact_id = :other`},
	{"agenda", `UPDATE agenda_items SET contact_id = :keep WHERE contact_id = :other`},
	{"roles", `DELETE FROM roles WHERE contact_id IN (:keep, :other)`},
	{"circles", `DELETE FROM circle_members WHERE contact_id IN (:keep, :other)`},
	{"the other record", `DELETE FROM contacts WHERE id = :other`},
}

// applyMerge writes a plan.
func (tx *Tx) applyMerge(p *mergePlan) error {
	args := []any{sql.Named("keep", p.keep.ID), sql.Named("other", p.other.ID)}
	for _, m := range mergeMoves {
		if _, err := tx.exec(m.query, args...); err != nil {
			return fmt.Errorf("move %s: %w", m.what, err)
		}
	}
	// Fields and channels last: other's channels went with other, and a
	// referrer that was other is settled by crm.MergeFields.
	if err := tx.UpdateContact(&p.merged); err != nil {
		return err
	}
	if p.merged.AddedOn != p.keep.AddedOn {
		if _, err := tx.exec("UPDATE contacts SET added_on = ? WHERE id = ?", p.merged.AddedOn, p.keep.ID); err != nil {
			return fmt.Errorf("move the day added: %w", err)
		}
	}
	for _, r := range p.roles {
		if err := tx.insertRole(p.keep.ID, r); err != nil {
			return err
		}
	}
	for _, m := range p.members {
		if _, err := tx.exec("INSERT INTO circle_members (circle_id, contact_id, joined_on, left_on) VALUES (?, ?, ?, ?)",
			m.circle, p.keep.ID, m.Since, m.Until); err != nil {
			return fmt.Errorf("move circle membership: %w", err)
		}
	}
	return nil
}
