package crm

import "strings"

// Horizon says whether a goal is near-term or long-term.
type Horizon string

// The two horizons.
const (
	ShortTerm Horizon = "short"
	LongTerm  Horizon = "long"
)

// Horizons lists both horizons, near-term first.
var Horizons = []Horizon{ShortTerm, LongTerm}

// ParseHorizon checks a horizon name ("short", "long", or their -term forms).
func ParseHorizon(s string) (Horizon, error) {
	// People say "short-term"; the stored name is the bare word. The error
	// still quotes what was typed.
	if base, ok := strings.CutSuffix(strings.TrimSpace(s), "-term"); ok {
		if h, err := parseEnum("horizon", base, Horizons); err == nil {
			return h, nil
		}
	}
	return parseEnum("horizon", s, Horizons)
}

// GoalStatus is where a goal stands.
type GoalStatus string

// The goal statuses.
const (
	GoalActive   GoalStatus = "active"
	GoalAchieved GoalStatus = "achieved"
	GoalDropped  GoalStatus = "dropped"
)

// GoalStatuses lists every status.
var GoalStatuses = []GoalStatus{GoalActive, GoalAchieved, GoalDropped}

// ParseGoalStatus checks a status name, case-insensitively.
func ParseGoalStatus(s string) (GoalStatus, error) { return parseEnum("status", s, GoalStatuses) }

// Goal is something the user is working towards, and the people who help.
type Goal struct {
	ID      int64         `json:"id"`
	Title   string        `json:"title"`
	Horizon Horizon       `json:"horizon"`
	Status  GoalStatus    `json:"status"`
	Target  Date          `json:"target"`
	Notes   string        `json:"notes"`
	Helpers []Participant `json:"helpers"`
	// Fits is the kind of help the user chose for the goal on the board;
	// "" follows the rule of FitFor (a coach near-term, a mentor long-term).
	// AddGoal stores it; store.Tx.SetGoalFit changes it (UpdateGoal does not).
	Fits RoleKind `json:"fits,omitempty"`
}

// Validate checks a goal before it is stored.
func (g *Goal) Validate() error {
	if err := checkName(&g.Title, "title", "a goal", ""); err != nil {
		return err
	}
	if _, err := ParseHorizon(string(g.Horizon)); err != nil {
		return Invalid("horizon", err)
	}
	if _, err := ParseGoalStatus(string(g.Status)); err != nil {
		return Invalid("status", err)
	}
	return checkFit(g.Fits)
}

// Profile is the user's self-knowledge: what they are good at, what they
// lack, how they work, and what they will invest each month.
//
// The gaps are a list (Gap, stored one row each and linked to the people
// who help); Gaps is that list as the one line of text it always was
// (JoinGaps), and saving a different text replaces the list with its items
// (SplitGaps). GapList is the same list, read only.
type Profile struct {
	Strengths   string   `json:"strengths"`
	Gaps        string   `json:"gaps"`
	GapList     []string `json:"gap_list"`
	Personality string   `json:"personality"`
	BudgetHours float64  `json:"budget_hours"` // per month
	BudgetMoney float64  `json:"budget_money"` // per month
}
