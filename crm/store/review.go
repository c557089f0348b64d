package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// The figures of the quarterly review (package review), aggregated in SQL.
// Each query reads a bounded slice: the interactions and exchanges of a
// quarter or two through their date indexes, and one row per contact
// through index seeks, never an interaction history loaded into Go.

// heldOn is the condition "role r was held on day d", the role's last day
// being the day before it ended (a coach who became a mentor on the 1st is
// a mentor that day).
func heldOn(r, d string) string {
	return fmt.Sprintf("%[1]s.since <= %[2]s AND (%[1]s.until IS NULL OR %[1]s.until > %[2]s)", r, d)
}

// rolesHeld is the SQL for the roles contact c held on :asof, as a
// comma-separated list for splitRoles, empty when none.
var rolesHeld = `COALESCE((SELECT group_concat(DISTINCT r.role) FROM roles r WHERE r.contact_id = c.id AND ` +
	heldOn("r", ":asof") + `), '')`

// ReviewExchanges returns what was given and received in [start, asOf],
// open promises left out (they count once kept), oldest first, without
// the contacts' names (the review has them).
func (tx *Tx) ReviewExchanges(start, asOf crm.Date) ([]crm.Exchange, error) {
	return tx.exchangesUnnamed("e.occurred_on BETWEEN ? AND ? AND NOT (e.commitment = 1 AND e.done_on IS NULL)",
		" ORDER BY e.occurred_on, e.id", start, asOf)
}

// ReviewOpenCommitments returns the promises made by asOf and not kept by
// then, oldest first, without the contacts' names (the review has them).
func (tx *Tx) ReviewOpenCommitments(asOf crm.Date) ([]crm.Exchange, error) {
	return tx.exchangesUnnamed("e.commitment = 1 AND e.occurred_on <= ? AND (e.done_on IS NULL OR e.done_on > ?)",
		" ORDER BY e.occurred_on, e.id", asOf, asOf)
}

// ReviewNewPeople returns the people met in [start, asOf] (or added then,
// when the day met is unknown), with where they came from.
func (tx *Tx) ReviewNewPeople(start, asOf crm.Date) ([]review.NewPerson, error) {
	rows, err := tx.query(`SELECT c.id, c.name, COALESCE(c.met_on, c.added_on), c.source, c.source_detail,
		COALESCE(rb.name, ''), `+rolesHeld+`
		FROM contacts c LEFT JOIN contacts rb ON rb.id = c.referred_by
		WHERE COALESCE(c.met_on, c.added_on) BETWEEN :start AND :asof
		ORDER BY COALESCE(c.met_on, c.added_on), c.name COLLATE NOCASE, c.id`,
		sql.Named("start", start), sql.Named("asof", asOf))
	out, err := collect(rows, err, func(row scanner) (review.NewPerson, error) {
		var p review.NewPerson
		var roles string
		err := row.Scan(&p.ID, &p.Name, &p.Since, &p.Source, &p.SourceDetail, &p.ReferredBy, &roles)
		p.Roles = splitRoles(roles)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("review new people: %w", err)
	}
	return out, nil
}

// ReviewRoleChanges returns, per person, the roles started or ended in
// [start, asOf]. Roles recorded as someone was added or met are not
// changes: they are how the relationship began.
func (tx *Tx) ReviewRoleChanges(start, asOf crm.Date) ([]review.RoleChange, error) {
	rows, err := tx.query(`SELECT c.id, c.name, r.role, 1, r.since FROM roles r JOIN contacts c ON c.id = r.contact_id
		WHERE r.since BETWEEN :start AND :asof AND r.since <> c.added_on AND r.since IS NOT c.met_on
		UNION ALL
		SELECT c.id, c.name, r.role, 0, r.until FROM roles r JOIN contacts c ON c.id = r.contact_id
		WHERE r.until BETWEEN :start AND :asof
		ORDER BY 2 COLLATE NOCASE, 1, 5`, sql.Named("start", start), sql.Named("asof", asOf))
	out := []review.RoleChange{}
	err = each(rows, err, func(row scanner) error {
		var id int64
		var name string
		var role crm.RoleKind
		var started bool
		var on crm.Date
		if err := row.Scan(&id, &name, &role, &started, &on); err != nil {
			return err
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, review.RoleChange{ID: id, Name: name, Ended: []crm.RoleKind{}, Started: []crm.RoleKind{}})
		}
		c := &out[len(out)-1]
		if started {
			c.Started = append(c.Started, role)
		} else {
			c.Ended = append(c.Ended, role)
		}
		if on.After(c.On) {
			c.On = on
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("review role changes: %w", err)
	}
	return out, nil
}

// ReviewCircles returns the circles that met or had members in [start,
// asOf], with their meetings and everyone's attendance.
func (tx *Tx) ReviewCircles(start, asOf crm.Date) ([]review.CircleActivity, error) {
	rows, err := tx.query(`SELECT ci.id, ci.name, COALESCE(ci.cadence_days, 0) FROM circles ci
		WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.circle_id = ci.id AND i.occurred_on BETWEEN :start AND :asof)
		   OR EXISTS (SELECT 1 FROM circle_members m WHERE m.circle_id = ci.id AND m.joined_on <= :asof
		              AND (m.left_on IS NULL OR m.left_on >= :start))
		ORDER BY ci.name COLLATE NOCASE, ci.id`, sql.Named("start", start), sql.Named("asof", asOf))
	out, err := collect(rows, err, func(row scanner) (review.CircleActivity, error) {
		var c review.CircleActivity
		err := row.Scan(&c.ID, &c.Name, &c.CadenceDays)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("review circles: %w", err)
	}
	return withDetails(out, func(c *review.CircleActivity) error { return tx.circleQuarter(c, start, asOf) })
}

// circleQuarter fills one circle's meetings and attendance; members of the
// quarter who never came are listed with zero.
func (tx *Tx) circleQuarter(c *review.CircleActivity, start, asOf crm.Date) error {
	var dates []string
	dates, err := tx.strings(`SELECT occurred_on FROM interactions WHERE circle_id = ? AND occurred_on BETWEEN ? AND ?
		ORDER BY occurred_on, id`, c.ID, start, asOf)
	if err != nil {
		return fmt.Errorf("review meetings of %s: %w", c.Name, err)
	}
	c.Meetings, c.Dates = len(dates), make([]crm.Date, len(dates))
	for i, d := range dates {
		if err := c.Dates[i].Scan(d); err != nil {
			return fmt.Errorf("review meetings of %s: %w", c.Name, err)
		}
	}
	rows, err := tx.query(`WITH met AS (
    SELECT p.contact_id, count(*) AS n FROM interactions i JOIN participants p ON p.interaction_id = i.id
    WHERE i.circle_id = :circle AND i.occurred_on BETWEEN :start AND :asof GROUP BY p.contact_id
), who AS (
    SELECT contact_id FROM met
    UNION SELECT contact_id FROM circle_members WHERE circle_id = :circle AND joined_on <= :asof
        AND (left_on IS NULL OR left_on >= :start)
)
SELECT c.id, c.name, COALESCE(met.n, 0) FROM who JOIN contacts c ON c.id = who.contact_id
LEFT JOIN met ON met.contact_id = who.contact_id
ORDER BY 3 DESC, c.name COLLATE NOCASE, c.id`, sql.Named("circle", c.ID), sql.Named("start", start), sql.Named("asof", asOf))
	c.Attendance, err = collect(rows, err, func(row scanner) (review.Attendee, error) {
		var a review.Attendee
		err := row.Scan(&a.ID, &a.Name, &a.Meetings)
		return a, err
	})
	if err != nil {
		return fmt.Errorf("review attendance of %s: %w", c.Name, err)
	}
	return nil
}

// ReviewGoals returns the active goals, their active helpers, and the
// interactions in [start, asOf] logged for each (a count, and the latest
// review.GoalInteractionLimit of them).
func (tx *Tx) ReviewGoals(start, asOf crm.Date) ([]review.GoalProgress, error) {
	rows, err := tx.query(`SELECT id, title, horizon, target_on FROM goals WHERE status = 'active'
		ORDER BY horizon DESC, target_on IS NULL, target_on, title COLLATE NOCASE`)
	out, err := collect(rows, err, func(row scanner) (review.GoalProgress, error) {
		var g review.GoalProgress
		err := row.Scan(&g.ID, &g.Title, &g.Horizon, &g.Target)
		return g, err
	})
	if err != nil {
		return nil, fmt.Errorf("review goals: %w", err)
	}
	return withDetails(out, func(g *review.GoalProgress) error { return tx.goalQuarter(g, start, asOf) })
}

// nameSep joins names in group_concat: a character no name contains.
const nameSep = "\x1f"

// goalQuarter fills a goal's active helpers and the interactions in
// [start, asOf] that served it: three queries, whatever the goal's size.
func (tx *Tx) goalQuarter(g *review.GoalProgress, start, asOf crm.Date) error {
	var err error
	if g.Helpers, err = tx.activeHelpers(g.ID); err != nil {
		return fmt.Errorf("review helpers of %s: %w", g.Title, err)
	}
	if err := tx.queryRow("SELECT count(*) FROM interactions WHERE goal_id = ? AND occurred_on BETWEEN ? AND ?",
		g.ID, start, asOf).Scan(&g.Served); err != nil {
		return fmt.Errorf("review interactions of %s: %w", g.Title, err)
	}
	rows, err := tx.query(`SELECT i.id, i.occurred_on, i.summary,
		COALESCE((SELECT group_concat(c.name, '`+nameSep+`') FROM participants p JOIN contacts c ON c.id = p.contact_id
		          WHERE p.interaction_id = i.id), '')
		FROM interactions i WHERE i.goal_id = ? AND i.occurred_on BETWEEN ? AND ?
		ORDER BY i.occurred_on DESC, i.id DESC LIMIT ?`, g.ID, start, asOf, review.GoalInteractionLimit)
	g.Interactions, err = collect(rows, err, func(row scanner) (review.GoalInteraction, error) {
		var in review.GoalInteraction
		var with string
		if err := row.Scan(&in.ID, &in.Date, &in.Summary, &with); err != nil {
			return in, err
		}
		in.With = strings.Split(with, nameSep)
		slices.SortFunc(in.With, func(a, b string) int { return strings.Compare(crm.NameKey(a), crm.NameKey(b)) })
		return in, nil
	})
	if err != nil {
		return fmt.Errorf("review interactions of %s: %w", g.Title, err)
	}
	return nil
}

// activeHelpers returns the people helping with a goal who are not
// archived, in name order: one query, the archived state read in it. The
// CROSS JOIN keeps SQLite reading the goal's few helpers first: left to
// choose, it walked every active contact in name order (contacts_active)
// looking each up among the helpers, 14 ms a goal at 50,000 people.
func (tx *Tx) activeHelpers(goalID int64) ([]crm.Participant, error) {
	return tx.participants(activeHelpersQuery, goalID)
}

// activeHelpersQuery is activeHelpers' statement.
const activeHelpersQuery = `SELECT c.id, c.name FROM goal_helpers h CROSS JOIN contacts c ON c.id = h.contact_id
		WHERE h.goal_id = ? AND c.archived = 0 ORDER BY c.name_key`

// ReviewGapCoverage returns up to ten active contacts holding the coach or
// mentor role on asOf who are linked to the gap (gap link), whose title or
// notes mention it, or who help with an active goal whose title does
// (case-insensitive, anywhere in the text).
func (tx *Tx) ReviewGapCoverage(gap string, asOf crm.Date) ([]crm.Participant, error) {
	out, err := tx.participants(`SELECT c.id, c.name FROM contacts c
		WHERE c.archived = 0
		AND EXISTS (SELECT 1 FROM roles r WHERE r.contact_id = c.id AND r.role IN ('coach', 'mentor') AND `+heldOn("r", ":asof")+`)
		AND (c.title LIKE :q ESCAPE '\' OR c.notes LIKE :q ESCAPE '\'
		     OR EXISTS (SELECT 1 FROM gap_helpers gh JOIN gaps gp ON gp.id = gh.gap_id
		                WHERE gh.contact_id = c.id AND gp.text_key = :key)
		     OR EXISTS (SELECT 1 FROM goal_helpers h JOIN goals g ON g.id = h.goal_id
		                WHERE h.contact_id = c.id AND g.status = 'active' AND g.title LIKE :q ESCAPE '\'))
		ORDER BY c.name COLLATE NOCASE, c.id LIMIT 10`, sql.Named("asof", asOf), sql.Named("q", likePattern(gap)),
		sql.Named("key", crm.NameKey(gap)))
	if err != nil {
		return nil, fmt.Errorf("review gap %q: %w", gap, err)
	}
	return out, nil
}

// participants runs a query of (id, name) rows and returns them as people.
func (tx *Tx) participants(query string, args ...any) ([]crm.Participant, error) {
	rows, err := tx.query(query, args...)
	return collect(rows, err, func(row scanner) (crm.Participant, error) {
		var p crm.Participant
		err := row.Scan(&p.ContactID, &p.Name)
		return p, err
	})
}

// Reflection loads a quarter's saved answers and decisions; a quarter never
// saved gives an empty reflection.
func (tx *Tx) Reflection(q review.Quarter) (review.Reflection, error) {
	r := review.Reflection{Quarter: q, Answers: []review.Answer{}, Decisions: []review.Decision{}}
	err := tx.queryRow("SELECT saved_at FROM reviews WHERE quarter = ?", q.String()).Scan(&r.SavedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("load the %s review: %w", q, err)
	}
	if r.Answers, err = tx.reviewAnswers(q); err != nil {
		return r, fmt.Errorf("load the %s review: %w", q, err)
	}
	if r.Decisions, err = tx.reviewDecisions(q); err != nil {
		return r, fmt.Errorf("load the %s review: %w", q, err)
	}
	return r, nil
}

// reviewAnswers reads a quarter's answers in the order the prompts are asked.
func (tx *Tx) reviewAnswers(q review.Quarter) ([]review.Answer, error) {
	rows, err := tx.query("SELECT prompt_key, prompt, answer FROM review_answers WHERE quarter = ?", q.String())
	out, err := collect(rows, err, func(row scanner) (review.Answer, error) {
		var a review.Answer
		err := row.Scan(&a.Key, &a.Prompt, &a.Text)
		return a, err
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b review.Answer) int { return promptRank(a.Key) - promptRank(b.Key) })
	return out, nil
}

// reviewDecisions reads a quarter's decisions in name order.
func (tx *Tx) reviewDecisions(q review.Quarter) ([]review.Decision, error) {
	rows, err := tx.query(`SELECT d.contact_id, c.name, d.decision, d.note, d.decided_on, d.applied_on
		FROM review_decisions d JOIN contacts c ON c.id = d.contact_id WHERE d.quarter = ?
		ORDER BY c.name COLLATE NOCASE, c.id`, q.String())
	return collect(rows, err, func(row scanner) (review.Decision, error) {
		var d review.Decision
		err := row.Scan(&d.ContactID, &d.Name, &d.Decision, &d.Note, &d.DecidedOn, &d.AppliedOn)
		return d, err
	})
}

// promptRank orders answers as the prompts are asked; unknown keys (from a
// newer Kith) come last.
func promptRank(key string) int {
	for i, p := range review.Questions {
		if p.Key == key {
			return i
		}
	}
	return len(review.Questions)
}

// SaveReflection stores a quarter's answers and decisions as given: each
// replaces the stored one with the same prompt or contact; an empty answer
// or a decision without a kind removes it. Effects are review.Save's job.
func (tx *Tx) SaveReflection(r *review.Reflection) error {
	q := r.Quarter.String()
	if _, err := tx.exec(`INSERT INTO reviews (quarter, saved_at) VALUES (?, ?)
		ON CONFLICT (quarter) DO UPDATE SET saved_at = excluded.saved_at`, q, tx.stamp()); err != nil {
		return fmt.Errorf("save the %s review: %w", q, err)
	}
	for _, a := range r.Answers {
		var err error
		if strings.TrimSpace(a.Text) == "" {
			_, err = tx.exec("DELETE FROM review_answers WHERE quarter = ? AND prompt_key = ?", q, a.Key)
		} else {
			_, err = tx.exec(`INSERT INTO review_answers (quarter, prompt_key, prompt, answer) VALUES (?, ?, ?, ?)
				ON CONFLICT (quarter, prompt_key) DO UPDATE SET prompt = excluded.prompt, answer = excluded.answer`,
				q, a.Key, a.Prompt, a.Text)
		}
		if err != nil {
			return fmt.Errorf("save the %s answer %q: %w", q, a.Key, err)
		}
	}
	for _, d := range r.Decisions {
		if d.Decision == "" {
			if _, err := tx.exec("DELETE FROM review_decisions WHERE quarter = ? AND contact_id = ?", q, d.ContactID); err != nil {
				return fmt.Errorf("remove the %s decision about #%d: %w", q, d.ContactID, err)
			}
			continue
		}
		if _, err := tx.Contact(d.ContactID); err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO review_decisions (quarter, contact_id, decision, note, decided_on, applied_on)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (quarter, contact_id) DO UPDATE SET decision = excluded.decision,
			note = excluded.note, decided_on = excluded.decided_on, applied_on = excluded.applied_on`,
			q, d.ContactID, string(d.Decision), d.Note, d.DecidedOn, d.AppliedOn); err != nil {
			return fmt.Errorf("save the %s decision about %s: %w", q, d.Name, err)
		}
	}
	return tx.queryRow("SELECT saved_at FROM reviews WHERE quarter = ?", q).Scan(&r.SavedAt)
}

// SavedReviews lists the quarters whose reflection was saved, newest first.
func (tx *Tx) SavedReviews() ([]review.Quarter, error) {
	keys, err := tx.strings("SELECT quarter FROM reviews ORDER BY quarter DESC")
	if err != nil {
		return nil, fmt.Errorf("list saved reviews: %w", err)
	}
	out := make([]review.Quarter, 0, len(keys))
	for _, k := range keys {
		q, err := review.ParseQuarter(k)
		if err != nil {
			return nil, fmt.Errorf("list saved reviews: %w", err)
		}
		out = append(out, q)
	}
	return out, nil
}
