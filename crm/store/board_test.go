package store

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// boardRow finds the row of a need on the board.
func boardRow(t *testing.T, b crm.Board, kind crm.NeedKind, title string) crm.BoardRow {
	t.Helper()
	for _, r := range b.Rows {
		if r.Kind == kind && r.Title == title {
			return r
		}
	}
	t.Fatalf("no %s %q on the board: %+v", kind, title, b.Rows)
	return crm.BoardRow{}
}

func loadBoard(t *testing.T, st *Store) crm.Board {
	t.Helper()
	var b crm.Board
	view(t, st, func(tx *Tx) (err error) {
		b, err = tx.Board()
		return err
	})
	return b
}

// A goal only an archived mentor helps with is uncovered; a gap linked to
// a circle member is covered; the kind that fits a goal follows its horizon
// unless the user chose another.
func TestBoardCoverage(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	gone := addContact(t, st, crm.Contact{Name: "Old Mentor"}, crm.RoleMentor)
	peer := addContact(t, st, crm.Contact{Name: "Circle Peer"}, crm.RoleCircle)
	coach := addContact(t, st, crm.Contact{Name: "Speaking Coach"}, crm.RoleCoach)
	logWith(t, st, "2026-11-20", peer)
	update(t, st, func(tx *Tx) error {
		if err := tx.SetArchived(gone, true); err != nil {
			return err
		}
		for _, g := range []*crm.Goal{
			{Title: "Become a director", Horizon: crm.LongTerm, Helpers: []crm.Participant{{ContactID: gone}}},
			{Title: "Ship the launch talk", Horizon: crm.ShortTerm, Helpers: []crm.Participant{{ContactID: peer}}},
			{Title: "Learn SQL", Horizon: crm.ShortTerm, Fits: crm.RoleCircle, Helpers: []crm.Participant{{ContactID: peer}}},
			{Title: "Dropped goal", Status: crm.GoalDropped, Helpers: []crm.Participant{{ContactID: coach}}},
		} {
			if err := tx.AddGoal(g); err != nil {
				return err
			}
		}
		if err := tx.AddGap(&crm.Gap{Text: "public speaking", Helpers: []crm.Participant{{ContactID: peer}, {ContactID: coach}}}); err != nil {
			return err
		}
		return tx.AddGap(&crm.Gap{Text: "negotiation", Fits: crm.RoleCoach, Helpers: []crm.Participant{{ContactID: peer}}})
	})
	b := loadBoard(t, st)

	director := boardRow(t, b, crm.NeedGoal, "Become a director")
	if director.Fits != crm.RoleMentor || director.Covered || len(director.Helpers) != 0 {
		t.Errorf("a long-term goal helped only by an archived mentor: %+v, want a mentor fits and uncovered", director)
	}
	if director.LookFor != "no mentor for a long-term goal: find one" {
		t.Errorf("look for %q", director.LookFor)
	}
	launch := boardRow(t, b, crm.NeedGoal, "Ship the launch talk")
	if launch.Fits != crm.RoleCoach || launch.Covered {
		t.Errorf("a short-term goal helped by a circle peer: %+v, want a coach fits and uncovered", launch)
	}
	sql := boardRow(t, b, crm.NeedGoal, "Learn SQL")
	if sql.Fits != crm.RoleCircle || !sql.FitChosen || !sql.Covered {
		t.Errorf("a goal the user gave a circle, helped by a circle peer: %+v, want covered", sql)
	}
	speaking := boardRow(t, b, crm.NeedGap, "public speaking")
	if speaking.Fits != crm.RoleCircle || !speaking.Covered || speaking.LookFor != "" {
		t.Errorf("a gap linked to a circle member: %+v, want covered", speaking)
	}
	if len(speaking.Helpers) != 2 || speaking.Helpers[0].ID != peer || speaking.Helpers[0].Role != crm.RoleCircle ||
		speaking.Helpers[0].LastContact != crmtest.Date("2026-11-20") || speaking.Helpers[1].Role != crm.RoleCoach {
		t.Errorf("helpers %+v, want the circle peer (last met 2026-11-20) first, then the coach", speaking.Helpers)
	}
	negotiation := boardRow(t, b, crm.NeedGap, "negotiation")
	if negotiation.Fits != crm.RoleCoach || negotiation.Covered {
		t.Errorf("a gap the user wants a coach for, linked to a circle peer: %+v, want uncovered", negotiation)
	}
	for _, r := range b.Rows {
		if r.Title == "Dropped goal" {
			t.Errorf("a dropped goal is on the board")
		}
	}
	want := map[crm.RoleKind]int{crm.RoleCoach: 1, crm.RoleMentor: 0, crm.RoleCircle: 1, crm.RoleCoachee: 0, crm.RoleMentee: 0}
	for r, n := range want {
		if b.Roles[r] != n {
			t.Errorf("roles %v, want %v (the archived mentor not counted)", b.Roles, want)
			break
		}
	}
}

// The board's investment is the current quarter's minutes and money given,
// against three months of the budget.
func TestBoardInvestment(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	coach := addContact(t, st, crm.Contact{Name: "Paid Coach"}, crm.RoleCoach)
	update(t, st, func(tx *Tx) error {
		if err := tx.SetProfile(crm.Profile{BudgetHours: 4, BudgetMoney: 100}); err != nil {
			return err
		}
		for _, day := range []string{"2026-09-30", "2026-10-05", "2026-11-20"} {
			in := &crm.Interaction{Date: crmtest.Date(day), Kind: crm.KindMeeting, Minutes: 90,
				Participants: []crm.Participant{{ContactID: coach}},
				Exchanges:    []crm.Exchange{{ContactID: coach, Direction: crm.Gave, Kind: crm.ExMoney, Description: "session fee", Amount: 80}}}
			if err := tx.LogInteraction(in); err != nil {
				return err
			}
		}
		return nil
	})
	got := loadBoard(t, st).Invested
	want := crm.Investment{Quarter: "2026Q4", Hours: 3, BudgetHours: 12, Money: 160, BudgetMoney: 300}
	if got != want {
		t.Errorf("invested %+v, want %+v", got, want)
	}
}

// Saving a goal from a form that knows nothing of the help it needs keeps
// the choice; SetGoalFit changes it, "" going back to the rule.
func TestGoalFitSurvivesAnEditAndCanBeReset(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	g := &crm.Goal{Title: "Learn SQL", Fits: crm.RoleCircle}
	update(t, st, func(tx *Tx) error { return tx.AddGoal(g) })
	update(t, st, func(tx *Tx) error {
		return tx.UpdateGoal(&crm.Goal{ID: g.ID, Title: "Learn SQL well", Horizon: crm.ShortTerm, Status: crm.GoalActive})
	})
	if r := boardRow(t, loadBoard(t, st), crm.NeedGoal, "Learn SQL well"); r.Fits != crm.RoleCircle || !r.FitChosen {
		t.Errorf("after an edit: %+v, want the circle kept", r)
	}
	update(t, st, func(tx *Tx) error {
		if err := tx.SetGoalFit(g.ID, crm.RoleMentee); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("a mentee as the help a goal needs: %v, want refused", err)
		}
		return tx.SetGoalFit(g.ID, "")
	})
	if r := boardRow(t, loadBoard(t, st), crm.NeedGoal, "Learn SQL well"); r.Fits != crm.RoleCoach || r.FitChosen {
		t.Errorf("after going back to the rule: %+v, want a coach for a short-term goal", r)
	}
}
