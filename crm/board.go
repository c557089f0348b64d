package crm

import "fmt"

// NeedKind says what a board row is about: a goal or a gap.
type NeedKind string

// The two kinds of need on the board.
const (
	NeedGoal NeedKind = "goal"
	NeedGap  NeedKind = "gap"
)

// Board is the user's personal board: each active goal and each gap with
// the kind of help that fits it and who gives it today, the balance of the
// relationships held, and what was invested this quarter against the
// budget. The store computes it in SQL (store.Tx.Board).
type Board struct {
	Rows []BoardRow `json:"rows"`
	// Roles counts the active (not archived) people holding each role now;
	// every role is present, 0 when nobody holds it.
	Roles    map[RoleKind]int `json:"roles"`
	Invested Investment       `json:"invested"`
}

// BoardRow is one goal or gap on the board.
type BoardRow struct {
	Kind    NeedKind `json:"kind"`
	ID      int64    `json:"id"` // the goal's or the gap's id
	Title   string   `json:"title"`
	Horizon Horizon  `json:"horizon"`
	// Fits is the kind of help that fits (FitForNeed); FitChosen says the user
	// chose it rather than the rule.
	Fits      RoleKind `json:"fits"`
	FitChosen bool     `json:"fit_chosen"`
	// Helpers are the active people linked to the need, those in the role
	// that fits first, each with the role they give it in.
	Helpers []BoardHelper `json:"helpers"`
	// Covered says someone linked to it holds the role that fits now and
	// is not archived.
	Covered bool `json:"covered"`
	// LookFor says what to find when it is not covered, "" when it is.
	LookFor string `json:"look_for"`
}

// BoardHelper is one person linked to a need, with the role they hold now
// that counts for it (the role that fits when they hold it, else their
// first current role, "" when they hold none) and the day last met.
type BoardHelper struct {
	ID          int64    `json:"id"`
	Name        string   `json:"name"`
	Role        RoleKind `json:"role"`
	LastContact Date     `json:"last_contact"`
}

// LookFor is what a row nobody covers asks for, in Kith's voice: "no mentor
// for a long-term goal: find one".
func LookFor(kind NeedKind, h Horizon, fits RoleKind) string {
	if fits == RoleCircle {
		return fmt.Sprintf("no circle for this %s: find peers to learn it with", kind)
	}
	return fmt.Sprintf("no %s for a %s-term %s: find one", fits, h, kind)
}

// Investment is the time and money put into relationships in the current
// quarter (the quarterly review's figures: interaction minutes, money
// given) against the budget the profile commits, as hours and money for
// the whole quarter.
type Investment struct {
	Quarter     string  `json:"quarter"` // YYYYQn
	Hours       float64 `json:"hours"`
	BudgetHours float64 `json:"budget_hours"`
	Money       float64 `json:"money"`
	BudgetMoney float64 `json:"budget_money"`
}
