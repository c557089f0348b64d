package store

import (
	"database/sql"
	"fmt"
	"math"
	"sort"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// Board computes the user's personal board (crm.Board): a row for each
// active goal (near-term first) and each gap (in the user's order), the
// kind of help that fits it and the active people linked to it with the
// role they hold and when they were last met; how many active people hold
// each role; and the current quarter's time and money against the budget,
// from the quarterly review's own figures. Each part is one statement; the
// helpers are read for every row at once.
func (tx *Tx) Board() (crm.Board, error) {
	b := crm.Board{Rows: []crm.BoardRow{}}
	var err error
	if b.Rows, err = tx.boardRows(); err != nil {
		return b, err
	}
	if err := tx.boardHelpers(b.Rows); err != nil {
		return b, err
	}
	if b.Roles, err = tx.roleCounts(); err != nil {
		return b, err
	}
	b.Invested, err = tx.investment()
	return b, err
}

// boardRows reads the goals and gaps on the board, each with the kind of
// help that fits it.
func (tx *Tx) boardRows() ([]crm.BoardRow, error) {
	rows, err := tx.query(`
SELECT 'goal', g.id, g.title, g.horizon, COALESCE(g.fits, ''), 0, g.horizon = 'long', g.target_on IS NULL, g.target_on, g.title_key
FROM goals g WHERE g.status = 'active'
UNION ALL
SELECT 'gap', gp.id, gp.text, gp.horizon, COALESCE(gp.fits, ''), 1, gp.position, 0, NULL, gp.id
FROM gaps gp
ORDER BY 6, 7, 8, 9, 10`)
	out, err := collect(rows, err, func(row scanner) (crm.BoardRow, error) {
		var r crm.BoardRow
		var group, o1, o2 int
		var o3, o4 any
		if err := row.Scan(&r.Kind, &r.ID, &r.Title, &r.Horizon, &r.Fits, &group, &o1, &o2, &o3, &o4); err != nil {
			return r, err
		}
		r.FitChosen = r.Fits != ""
		r.Fits = crm.FitForNeed(r.Kind, r.Horizon, r.Fits)
		r.Helpers = []crm.BoardHelper{}
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("load the board: %w", err)
	}
	return out, nil
}

// boardHelpers fills each row's helpers and whether it is covered: an
// active person linked to it who holds the role that fits now.
func (tx *Tx) boardHelpers(board []crm.BoardRow) error {
	type key struct {
		kind crm.NeedKind
		id   int64
	}
	at := map[key]int{}
	for i, r := range board {
		at[key{r.Kind, r.ID}] = i
	}
	rows, err := tx.query(`
WITH links (kind, need, contact_id) AS (
    SELECT 'goal', h.goal_id, h.contact_id FROM goal_helpers h JOIN goals g ON g.id = h.goal_id WHERE g.status = 'active'
    UNION ALL
    SELECT 'gap', h.gap_id, h.contact_id FROM gap_helpers h
)
SELECT l.kind, l.need, c.id, c.name,
    COALESCE((SELECT group_concat(r.role) FROM roles r WHERE r.contact_id = c.id AND r.until IS NULL), ''),
    (SELECT max(p.occurred_on) FROM participants p WHERE p.contact_id = c.id AND p.occurred_on <= :today)
FROM links l JOIN contacts c ON c.id = l.contact_id
WHERE c.archived = 0
ORDER BY c.name_key, c.id`, sql.Named("today", tx.today))
	err = each(rows, err, func(row scanner) error {
		var k key
		var h crm.BoardHelper
		var roles string
		if err := row.Scan(&k.kind, &k.id, &h.ID, &h.Name, &roles, &h.LastContact); err != nil {
			return err
		}
		i, ok := at[k]
		if !ok {
			return nil
		}
		r := &board[i]
		h.Role = helperRole(splitRoles(roles), r.Fits)
		r.Helpers = append(r.Helpers, h)
		r.Covered = r.Covered || h.Role == r.Fits
		return nil
	})
	if err != nil {
		return fmt.Errorf("load who helps with the board: %w", err)
	}
	for i := range board {
		r := &board[i]
		// Those in the role that fits first, the rest after, each by name.
		sort.SliceStable(r.Helpers, func(a, b int) bool {
			return r.Helpers[a].Role == r.Fits && r.Helpers[b].Role != r.Fits
		})
		if !r.Covered {
			r.LookFor = crm.LookFor(r.Kind, r.Horizon, r.Fits)
		}
	}
	return nil
}

// helperRole is the role a helper gives a need in: the one that fits when
// they hold it, else their first current role, else none.
func helperRole(held []crm.RoleKind, fits crm.RoleKind) crm.RoleKind {
	for _, r := range held {
		if r == fits {
			return r
		}
	}
	if len(held) > 0 {
		return held[0]
	}
	return ""
}

// roleCounts counts the active people holding each role now.
func (tx *Tx) roleCounts() (map[crm.RoleKind]int, error) {
	out := map[crm.RoleKind]int{}
	for _, r := range crm.Roles {
		out[r] = 0
	}
	rows, err := tx.query(`SELECT r.role, count(DISTINCT r.contact_id) FROM roles r JOIN contacts c ON c.id = r.contact_id
		WHERE r.until IS NULL AND c.archived = 0 GROUP BY r.role`)
	err = each(rows, err, func(row scanner) error {
		var r crm.RoleKind
		var n int
		if err := row.Scan(&r, &n); err != nil {
			return err
		}
		out[r] = n
		return nil
	})
	return out, wrap(err, "count roles")
}

// investment is the current quarter's time and money so far, as the
// quarterly review counts them (ReviewMonths), against the profile's
// monthly budget for three months.
func (tx *Tx) investment() (crm.Investment, error) {
	q := review.QuarterOf(tx.today)
	inv := crm.Investment{Quarter: q.String()}
	months, err := tx.ReviewMonths(q.Start(), tx.today)
	if err != nil {
		return inv, err
	}
	minutes := 0
	for _, m := range months {
		minutes += m.Minutes
		inv.Money += m.MoneySpent
	}
	inv.Hours = math.Round(float64(minutes)/60*10) / 10
	var p crm.Profile
	if err := tx.queryRow("SELECT budget_hours, budget_money FROM profile WHERE id = 1").Scan(&p.BudgetHours, &p.BudgetMoney); err != nil {
		return inv, fmt.Errorf("load the budget: %w", err)
	}
	inv.BudgetHours, inv.BudgetMoney = p.BudgetHours*3, p.BudgetMoney*3
	return inv, nil
}
