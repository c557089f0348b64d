// Package review is Kith's quarterly relationship review: who the user
// spent time with, whether they give as much as they take, who they have
// neglected, which goals nobody helps with, and what they decide to do about
// each relationship. Its figures are computed from the data each time (see
// Compute); only the reflection, answers and decisions, is stored (see Save).
// It knows nothing of SQL or of the window: package store supplies the
// figures and the window and the command line render them.
package review

import "github.com/kithcrm/kith/crm"

// Review is one quarter looked back on, compared with the quarter before.
type Review struct {
	Totals
	// AsOf is the last day counted: the quarter's end, or today while the
	// quarter is still running.
	AsOf     crm.Date `json:"as_of"`
	Previous Totals   `json:"previous"`
	Budget   Budget   `json:"budget"`
	// Contacts are the relationships of the quarter in name order: everyone
	// active in the book by AsOf (in it from the day met when known, else
	// the day added), and archived people the user still met or traded
	// with during the quarter.
	Contacts []Relationship `json:"contacts"`
	// Neglected and TakingMore name the contacts carrying those flags.
	Neglected        []string       `json:"neglected"`
	TakingMore       []string       `json:"taking_more"`
	Goals            []GoalProgress `json:"goals"`
	GoalsWithoutHelp []string       `json:"goals_without_help"`
	Gaps             []Gap          `json:"gaps"`
	UncoveredGaps    []string       `json:"uncovered_gaps"`
	Network          Network        `json:"network"`
	Reflection       Reflection     `json:"reflection"`
	Prompts          []Prompt       `json:"prompts"`
	// Agreements is the quarter's agreements (see agreements.go).
	Agreements AgreementReview `json:"agreements"`
}

// Totals are a quarter's activity: the figures the review compares with
// the quarter before.
type Totals struct {
	Quarter      Quarter  `json:"quarter"`
	Start        crm.Date `json:"start"`
	End          crm.Date `json:"end"`
	Interactions int      `json:"interactions"`
	Minutes      int      `json:"minutes"`
	// ByRole counts an interaction once for each role held, on its day, by
	// someone who took part; "none" counts those with nobody in a role. An
	// interaction with a coach and a mentor counts for both.
	ByRole map[crm.RoleKind]Count `json:"by_role"`
	Months []Month                `json:"months"`
	// MoneySpent sums the money the user gave (exchanges of kind money,
	// promises not yet kept left out).
	MoneySpent float64 `json:"money_spent"`
}

// Count is a number of interactions and the minutes they took.
type Count struct {
	Interactions int `json:"interactions"`
	Minutes      int `json:"minutes"`
}

// Month is one month of a quarter's activity.
type Month struct {
	Month        string                 `json:"month"` // YYYY-MM
	Interactions int                    `json:"interactions"`
	Minutes      int                    `json:"minutes"`
	ByRole       map[crm.RoleKind]Count `json:"by_role"`
	MoneySpent   float64                `json:"money_spent"`
}

// Budget is what the profile says the user means to invest, per month and
// for the whole quarter.
type Budget struct {
	HoursPerMonth  float64 `json:"hours_per_month"`
	MoneyPerMonth  float64 `json:"money_per_month"`
	MinutesQuarter int     `json:"minutes_quarter"`
	MoneyQuarter   float64 `json:"money_quarter"`
}

// Flag marks a relationship that needs the user's attention.
type Flag string

// The flags a relationship can carry.
const (
	// FlagTakingMore: over this quarter and the one before, the user
	// received at least TakingMoreMargin more things than they gave, and at
	// least twice as many.
	FlagTakingMore Flag = "taking_more_than_giving"
	// FlagNeglected: an active contact overdue by more than one cadence at
	// AsOf, or, once the quarter has ended, in the book all quarter and
	// never met in it. Snoozed contacts (a pause) are not flagged.
	FlagNeglected Flag = "neglected"
	// FlagNew: met (or, the day met unknown, added) during the quarter.
	FlagNew Flag = "new"
)

// TakingMoreMargin is how many more things received than given, over two
// quarters, make "taking more than giving".
const TakingMoreMargin = 3

// Relationship is one person's quarter.
type Relationship struct {
	ID           int64          `json:"id"`
	Name         string         `json:"name"`
	Roles        []crm.RoleKind `json:"roles"` // held on AsOf
	Archived     bool           `json:"archived"`
	CadenceDays  int            `json:"cadence_days"`
	Interactions int            `json:"interactions"`
	Minutes      int            `json:"minutes"`
	LastContact  crm.Date       `json:"last_contact"` // latest interaction up to AsOf, in any quarter
	// Gave and Received count the things given and received in the quarter
	// (kept promises included, open ones not); Balance is Gave - Received.
	Gave          int            `json:"gave"`
	Received      int            `json:"received"`
	Balance       int            `json:"balance"`
	GaveItems     []crm.Exchange `json:"gave_items"`
	ReceivedItems []crm.Exchange `json:"received_items"`
	// Gave2Q and Received2Q count this quarter and the one before, the
	// window "taking more than giving" is judged over.
	Gave2Q     int `json:"gave_2q"`
	Received2Q int `json:"received_2q"`
	// CheckinsKept and CheckinsMissed: see CountCheckins.
	CheckinsKept    int            `json:"checkins_kept"`
	CheckinsMissed  int            `json:"checkins_missed"`
	OpenCommitments []crm.Exchange `json:"open_commitments"` // made by AsOf and not kept by then
	Flags           []Flag         `json:"flags"`
}

// Has reports whether the relationship carries a flag.
func (r *Relationship) Has(f Flag) bool {
	for _, g := range r.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// Network is the shape of the user's network this quarter.
type Network struct {
	NewPeople   []NewPerson      `json:"new_people"`
	Sources     map[string]int   `json:"sources"` // new people per source; "" when not recorded
	RoleChanges []RoleChange     `json:"role_changes"`
	Circles     []CircleActivity `json:"circles"`
}

// NewPerson is someone met during the quarter and where they came from.
type NewPerson struct {
	ID           int64          `json:"id"`
	Name         string         `json:"name"`
	Since        crm.Date       `json:"since"` // the day met, else the day added
	Source       crm.Source     `json:"source"`
	SourceDetail string         `json:"source_detail"`
	ReferredBy   string         `json:"referred_by"`
	Roles        []crm.RoleKind `json:"roles"`
}

// RoleChange is a role someone already known started or ended during the
// quarter: a coach who became a mentor ends coach and starts mentor.
type RoleChange struct {
	ID      int64          `json:"id"`
	Name    string         `json:"name"`
	Ended   []crm.RoleKind `json:"ended"`
	Started []crm.RoleKind `json:"started"`
	On      crm.Date       `json:"on"` // the latest change
}

// CircleActivity is how often a circle met and who came.
type CircleActivity struct {
	ID          int64      `json:"id"`
	Name        string     `json:"name"`
	CadenceDays int        `json:"cadence_days"`
	Meetings    int        `json:"meetings"`
	Dates       []crm.Date `json:"dates"`
	// Attendance lists everyone who came and every member of the quarter
	// who did not (with zero), most meetings first.
	Attendance []Attendee `json:"attendance"`
}

// Attendee is how many of a circle's meetings someone attended.
type Attendee struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Meetings int    `json:"meetings"`
}

// GoalProgress is an active goal with who helps and what served it.
type GoalProgress struct {
	ID      int64             `json:"id"`
	Title   string            `json:"title"`
	Horizon crm.Horizon       `json:"horizon"`
	Target  crm.Date          `json:"target"`
	Helpers []crm.Participant `json:"helpers"` // active contacts only
	// Served counts the quarter's interactions logged for the goal;
	// Interactions lists the latest of them (at most GoalInteractionLimit).
	Served       int               `json:"served"`
	Interactions []GoalInteraction `json:"interactions"`
}

// GoalInteractionLimit bounds the interactions listed per goal.
const GoalInteractionLimit = 20

// GoalInteraction is one interaction that served a goal.
type GoalInteraction struct {
	ID      int64    `json:"id"`
	Date    crm.Date `json:"date"`
	Summary string   `json:"summary"`
	With    []string `json:"with"`
}

// Gap is one of the profile's gaps and the coaches and mentors who cover it.
type Gap struct {
	Gap       string            `json:"gap"`
	CoveredBy []crm.Participant `json:"covered_by"`
}
