// Package reviewtest builds the fixed book the review's tests check their
// figures against. Every expected number in those tests is derived by hand
// from the data below; the comments say how.
package reviewtest

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/internal/storetest"
	"github.com/kithcrm/kith/crm/store"
)

// Today is the day the fixture is reviewed from: just after 2026Q3 ended.
var Today = crm.NewDate(2026, 10, 5)

var d = crmtest.Date

// Open creates a database in a temporary folder, fills it and returns it
// with its path; the store's today is Today.
func Open(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	st := storetest.Open(tb, Today, Populate)
	return st, st.Path()
}

// Populate writes the book: nine people in every role (one changed role,
// one archived, one added mid-quarter, one never met, one added after the
// quarter), two circles, two active goals (one with nobody helping),
// interactions in 2026Q2 and 2026Q3 including both quarters' first and
// last days, and exchanges both ways, money and promises included.
func Populate(tx *store.Tx) error {
	b := &book{tx: tx, ids: map[string]int64{}}
	// People without a role are checked on every 90 days, as in a book made
	// before Kith imported address books (a new book checks on nobody
	// without a role): Sid Silent's neglect and Pia's rhythm count on it.
	b.err = tx.SetRoleCadence(crm.RoleNone, 90)
	jan := d("2026-01-01")
	b.person(&crm.Contact{Name: "Cora Coach", Title: "Executive coach for public speaking", MetOn: jan, AddedOn: jan,
		Roles: []crm.Role{{Kind: crm.RoleCoach, Since: jan}}})
	b.person(&crm.Contact{Name: "Mo Mentor", MetOn: jan, AddedOn: jan, Roles: []crm.Role{{Kind: crm.RoleMentor, Since: jan}}})
	b.person(&crm.Contact{Name: "Pia Peer", MetOn: jan, AddedOn: jan})
	b.person(&crm.Contact{Name: "Cal Coachee", MetOn: jan, AddedOn: jan, Roles: []crm.Role{{Kind: crm.RoleCoachee, Since: jan}}})
	b.person(&crm.Contact{Name: "Mia Mentee", MetOn: jan, AddedOn: jan, Roles: []crm.Role{{Kind: crm.RoleMentee, Since: jan}}})
	b.person(&crm.Contact{Name: "Nell New", AddedOn: d("2026-08-15"), Source: crm.SourceReferral, ReferredBy: b.ids["Mo Mentor"],
		Roles: []crm.Role{{Kind: crm.RoleMentee, Since: d("2026-08-15")}}})
	b.person(&crm.Contact{Name: "Arlo Archived", MetOn: jan, AddedOn: jan, Archived: true})
	b.person(&crm.Contact{Name: "Sid Silent", MetOn: jan, AddedOn: jan})
	b.person(&crm.Contact{Name: "Rex Role", MetOn: jan, AddedOn: jan, Roles: []crm.Role{
		{Kind: crm.RoleCoach, Since: jan, Until: d("2026-08-01")}, {Kind: crm.RoleMentor, Since: d("2026-08-01")}}})
	b.person(&crm.Contact{Name: "Zed Later", AddedOn: d("2026-10-02")})

	b.circle("Alpha Circle", "Pia Peer", "Mia Mentee")
	b.circle("Beta Circle", "Pia Peer", "Cal Coachee")
	b.goal(&crm.Goal{Title: "Get promoted", Helpers: []crm.Participant{{ContactID: b.ids["Mo Mentor"]}}})
	b.goal(&crm.Goal{Title: "Learn public speaking"})
	b.goal(&crm.Goal{Title: "Old goal", Status: crm.GoalAchieved})
	if b.err == nil {
		b.err = tx.SetProfile(crm.Profile{Strengths: "systems thinking", Gaps: "public speaking, negotiation",
			Personality: "introvert", BudgetHours: 10, BudgetMoney: 100})
	}

	// 2026Q2: three interactions, 150 minutes; 200 spent on Cora.
	b.log("2026-04-01", 60, "", "", []string{"Cora Coach"}, recv("advice", "Open with a story"), money(200))
	b.log("2026-05-10", 30, "", "", []string{"Mo Mentor"})
	b.log("2026-06-30", 60, "", "", []string{"Cora Coach"}, recv("feedback", "Slow down"))

	// 2026Q3: thirteen interactions, 665 minutes.
	b.log("2026-07-01", 60, "", "", []string{"Cora Coach"}, recv("advice", "Pause after questions"), money(200))
	b.log("2026-07-05", 90, "Alpha Circle", "", []string{"Pia Peer", "Mia Mentee"}, gave("advice", "How I plan a quarter"))
	b.log("2026-07-10", 60, "", "", []string{"Cora Coach"}, recv("feedback", "Better pacing"))
	b.log("2026-07-15", 45, "", "Get promoted", []string{"Mo Mentor"}, gave("advice", "Pricing notes"), recv("introduction", "To the VP"))
	b.log("2026-07-20", 20, "", "", []string{"Arlo Archived"}, recv("resource", "A book"))
	b.log("2026-07-25", 30, "", "", []string{"Rex Role"}, crm.Exchange{Direction: crm.Gave, Kind: crm.ExIntroduction,
		Description: "Intro to Fabrikam", Commitment: true, DoneOn: d("2026-08-01")})
	b.log("2026-08-05", 30, "", "", []string{"Rex Role"})
	b.log("2026-08-08", 60, "Beta Circle", "", []string{"Pia Peer", "Cal Coachee"})
	b.log("2026-08-10", 30, "", "", []string{"Mia Mentee"}, gave("feedback", "On her CV"),
		crm.Exchange{Direction: crm.Gave, Kind: crm.ExResource, Description: "Send the book", Commitment: true})
	b.log("2026-08-15", 30, "", "", []string{"Nell New"}, recv("advice", "Try the new tool"))
	b.log("2026-08-20", 60, "", "", []string{"Cora Coach"}, recv("help", "Role-played the pitch"))
	b.log("2026-09-05", 90, "Alpha Circle", "", []string{"Pia Peer"})
	b.log("2026-09-30", 60, "", "Get promoted", []string{"Cora Coach"}, recv("advice", "Land the close"))

	// 2026Q4, after the quarter: counts nowhere in the 2026Q3 review.
	b.log("2026-10-01", 30, "", "", []string{"Mo Mentor"}, recv("advice", "Too late to count"))
	return b.err
}

// book adds records and keeps the first error, so the fixture reads as a list.
type book struct {
	tx  *store.Tx
	ids map[string]int64
	err error
}

func (b *book) person(c *crm.Contact) {
	if b.err == nil {
		b.err = b.tx.AddContact(c)
		b.ids[c.Name] = c.ID
	}
}

func (b *book) circle(name string, members ...string) {
	if b.err != nil {
		return
	}
	c := &crm.Circle{Name: name, CadenceDays: 60}
	if b.err = b.tx.AddCircle(c); b.err != nil {
		return
	}
	b.ids[name] = c.ID
	for _, m := range members {
		if b.err == nil {
			b.err = b.tx.Join(c.ID, b.ids[m], d("2026-01-01"))
		}
	}
}

func (b *book) goal(g *crm.Goal) {
	if b.err == nil {
		b.err = b.tx.AddGoal(g)
		b.ids[g.Title] = g.ID
	}
}

func (b *book) log(date string, minutes int, circle, goal string, with []string, xs ...crm.Exchange) {
	if b.err != nil {
		return
	}
	in := &crm.Interaction{Date: d(date), Kind: crm.KindMeeting, Minutes: minutes, Summary: "Met on " + date,
		CircleID: b.ids[circle], GoalID: b.ids[goal], Exchanges: xs}
	for _, w := range with {
		in.Participants = append(in.Participants, crm.Participant{ContactID: b.ids[w], Name: w})
	}
	b.err = b.tx.LogInteraction(in)
}

func gave(kind crm.ExchangeKind, what string) crm.Exchange {
	return crm.Exchange{Direction: crm.Gave, Kind: kind, Description: what}
}

func recv(kind crm.ExchangeKind, what string) crm.Exchange {
	return crm.Exchange{Direction: crm.Received, Kind: kind, Description: what}
}

func money(amount float64) crm.Exchange {
	return crm.Exchange{Direction: crm.Gave, Kind: crm.ExMoney, Description: "Coaching fee", Amount: amount}
}
