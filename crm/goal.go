package crm

import (
	"fmt"
	"strings"
)

// Horizon says whether a goal is near-term or long-term.
type Horizon string

// The two horizons.
const (
	ShortTerm Horizon = "short"
	LongTerm  Horizon = "long"
)

// ParseHorizon checks a horizon name ("short", "long", or their -term forms).
func ParseHorizon(s string) (Horizon, error) {
	switch strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "-term")) {
	case "short":
		return ShortTerm, nil
	case "long":
		return LongTerm, nil
	}
	return "", fmt.Errorf("unknown horizon %q (want short or long)", s)
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

// ParseGoalStatus checks a status name.
func ParseGoalStatus(s string) (GoalStatus, error) {
	for _, v := range GoalStatuses {
		if strings.EqualFold(strings.TrimSpace(s), string(v)) {
			return v, nil
		}
	}
	return "", fmt.Errorf("unknown status %q (want one of %s)", s, joinNames(GoalStatuses))
}

// Goal is something the user is working towards, and the people who help.
type Goal struct {
	ID      int64         `json:"id"`
	Title   string        `json:"title"`
	Horizon Horizon       `json:"horizon"`
	Status  GoalStatus    `json:"status"`
	Target  Date          `json:"target"`
	Notes   string        `json:"notes"`
	Helpers []Participant `json:"helpers"`
}

// Validate checks a goal before it is stored.
func (g *Goal) Validate() error {
	g.Title = strings.TrimSpace(g.Title)
	if g.Title == "" {
		return Invalid("title", fmt.Errorf("a goal needs a title"))
	}
	if strings.HasPrefix(g.Title, "#") {
		return Invalid("title", fmt.Errorf("%q: a title cannot start with #", g.Title))
	}
	if _, err := ParseHorizon(string(g.Horizon)); err != nil {
		return Invalid("horizon", err)
	}
	if _, err := ParseGoalStatus(string(g.Status)); err != nil {
		return Invalid("status", err)
	}
	return nil
}

// Profile is the user's self-knowledge: what they are good at, what they
// lack, how they work, and what they will invest each month.
type Profile struct {
	Strengths   string  `json:"strengths"`
	Gaps        string  `json:"gaps"`
	Personality string  `json:"personality"`
	BudgetHours float64 `json:"budget_hours"` // per month
	BudgetMoney float64 `json:"budget_money"` // per month
}
