package crm

import (
	"fmt"
	"strings"
)

// AgreementStatus is where an agreement stands in its lifecycle.
type AgreementStatus string

// The lifecycle of an agreement: active until closed, and then completed
// (the goal met or the term served), ended early, or redefined into another
// kind of relationship (a coach who becomes a mentor).
const (
	AgreementActive    AgreementStatus = "active"
	AgreementCompleted AgreementStatus = "completed"
	AgreementEnded     AgreementStatus = "ended"
	AgreementRedefined AgreementStatus = "redefined"
)

// AgreementOutcomes lists the ways an agreement can close, as 'kith
// agreement close --outcome' names them.
var AgreementOutcomes = []AgreementStatus{AgreementCompleted, AgreementEnded, AgreementRedefined}

// ParseOutcome checks the outcome of a closing, case-insensitively.
func ParseOutcome(s string) (AgreementStatus, error) {
	return parseEnum("outcome", s, AgreementOutcomes)
}

// KeepInTouchDays is the light cadence a person moves to when an agreement
// with them closes as completed or ended: the relationship goes on, at a
// pace that keeps it warm without the rhythm of sessions. A redefined
// agreement instead clears the person's own cadence, so the new role's
// default rhythm applies.
const KeepInTouchDays = 90

// SessionRoles are the roles an agreement can be made in: the relationships
// that run on sessions, in either direction.
var SessionRoles = []RoleKind{RoleCoach, RoleMentor, RoleCoachee, RoleMentee}

// AgreementGoal names a goal an agreement serves.
type AgreementGoal struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// Agreement is what the user and one person agreed a relationship is for
// and how it runs: the goals it serves, its rhythm and term, the sessions or
// hours and the fee, what stays confidential, how they meet, and when to
// look at it again. A person can have several over time (a renewed coaching
// package is a new agreement) but only one active at once.
type Agreement struct {
	ID        int64    `json:"id"`
	ContactID int64    `json:"contact_id"`
	Contact   string   `json:"contact"`
	Role      RoleKind `json:"role"` // the relationship it is about: coach, mentor, coachee or mentee
	// CadenceDays is the agreed rhythm of sessions; 0 means the person's
	// check-in cadence.
	CadenceDays int             `json:"cadence_days"`
	Goals       []AgreementGoal `json:"goals"`
	Start       Date            `json:"start"`
	End         Date            `json:"end"` // planned end; zero for open-ended
	Sessions    int             `json:"sessions"`
	Hours       float64         `json:"hours"`
	// Fee is the price of one session when PerSession, else of the whole
	// agreement, in the user's currency.
	Fee          float64 `json:"fee"`
	PerSession   bool    `json:"per_session"`
	Confidential string  `json:"confidential"`
	Format       string  `json:"format"` // how they meet: "video, Tuesdays 8am"
	Revisit      Date    `json:"revisit"`
	// Fit is the verdict of the fit check after the second session of a
	// new relationship; "" until asked.
	Fit    FitVerdict      `json:"fit"`
	Status AgreementStatus `json:"status"`
	Closing
}

// Closing is how an agreement ended: when, why, what was learned, and the
// role the person moved to, if any.
type Closing struct {
	ClosedOn Date     `json:"closed_on"`
	Reason   string   `json:"reason,omitempty"`
	Learned  string   `json:"learned,omitempty"`
	NewRole  RoleKind `json:"new_role,omitempty"`
}

// Outcome is a closing as the user asks for it.
type Outcome struct {
	Status AgreementStatus // completed, ended or redefined
	Closing
}

// Validate checks an outcome: a reason always, and a new role when the
// agreement is redefined.
func (o *Outcome) Validate() error {
	if _, err := ParseOutcome(string(o.Status)); err != nil {
		return Invalid("outcome", err)
	}
	if strings.TrimSpace(o.Reason) == "" {
		return Invalid("reason", fmt.Errorf("say why the agreement closes"))
	}
	if o.Status == AgreementRedefined && o.NewRole == "" {
		return Invalid("new-role", fmt.Errorf("a redefined relationship needs its new role"))
	}
	if o.NewRole != "" {
		if _, err := ParseRole(string(o.NewRole)); err != nil {
			return Invalid("new-role", err)
		}
	}
	return nil
}

// Active reports whether the agreement is still running.
func (a *Agreement) Active() bool { return a.Status == AgreementActive || a.Status == "" }

// AgreedFee is the fee of the whole agreement: the session fee times the
// sessions agreed when charged per session.
func (a *Agreement) AgreedFee() float64 {
	if a.PerSession {
		return a.Fee * float64(a.Sessions)
	}
	return a.Fee
}

// Validate checks an agreement before it is stored.
func (a *Agreement) Validate() error {
	if a.Start.IsZero() {
		return Invalid("start", fmt.Errorf("an agreement needs a start date"))
	}
	if !a.End.IsZero() && a.End.Before(a.Start) {
		return Invalid("end", fmt.Errorf("%s is before the start %s", a.End, a.Start))
	}
	if a.Sessions < 0 || a.Hours < 0 || a.Fee < 0 || a.CadenceDays < 0 {
		return Invalid("agreement", fmt.Errorf("sessions, hours, fee and cadence cannot be negative"))
	}
	if _, err := parseEnum("role", string(a.Role), SessionRoles); err != nil {
		return Invalid("role", err)
	}
	if a.Fit != "" {
		if _, err := ParseFit(string(a.Fit)); err != nil {
			return Invalid("fit", err)
		}
	}
	return nil
}

// AgreementProgress is an agreement with where it stands today: sessions
// held of those agreed, hours and fee spent, days left, and the flags Today
// and the review raise about it.
type AgreementProgress struct {
	Agreement
	SessionsHeld int     `json:"sessions_held"`
	HoursHeld    float64 `json:"hours_held"`
	FeePaid      float64 `json:"fee_paid"`     // money given to them during the term
	FeeReceived  float64 `json:"fee_received"` // money received from them (the user coaching)
	// DaysLeft counts the days to the planned end (negative once past);
	// meaningless when End is zero.
	DaysLeft    int  `json:"days_left"`
	LastSession Date `json:"last_session"` // the last interaction with them since the start, counted or not
	NextPlanned Date `json:"next_planned"` // the first interaction logged ahead of today
	// HealthDue is when the next health check falls due.
	HealthDue Date `json:"health_due"`
	// FitCheckDue says the fit check is asked: a first agreement with
	// the person, two sessions held, no verdict yet.
	FitCheckDue bool            `json:"fit_check_due"`
	Flags       []AgreementFlag `json:"flags"`
	Health      []HealthCheck   `json:"health,omitempty"` // the latest checks, oldest first (only where loaded)
	Trend       HealthTrend     `json:"trend"`
}

// AgreementFlag is something about an agreement that wants attention.
type AgreementFlag string

// The flags Today and the review raise about an active agreement.
const (
	FlagEndingSoon   AgreementFlag = "ending_soon"   // its planned end falls within EndingSoonDays
	FlagPastSessions AgreementFlag = "past_sessions" // more sessions held than agreed
	FlagRevisitDue   AgreementFlag = "revisit_due"   // its revisit date has come
	FlagHealthDue    AgreementFlag = "health_due"    // a health check is due
	FlagFitCheckDue  AgreementFlag = "fit_check_due" // the fit check after the second session
	FlagStalled      AgreementFlag = "stalled"       // nothing logged for twice its cadence, nothing planned
	FlagFalling      AgreementFlag = "health_falling"
)

// EndingSoonDays is how close a planned end must be for Today to list it.
const EndingSoonDays = 14

// Has reports whether the progress carries flag f.
func (p *AgreementProgress) Has(f AgreementFlag) bool {
	for _, x := range p.Flags {
		if x == f {
			return true
		}
	}
	return false
}
