package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// addProspect adds a prospect and returns its id.
func addProspect(t *testing.T, st *Store, p crm.Prospect) int64 {
	t.Helper()
	update(t, st, func(tx *Tx) error { return tx.AddProspect(&p) })
	return p.ID
}

func move(st *Store, id int64, m crm.Move) error {
	return st.Update(context.Background(), func(tx *Tx) error {
		_, err := tx.MoveProspect(id, m)
		return err
	})
}

// The pipeline moves forward a step at a time, back to any open stage,
// aside to not now and back, and refuses what cannot happen, naming what
// can; each move is kept in the history.
func TestPipelineMovesAndRefusals(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	id := addProspect(t, st, crm.Prospect{Name: "Dana Whitfield", Role: crm.RoleMentor})
	err := move(st, id, crm.Move{To: crm.StageActive})
	if crm.ErrorCode(err) != crm.EInvalid || !strings.Contains(err.Error(), "allowed: reached-out, not-now") {
		t.Fatalf("activating someone never reached: %v, want refused naming the allowed stages", err)
	}
	if err := move(st, id, crm.Move{To: crm.StageTalking}); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("skipping reaching out: %v, want refused", err)
	}
	steps := []crm.Move{
		{To: crm.StageReachedOut, Note: "sent a note", Outreach: &crm.Outreach{Channel: "email", Ask: "30 minutes"}},
		{To: crm.StageTalking},
		{To: crm.StageReachedOut, Note: "went quiet"}, // back a stage
		{To: crm.StageNotNow, Reason: "busy until spring", ReconsiderOn: crmtest.Date("2027-03-01")},
		{To: crm.StageTalking},
	}
	for _, m := range steps {
		if err := move(st, id, m); err != nil {
			t.Fatalf("move to %s: %v", m.To, err)
		}
	}
	view(t, st, func(tx *Tx) error {
		d, err := tx.ProspectDetail(id)
		if err != nil {
			return err
		}
		var path []string
		for _, c := range d.History {
			path = append(path, string(c.From)+">"+string(c.To))
		}
		want := ">to-contact to-contact>reached-out reached-out>talking talking>reached-out reached-out>not-now not-now>talking"
		if strings.Join(path, " ") != want {
			t.Errorf("history %v, want %s", path, want)
		}
		if d.History[3].Note != "went quiet" || len(d.Outreach) != 1 || d.Outreach[0].Ask != "30 minutes" {
			t.Errorf("notes and outreach not kept: %+v %+v", d.History, d.Outreach)
		}
		if d.Stage != crm.StageTalking || d.NotNowReason != "" || !d.ReconsiderOn.IsZero() {
			t.Errorf("back from not now: %+v, want talking with the reason cleared", d.Prospect)
		}
		counts, err := tx.PipelineCounts()
		if err != nil {
			return err
		}
		if counts[crm.StageTalking] != 1 || counts[crm.StageToContact] != 0 || len(counts) != len(crm.Stages) {
			t.Errorf("pipeline counts %v", counts)
		}
		return nil
	})
	if _, err := activate(st, id); err != nil {
		t.Fatal(err)
	}
	err = move(st, id, crm.Move{To: crm.StageTalking})
	if crm.ErrorCode(err) != crm.EInvalid || !strings.Contains(err.Error(), "already a contact") {
		t.Errorf("moving a contact back into the pipeline: %v, want refused", err)
	}
}

func activate(st *Store, id int64) (int64, error) {
	var cid int64
	err := st.Update(context.Background(), func(tx *Tx) (err error) {
		cid, err = tx.ActivateProspect(id)
		return err
	})
	return cid, err
}

// A follow-up is on Today's list and counted while the prospect waits, and
// gone once the prospect moves on without a new one. Reading them is one
// range scan of the follow-up index, however many prospects there are.
func TestFollowUpIsDueUntilTheProspectMovesOn(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	id := addProspect(t, st, crm.Prospect{Name: "Dana Whitfield", Role: crm.RoleMentor})
	later := addProspect(t, st, crm.Prospect{Name: "Later One"})
	if err := move(st, id, crm.Move{To: crm.StageReachedOut, On: crmtest.Date("2026-11-10"), FollowUpOn: crmtest.Date("2026-11-20"),
		Outreach: &crm.Outreach{Channel: "LinkedIn", Ask: "a coffee chat"}}); err != nil {
		t.Fatal(err)
	}
	if err := move(st, later, crm.Move{To: crm.StageReachedOut, FollowUpOn: crmtest.Date("2027-01-10")}); err != nil {
		t.Fatal(err)
	}
	var list []crm.FollowUp
	view(t, st, func(tx *Tx) (err error) {
		list, err = tx.FollowUpPage(tx.Today().AddDays(7), 10)
		if err != nil {
			return err
		}
		counts, err := tx.DayCounts(tx.Today().AddDays(7))
		if counts.FollowUps != 1 || counts.LateFollowUps != 1 {
			t.Errorf("Today counts %d follow-ups due, %d late; want 1 and 1", counts.FollowUps, counts.LateFollowUps)
		}
		return err
	})
	if len(list) != 1 || list[0].ProspectID != id || list[0].DaysOverdue != 5 || list[0].Channel != "LinkedIn" ||
		list[0].Ask != "a coffee chat" || list[0].LastOutreach != crmtest.Date("2026-11-10") {
		t.Fatalf("follow-ups %+v, want Dana's, 5 days late, with the last outreach", list)
	}
	if err := move(st, id, crm.Move{To: crm.StageTalking}); err != nil {
		t.Fatal(err)
	}
	view(t, st, func(tx *Tx) (err error) {
		list, err = tx.FollowUpsDue(tx.Today().AddDays(7))
		return err
	})
	if len(list) != 0 {
		t.Errorf("after moving on: %+v, want no follow-up", list)
	}
	plan := strings.Join(queryPlan(t, st, followUpSelect+" LIMIT -1", sql.Named("until", "2026-12-01")), "\n")
	if !strings.Contains(plan, "prospects_follow_up") {
		t.Errorf("follow-ups are not read through their index:\n%s", plan)
	}
}

// An activated prospect becomes a contact with the role sought, keeping
// where they were found, the event, the referral and the outreach notes;
// the prospect stays, linked, with its history.
func TestActivationKeepsSourceEventNotesAndReferral(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	friend := addContact(t, st, crm.Contact{Name: "Friendly Introducer"})
	var goal crm.Goal
	var ev crm.Event
	update(t, st, func(tx *Tx) error {
		goal = crm.Goal{Title: "Become a director", Horizon: crm.LongTerm}
		if err := tx.AddGoal(&goal); err != nil {
			return err
		}
		ev = crm.Event{Title: "LeadDev London", Kind: crm.EventConference, Date: crmtest.Date("2026-10-14"), Place: "London"}
		return tx.AddEvent(&ev)
	})
	id := addProspect(t, st, crm.Prospect{Name: "Dana Whitfield", EventID: ev.ID, ReferredBy: friend, GoalID: goal.ID,
		Role: crm.RoleMentor, Why: "ran the platform org I want to run"})
	if err := move(st, id, crm.Move{To: crm.StageReachedOut, On: crmtest.Date("2026-10-20"), FollowUpOn: crmtest.Date("2026-11-01"),
		Outreach: &crm.Outreach{Channel: "email", Why: "your talk on platform teams", Admire: "how you grew leads",
			Offer: "notes from our migration", Ask: "a monthly call"}}); err != nil {
		t.Fatal(err)
	}
	if err := move(st, id, crm.Move{To: crm.StageTalking}); err != nil {
		t.Fatal(err)
	}
	cid, err := activate(st, id)
	if err != nil {
		t.Fatal(err)
	}
	view(t, st, func(tx *Tx) error {
		c, err := tx.Contact(cid)
		if err != nil {
			return err
		}
		if c.Name != "Dana Whitfield" || c.Source != crm.SourceEvent || c.SourceDetail != "LeadDev London" ||
			c.ReferredBy != friend || c.MetOn != crmtest.Date("2026-10-14") {
			t.Errorf("contact %+v: want source event LeadDev London, referred by #%d, met on the event's day", c, friend)
		}
		if got := c.CurrentRoles(); len(got) != 1 || got[0] != crm.RoleMentor {
			t.Errorf("roles %v, want the role sought", got)
		}
		for _, s := range []string{"ran the platform org", "by email", "admire: how you grew leads", "ask: a monthly call"} {
			if !strings.Contains(c.Notes, s) {
				t.Errorf("notes %q lack %q", c.Notes, s)
			}
		}
		events, err := tx.EventsOf(cid)
		if err != nil || len(events) != 1 || events[0].ID != ev.ID {
			t.Errorf("events of the contact %+v (%v)", events, err)
		}
		goals, err := tx.GoalsOf(cid)
		if err != nil || len(goals) != 1 {
			t.Errorf("goals the contact helps with %+v (%v)", goals, err)
		}
		d, ok, err := tx.ProspectOf(cid)
		if err != nil || !ok || d.Stage != crm.StageActive || len(d.History) != 4 || len(d.Outreach) != 1 || !d.FollowUpOn.IsZero() {
			t.Errorf("the prospect behind the contact: %+v %v %v", d, ok, err)
		}
		page, err := tx.EventPage(ev.ID)
		if err != nil {
			return err
		}
		if len(page.Met) != 1 || page.Met[0].ContactID != cid || len(page.FollowUp) != 1 {
			t.Errorf("event page %+v: want Dana met, still to follow up (not talked to since)", page)
		}
		return nil
	})
}

// An event lists who was met there and who still waits for a follow-up.
func TestEventPage(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	var ev crm.Event
	update(t, st, func(tx *Tx) error {
		ev = crm.Event{Title: "PM Meetup", Date: crmtest.Date("2026-11-01")}
		return tx.AddEvent(&ev)
	})
	met := addContact(t, st, crm.Contact{Name: "Met And Talked"})
	quiet := addContact(t, st, crm.Contact{Name: "Met Then Quiet", Source: crm.SourceJob})
	logWith(t, st, "2026-11-10", met)
	waiting := addProspect(t, st, crm.Prospect{Name: "Prospect Waiting", EventID: ev.ID})
	aside := addProspect(t, st, crm.Prospect{Name: "Prospect Aside", EventID: ev.ID})
	if err := move(st, aside, crm.Move{To: crm.StageNotNow, Reason: "not a fit"}); err != nil {
		t.Fatal(err)
	}
	update(t, st, func(tx *Tx) error {
		if err := tx.MetAt(ev.ID, met); err != nil {
			return err
		}
		return tx.MetAt(ev.ID, quiet)
	})
	view(t, st, func(tx *Tx) error {
		page, err := tx.EventPage(ev.ID)
		if err != nil {
			return err
		}
		if len(page.Met) != 4 {
			t.Errorf("met %+v, want four", page.Met)
		}
		var follow []string
		for _, m := range page.FollowUp {
			follow = append(follow, m.Name)
		}
		if strings.Join(follow, ", ") != "Met Then Quiet, Prospect Waiting" {
			t.Errorf("to follow up %v", follow)
		}
		c, err := tx.Contact(met)
		if err != nil {
			return err
		}
		if c.Source != crm.SourceEvent || c.SourceDetail != "PM Meetup" {
			t.Errorf("a contact met at an event without a source: %q %q, want the event", c.Source, c.SourceDetail)
		}
		if c, err = tx.Contact(quiet); err != nil || c.Source != crm.SourceJob {
			t.Errorf("a contact with a source keeps it: %q (%v)", c.Source, err)
		}
		list, err := tx.Events(0, 0)
		if err != nil || len(list) != 1 || list[0].People != 2 || list[0].Prospects != 2 {
			t.Errorf("events %+v (%v)", list, err)
		}
		if p, err := tx.Prospect(waiting); err != nil || p.Found != crm.SourceEvent || p.Event != "PM Meetup" {
			t.Errorf("a prospect met at an event: %+v (%v), want found at the event", p, err)
		}
		return nil
	})
}
