package review_test

import (
	"context"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/review/reviewtest"
	"github.com/kithcrm/kith/crm/store"
)

// view reads one value in a read-only transaction, failing the test on error.
func view[T any](t *testing.T, st *store.Store, read func(*store.Tx) (T, error)) T {
	t.Helper()
	var v T
	if err := st.View(context.Background(), func(tx *store.Tx) (err error) {
		v, err = read(tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return v
}

func contactID(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	return view(t, st, func(tx *store.Tx) (int64, error) { return tx.FindContact(name) })
}

func contact(t *testing.T, st *store.Store, id int64) *crm.Contact {
	t.Helper()
	return view(t, st, func(tx *store.Tx) (*crm.Contact, error) { return tx.Contact(id) })
}

func save(t *testing.T, st *store.Store, r *review.Reflection, confirm ...int64) review.Outcome {
	t.Helper()
	var out review.Outcome
	if err := st.Update(context.Background(), func(tx *store.Tx) (err error) {
		out, err = review.Save(tx, r, confirm)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSaveReflection(t *testing.T) {
	st, _ := reviewtest.Open(t)
	cal, sid, mo := contactID(t, st, "Cal Coachee"), contactID(t, st, "Sid Silent"), contactID(t, st, "Mo Mentor")
	r := compute(t, st, "2026Q3")
	refl := r.Reflection
	if refl.SavedAt != "" || len(refl.Answers) != 0 || len(refl.Decisions) != 0 {
		t.Fatalf("a fresh quarter has a reflection: %+v", refl)
	}
	refl.SetAnswer(r.Prompts[0], "Promotion moved; speaking did not.")
	refl.SetAnswer(r.Prompts[3], "Coaching was worth every hour.")
	refl.Decide(review.Decision{ContactID: cal, Name: "Cal Coachee", Decision: review.Pause, Note: "busy season"})
	refl.Decide(review.Decision{ContactID: sid, Name: "Sid Silent", Decision: review.End, Note: "drifted apart"})
	refl.Decide(review.Decision{ContactID: mo, Name: "Mo Mentor", Decision: review.Deepen})
	if p := refl.PendingEnds(); len(p) != 1 || p[0].ContactID != sid {
		t.Fatalf("pending ends %+v, want Sid", p)
	}

	out := save(t, st, &refl)
	if len(out.Paused) != 1 || len(out.Archived) != 0 || len(out.Pending) != 1 {
		t.Errorf("unconfirmed save did %+v, want one pause and one end pending", out)
	}
	if c := contact(t, st, cal); c.SnoozedUntil.String() != "2027-04-05" {
		t.Errorf("paused Cal snoozed until %s, want 2027-04-05 (six months)", c.SnoozedUntil)
	}
	if contact(t, st, sid).Archived {
		t.Error("Sid was archived without confirmation")
	}

	// Reopen: the reflection is as saved; Cal's pause is not applied twice.
	again := compute(t, st, "2026Q3")
	got := again.Reflection
	if got.SavedAt == "" || got.Answer("goals") != "Promotion moved; speaking did not." || got.Answer("investment") != "Coaching was worth every hour." ||
		len(got.Answers) != 2 || got.Answers[0].Prompt != review.Questions[0].Question {
		t.Errorf("reopened answers %+v", got.Answers)
	}
	if len(got.Decisions) != 3 || got.Decisions[0].Name != "Cal Coachee" || got.Decisions[0].Note != "busy season" ||
		got.Decisions[0].AppliedOn.String() != "2026-10-05" || got.Decisions[2].Decision != review.End || !got.Decisions[2].AppliedOn.IsZero() {
		t.Errorf("reopened decisions %+v", got.Decisions)
	}
	for _, c := range again.Contacts {
		if c.Name == "Cal Coachee" && c.Has(review.FlagNeglected) {
			t.Error("paused Cal is still flagged neglected")
		}
	}
	st.SetToday(reviewtest.Today.AddDays(10))
	if out := save(t, st, &got, sid); len(out.Paused) != 0 || len(out.Archived) != 1 || len(out.Pending) != 0 {
		t.Errorf("confirmed save did %+v, want only Sid archived", out)
	}
	if c := contact(t, st, cal); c.SnoozedUntil.String() != "2027-04-05" {
		t.Errorf("Cal's pause was applied again: snoozed until %s", c.SnoozedUntil)
	}
	if !contact(t, st, sid).Archived {
		t.Error("confirmed end did not archive Sid")
	}

	// A decision without a kind and an empty answer remove what was stored.
	got.SetAnswer(review.Questions[0], "")
	got.Decide(review.Decision{ContactID: mo, Name: "Mo Mentor"})
	save(t, st, &got)
	final := compute(t, st, "2026Q3").Reflection
	if len(final.Answers) != 1 || len(final.Decisions) != 2 {
		t.Errorf("after removals: %d answers, %d decisions, want 1 and 2", len(final.Answers), len(final.Decisions))
	}
}

// TestSaveConfirmsOnlyTheNamedEnds: confirming one person's end leaves
// another pending end pending.
func TestSaveConfirmsOnlyTheNamedEnds(t *testing.T) {
	st, _ := reviewtest.Open(t)
	sid, pia := contactID(t, st, "Sid Silent"), contactID(t, st, "Pia Peer")
	refl := compute(t, st, "2026Q3").Reflection
	refl.Decide(review.Decision{ContactID: sid, Name: "Sid Silent", Decision: review.End})
	refl.Decide(review.Decision{ContactID: pia, Name: "Pia Peer", Decision: review.End})
	out := save(t, st, &refl, pia)
	if len(out.Archived) != 1 || out.Archived[0].ContactID != pia || len(out.Pending) != 1 || out.Pending[0].ContactID != sid {
		t.Errorf("confirming Pia did %+v, want Pia archived and Sid pending", out)
	}
	if contact(t, st, sid).Archived || !contact(t, st, pia).Archived {
		t.Errorf("Sid archived %v, Pia archived %v; want only Pia", contact(t, st, sid).Archived, contact(t, st, pia).Archived)
	}
	if p := refl.PendingEnds(); len(p) != 1 || p[0].ContactID != sid {
		t.Errorf("pending ends after the save %+v, want Sid", p)
	}
}

func TestSaveReflectionRejects(t *testing.T) {
	st, _ := reviewtest.Open(t)
	cal := contactID(t, st, "Cal Coachee")
	bad := []review.Reflection{
		{Quarter: review.Quarter{Year: 2026, N: 3}, Decisions: []review.Decision{{ContactID: cal, Decision: "drop"}}},
		{Quarter: review.Quarter{Year: 2026, N: 3}, Answers: []review.Answer{{Key: "mood", Text: "fine"}}},
		{Quarter: review.Quarter{Year: 2026, N: 3}, Decisions: []review.Decision{{ContactID: 9999, Decision: review.Keep}}},
		{Quarter: review.Quarter{Year: 2027, N: 2}, Answers: []review.Answer{{Key: "goals", Text: "too early"}}},
		{Answers: []review.Answer{{Key: "goals", Text: "no quarter"}}},
	}
	for i, r := range bad {
		err := st.Update(context.Background(), func(tx *store.Tx) error {
			_, err := review.Save(tx, &r, []int64{cal})
			return err
		})
		if crm.ErrorCode(err) == "" {
			t.Errorf("case %d: saved or failed without a user error: %v", i, err)
		}
	}
	var saved []review.Quarter
	if err := st.View(context.Background(), func(tx *store.Tx) (err error) {
		saved, err = tx.SavedReviews()
		return err
	}); err != nil || len(saved) != 0 {
		t.Errorf("rejected saves left reviews %v (%v)", saved, err)
	}
}
