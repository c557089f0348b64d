package review_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/review/reviewtest"
	"github.com/kithcrm/kith/crm/store"
)

// jsonReview is the JSON contract of 'kith review --format json', read
// back with its own types to check the figures. json.Unmarshal ignores
// unknown keys, so a renamed key shows here only where its expected value
// is not zero: TestReviewJSONKeys checks the keys themselves.
type jsonReview struct {
	jsonTotals
	Months []struct {
		Month        string  `json:"month"`
		Interactions int     `json:"interactions"`
		Minutes      int     `json:"minutes"`
		MoneySpent   float64 `json:"money_spent"`
	} `json:"months"`
	Contacts         []jsonContact `json:"contacts"`
	Neglected        []string      `json:"neglected"`
	TakingMore       []string      `json:"taking_more"`
	GoalsWithoutHelp []string      `json:"goals_without_help"`
	UncoveredGaps    []string      `json:"uncovered_gaps"`
	Previous         jsonTotals    `json:"previous"`
	Network          struct {
		NewPeople []struct {
			Name       string `json:"name"`
			Since      string `json:"since"`
			Source     string `json:"source"`
			ReferredBy string `json:"referred_by"`
		} `json:"new_people"`
		Sources     map[string]int `json:"sources"`
		RoleChanges []struct {
			Name    string   `json:"name"`
			Ended   []string `json:"ended"`
			Started []string `json:"started"`
			On      string   `json:"on"`
		} `json:"role_changes"`
		Circles []struct {
			Name       string `json:"name"`
			Meetings   int    `json:"meetings"`
			Attendance []struct {
				Name     string `json:"name"`
				Meetings int    `json:"meetings"`
			} `json:"attendance"`
		} `json:"circles"`
	} `json:"network"`
	Goals []struct {
		Title   string `json:"title"`
		Served  int    `json:"served"`
		Helpers []struct {
			Name string `json:"name"`
		} `json:"helpers"`
	} `json:"goals"`
}

// jsonTotals are the figures a quarter and its previous share.
type jsonTotals struct {
	Quarter      string               `json:"quarter"`
	Start        string               `json:"start"`
	End          string               `json:"end"`
	Interactions int                  `json:"interactions"`
	Minutes      int                  `json:"minutes"`
	ByRole       map[string]jsonCount `json:"by_role"`
	MoneySpent   float64              `json:"money_spent"`
}

type jsonCount struct {
	Interactions int `json:"interactions"`
	Minutes      int `json:"minutes"`
}

type jsonContact struct {
	Name           string   `json:"name"`
	Roles          []string `json:"roles"`
	Interactions   int      `json:"interactions"`
	Minutes        int      `json:"minutes"`
	Gave           int      `json:"gave"`
	Received       int      `json:"received"`
	Balance        int      `json:"balance"`
	CheckinsKept   int      `json:"checkins_kept"`
	CheckinsMissed int      `json:"checkins_missed"`
	LastContact    *string  `json:"last_contact"`
	Flags          []string `json:"flags"`
	Open           []any    `json:"open_commitments"`
	ID             int64    `json:"id"`
	ReceivedItems  []any    `json:"received_items"`
	GaveItems      []any    `json:"gave_items"`
}

func compute(t testing.TB, st *store.Store, q string) *review.Review {
	t.Helper()
	quarter, err := review.ParseQuarter(q)
	if err != nil {
		t.Fatal(err)
	}
	var r *review.Review
	if err := st.View(context.Background(), func(tx *store.Tx) error {
		r, err = review.Compute(tx, quarter)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return r
}

func decode(t *testing.T, r *review.Review) jsonReview {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var j jsonReview
	if err := json.Unmarshal(buf.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	return j
}

// The keys 'kith review --format json' promises scripts: the quarter's
// totals (those of "previous" too), each role's counts, and each contact's.
var (
	totalsKeys  = []string{"quarter", "start", "end", "interactions", "minutes", "by_role"}
	countKeys   = []string{"interactions", "minutes"}
	contactKeys = []string{"id", "name", "roles", "interactions", "minutes", "gave", "received", "balance",
		"checkins_kept", "checkins_missed", "last_contact", "flags"}
	reviewKeys = append([]string{"contacts", "neglected", "goals_without_help", "previous"}, totalsKeys...)
)

// TestReviewJSONKeys decodes the JSON generically and checks every promised
// key is there, with the type scripts expect, zero values included.
func TestReviewJSONKeys(t *testing.T) {
	st, _ := reviewtest.Open(t)
	var buf bytes.Buffer
	if err := compute(t, st, "2026Q3").WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var top map[string]any
	if err := json.Unmarshal(buf.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	hasKeys(t, "review", top, reviewKeys)
	byRoles := func(where string, totals map[string]any) {
		roles, ok := totals["by_role"].(map[string]any)
		if !ok {
			t.Errorf("%s.by_role is %T, want an object", where, totals["by_role"])
			return
		}
		for _, role := range []string{"coach", "mentor", "circle", "coachee", "mentee"} {
			c, ok := roles[role].(map[string]any)
			if !ok {
				t.Errorf("%s.by_role.%s is %T, want an object", where, role, roles[role])
				continue
			}
			hasKeys(t, where+".by_role."+role, c, countKeys)
		}
	}
	byRoles("review", top)
	if prev, ok := top["previous"].(map[string]any); ok {
		hasKeys(t, "previous", prev, totalsKeys)
		byRoles("previous", prev)
	} else {
		t.Errorf("previous is %T, want an object", top["previous"])
	}
	for _, key := range []string{"neglected", "goals_without_help"} {
		if _, ok := top[key].([]any); !ok {
			t.Errorf("%s is %T, want an array", key, top[key])
		}
	}
	contacts, ok := top["contacts"].([]any)
	if !ok || len(contacts) == 0 {
		t.Fatalf("contacts is %T of %d, want a non-empty array", top["contacts"], len(contacts))
	}
	for i, x := range contacts {
		c, ok := x.(map[string]any)
		if !ok {
			t.Errorf("contacts[%d] is %T, want an object", i, x)
			continue
		}
		hasKeys(t, fmt.Sprintf("contacts[%d] (%v)", i, c["name"]), c, contactKeys)
	}
}

// hasKeys reports each of keys missing from the object m.
func hasKeys(t *testing.T, where string, m map[string]any, keys []string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks the key %q", where, k)
		}
	}
}

func TestReviewFigures(t *testing.T) {
	st, _ := reviewtest.Open(t)
	j := decode(t, compute(t, st, "2026Q3"))

	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	check("quarter", j.Quarter, "2026Q3")
	check("start", j.Start, "2026-07-01")
	check("end", j.End, "2026-09-30")
	// 07-01 (the first day) through 09-30 (the last) count; 06-30 and 10-01 do not.
	check("interactions", j.Interactions, 13)
	check("minutes", j.Minutes, 665)
	check("money_spent", j.MoneySpent, 200.0)
	check("by_role", j.ByRole, map[string]jsonCount{
		"coach":   {5, 270}, // Cora four times, Rex on 07-25 while still a coach
		"mentor":  {2, 75},  // Mo, and Rex on 08-05 as a mentor
		"circle":  {4, 270}, // both circles' meetings and Mia (a circle member) on 08-10
		"coachee": {1, 60},
		"mentee":  {3, 150},
		"none":    {1, 20}, // Arlo, archived since, holds no role
	})
	var months []string
	var monthMinutes []int
	for _, m := range j.Months {
		months = append(months, m.Month)
		monthMinutes = append(monthMinutes, m.Minutes)
	}
	check("months", months, []string{"2026-07", "2026-08", "2026-09"})
	check("month minutes", monthMinutes, []int{305, 210, 150})

	check("previous.quarter", j.Previous.Quarter, "2026Q2")
	check("previous.start", j.Previous.Start, "2026-04-01")
	check("previous.end", j.Previous.End, "2026-06-30")
	check("previous.interactions", j.Previous.Interactions, 3)
	check("previous.minutes", j.Previous.Minutes, 150)
	check("previous.money_spent", j.Previous.MoneySpent, 200.0)
	check("previous.by_role coach", j.Previous.ByRole["coach"], jsonCount{2, 120})
	check("previous.by_role mentor", j.Previous.ByRole["mentor"], jsonCount{1, 30})
	check("previous.by_role none", j.Previous.ByRole["none"], jsonCount{0, 0})

	type row struct {
		name                    string
		roles                   []string
		n, min, gave, recv, bal int
		kept, missed            int
		last                    string
		flags                   []string
		open                    int
	}
	want := []row{
		{"Arlo Archived", []string{}, 1, 20, 0, 1, -1, 0, 0, "2026-07-20", []string{}, 0},
		{"Cal Coachee", []string{"circle", "coachee"}, 1, 60, 0, 0, 0, 0, 1, "2026-08-08", []string{"neglected"}, 0},
		{"Cora Coach", []string{"coach"}, 4, 240, 1, 4, -3, 2, 2, "2026-09-30", []string{"taking_more_than_giving"}, 0},
		{"Mia Mentee", []string{"circle", "mentee"}, 2, 120, 2, 0, 2, 0, 2, "2026-08-10", []string{}, 1},
		{"Mo Mentor", []string{"mentor"}, 1, 45, 1, 1, 0, 0, 1, "2026-07-15", []string{}, 0},
		{"Nell New", []string{"mentee"}, 1, 30, 0, 1, -1, 1, 1, "2026-08-15", []string{"new"}, 0},
		{"Pia Peer", []string{"circle"}, 3, 240, 1, 0, 1, 2, 0, "2026-09-05", []string{}, 0},
		{"Rex Role", []string{"mentor"}, 2, 60, 1, 0, 1, 1, 1, "2026-08-05", []string{}, 0},
		{"Sid Silent", []string{}, 0, 0, 0, 0, 0, 0, 0, "", []string{"neglected"}, 0},
	}
	if len(j.Contacts) != len(want) {
		var names []string
		for _, c := range j.Contacts {
			names = append(names, c.Name)
		}
		t.Fatalf("contacts = %v, want the %d of the quarter (Zed, added after it, left out)", names, len(want))
	}
	for i, w := range want {
		c := j.Contacts[i]
		last := ""
		if c.LastContact != nil {
			last = *c.LastContact
		}
		got := row{c.Name, c.Roles, c.Interactions, c.Minutes, c.Gave, c.Received, c.Balance,
			c.CheckinsKept, c.CheckinsMissed, last, c.Flags, len(c.Open)}
		if c.ID == 0 {
			t.Errorf("%s has no id", c.Name)
		}
		check("contact "+w.name, got, w)
		// The store reads the exchanges without names; each item still
		// names its person.
		for _, items := range [][]any{c.GaveItems, c.ReceivedItems, c.Open} {
			for _, item := range items {
				if x, _ := item.(map[string]any); x["contact"] != c.Name {
					t.Errorf("%s: an item names %v: %v", c.Name, x["contact"], item)
				}
			}
		}
	}
	check("neglected", j.Neglected, []string{"Cal Coachee", "Sid Silent"})
	check("taking_more", j.TakingMore, []string{"Cora Coach"})
	check("goals_without_help", j.GoalsWithoutHelp, []string{"Learn public speaking"})
	check("uncovered_gaps", j.UncoveredGaps, []string{"negotiation"})

	check("new people", len(j.Network.NewPeople), 1)
	if len(j.Network.NewPeople) == 1 {
		p := j.Network.NewPeople[0]
		check("new person", []string{p.Name, p.Since, p.Source, p.ReferredBy}, []string{"Nell New", "2026-08-15", "referral", "Mo Mentor"})
	}
	check("sources", j.Network.Sources, map[string]int{"referral": 1})
	check("role changes", len(j.Network.RoleChanges), 1)
	if len(j.Network.RoleChanges) == 1 {
		c := j.Network.RoleChanges[0]
		check("role change", []any{c.Name, c.Ended, c.Started, c.On}, []any{"Rex Role", []string{"coach"}, []string{"mentor"}, "2026-08-01"})
	}
	var circles []string
	for _, c := range j.Network.Circles {
		s := c.Name + ":"
		for _, a := range c.Attendance {
			s += " " + a.Name + "=" + string(rune('0'+a.Meetings))
		}
		circles = append(circles, s+" met "+string(rune('0'+c.Meetings)))
	}
	check("circles", circles, []string{"Alpha Circle: Pia Peer=2 Mia Mentee=1 met 2", "Beta Circle: Cal Coachee=1 Pia Peer=1 met 1"})
	var goals []string
	for _, g := range j.Goals {
		s := g.Title + " served " + string(rune('0'+g.Served)) + " by"
		for _, h := range g.Helpers {
			s += " " + h.Name
		}
		goals = append(goals, s)
	}
	check("goals", goals, []string{"Get promoted served 2 by Mo Mentor", "Learn public speaking served 0 by"})
}

// TestReviewPrevious reviews 2026Q2 and checks it agrees with the
// previous totals of 2026Q3, and that Q3's activity does not leak into it.
func TestReviewPrevious(t *testing.T) {
	st, _ := reviewtest.Open(t)
	q2, q3 := compute(t, st, "2026Q2"), compute(t, st, "2026Q3")
	if !reflect.DeepEqual(q2.Totals, q3.Previous) {
		t.Errorf("2026Q2 totals %+v differ from 2026Q3's previous %+v", q2.Totals, q3.Previous)
	}
	for _, c := range q2.Contacts {
		if c.Name == "Nell New" || c.Name == "Zed Later" {
			t.Errorf("%s, added after 2026Q2, is in its review", c.Name)
		}
		if c.Name == "Cora Coach" && (c.Interactions != 2 || c.Gave != 1 || c.Received != 2 || c.LastContact.String() != "2026-06-30") {
			t.Errorf("Cora in 2026Q2: %+v", c)
		}
	}
}

func TestReviewRefusesFutureQuarter(t *testing.T) {
	st, _ := reviewtest.Open(t)
	err := st.View(context.Background(), func(tx *store.Tx) error {
		_, err := review.Compute(tx, review.Quarter{Year: 2027, N: 1})
		return err
	})
	if err == nil {
		t.Fatal("a review of 2027Q1 on 2026-10-05 was computed")
	}
}

// TestReviewInProgress counts a running quarter up to today only.
func TestReviewInProgress(t *testing.T) {
	st, _ := reviewtest.Open(t)
	st.SetToday(reviewtest.Today.AddDays(-60)) // 2026-08-06
	r := compute(t, st, "2026Q3")
	if r.AsOf.String() != "2026-08-06" || r.Interactions != 7 {
		t.Errorf("as of %s: %d interactions, want as of 2026-08-06: 7 (July's six and Rex on 08-05)", r.AsOf, r.Interactions)
	}
}
