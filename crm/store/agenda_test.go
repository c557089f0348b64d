package store

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// Preparing gathers what is open with a person; ticking items carries the
// open ones to the next agenda until they are done or dropped.
func TestAgendaItemsCarriedUntilDone(t *testing.T) {
	st := openTemp(t, "2026-03-01")
	update(t, st, func(tx *Tx) error {
		id := addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		goal := &crm.Goal{Title: "Lead a team", Helpers: []crm.Participant{{ContactID: id}}}
		if err := tx.AddGoal(goal); err != nil {
			t.Fatal(err)
		}
		mine := crm.Exchange{ContactID: id, Direction: crm.Gave, Kind: crm.ExResource, Description: "send the deck", Commitment: true}
		meet(t, tx, id, "2026-02-01", "talked about delegation", mine)
		theirs := &crm.Exchange{ContactID: id, Direction: crm.Received, Kind: crm.ExIntroduction, Description: "intro to Sam"}
		if err := tx.AddPromise(theirs, crmtest.Date("2026-02-15")); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Ask(id, "how to say no"); err != nil {
			t.Fatal(err)
		}
		ag, err := tx.PrepareAgenda(id)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[crm.AgendaKind]int{}
		for _, it := range ag.Items {
			kinds[it.Kind]++
		}
		if len(ag.Items) != 5 || kinds[crm.AgendaPromise] != 2 || kinds[crm.AgendaGoal] != 1 || kinds[crm.AgendaLast] != 1 || kinds[crm.AgendaQuestion] != 1 {
			t.Fatalf("agenda %+v, want two promises, a goal, the last summary and a question", ag.Items)
		}
		again, err := tx.PrepareAgenda(id)
		if err != nil || len(again.Items) != 5 {
			t.Fatalf("prepared twice: %d items, %v; want the same 5", len(again.Items), err)
		}
		byKind := map[crm.AgendaKind]int64{}
		for _, it := range ag.Items {
			byKind[it.Kind] = it.ID
		}
		session := meet(t, tx, id, "2026-03-01", "the next session")
		ticks := crm.AgendaTicks{Done: []int64{byKind[crm.AgendaQuestion]}, Carried: []int64{byKind[crm.AgendaGoal]},
			Dropped: []int64{byKind[crm.AgendaLast]}}
		if err := tx.TickAgenda(session, ticks); err != nil {
			t.Fatal(err)
		}
		carried, err := tx.AgendaOf(session)
		if err != nil || len(carried) != 3 {
			t.Errorf("the session's agenda: %v, %v; want 3 items", carried, err)
		}
		if err := tx.TickAgenda(session, crm.AgendaTicks{Done: []int64{byKind[crm.AgendaQuestion]}}); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("ticking a closed item: %v, want refused", err)
		}
		next, err := tx.PrepareAgenda(id)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, it := range next.Items {
			texts = append(texts, string(it.Kind)+": "+it.Text)
			if it.Kind == crm.AgendaGoal && it.Carried != 1 {
				t.Errorf("the goal was carried %d times, want 1", it.Carried)
			}
			if it.Kind == crm.AgendaQuestion {
				t.Errorf("the question done is back: %q", it.Text)
			}
		}
		// The promises and the goal stay open; the new session's summary replaces the dropped one.
		if len(next.Items) != 4 {
			t.Errorf("next agenda %q, want 2 promises, the goal and the new summary", texts)
		}
		if err := tx.CompleteCommitment(theirs.ID, crm.Date{}); err != nil {
			t.Fatal(err)
		}
		final, err := tx.PrepareAgenda(id)
		if err != nil || len(final.Items) != 3 {
			t.Errorf("after their promise was kept: %d items, %v; want 3", len(final.Items), err)
		}
		return nil
	})
}

// A promise a person made to the user is late on Today once past its due
// date, and is not among the user's own promises to keep.
func TestTheirPromisesLateOnToday(t *testing.T) {
	st := openTemp(t, "2026-03-01")
	update(t, st, func(tx *Tx) error {
		id := addPerson(t, tx, "Sam Okafor", crm.RoleMentor, "2026-01-01")
		late := &crm.Exchange{ContactID: id, Direction: crm.Received, Kind: crm.ExIntroduction, Description: "intro to Dana", Date: crmtest.Date("2026-02-01")}
		soon := &crm.Exchange{ContactID: id, Direction: crm.Received, Kind: crm.ExFeedback, Description: "read my draft"}
		mine := &crm.Exchange{ContactID: id, Direction: crm.Gave, Kind: crm.ExHelp, Description: "review his talk"}
		for _, p := range []struct {
			e   *crm.Exchange
			due string
		}{{late, "2026-02-20"}, {soon, "2026-03-10"}, {mine, "2026-02-01"}} {
			if err := tx.AddPromise(p.e, crmtest.Date(p.due)); err != nil {
				t.Fatal(err)
			}
		}
		w, err := tx.Watch(0)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.TheirLate) != 1 || w.TheirLate[0].ID != late.ID || !w.TheirLate[0].Late || w.TheirLate[0].Due != crmtest.Date("2026-02-20") {
			t.Errorf("their late promises %+v, want only the intro to Dana, due 2026-02-20", w.TheirLate)
		}
		page, err := tx.OpenCommitmentPage(10, 0)
		if err != nil || len(page) != 1 || page[0].ID != mine.ID {
			t.Errorf("my promises to keep %+v, %v; want only mine", page, err)
		}
		if n, err := tx.CountOpenCommitments(); err != nil || n != 1 {
			t.Errorf("count of my promises %d, %v; want 1", n, err)
		}
		theirs, err := tx.TheirOpenPromises(0)
		if err != nil || len(theirs) != 2 || theirs[0].ID != late.ID {
			t.Errorf("their open promises %+v, %v; want both, the late one first", theirs, err)
		}
		if err := tx.CompleteCommitment(late.ID, crm.Date{}); err != nil {
			t.Fatal(err)
		}
		if w, err = tx.Watch(0); err != nil || len(w.TheirLate) != 0 {
			t.Errorf("kept, still late: %+v, %v", w.TheirLate, err)
		}
		return nil
	})
}

// Deleting a session, as undoing its log does, puts the agenda items ticked
// in it back as they were: open, and carried one time fewer.
func TestDeletingASessionReopensItsAgenda(t *testing.T) {
	st := openTemp(t, "2026-03-01")
	update(t, st, func(tx *Tx) error {
		id := addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		meet(t, tx, id, "2026-02-01", "talked about delegation")
		for _, q := range []string{"how to say no", "which books"} {
			if _, err := tx.Ask(id, q); err != nil {
				t.Fatal(err)
			}
		}
		ag, err := tx.PrepareAgenda(id)
		if err != nil {
			t.Fatal(err)
		}
		var questions []int64
		for _, it := range ag.Items {
			if it.Kind == crm.AgendaQuestion {
				questions = append(questions, it.ID)
			}
		}
		if len(questions) != 2 {
			t.Fatalf("agenda %+v, want two questions", ag.Items)
		}
		session := meet(t, tx, id, "2026-03-01", "the next session")
		if err := tx.TickAgenda(session, crm.AgendaTicks{Done: questions[:1], Carried: questions[1:]}); err != nil {
			t.Fatal(err)
		}
		if err := tx.DeleteInteraction(session); err != nil {
			t.Fatal(err)
		}
		again, err := tx.Agenda(id)
		if err != nil {
			t.Fatal(err)
		}
		open := map[int64]int{}
		for _, it := range again.Items {
			open[it.ID] = it.Carried
		}
		for _, q := range questions {
			if carried, ok := open[q]; !ok || carried != 0 {
				t.Errorf("question %d after its session was deleted: open=%v, carried %d; want open, carried 0", q, ok, carried)
			}
		}
		return nil
	})
}
