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
	if err := g.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindGoal(g.Title); err == nil {
		return crm.Errorf(crm.EConflict, "a goal titled %q already exists", g.Title)
	}
	res, err := tx.exec(`INSERT INTO goals (title, title_key, horizon, status, target_on, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, g.Title, crm.NameKey(g.Title), string(g.Horizon), string(g.Status), g.Target,
		g.Notes, tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("add goal %q: %w", g.Title, err)
	}
	if g.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("add goal %q: %w", g.Title, err)
	}
	for _, h := range g.Helpers {
		if err := tx.AddHelper(g.ID, h.ContactID); err != nil {
			return err
		}
	}
	return nil
}

// UpdateGoal saves a goal's title, horizon, status, target and notes.
func (tx *Tx) UpdateGoal(g *crm.Goal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	if other, err := tx.FindGoal(g.Title); err == nil && other != g.ID {
		return crm.Errorf(crm.EConflict, "a goal titled %q already exists", g.Title)
	}
	_, err := tx.exec(`UPDATE goals SET title = ?, title_key = ?, horizon = ?, status = ?, target_on = ?, notes = ?,
		updated_at = ? WHERE id = ?`, g.Title, crm.NameKey(g.Title), string(g.Horizon), string(g.Status), g.Target,
		g.Notes, tx.stamp(), g.ID)
	if err != nil {
		return fmt.Errorf("update goal %q: %w", g.Title, err)
	}
	return nil
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
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, crm.Errorf(crm.ENotFound, "no goal #%d", id)
	}
	return list[0], nil
}

// Goals loads every goal: active ones first, then by horizon and target.
func (tx *Tx) Goals() ([]*crm.Goal, error) { return tx.goals("1") }

// GoalsOf loads the goals a contact helps with.
func (tx *Tx) GoalsOf(contactID int64) ([]*crm.Goal, error) {
	return tx.goals("g.id IN (SELECT goal_id FROM goal_helpers WHERE contact_id = ?)", contactID)
}

func (tx *Tx) goals(where string, args ...any) ([]*crm.Goal, error) {
	rows, err := tx.query(`SELECT g.id, g.title, g.horizon, g.status, g.target_on, g.notes FROM goals g WHERE `+where+`
		ORDER BY g.status <> 'active', g.horizon DESC, g.target_on IS NULL, g.target_on, g.title_key`, args...)
	if err != nil {
		return nil, fmt.Errorf("load goals: %w", err)
	}
	out := []*crm.Goal{}
	for rows.Next() {
		g := &crm.Goal{}
		if err := rows.Scan(&g.ID, &g.Title, &g.Horizon, &g.Status, &g.Target, &g.Notes); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load goals: %w", err)
		}
		out = append(out, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load goals: %w", err)
	}
	for _, g := range out {
		if g.Helpers, err = tx.helpers(g.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (tx *Tx) helpers(goalID int64) ([]crm.Participant, error) {
	rows, err := tx.query(`SELECT c.id, c.name FROM goal_helpers h JOIN contacts c ON c.id = h.contact_id
		WHERE h.goal_id = ? ORDER BY c.name_key`, goalID)
	if err != nil {
		return nil, fmt.Errorf("load helpers of goal #%d: %w", goalID, err)
	}
	defer rows.Close()
	out := []crm.Participant{}
	for rows.Next() {
		var p crm.Participant
		if err := rows.Scan(&p.ContactID, &p.Name); err != nil {
			return nil, fmt.Errorf("load helpers of goal #%d: %w", goalID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Profile loads the user's self-knowledge.
func (tx *Tx) Profile() (crm.Profile, error) {
	var p crm.Profile
	err := tx.queryRow("SELECT strengths, gaps, personality, budget_hours, budget_money FROM profile WHERE id = 1").
		Scan(&p.Strengths, &p.Gaps, &p.Personality, &p.BudgetHours, &p.BudgetMoney)
	if err != nil {
		return p, fmt.Errorf("load profile: %w", err)
	}
	return p, nil
}

// SetProfile saves the user's self-knowledge.
func (tx *Tx) SetProfile(p crm.Profile) error {
	if p.BudgetHours < 0 || p.BudgetMoney < 0 {
		return crm.Errorf(crm.EInvalid, "budget: cannot be negative")
	}
	_, err := tx.exec("UPDATE profile SET strengths = ?, gaps = ?, personality = ?, budget_hours = ?, budget_money = ? WHERE id = 1",
		p.Strengths, p.Gaps, p.Personality, p.BudgetHours, p.BudgetMoney)
	if err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	return nil
}

// RoleCadences returns the default check-in cadence of each role in days,
// with crm.RoleNone for contacts without a current role.
func (tx *Tx) RoleCadences() (map[crm.RoleKind]int, error) {
	rows, err := tx.query("SELECT role, days FROM role_cadences")
	if err != nil {
		return nil, fmt.Errorf("load cadences: %w", err)
	}
	defer rows.Close()
	out := map[crm.RoleKind]int{}
	for rows.Next() {
		var r string
		var d int
		if err := rows.Scan(&r, &d); err != nil {
			return nil, fmt.Errorf("load cadences: %w", err)
		}
		out[crm.RoleKind(r)] = d
	}
	return out, rows.Err()
}

// SetRoleCadence changes a role's default check-in cadence.
func (tx *Tx) SetRoleCadence(role crm.RoleKind, days int) error {
	if days <= 0 {
		return crm.Errorf(crm.EInvalid, "cadence for %s: must be positive", role)
	}
	res, err := tx.exec("UPDATE role_cadences SET days = ? WHERE role = ?", days, string(role))
	if err != nil {
		return fmt.Errorf("set cadence for %s: %w", role, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.EInvalid, "cadence: unknown role %q", role)
	}
	return nil
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
