package store

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// loadInteraction reads one interaction back in its own transaction.
func loadInteraction(t *testing.T, st *Store, id int64) *crm.Interaction {
	t.Helper()
	var in *crm.Interaction
	view(t, st, func(tx *Tx) error {
		var err error
		in, err = tx.Interaction(id)
		return err
	})
	return in
}

// exchangeSet writes an interaction's exchanges as sorted text, one line
// each: who, what, promise and done day, and date.
func exchangeSet(in *crm.Interaction) string {
	var lines []string
	for _, x := range in.Exchanges {
		lines = append(lines, fmt.Sprintf("%d %s %s %s promise=%v done=%s on %s", x.ContactID, x.Direction, x.Kind, x.Description, x.Commitment, x.DoneOn, x.Date))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// rowCount counts a table's rows matching where.
func rowCount(t *testing.T, st *Store, table, where string, args ...any) int {
	t.Helper()
	var n int
	view(t, st, func(tx *Tx) error {
		return tx.queryRow("SELECT count(*) FROM "+table+" WHERE "+where, args...).Scan(&n)
	})
	return n
}

// editBook is a small book for the edit tests: three people, a goal, and
// one call with Ana and Ben carrying advice for both, feedback from Ana and
// a promise to Ben that was kept.
type editBook struct {
	st            *Store
	ana, ben, cyd int64
	goal          int64
	call          *crm.Interaction
}

func newEditBook(t *testing.T) editBook {
	t.Helper()
	st := openTemp(t, "2026-11-25")
	b := editBook{st: st}
	met := crmtest.Date("2026-01-01")
	b.ana = addContact(t, st, crm.Contact{Name: "Ana", MetOn: met}, crm.RoleCoach)
	b.ben = addContact(t, st, crm.Contact{Name: "Ben", MetOn: met}, crm.RoleMentor)
	b.cyd = addContact(t, st, crm.Contact{Name: "Cyd", MetOn: met}, crm.RoleMentee)
	g := &crm.Goal{Title: "Staff PM", Horizon: crm.ShortTerm, Status: crm.GoalActive}
	update(t, st, func(tx *Tx) error { return tx.AddGoal(g) })
	b.goal = g.ID
	b.call = &crm.Interaction{Date: crmtest.Date("2026-11-20"), Kind: crm.KindCall, Minutes: 30, Summary: "promo case",
		Notes: "private", Participants: []crm.Participant{{ContactID: b.ana}, {ContactID: b.ben}},
		Exchanges: []crm.Exchange{
			{Direction: crm.Gave, Kind: crm.ExAdvice, Description: "scope it"},
			{Direction: crm.Received, Kind: crm.ExFeedback, Description: "too long", ContactID: b.ana},
			{Direction: crm.Gave, Kind: crm.ExResource, Description: "the ladder doc", ContactID: b.ben, Commitment: true},
		}}
	update(t, st, func(tx *Tx) error { return tx.LogInteraction(b.call) })
	update(t, st, func(tx *Tx) error {
		return tx.CompleteCommitment(b.call.Exchanges[3].ID, crmtest.Date("2026-11-22"))
	})
	b.call = loadInteraction(t, st, b.call.ID)
	return b
}

// An edit replaces every field, the participants and the exchanges at
// once; an exchange it keeps keeps its id.
func TestEditInteractionReplacesEverything(t *testing.T) {
	b := newEditBook(t)
	in := loadInteraction(t, b.st, b.call.ID)
	in.Date, in.Kind, in.Minutes = crmtest.Date("2026-11-18"), crm.KindVideo, 45
	in.Summary, in.Notes, in.GoalID = "promotion case", "less private", b.goal
	in.Participants = []crm.Participant{{ContactID: b.ana}, {ContactID: b.cyd}}
	var feedbackID int64
	var kept []crm.Exchange
	for _, x := range in.Exchanges {
		if x.ContactID == b.ana { // Ben's lines go with him
			if x.Kind == crm.ExFeedback {
				x.Description, feedbackID = "far too long", x.ID
			}
			kept = append(kept, x)
		}
	}
	in.Exchanges = append(kept, crm.Exchange{Direction: crm.Gave, Kind: crm.ExIntroduction, Description: "to Dee", ContactID: b.cyd, Commitment: true})
	update(t, b.st, func(tx *Tx) error { return tx.EditInteraction(in) })

	got := loadInteraction(t, b.st, b.call.ID)
	if got.Date.String() != "2026-11-18" || got.Kind != crm.KindVideo || got.Minutes != 45 || got.Summary != "promotion case" ||
		got.Notes != "less private" || got.GoalID != b.goal {
		t.Errorf("fields after the edit: %+v", got)
	}
	if len(got.Participants) != 2 || got.Participants[0].ContactID != b.ana || got.Participants[1].ContactID != b.cyd {
		t.Errorf("participants: %+v", got.Participants)
	}
	want := fmt.Sprintf("%d gave advice scope it promise=false done= on 2026-11-18\n"+
		"%d received feedback far too long promise=false done= on 2026-11-18\n"+
		"%d gave introduction to Dee promise=true done= on 2026-11-18", b.ana, b.ana, b.cyd)
	if exchangeSet(got) != want {
		t.Errorf("exchanges:\n%s\nwant\n%s", exchangeSet(got), want)
	}
	found := false
	for _, x := range got.Exchanges {
		found = found || (x.ID == feedbackID && x.Description == "far too long")
	}
	if !found {
		t.Errorf("the edited feedback lost its id %d: %+v", feedbackID, got.Exchanges)
	}
	if n := rowCount(t, b.st, "exchanges", "contact_id = ?", b.ben); n != 0 {
		t.Errorf("Ben left the call but keeps %d exchanges from it", n)
	}
	if n := rowCount(t, b.st, "participants", "contact_id = ?", b.ben); n != 0 {
		t.Errorf("Ben left the call but is still a participant")
	}
}

// An exchange with someone who no longer takes part is refused, and the
// failed edit keeps nothing: the interaction is as it was.
func TestEditInteractionIsAllOrNothing(t *testing.T) {
	b := newEditBook(t)
	in := loadInteraction(t, b.st, b.call.ID)
	in.Summary = "changed"
	in.Participants = []crm.Participant{{ContactID: b.ana}} // Ben's exchanges stay listed
	err := b.st.Update(t.Context(), func(tx *Tx) error { return tx.EditInteraction(in) })
	if crm.ErrorCode(err) != crm.EInvalid || !strings.Contains(err.Error(), "Ben did not take part") {
		t.Fatalf("an exchange with someone not there: %v", err)
	}
	got := loadInteraction(t, b.st, b.call.ID)
	if got.Summary != "promo case" || len(got.Participants) != 2 || exchangeSet(got) != exchangeSet(b.call) {
		t.Errorf("a failed edit changed the interaction: %+v", got)
	}
	err = b.st.Update(t.Context(), func(tx *Tx) error {
		return tx.EditInteraction(&crm.Interaction{ID: 999, Date: b.call.Date, Kind: crm.KindCall, Participants: b.call.Participants})
	})
	if crm.ErrorCode(err) != crm.ENotFound || strings.Contains(err.Error(), "#") {
		t.Errorf("editing interaction 999: %v; want not found, the id written bare", err)
	}
}

// Check-ins are computed from the participants' copy of the date, so
// moving or deleting the last interaction moves the next check-in.
func TestEditAndDeleteMoveTheNextCheckIn(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	ana := addContact(t, st, crm.Contact{Name: "Ana", MetOn: crmtest.Date("2025-01-01")}, crm.RoleCoach)
	logWith(t, st, "2026-11-10", ana)
	last := logWith(t, st, "2026-11-20", ana)
	if s := dueOf(t, st, ana); s.LastContact.String() != "2026-11-20" || s.NextDue.String() != "2026-12-04" {
		t.Fatalf("before: last %s due %s", s.LastContact, s.NextDue)
	}
	in := loadInteraction(t, st, last)
	in.Date = crmtest.Date("2026-11-22")
	update(t, st, func(tx *Tx) error { return tx.EditInteraction(in) })
	if s := dueOf(t, st, ana); s.LastContact.String() != "2026-11-22" || s.NextDue.String() != "2026-12-06" {
		t.Errorf("after moving it to 11-22: last %s due %s, want 2026-11-22 and 2026-12-06", s.LastContact, s.NextDue)
	}
	in.Date = crmtest.Date("2026-11-01") // now older than the other talk
	update(t, st, func(tx *Tx) error { return tx.EditInteraction(in) })
	if s := dueOf(t, st, ana); s.LastContact.String() != "2026-11-10" || s.NextDue.String() != "2026-11-24" {
		t.Errorf("after moving it to 11-01: last %s due %s, want 2026-11-10 and 2026-11-24", s.LastContact, s.NextDue)
	}
	second := logWith(t, st, "2026-11-10", ana)
	update(t, st, func(tx *Tx) error { return tx.DeleteInteraction(second) })
	if s := dueOf(t, st, ana); s.LastContact.String() != "2026-11-10" {
		t.Errorf("deleting a second talk on the same day: last %s", s.LastContact)
	}
	var tenth int64
	view(t, st, func(tx *Tx) error {
		list, err := tx.Timeline(ana, 1, 0)
		if err == nil {
			tenth = list[0].ID
		}
		return err
	})
	update(t, st, func(tx *Tx) error { return tx.DeleteInteraction(tenth) })
	if s := dueOf(t, st, ana); s.LastContact.String() != "2026-11-01" || s.NextDue.String() != "2026-11-15" {
		t.Errorf("after deleting the last talk: last %s due %s, want 2026-11-01 and 2026-11-15", s.LastContact, s.NextDue)
	}
}

// Delete takes the interaction's participants and exchanges with it, kept
// promises too, and leaves exchanges logged without it alone.
func TestDeleteInteractionRemovesWhatBelongsToIt(t *testing.T) {
	b := newEditBook(t)
	loose := &crm.Exchange{ContactID: b.ana, Direction: crm.Gave, Kind: crm.ExHelp, Description: "a ride"}
	update(t, b.st, func(tx *Tx) error { return tx.AddExchange(loose) })
	update(t, b.st, func(tx *Tx) error { return tx.DeleteInteraction(b.call.ID) })
	for table, where := range map[string]string{"interactions": "id = ?", "participants": "interaction_id = ?", "exchanges": "interaction_id = ?"} {
		if n := rowCount(t, b.st, table, where, b.call.ID); n != 0 {
			t.Errorf("%d rows of %s still belong to the deleted interaction", n, table)
		}
	}
	if n := rowCount(t, b.st, "exchanges", "id = ?", loose.ID); n != 1 {
		t.Error("deleting an interaction took an exchange logged without it")
	}
	if s := dueOf(t, b.st, b.ana); !s.LastContact.IsZero() {
		t.Errorf("Ana's last contact is still %s", s.LastContact)
	}
	err := b.st.Update(t.Context(), func(tx *Tx) error { return tx.DeleteInteraction(b.call.ID) })
	if crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("deleting it twice: %v, want not found", err)
	}
}

// Restoring a deleted interaction puts it back as it was: same id, same
// participants, same exchanges under the same ids, kept promises kept.
func TestRestoreInteractionPutsItBackExactly(t *testing.T) {
	b := newEditBook(t)
	update(t, b.st, func(tx *Tx) error { return tx.DeleteInteraction(b.call.ID) })
	saved := *b.call
	update(t, b.st, func(tx *Tx) error { return tx.RestoreInteraction(&saved) })
	got := loadInteraction(t, b.st, b.call.ID)
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", b.call) {
		t.Errorf("restored:\n%+v\nwant\n%+v", got, b.call)
	}
	// When a new interaction took the id meanwhile, the restored one gets another.
	update(t, b.st, func(tx *Tx) error { return tx.DeleteInteraction(b.call.ID) })
	other := logWith(t, b.st, "2026-11-24", b.cyd)
	if other != b.call.ID {
		t.Skipf("SQLite gave the new interaction id %d, not the freed %d", other, b.call.ID)
	}
	again := *b.call
	update(t, b.st, func(tx *Tx) error { return tx.RestoreInteraction(&again) })
	if again.ID == other || loadInteraction(t, b.st, other).Summary != "talk on 2026-11-24" {
		t.Errorf("restoring over a taken id: restored as %d, the new one %d", again.ID, other)
	}
	if got := loadInteraction(t, b.st, again.ID); exchangeSet(got) != exchangeSet(b.call) {
		t.Errorf("restored under a new id, exchanges:\n%s", exchangeSet(got))
	}
}

func TestListInteractionsFiltersAndPages(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	ana := addContact(t, st, crm.Contact{Name: "Ana"})
	ben := addContact(t, st, crm.Contact{Name: "Ben"})
	c := &crm.Circle{Name: "PMs"}
	update(t, st, func(tx *Tx) error { return tx.AddCircle(c) })
	logWith(t, st, "2026-10-01", ana)
	logWith(t, st, "2026-10-15", ana, ben)
	logWith(t, st, "2026-11-01", ben)
	meet := &crm.Interaction{Date: crmtest.Date("2026-11-10"), Kind: crm.KindMeeting, Summary: "circle", CircleID: c.ID,
		Participants: []crm.Participant{{ContactID: ben}}}
	update(t, st, func(tx *Tx) error { return tx.LogInteraction(meet) })
	days := func(f crm.InteractionFilter) string {
		var out []string
		view(t, st, func(tx *Tx) error {
			list, more, err := tx.ListInteractions(f)
			for _, in := range list {
				out = append(out, in.Date.String()[5:])
			}
			if more {
				out = append(out, "more")
			}
			return err
		})
		return strings.Join(out, " ")
	}
	from, to := crmtest.Date("2026-10-10"), crmtest.Date("2026-11-05")
	for _, c := range []struct {
		f    crm.InteractionFilter
		want string
	}{
		{crm.InteractionFilter{}, "11-10 11-01 10-15 10-01"},
		{crm.InteractionFilter{ContactID: ana}, "10-15 10-01"},
		{crm.InteractionFilter{ContactID: ben, From: from, To: to}, "11-01 10-15"},
		{crm.InteractionFilter{CircleID: c.ID}, "11-10"},
		{crm.InteractionFilter{From: from}, "11-10 11-01 10-15"},
		{crm.InteractionFilter{To: to}, "11-01 10-15 10-01"},
		{crm.InteractionFilter{Limit: 2}, "11-10 11-01 more"},
		{crm.InteractionFilter{Limit: 2, Offset: 2}, "10-15 10-01"},
	} {
		if got := days(c.f); got != c.want {
			t.Errorf("%+v: %s, want %s", c.f, got, c.want)
		}
	}
}

// Each filter of the interaction list seeks an index: none reads the
// whole interactions table, which in a big book holds a million rows.
func TestListInteractionsUsesIndexes(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	d := crmtest.Date("2026-11-01")
	for _, f := range []crm.InteractionFilter{
		{}, {ContactID: 1}, {CircleID: 1}, {From: d}, {To: d}, {ContactID: 1, From: d, To: d}, {CircleID: 1, From: d},
	} {
		where, args := interactionWhere(f)
		plan := queryPlan(t, st, "SELECT i.id FROM interactions i WHERE "+where+" ORDER BY i.occurred_on DESC, i.id DESC LIMIT 100", args...)
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN i") && !strings.Contains(step, "INDEX") || strings.HasPrefix(step, "SCAN p") {
				t.Errorf("%+v reads a whole table: %q", f, plan)
			}
		}
	}
}

// The review counts from the same rows: an interaction moved out of the
// quarter, or deleted, leaves its figures, and its exchanges go with it.
func TestReviewFollowsEditsAndDeletes(t *testing.T) {
	b := newEditBook(t)
	start, asOf := crmtest.Date("2026-10-01"), crmtest.Date("2026-11-25")
	quarter := func() (interactions, minutes, exchanges int) {
		view(t, b.st, func(tx *Tx) error {
			_, facts, err := tx.ReviewQuarter(start, asOf)
			if err != nil {
				return err
			}
			for _, f := range facts {
				if f.ID == b.ana {
					interactions, minutes = f.Interactions, f.Minutes
				}
			}
			xs, err := tx.ReviewExchanges(start, asOf)
			exchanges = len(xs)
			return err
		})
		return
	}
	if n, m, x := quarter(); n != 1 || m != 30 || x != 4 {
		t.Fatalf("before: Ana %d interactions, %d minutes; %d exchanges", n, m, x)
	}
	in := loadInteraction(t, b.st, b.call.ID)
	in.Minutes = 50
	update(t, b.st, func(tx *Tx) error { return tx.EditInteraction(in) })
	if n, m, x := quarter(); n != 1 || m != 50 || x != 4 {
		t.Errorf("after 50 minutes: Ana %d interactions, %d minutes; %d exchanges", n, m, x)
	}
	in.Date = crmtest.Date("2026-09-30") // the quarter before
	update(t, b.st, func(tx *Tx) error { return tx.EditInteraction(in) })
	if n, m, x := quarter(); n != 0 || m != 0 || x != 0 {
		t.Errorf("moved to Q3: Ana %d interactions, %d minutes; %d exchanges still in Q4", n, m, x)
	}
	in.Date = crmtest.Date("2026-11-20")
	update(t, b.st, func(tx *Tx) error { return tx.EditInteraction(in) })
	update(t, b.st, func(tx *Tx) error { return tx.DeleteInteraction(in.ID) })
	if n, m, x := quarter(); n != 0 || m != 0 || x != 0 {
		t.Errorf("deleted: Ana %d interactions, %d minutes; %d exchanges", n, m, x)
	}
}

// Undoing Done opens the promise again, as it was before.
func TestReopenCommitmentUndoesDone(t *testing.T) {
	b := newEditBook(t)
	kept := b.call.Exchanges[3] // Ben's promise, kept on 2026-11-22
	if kept.DoneOn.IsZero() {
		t.Fatalf("the book's promise is not kept: %+v", kept)
	}
	update(t, b.st, func(tx *Tx) error { return tx.ReopenCommitment(kept.ID) })
	var open []crm.Exchange
	view(t, b.st, func(tx *Tx) error {
		var err error
		open, err = tx.OpenCommitments(b.ben)
		return err
	})
	if len(open) != 1 || open[0].ID != kept.ID {
		t.Errorf("after reopening: open %+v", open)
	}
	advice := b.call.Exchanges[0] // not a promise
	err := b.st.Update(t.Context(), func(tx *Tx) error { return tx.ReopenCommitment(advice.ID) })
	if crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("reopening advice: %v, want not found", err)
	}
}
