package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// AddGoal stores a new goal with its helpers and sets g.ID.
func (tx *Tx) AddGoal(g *crm.Goal) error {
	if g.Horizon == "" {
		g.Horizon = crm.ShortTerm
	}
	if g.Status == "" {
		g.Status = crm.GoalActive
	}
	if err := validName(g, 0, tx.FindGoal, "a goal titled %q already exists", g.Title); err != nil {
		return err
	}
	id, err := tx.insertID(`INSERT INTO goals (title, title_key, horizon, status, target_on, notes, fits, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, g.Title, crm.NameKey(g.Title), string(g.Horizon), string(g.Status), g.Target,
		g.Notes, orNull(string(g.Fits)), tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("add goal %q: %w", g.Title, err)
	}
	g.ID = id
	for _, h := range g.Helpers {
		if err := tx.AddHelper(g.ID, h.ContactID); err != nil {
			return err
		}
	}
	return nil
}

// UpdateGoal saves a goal's title, horizon, status, target and notes. The
// kind of help chosen for it (Fits) is left as it is: forms that predate it
// save goals without it. SetGoalFit changes it.
func (tx *Tx) UpdateGoal(g *crm.Goal) error {
	if err := validName(g, g.ID, tx.FindGoal, "a goal titled %q already exists", g.Title); err != nil {
		return err
	}
	_, err := tx.exec(`UPDATE goals SET title = ?, title_key = ?, horizon = ?, status = ?, target_on = ?, notes = ?,
		updated_at = ? WHERE id = ?`, g.Title, crm.NameKey(g.Title), string(g.Horizon), string(g.Status), g.Target,
		g.Notes, tx.stamp(), g.ID)
	if err != nil {
		return fmt.Errorf("update goal %q: %w", g.Title, err)
	}
	return nil
}

// SetGoalFit chooses the kind of help a goal needs on the board (coach,
// mentor or circle); "" goes back to the rule (crm.FitFor).
func (tx *Tx) SetGoalFit(goalID int64, fits crm.RoleKind) error {
	if fits != "" {
		if _, err := crm.ParseFit(string(fits)); err != nil {
			return crm.Invalid("fits", err)
		}
	}
	none := func() error { return crm.Errorf(crm.ENotFound, "no goal #%d", goalID) }
	return tx.changeRows(fmt.Sprintf("set the help goal #%d needs", goalID), none,
		"UPDATE goals SET fits = ?, updated_at = ? WHERE id = ?", orNull(string(fits)), tx.stamp(), goalID)
}

// FindGoal resolves a goal's title (any case) or #ID.
func (tx *Tx) FindGoal(ref string) (int64, error) {
	return tx.find("goal", ref, "SELECT id, title FROM goals WHERE id = ?",
		"SELECT id, title FROM goals WHERE title_key = ?")
}

// AddHelper records that a contact helps with a goal.
func (tx *Tx) AddHelper(goalID, contactID int64) error {
	if _, err := tx.exec("INSERT OR IGNORE INTO goal_helpers (goal_id, contact_id) VALUES (?, ?)", goalID, contactID); err != nil {
		return fmt.Errorf("add helper to goal #%d: %w", goalID, err)
	}
	return nil
}

// RemoveHelper records that a contact no longer helps with a goal.
func (tx *Tx) RemoveHelper(goalID, contactID int64) error {
	if _, err := tx.exec("DELETE FROM goal_helpers WHERE goal_id = ? AND contact_id = ?", goalID, contactID); err != nil {
		return fmt.Errorf("remove helper from goal #%d: %w", goalID, err)
	}
	return nil
}

// Goal loads one goal with its helpers.
func (tx *Tx) Goal(id int64) (*crm.Goal, error) {
	list, err := tx.goals("g.id = ?", id)
	return only(list, err, crm.Errorf(crm.ENotFound, "no goal #%d", id))
}

// Goals loads every goal: active ones first, then by horizon and target.
func (tx *Tx) Goals() ([]*crm.Goal, error) { return tx.goals("1") }

// GoalsOf loads the goals a contact helps with.
func (tx *Tx) GoalsOf(contactID int64) ([]*crm.Goal, error) {
	return tx.goals("g.id IN (SELECT goal_id FROM goal_helpers WHERE contact_id = ?)", contactID)
}

// goals loads the goals matching where, with their helpers.
func (tx *Tx) goals(where string, args ...any) ([]*crm.Goal, error) {
	rows, err := tx.query(`SELECT g.id, g.title, g.horizon, g.status, g.target_on, g.notes, COALESCE(g.fits, '') FROM goals g WHERE `+where+`
		ORDER BY g.status <> 'active', g.horizon DESC, g.target_on IS NULL, g.target_on, g.title_key`, args...)
	out, err := collect(rows, err, func(row scanner) (*crm.Goal, error) {
		g := &crm.Goal{}
		return g, row.Scan(&g.ID, &g.Title, &g.Horizon, &g.Status, &g.Target, &g.Notes, &g.Fits)
	})
	if err != nil {
		return nil, fmt.Errorf("load goals: %w", err)
	}
	for _, g := range out {
		if g.Helpers, err = tx.participants(`SELECT c.id, c.name FROM goal_helpers h JOIN contacts c ON c.id = h.contact_id
			WHERE h.goal_id = ? ORDER BY c.name_key`, g.ID); err != nil {
			return nil, fmt.Errorf("load helpers of goal #%d: %w", g.ID, err)
		}
	}
	return out, nil
}

// Profile loads the user's self-knowledge. Its gaps are the list of gaps
// (see Gaps), as text in Gaps and as a list in GapList.
func (tx *Tx) Profile() (crm.Profile, error) {
	var p crm.Profile
	err := tx.queryRow("SELECT strengths, personality, budget_hours, budget_money FROM profile WHERE id = 1").
		Scan(&p.Strengths, &p.Personality, &p.BudgetHours, &p.BudgetMoney)
	if err != nil {
		return p, fmt.Errorf("load profile: %w", err)
	}
	if p.GapList, err = tx.gapTexts(); err != nil {
		return p, err
	}
	p.Gaps = crm.JoinGaps(p.GapList)
	return p, nil
}

// SetProfile saves the user's self-knowledge. Gaps given as text that
// differ from the list replace it (see setGapText); GapList is not read.
func (tx *Tx) SetProfile(p crm.Profile) error {
	if p.BudgetHours < 0 || p.BudgetMoney < 0 {
		return crm.Errorf(crm.EInvalid, "budget: cannot be negative")
	}
	_, err := tx.exec("UPDATE profile SET strengths = ?, personality = ?, budget_hours = ?, budget_money = ? WHERE id = 1",
		p.Strengths, p.Personality, p.BudgetHours, p.BudgetMoney)
	if err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	return tx.setGapText(p.Gaps)
}

// RoleCadences returns the default check-in cadence of each role in days,
// with crm.RoleNone for contacts without a current role; 0 days means no
// check-in (only RoleNone can be so).
func (tx *Tx) RoleCadences() (map[crm.RoleKind]int, error) {
	rows, err := tx.query("SELECT role, days FROM role_cadences")
	out := map[crm.RoleKind]int{}
	err = each(rows, err, func(row scanner) error {
		var r crm.RoleKind
		var d int
		if err := row.Scan(&r, orZero[int]{&d}); err != nil {
			return err
		}
		out[r] = d
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load cadences: %w", err)
	}
	return out, nil
}

// SetRoleCadence changes a role's default check-in cadence. Days 0 means
// no check-in, which only crm.RoleNone, people without a role, may have:
// a role is a relationship with a rhythm.
func (tx *Tx) SetRoleCadence(role crm.RoleKind, days int) error {
	if days < 0 || days == 0 && role != crm.RoleNone {
		return crm.Errorf(crm.EInvalid, "cadence for %s: must be positive", role)
	}
	unknown := func() error { return crm.Errorf(crm.EInvalid, "cadence: unknown role %q", role) }
	return tx.changeRows(fmt.Sprintf("set cadence for %s", role), unknown,
		"UPDATE role_cadences SET days = ? WHERE role = ?", orNull(days), string(role))
}

// Setting reads a free-form setting; ok is false when it was never set.
func (tx *Tx) Setting(key string) (value string, ok bool, err error) {
	err = tx.queryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// SetSetting writes a free-form setting.
func (tx *Tx) SetSetting(key, value string) error {
	if _, err := tx.exec("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, value); err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}
