package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// termEnd is the SQL for the last day an agreement a has counted sessions
// up to: the day it closed, or today while it runs. A session logged ahead
// counts once its day comes.
const termEnd = `min(COALESCE(a.closed_on, :today), :today)`

// sessionsOf is the SQL condition that participant row p is a session of
// agreement a: the person, in its term, not a circle meeting, not marked
// --no-session. Each agreement's sessions are one seek in
// participants_contact, however many interactions the book holds.
const sessionsOf = `p.contact_id = a.contact_id AND p.occurred_on >= a.start_on AND p.occurred_on <= ` + termEnd + `
	AND NOT EXISTS (SELECT 1 FROM session_exclusions x WHERE x.interaction_id = p.interaction_id)
	AND (SELECT i.circle_id FROM interactions i WHERE i.id = p.interaction_id) IS NULL`

// feesOf is the sum of money exchanged with the person during agreement
// a's term in direction dir: a promise of money counts once kept.
func feesOf(dir crm.Direction) string {
	return `COALESCE((SELECT sum(e.amount) FROM exchanges e WHERE e.contact_id = a.contact_id AND e.kind = 'money'
		AND e.direction = '` + string(dir) + `' AND e.occurred_on >= a.start_on AND e.occurred_on <= ` + termEnd + `
		AND NOT (e.commitment = 1 AND e.done_on IS NULL)), 0)`
}

// progressColumns are what a progress adds to agreementColumns, each a
// subquery over indexes for one agreement a of contact c.
var progressColumns = `,
	(SELECT count(*) FROM participants p WHERE ` + sessionsOf + `),
	COALESCE((SELECT sum(i.minutes) FROM participants p JOIN interactions i ON i.id = p.interaction_id WHERE ` + sessionsOf + `), 0),
	` + feesOf(crm.Gave) + `, ` + feesOf(crm.Received) + `,
	(SELECT max(p.occurred_on) FROM participants p WHERE p.contact_id = a.contact_id
		AND p.occurred_on >= a.start_on AND p.occurred_on <= ` + termEnd + `),
	(SELECT min(p.occurred_on) FROM participants p WHERE p.contact_id = a.contact_id AND p.occurred_on > :today),
	(SELECT max(h.checked_on) FROM health_checks h WHERE h.agreement_id = a.id AND h.checked_on <= :today),
	NOT EXISTS (SELECT 1 FROM agreements b WHERE b.contact_id = a.contact_id AND b.id < a.id),
	COALESCE(a.cadence_days, ` + effectiveCadence("r.until IS NULL") + `, 0)`

// progressRow is what a progress query reads beside the agreement.
type progressRow struct {
	p          crm.AgreementProgress
	minutes    int
	lastCheck  crm.Date
	first      bool
	cadenceDay int
}

// AgreementProgress loads one agreement with where it stands today, its
// health checks and trend.
func (tx *Tx) AgreementProgress(id int64) (*crm.AgreementProgress, error) {
	list, err := tx.progress("a.id = :id", 0, sql.Named("id", id))
	p, err := only(list, err, crm.Errorf(crm.ENotFound, "no agreement #%d", id))
	if err != nil {
		return nil, err
	}
	if p.Health, err = tx.HealthChecks(id); err != nil {
		return nil, err
	}
	return &p, nil
}

// AgreementsProgress loads every agreement with a person, newest first,
// each with where it stands: the person's page.
func (tx *Tx) AgreementsProgress(contactID int64) ([]crm.AgreementProgress, error) {
	return tx.progress("a.contact_id = :contact", 0, sql.Named("contact", contactID))
}

// ActiveProgress loads the active agreements of people not archived, each
// with where it stands, the latest started first: Today's agreements and
// the health list filter these.
func (tx *Tx) ActiveProgress() ([]crm.AgreementProgress, error) {
	return tx.progress("a.status = 'active' AND c.archived = 0", 0)
}

// progress loads the agreements matching where with their progress, flags
// and trend: three statements whatever their number.
func (tx *Tx) progress(where string, limit int, args ...any) ([]crm.AgreementProgress, error) {
	return tx.progressAsOf(where, tx.today, limit, args...)
}

// progressAsOf is progress as it stood at the end of day asOf: sessions,
// fees and checks up to that day, flags judged on it (a quarter's review
// looks back from the quarter's end). An agreement closed after asOf is
// reported as still active.
func (tx *Tx) progressAsOf(where string, asOf crm.Date, limit int, args ...any) ([]crm.AgreementProgress, error) {
	if limit <= 0 {
		limit = -1
	}
	sched, err := tx.HealthSchedule()
	if err != nil {
		return nil, err
	}
	args = append(args, sql.Named("today", asOf), sql.Named("limit", limit))
	rows, err := tx.query(`SELECT `+agreementColumns+progressColumns+`
		FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id WHERE `+where+`
		ORDER BY a.status <> 'active', a.start_on DESC, a.id DESC LIMIT :limit`, args...)
	out, err := collect(rows, err, func(row scanner) (crm.AgreementProgress, error) {
		var r progressRow
		a, err := scanAgreement(row, &r.p.SessionsHeld, &r.minutes, &r.p.FeePaid, &r.p.FeeReceived,
			&r.p.LastSession, &r.p.NextPlanned, &r.lastCheck, &r.first, &r.cadenceDay)
		if err != nil {
			return r.p, err
		}
		r.p.Agreement = *a
		if a.ClosedOn.After(asOf) {
			r.p.Status, r.p.Closing = crm.AgreementActive, crm.Closing{}
		}
		judge(&r, sched, asOf)
		return r.p, nil
	})
	if err != nil {
		return nil, fmt.Errorf("load agreements: %w", err)
	}
	if err := tx.fillTrends(out, where, args); err != nil {
		return nil, err
	}
	ptrs := make([]*crm.Agreement, len(out))
	for i := range out {
		ptrs[i] = &out[i].Agreement
	}
	return out, tx.fillAgreementGoals(ptrs, where, args)
}

// judge completes a progress read from the database: hours, days left,
// when health is due, and the flags of an active agreement, on day today.
func judge(r *progressRow, sched crm.HealthSchedule, today crm.Date) {
	p := &r.p
	p.HoursHeld = float64(r.minutes) / 60
	p.Flags = []crm.AgreementFlag{}
	if !p.End.IsZero() {
		p.DaysLeft = today.DaysUntil(p.End)
	}
	p.HealthDue = p.Start.AddDays(sched.First)
	if !r.lastCheck.IsZero() {
		p.HealthDue = r.lastCheck.AddDays(sched.Every)
	}
	if !p.Active() {
		p.HealthDue = crm.Date{}
		return
	}
	p.FitCheckDue = r.first && p.SessionsHeld >= 2 && p.Fit == ""
	flag := func(on bool, f crm.AgreementFlag) {
		if on {
			p.Flags = append(p.Flags, f)
		}
	}
	flag(!p.End.IsZero() && p.DaysLeft <= crm.EndingSoonDays, crm.FlagEndingSoon)
	flag(p.Sessions > 0 && p.SessionsHeld >= p.Sessions, crm.FlagPastSessions)
	flag(!p.Revisit.IsZero() && !today.Before(p.Revisit), crm.FlagRevisitDue)
	flag(!today.Before(p.HealthDue), crm.FlagHealthDue)
	flag(p.FitCheckDue, crm.FlagFitCheckDue)
	flag(stalled(p, r.cadenceDay, today), crm.FlagStalled)
}

// stalled says an active agreement has had nothing logged for twice its
// cadence (counted from its start when nothing was) and no session is
// planned ahead.
func stalled(p *crm.AgreementProgress, cadence int, today crm.Date) bool {
	if cadence <= 0 || !p.NextPlanned.IsZero() {
		return false
	}
	since := p.LastSession
	if since.IsZero() {
		since = p.Start
	}
	return !since.AddDays(2 * cadence).After(today)
}

// fillTrends adds each agreement's trend from its last three health
// checks, read in one statement, and flags a falling one.
func (tx *Tx) fillTrends(list []crm.AgreementProgress, where string, args []any) error {
	if len(list) == 0 {
		return nil
	}
	checks := map[int64][]crm.HealthCheck{}
	rows, err := tx.query(`SELECT `+healthColumns+` FROM (SELECT h.*, row_number() OVER
		(PARTITION BY h.agreement_id ORDER BY h.checked_on DESC, h.id DESC) AS nth FROM health_checks h
		WHERE h.checked_on <= :today
		AND h.agreement_id IN (SELECT a.id FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id WHERE `+where+`)) h
		JOIN agreements a ON a.id = h.agreement_id JOIN contacts c ON c.id = a.contact_id
		WHERE h.nth <= 3 ORDER BY h.checked_on, h.id`, args...)
	err = each(rows, err, func(row scanner) error {
		h, err := scanHealth(row)
		checks[h.AgreementID] = append(checks[h.AgreementID], h)
		return err
	})
	if err != nil {
		return fmt.Errorf("load health trends: %w", err)
	}
	for i := range list {
		p := &list[i]
		p.Trend = crm.TrendOf(checks[p.ID])
		if p.Trend == crm.TrendFalling && p.Active() {
			p.Flags = append(p.Flags, crm.FlagFalling)
		}
	}
	return nil
}
