package store

import (
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// addPerson adds a contact holding role since the given day.
func addPerson(t *testing.T, tx *Tx, name string, role crm.RoleKind, since string) int64 {
	t.Helper()
	c := &crm.Contact{Name: name, Roles: []crm.Role{{Kind: role, Since: crmtest.Date(since)}}}
	if err := tx.AddContact(c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// meet logs an interaction with a person on a day and returns its id.
func meet(t *testing.T, tx *Tx, id int64, day, summary string, ex ...crm.Exchange) int64 {
	t.Helper()
	in := &crm.Interaction{Date: crmtest.Date(day), Kind: crm.KindVideo, Minutes: 60, Summary: summary,
		Participants: []crm.Participant{{ContactID: id}}, Exchanges: ex}
	if err := tx.LogInteraction(in); err != nil {
		t.Fatal(err)
	}
	return in.ID
}

func progressOf(t *testing.T, tx *Tx, id int64) *crm.AgreementProgress {
	t.Helper()
	p, err := tx.AgreementProgress(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Sessions count for the agreement whose term holds them: a renewal starts
// its own count, an interaction marked not a session and a circle meeting
// do not count, and one logged ahead counts once its day comes.
func TestSessionsCountAcrossAgreementsAndRenewals(t *testing.T) {
	st := openTemp(t, "2026-06-30")
	update(t, st, func(tx *Tx) error {
		priya := addPerson(t, tx, "Priya Raman", crm.RoleCoach, "2026-01-01")
		meet(t, tx, priya, "2026-01-20", "before any agreement")
		first := &crm.Agreement{ContactID: priya, Start: crmtest.Date("2026-02-01"), Sessions: 3, Fee: 100, PerSession: true}
		if err := tx.SetAgreement(first); err != nil {
			t.Fatal(err)
		}
		if first.Role != crm.RoleCoach {
			t.Errorf("role %q, want coach from her roles", first.Role)
		}
		fee := crm.Exchange{ContactID: priya, Direction: crm.Gave, Kind: crm.ExMoney, Description: "fee", Amount: 100}
		meet(t, tx, priya, "2026-02-10", "one", fee)
		meet(t, tx, priya, "2026-03-10", "two", fee)
		chat := meet(t, tx, priya, "2026-03-12", "a quick chat")
		if err := tx.MarkSession(chat, false); err != nil {
			t.Fatal(err)
		}
		if ok, err := tx.CountsAsSession(chat); err != nil || ok {
			t.Errorf("the chat counts as a session: %v %v", ok, err)
		}
		meet(t, tx, priya, "2026-04-10", "three", fee)
		p := progressOf(t, tx, first.ID)
		if p.SessionsHeld != 3 || p.FeePaid != 300 || p.HoursHeld != 3 || !p.Has(crm.FlagPastSessions) {
			t.Errorf("first: %d sessions, fee %v, %v hours, flags %v; want 3, 300, 3 and past_sessions", p.SessionsHeld, p.FeePaid, p.HoursHeld, p.Flags)
		}
		renewal := &crm.Agreement{ContactID: priya, Start: crmtest.Date("2026-05-01"), Sessions: 5}
		if err := tx.RenewAgreement(renewal); err != nil {
			t.Fatal(err)
		}
		meet(t, tx, priya, "2026-05-15", "four")
		circle := &crm.Circle{Name: "Leads"}
		if err := tx.AddCircle(circle); err != nil {
			t.Fatal(err)
		}
		group := &crm.Interaction{Date: crmtest.Date("2026-05-20"), Kind: crm.KindMeeting, CircleID: circle.ID,
			Participants: []crm.Participant{{ContactID: priya}}}
		if err := tx.LogInteraction(group); err != nil {
			t.Fatal(err)
		}
		meet(t, tx, priya, "2026-07-10", "planned")
		old, now := progressOf(t, tx, first.ID), progressOf(t, tx, renewal.ID)
		if old.Status != crm.AgreementCompleted || old.ClosedOn != crmtest.Date("2026-04-30") || old.SessionsHeld != 3 {
			t.Errorf("renewed agreement: %s on %s with %d sessions, want completed 2026-04-30 with 3", old.Status, old.ClosedOn, old.SessionsHeld)
		}
		if now.SessionsHeld != 1 || now.NextPlanned != crmtest.Date("2026-07-10") {
			t.Errorf("renewal: %d sessions, next %s; want 1 (not the circle, not the one ahead), next 2026-07-10", now.SessionsHeld, now.NextPlanned)
		}
		if err := tx.SetAgreement(&crm.Agreement{ContactID: priya}); crm.ErrorCode(err) != crm.EConflict {
			t.Errorf("a second active agreement: %v, want a conflict", err)
		}
		return nil
	})
}

// An agreement with nothing logged for twice its cadence and nothing
// planned is stalled; a session planned ahead takes the flag away.
func TestStalledAgreements(t *testing.T) {
	st := openTemp(t, "2026-03-01")
	update(t, st, func(tx *Tx) error {
		sam := addPerson(t, tx, "Sam Okafor", crm.RoleMentor, "2026-01-01")
		a := &crm.Agreement{ContactID: sam, Start: crmtest.Date("2026-01-01"), CadenceDays: 14}
		if err := tx.SetAgreement(a); err != nil {
			t.Fatal(err)
		}
		meet(t, tx, sam, "2026-02-01", "kick-off")
		if p := progressOf(t, tx, a.ID); !p.Has(crm.FlagStalled) {
			t.Errorf("28 days after the last session, cadence 14: flags %v, want stalled", p.Flags)
		}
		list, err := tx.Stalled()
		if err != nil || len(list) != 1 {
			t.Errorf("Stalled: %v, %v", list, err)
		}
		return nil
	})
	st.SetToday(crmtest.Date("2026-02-20"))
	view(t, st, func(tx *Tx) error {
		if p := progressOf(t, tx, 1); p.Has(crm.FlagStalled) {
			t.Errorf("19 days after: flags %v, want not stalled", p.Flags)
		}
		return nil
	})
	st.SetToday(crmtest.Date("2026-03-01"))
	update(t, st, func(tx *Tx) error {
		meet(t, tx, 1, "2026-01-15", "early")
		in := &crm.Interaction{Date: crmtest.Date("2026-03-05"), Kind: crm.KindCall, Participants: []crm.Participant{{ContactID: 1}}}
		if err := tx.LogInteraction(in); err != nil {
			t.Fatal(err)
		}
		if p := progressOf(t, tx, 1); p.Has(crm.FlagStalled) {
			t.Errorf("with a session planned: flags %v, want not stalled", p.Flags)
		}
		return nil
	})
}

// Health checks fall due 30 days after the start, then 60 days after the
// last check (or as set); a score that falls two checks in a row is flagged.
func TestHealthScheduleAndFallingTrend(t *testing.T) {
	st := openTemp(t, "2026-01-30")
	update(t, st, func(tx *Tx) error {
		id := addPerson(t, tx, "Lee Chen", crm.RoleMentee, "2026-01-01")
		a := &crm.Agreement{ContactID: id, Start: crmtest.Date("2026-01-01")}
		if err := tx.SetAgreement(a); err != nil {
			t.Fatal(err)
		}
		if p := progressOf(t, tx, a.ID); p.HealthDue != crmtest.Date("2026-01-31") || p.Has(crm.FlagHealthDue) {
			t.Errorf("health due %s, flags %v; want 2026-01-31, not yet", p.HealthDue, p.Flags)
		}
		return nil
	})
	st.SetToday(crmtest.Date("2026-06-01"))
	update(t, st, func(tx *Tx) error {
		id, a := int64(1), &crm.Agreement{ID: 1}
		for i, score := range []int{5, 4, 3} {
			h := &crm.HealthCheck{ContactID: id, On: crmtest.Date("2026-01-01").AddDays(30 + 60*i),
				Learning: score, Rhythm: score, FollowThrough: score, Fit: score}
			if err := tx.AddHealthCheck(h); err != nil {
				t.Fatal(err)
			}
			p := progressOf(t, tx, a.ID)
			if falling := p.Has(crm.FlagFalling); falling != (i == 2) {
				t.Errorf("after check %d: trend %q, flags %v", i+1, p.Trend, p.Flags)
			}
		}
		if p := progressOf(t, tx, a.ID); p.HealthDue != crmtest.Date("2026-07-30") || len(p.Health) != 3 {
			t.Errorf("health due %s with %d checks, want 2026-07-30, 3", p.HealthDue, len(p.Health))
		}
		if err := tx.SetHealthSchedule(crm.HealthSchedule{First: 10, Every: 20}); err != nil {
			t.Fatal(err)
		}
		if p := progressOf(t, tx, a.ID); p.HealthDue != crmtest.Date("2026-06-20") {
			t.Errorf("with every 20 days: due %s, want 2026-06-20", p.HealthDue)
		}
		bad := &crm.HealthCheck{ContactID: id, Learning: 6, Rhythm: 1, FollowThrough: 1, Fit: 1}
		if err := tx.AddHealthCheck(bad); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("learning 6: %v, want refused", err)
		}
		return nil
	})
}

// The fit check is asked after the second session of a first agreement.
func TestFitCheckAfterTheSecondSession(t *testing.T) {
	st := openTemp(t, "2026-03-01")
	update(t, st, func(tx *Tx) error {
		id := addPerson(t, tx, "Ana Lopez", crm.RoleCoachee, "2026-01-01")
		a := &crm.Agreement{ContactID: id, Start: crmtest.Date("2026-01-01")}
		if err := tx.SetAgreement(a); err != nil {
			t.Fatal(err)
		}
		meet(t, tx, id, "2026-01-10", "one")
		if progressOf(t, tx, a.ID).FitCheckDue {
			t.Error("fit check due after one session")
		}
		meet(t, tx, id, "2026-01-24", "two")
		if !progressOf(t, tx, a.ID).Has(crm.FlagFitCheckDue) {
			t.Error("no fit check after two sessions")
		}
		if err := tx.SetFit(a.ID, crm.FitDeciding); err != nil {
			t.Fatal(err)
		}
		if p := progressOf(t, tx, a.ID); p.FitCheckDue || p.Fit != crm.FitDeciding {
			t.Errorf("after the verdict: due %v, fit %q", p.FitCheckDue, p.Fit)
		}
		return nil
	})
}
