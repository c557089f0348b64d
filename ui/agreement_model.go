package ui

import (
	"fmt"
	"math"

	"github.com/kithcrm/kith/crm"
)

// The agreement screens draw from these small view models rather than from
// the store's types, so the widgets read like what they show; the loaders
// in agreement_data.go fill them.

// agreementView is one agreement with a person as a page shows it: what was
// agreed and how far it has got.
type agreementView struct {
	ID                   int64
	Role                 crm.RoleKind
	Goals                []string
	GoalIDs              []int64
	Start, End           crm.Date // End zero: open-ended
	Revisit              crm.Date
	CadenceDays          int
	Sessions             int     // agreed; zero when counted in hours or not at all
	Hours                float64 // agreed
	Held                 int     // sessions held so far
	HoursHeld            float64
	Fee                  float64 // per session when PerSession, else for the whole
	PerSession           bool
	FeeSpent             float64
	FeeAgreed            float64
	DaysLeft             int
	LastSession          crm.Date
	Confidential, Format string
	Status               string // active, completed, ended or redefined
	ClosedOn             crm.Date
	Reason, Learned      string
	NewRole              crm.RoleKind
	Flags                []string // what wants attention: flagEndingSoon…
	Fit                  string   // the fit check's verdict, "" until asked
}

// The flags an agreement can raise, as the store names them.
const (
	flagEndingSoon   = "ending_soon"
	flagPastSessions = "past_sessions"
	flagRevisitDue   = "revisit_due"
	flagHealthDue    = "health_due"
	flagFitCheckDue  = "fit_check_due"
	flagStalled      = "stalled"
	flagFalling      = "health_falling"
)

// active reports whether the agreement is still running.
func (a *agreementView) active() bool { return a.Status == "active" || a.Status == "" }

// has reports whether a flag is raised on the agreement.
func (a *agreementView) has(f string) bool {
	for _, x := range a.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// sessionsText says how many sessions were held of those agreed.
func (a *agreementView) sessionsText() string {
	switch {
	case a.Sessions > 0:
		return fmt.Sprintf("%d of %d", a.Held, a.Sessions)
	case a.Hours > 0:
		return fmt.Sprintf("%s of %s hours (%s)", hoursText(a.HoursHeld), hoursText(a.Hours), plural(a.Held, "session", "sessions"))
	}
	return plural(a.Held, "session", "sessions") + ", none agreed"
}

// sessionsPhrase is sessionsText as a phrase on its own: "3 of 8 sessions".
func (a *agreementView) sessionsPhrase() string {
	if a.Sessions > 0 {
		return a.sessionsText() + " sessions"
	}
	return a.sessionsText()
}

// progress is how far through its sessions (or hours) the agreement is,
// from 0 to 1; -1 when nothing was agreed to count against.
func (a *agreementView) progress() float64 {
	switch {
	case a.Sessions > 0:
		return math.Min(1, float64(a.Held)/float64(a.Sessions))
	case a.Hours > 0:
		return math.Min(1, a.HoursHeld/a.Hours)
	}
	return -1
}

// feeText says what was spent of the fee agreed.
func (a *agreementView) feeText() string {
	if a.Fee == 0 {
		return "no fee"
	}
	text := moneyText(a.FeeSpent) + " of " + moneyText(a.FeeAgreed)
	if a.PerSession {
		text += " (" + moneyText(a.Fee) + " a session)"
	}
	return text
}

// termText says when the agreement runs, and how many days are left.
func (a *agreementView) termText(today crm.Date) string {
	if a.End.IsZero() {
		return "from " + shortDate(a.Start, today) + ", open-ended"
	}
	left := "ended"
	switch {
	case a.DaysLeft > 1:
		left = fmt.Sprintf("%d days left", a.DaysLeft)
	case a.DaysLeft == 1:
		left = "1 day left"
	case a.DaysLeft == 0:
		left = "ends today"
	}
	return shortDate(a.Start, today) + " – " + shortDate(a.End, today) + " · " + left
}

// hoursText writes hours as money is written: 6, 1.5.
func hoursText(h float64) string { return moneyText(h) }

// healthView is one health check as the trend shows it.
type healthView struct {
	On                                   crm.Date
	Learning, Rhythm, FollowThrough, Fit int
	Note                                 string
}

// score is the mean of the four answers.
func (h healthView) score() float64 {
	return float64(h.Learning+h.Rhythm+h.FollowThrough+h.Fit) / 4
}

// agendaItemView is one thing to raise at the next session.
type agendaItemView struct {
	ID      int64
	Kind    string // promise, goal, last or question
	Text    string
	Carried int // sessions it was carried forward from
}

// agendaView is what to raise at the next session with a person.
type agendaView struct {
	ContactID int64
	Name      string
	Agreement *agreementView
	Items     []agendaItemView
}

// relationshipView is what a person's page shows of their agreements: the
// active one, the ones before it (newest first), the health checks of the
// active one (oldest first) and the way they are going.
type relationshipView struct {
	Active    *agreementView
	Past      []*agreementView
	Health    []healthView
	Trend     string // rising, steady, dipped, falling; "" with fewer than two checks
	HealthDue crm.Date
	FitDue    bool
}

// attention is one agreement Today asks about, with the flag that raised it.
type attention struct {
	ContactID   int64
	Name        string
	AgreementID int64
	Flag        string
	Why         string // what Today says about it: "ends in 9 days", "7 of 6 sessions"
}

// theirPromise is a promise someone made the user, late on Today.
type theirPromise struct {
	ExchangeID  int64
	ContactID   int64
	Name        string
	Kind        string // introduction, resource…
	Description string
	Due         crm.Date
}
