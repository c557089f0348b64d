package crm

import (
	"fmt"
	"strings"
)

// HealthCheck is the user's answer, on one day, to four questions about a
// relationship under an agreement, each from 1 (not at all) to 5 (fully):
// am I learning, is the rhythm right, are we both following through, is
// this still the right kind of help; plus a note.
type HealthCheck struct {
	ID            int64  `json:"id"`
	AgreementID   int64  `json:"agreement_id"`
	ContactID     int64  `json:"contact_id"`
	Contact       string `json:"contact,omitempty"`
	On            Date   `json:"on"`
	Learning      int    `json:"learning"`
	Rhythm        int    `json:"rhythm"`
	FollowThrough int    `json:"follow_through"`
	Fit           int    `json:"fit"`
	Note          string `json:"note"`
}

// Score is the mean of the four answers: the one number a trend follows.
func (h *HealthCheck) Score() float64 {
	return float64(h.Learning+h.Rhythm+h.FollowThrough+h.Fit) / 4
}

// Validate checks that every answer is on the 1 to 5 scale.
func (h *HealthCheck) Validate() error {
	for _, a := range []struct {
		name string
		v    int
	}{{"learning", h.Learning}, {"rhythm", h.Rhythm}, {"follow-through", h.FollowThrough}, {"fit", h.Fit}} {
		if a.v < 1 || a.v > 5 {
			return Invalid(a.name, fmt.Errorf("%d is not on the 1 to 5 scale", a.v))
		}
	}
	return nil
}

// HealthTrend says which way a relationship's health is going, from its
// last three checks.
type HealthTrend string

// The trends. Falling is the one flagged: the score fell at each of the
// last two checks.
const (
	TrendUnknown HealthTrend = ""        // fewer than two checks
	TrendRising  HealthTrend = "rising"  // the last check scored higher than the one before
	TrendSteady  HealthTrend = "steady"  // the same
	TrendDipped  HealthTrend = "dipped"  // lower, once
	TrendFalling HealthTrend = "falling" // lower two checks in a row
)

// TrendOf reads the trend of checks given oldest first.
func TrendOf(checks []HealthCheck) HealthTrend {
	n := len(checks)
	if n < 2 {
		return TrendUnknown
	}
	last, prev := checks[n-1].Score(), checks[n-2].Score()
	switch {
	case last > prev:
		return TrendRising
	case last == prev:
		return TrendSteady
	case n >= 3 && prev < checks[n-3].Score():
		return TrendFalling
	}
	return TrendDipped
}

// HealthSchedule is when health checks fall due: First days after an
// agreement starts, then Every days after the last check. Both are
// settings the user can change.
type HealthSchedule struct {
	First int `json:"first_days"`
	Every int `json:"every_days"`
}

// DefaultHealthSchedule is 30 days after the start, then every 60 days,
// the rhythm mentoring programmes survey on.
var DefaultHealthSchedule = HealthSchedule{First: 30, Every: 60}

// FitVerdict is the answer to the fit check after the second session of a
// new relationship.
type FitVerdict string

// The fit verdicts.
const (
	FitGood     FitVerdict = "good"
	FitDeciding FitVerdict = "deciding"
	FitNot      FitVerdict = "not"
)

// FitVerdicts lists the verdicts in the order they are offered.
var FitVerdicts = []FitVerdict{FitGood, FitDeciding, FitNot}

// ParseFit checks a fit verdict; "not a fit", "still deciding" and "good
// fit" read as their one-word names.
func ParseFit(s string) (FitVerdict, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch t {
	case "not a fit":
		return FitNot, nil
	case "still deciding":
		return FitDeciding, nil
	case "good fit":
		return FitGood, nil
	}
	return parseEnum("fit", s, FitVerdicts)
}
