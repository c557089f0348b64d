package store

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

// stored reads one contact's stored last contact and next check-in.
func stored(t *testing.T, st *Store, id int64) (last, next string) {
	t.Helper()
	view(t, st, func(tx *Tx) error {
		var l, n crm.Date
		err := tx.queryRow("SELECT last_contact, next_due FROM contacts WHERE id = ?", id).Scan(&l, &n)
		last, next = l.String(), n.String()
		return err
	})
	return last, next
}

// summaryDates reads one contact's dates as the people list shows them.
func summaryDates(t *testing.T, st *Store, id int64) (last, next string) {
	t.Helper()
	view(t, st, func(tx *Tx) error {
		s, err := tx.ContactSummary(id)
		last, next = s.LastContact.String(), s.NextDue.String()
		return err
	})
	return last, next
}

// sameAsComputed fails unless the due list read from the stored dates is
// the one worked out from scratch, on the store's day.
func sameAsComputed(t *testing.T, st *Store, until string) {
	t.Helper()
	view(t, st, func(tx *Tx) error {
		got, err := tx.Due(crmtest.Date(until))
		if err != nil {
			return err
		}
		want, err := DueComputed(tx, crmtest.Date(until))
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("due by %s on %s:\n stored   %+v\n computed %+v", until, tx.today, got, want)
		}
		return nil
	})
}

func wantDates(t *testing.T, st *Store, id int64, last, next string) {
	t.Helper()
	if l, n := stored(t, st, id); l != last || n != next {
		t.Errorf("#%d stored last %q next %q, want %q %q", id, l, n, last, next)
	}
	if l, n := summaryDates(t, st, id); l != last || n != next {
		t.Errorf("#%d listed last %q next %q, want %q %q", id, l, n, last, next)
	}
}

func TestStoredDatesFollowEveryKindOfWrite(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	coach := addContact(t, st, crm.Contact{Name: "Carla Coach", AddedOn: crmtest.Date("2026-01-01")}, crm.RoleCoach)
	talk := logWith(t, st, "2026-05-01", coach)
	wantDates(t, st, coach, "2026-05-01", "2026-05-15")

	// A snooze past the due date moves it; one before it does not.
	update(t, st, func(tx *Tx) error { return tx.Snooze(coach, crmtest.Date("2026-06-30")) })
	wantDates(t, st, coach, "2026-05-01", "2026-06-30")
	update(t, st, func(tx *Tx) error { return tx.Snooze(coach, crmtest.Date("2026-05-02")) })
	wantDates(t, st, coach, "2026-05-01", "2026-05-15")

	// The coach became a mentor: the mentor's six weeks count.
	update(t, st, func(tx *Tx) error {
		if err := tx.EndRole(coach, crm.RoleCoach, crmtest.Date("2026-05-20")); err != nil {
			return err
		}
		return tx.AddRole(coach, crm.RoleMentor, crmtest.Date("2026-05-20"))
	})
	wantDates(t, st, coach, "2026-05-01", "2026-06-12")

	// A mentor's default cadence changed.
	update(t, st, func(tx *Tx) error { return tx.SetRoleCadence(crm.RoleMentor, 30) })
	wantDates(t, st, coach, "2026-05-01", "2026-05-31")

	// Editing the interaction's date, then deleting it.
	update(t, st, func(tx *Tx) error {
		in, err := tx.Interaction(talk)
		if err != nil {
			return err
		}
		in.Date = crmtest.Date("2026-05-10")
		return tx.EditInteraction(in)
	})
	wantDates(t, st, coach, "2026-05-10", "2026-06-09")
	// Deleted, the mentor is due a cadence after the day added, but not
	// before the snooze of 2 May ends.
	update(t, st, func(tx *Tx) error { return tx.DeleteInteraction(talk) })
	wantDates(t, st, coach, "", "2026-05-02")

	// Archived people have no check-in, and get it back.
	update(t, st, func(tx *Tx) error { return tx.SetArchived(coach, true) })
	wantDates(t, st, coach, "", "")
	update(t, st, func(tx *Tx) error { return tx.SetArchived(coach, false) })
	wantDates(t, st, coach, "", "2026-05-02")
	sameAsComputed(t, st, "2026-12-31")
}

func TestACircleMeetingCountsOnlyForWhoCame(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	var circle crm.Circle
	circle.Name = "Founders"
	update(t, st, func(tx *Tx) error { return tx.AddCircle(&circle) })
	came := addContact(t, st, crm.Contact{Name: "Came", AddedOn: crmtest.Date("2026-01-01")})
	absent := addContact(t, st, crm.Contact{Name: "Absent", AddedOn: crmtest.Date("2026-01-01")})
	update(t, st, func(tx *Tx) error {
		for _, id := range []int64{came, absent} {
			if err := tx.Join(circle.ID, id, crmtest.Date("2026-01-01")); err != nil {
				return err
			}
		}
		return tx.LogInteraction(&crm.Interaction{Date: crmtest.Date("2026-05-01"), Kind: crm.KindMeeting,
			CircleID: circle.ID, Participants: []crm.Participant{{ContactID: came}}})
	})
	wantDates(t, st, came, "2026-05-01", "2026-07-30")
	wantDates(t, st, absent, "", "2026-04-01")
	sameAsComputed(t, st, "2026-12-31")
}

// An interaction dated after today counts from its day on: reads on a
// later day see it at once, even in a read-only store, and the first
// write of that day stores it.
func TestAnInteractionAfterTodayCountsFromItsDay(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	ana := addContact(t, st, crm.Contact{Name: "Ana", AddedOn: crmtest.Date("2026-01-01")}, crm.RoleCoach)
	logWith(t, st, "2026-05-01", ana)
	logWith(t, st, "2026-06-10", ana)
	wantDates(t, st, ana, "2026-05-01", "2026-05-15")

	st.SetToday(crmtest.Date("2026-06-15"))
	if l, n := summaryDates(t, st, ana); l != "2026-06-10" || n != "2026-06-24" {
		t.Errorf("read on a later day: last %s next %s", l, n)
	}
	sameAsComputed(t, st, "2026-12-31")
	update(t, st, func(tx *Tx) error { return nil })
	wantDates(t, st, ana, "2026-06-10", "2026-06-24")
	view(t, st, func(tx *Tx) error {
		day, err := tx.CheckInsDay()
		if day.String() != "2026-06-15" {
			t.Errorf("stored for %s", day)
		}
		return err
	})

	// Looking back at an earlier day undoes it again.
	st.SetToday(crmtest.Date("2026-06-05"))
	sameAsComputed(t, st, "2026-12-31")
	update(t, st, func(tx *Tx) error { return nil })
	wantDates(t, st, ana, "2026-05-01", "2026-05-15")
}

func TestMergeAndItsUndoKeepTheDatesTrue(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	a := addContact(t, st, crm.Contact{Name: "Ana Lopez", AddedOn: crmtest.Date("2026-01-01")}, crm.RoleCoach)
	b := addContact(t, st, crm.Contact{Name: "Ana López", AddedOn: crmtest.Date("2026-01-01")}, crm.RoleMentor)
	logWith(t, st, "2026-05-20", b)
	var undo *MergeUndo
	update(t, st, func(tx *Tx) (err error) { _, undo, err = tx.MergeContacts(a, b); return err })
	wantDates(t, st, a, "2026-05-20", "2026-06-03")
	update(t, st, func(tx *Tx) error { _, err := tx.UndoMerge(undo); return err })
	wantDates(t, st, a, "", "2026-01-15")
	wantDates(t, st, b, "2026-05-20", "2026-07-01")
}

// A due list on a fresh day is a range read of the contacts_next_due index
// in its order, and nothing else: the roles and the last summary it shows
// are stored beside the dates, so no row looks anything up elsewhere.
func TestDueReadsTheIndex(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	addContact(t, st, crm.Contact{Name: "Ana"}, crm.RoleCoach)
	update(t, st, func(tx *Tx) error { return nil })
	var q string
	var args []any
	view(t, st, func(tx *Tx) (err error) {
		q, args, err = tx.dueQuery(crmtest.Date("2026-06-30"), -1)
		return err
	})
	plan := strings.Join(queryPlan(t, st, q, args...), "\n")
	if !strings.Contains(plan, "SEARCH c USING INDEX contacts_next_due (archived=? AND next_due<?)") ||
		strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "SUBQUERY") {
		t.Errorf("due does not read the index alone, in order:\n%s", plan)
	}
}

// The roles and the last summary stored for the due list follow the writes
// that change them: a summary edited, a later talk logged, a role added or
// ended, the talk deleted.
func TestTheDueListsRolesAndSummaryFollowWrites(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	ana := addContact(t, st, crm.Contact{Name: "Ana", AddedOn: crmtest.Date("2026-01-01")}, crm.RoleMentor)
	talk := logWith(t, st, "2026-03-01", ana)
	due := func(roles []crm.RoleKind, summary string) {
		t.Helper()
		view(t, st, func(tx *Tx) error {
			got, err := tx.Due(crmtest.Date("2026-12-31"))
			if err != nil {
				return err
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0].Roles, roles) || got[0].LastSummary != summary {
				t.Errorf("due %+v, want roles %v summary %q", got, roles, summary)
			}
			return nil
		})
		sameAsComputed(t, st, "2026-12-31")
	}
	edit := func(id int64, summary string) {
		update(t, st, func(tx *Tx) error {
			in, err := tx.Interaction(id)
			if err != nil {
				return err
			}
			in.Summary = summary
			return tx.EditInteraction(in)
		})
	}
	due([]crm.RoleKind{crm.RoleMentor}, "talk on 2026-03-01")
	edit(talk, "career plan")
	due([]crm.RoleKind{crm.RoleMentor}, "career plan")
	later := logWith(t, st, "2026-04-01", ana)
	edit(later, "salary talk")
	due([]crm.RoleKind{crm.RoleMentor}, "salary talk")
	update(t, st, func(tx *Tx) error { return tx.AddRole(ana, crm.RoleCoach, crmtest.Date("2026-04-02")) })
	due([]crm.RoleKind{crm.RoleCoach, crm.RoleMentor}, "salary talk")
	update(t, st, func(tx *Tx) error { return tx.EndRole(ana, crm.RoleMentor, crmtest.Date("2026-04-03")) })
	due([]crm.RoleKind{crm.RoleCoach}, "salary talk")
	update(t, st, func(tx *Tx) error { return tx.DeleteInteraction(later) })
	due([]crm.RoleKind{crm.RoleCoach}, "career plan")
}

// A write that reads what it just changed, in its own transaction, reads
// the dates as they now are.
func TestAWriteReadsTheDatesItChanged(t *testing.T) {
	st := openTemp(t, "2026-06-01")
	ana := addContact(t, st, crm.Contact{Name: "Ana", AddedOn: crmtest.Date("2026-01-01")}, crm.RoleCoach)
	update(t, st, func(tx *Tx) error {
		if _, err := tx.ContactSummary(ana); err != nil {
			return err
		}
		if err := tx.LogInteraction(&crm.Interaction{Date: crmtest.Date("2026-05-20"), Kind: crm.KindCall,
			Participants: []crm.Participant{{ContactID: ana}}}); err != nil {
			return err
		}
		s, err := tx.ContactSummary(ana)
		if s.LastContact.String() != "2026-05-20" || s.NextDue.String() != "2026-06-03" {
			t.Errorf("read in the write: last %s next %s", s.LastContact, s.NextDue)
		}
		return err
	})
}
